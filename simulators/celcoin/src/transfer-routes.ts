// Money going out: PIX payouts to a key, TEDs to a bank account, and refunds (PIX reversals and card
// refunds). They answer PROCESSING at once and settle with a webhook, as Celcoin's do: PIX and refunds
// a moment later, a TED on its business day (ted-calendar.ts).
import { randomUUID } from 'node:crypto';
import { centavosToDecimal } from '@medpay/br-rails';
import { json, notFound, parseJson, SimError, type Route, type SimRequest } from '@medpay/simulation';
import { pixIdentifier, type SimulatorContext } from './context.js';
import { paymentRequest, reversalRequest, tedRequest } from './request-schemas.js';
import { assertSameRequest, remember, type PayoutRecord, type RefundRecord, type TedRecord } from './state.js';
import { tedSettlementDay, windowOpens } from './ted-calendar.js';
import { CELCOIN_ISPB, payoutSettled, refundSettled, tedSettled } from './webhook-payloads.js';

/** Payouts to a key containing this text fail, to exercise PAYOUT_FAILED. */
const FAILING_KEY_MARK = 'fail';
/** TEDs to an account starting with this are returned by the receiving bank (no such account). */
const RETURNED_ACCOUNT_PREFIX = '999';

function describeTed(ted: TedRecord) {
  return {
    transactionId: ted.transactionId,
    clientCode: ted.clientCode,
    status: ted.status,
    amount: Number(centavosToDecimal(ted.amountCentavos)),
    settlesOn: ted.settlesOn,
    ...(ted.error ? { error: ted.error } : {}),
    createdAt: ted.createdAt,
  };
}

/** A TED reaches its business day: confirmed, or returned by the receiving bank. */
export function settleTed(context: SimulatorContext, ted: TedRecord) {
  if (ted.status !== 'PROCESSING') return;
  if (ted.creditParty.account.startsWith(RETURNED_ACCOUNT_PREFIX)) {
    ted.status = 'ERROR';
    ted.error = { errorCode: 'CONTA_INEXISTENTE', message: 'TED devolvida pelo banco recebedor: conta inexistente' };
  } else {
    ted.status = 'CONFIRMED';
  }
  ted.settledAt = new Date().toISOString();
  context.webhooks.send('spb-transfer-out', ted.transactionId, tedSettled(ted, new Date()));
}

function describePayout(payout: PayoutRecord) {
  return {
    transactionId: payout.transactionId,
    clientRequestId: payout.clientRequestId,
    status: payout.status,
    amount: Number(centavosToDecimal(payout.amountCentavos)),
    endToEndId: payout.endToEndId,
    creditParty: { key: payout.key },
    ...(payout.error ? { error: payout.error } : {}),
    createdAt: payout.createdAt,
  };
}

function describeRefund(refund: RefundRecord) {
  return {
    transactionId: refund.transactionId,
    clientRequestId: refund.clientRequestId,
    originalTransactionId: refund.originalTransactionId,
    status: refund.status,
    amount: Number(centavosToDecimal(refund.amountCentavos)),
    returnIdentification: refund.returnIdentification,
    createdAt: refund.createdAt,
  };
}

export function transferRoutes(context: SimulatorContext): Route[] {
  const { state } = context;

  const refund = (method: 'pix' | 'card', request: SimRequest) => {
    const body = parseJson(reversalRequest, request);
    const originalTransactionId = request.params.transactionId!;
    const existing = state.refundByClientRequestId(body.clientRequestId);
    if (existing) {
      assertSameRequest(existing, { ...body, originalTransactionId }, 'clientRequestId', body.clientRequestId);
      return json(200, describeRefund(existing));
    }
    let paidCentavos: number;
    if (method === 'pix') {
      const charge = state.pixCharges.get(originalTransactionId);
      if (!charge) throw notFound(`PIX charge ${originalTransactionId}`);
      if (charge.status !== 'CONCLUDED') throw new SimError(422, 'NOT_PAID', `Charge ${originalTransactionId} is not paid (${charge.status})`);
      paidCentavos = charge.paidCentavos;
    } else {
      const charge = state.cardCharges.get(originalTransactionId);
      if (!charge) throw notFound(`Card charge ${originalTransactionId}`);
      if (charge.status !== 'APPROVED') throw new SimError(422, 'NOT_PAID', `Card charge ${originalTransactionId} was declined`);
      if (state.chargebacks.has(originalTransactionId)) throw new SimError(422, 'CHARGED_BACK', `Card charge ${originalTransactionId} was charged back: the cardholder's bank already returned the money`);
      paidCentavos = charge.amountCentavos;
    }
    const available = paidCentavos - state.refundedCentavos(originalTransactionId);
    if (body.amount > available) {
      throw new SimError(422, 'REFUND_EXCEEDS_AVAILABLE', `Cannot refund ${centavosToDecimal(body.amount)}: ${centavosToDecimal(available)} of ${centavosToDecimal(paidCentavos)} is still refundable`);
    }
    const now = new Date();
    const record: RefundRecord = {
      ...remember({ ...body, originalTransactionId }),
      transactionId: randomUUID(),
      clientRequestId: body.clientRequestId,
      originalTransactionId,
      method,
      amountCentavos: body.amount,
      returnIdentification: pixIdentifier('D', CELCOIN_ISPB, now),
      status: 'PROCESSING',
      createdAt: now.toISOString(),
      ...(body.reason ? { reason: body.reason } : {}),
    };
    state.refunds.set(record.transactionId, record);
    context.later(context.settings.settlementDelayMs, () => {
      record.status = 'CONFIRMED';
      record.settledAt = new Date().toISOString();
      context.webhooks.send(method === 'pix' ? 'pix-reversal-out' : 'card-reversal-out', originalTransactionId, refundSettled(record, new Date()));
    });
    return json(202, describeRefund(record));
  };

  return [
    {
      method: 'POST',
      pattern: '/pix/v1/payment',
      api: true,
      authenticated: true,
      handler: (request) => {
        const body = parseJson(paymentRequest, request);
        const existing = state.payoutByClientRequestId(body.clientRequestId);
        if (existing) {
          assertSameRequest(existing, body, 'clientRequestId', body.clientRequestId);
          return json(200, describePayout(existing));
        }
        const now = new Date();
        const payout: PayoutRecord = {
          ...remember(body),
          transactionId: randomUUID(),
          clientRequestId: body.clientRequestId,
          amountCentavos: body.amount,
          key: body.creditParty.key,
          endToEndId: pixIdentifier('E', CELCOIN_ISPB, now),
          status: 'PROCESSING',
          createdAt: now.toISOString(),
        };
        state.payouts.set(payout.transactionId, payout);
        context.later(context.settings.settlementDelayMs, () => {
          if (payout.key.toLowerCase().includes(FAILING_KEY_MARK)) {
            payout.status = 'ERROR';
            payout.error = { errorCode: 'PIX_KEY_NOT_FOUND', message: `The PIX key ${payout.key} does not exist` };
          } else {
            payout.status = 'CONFIRMED';
          }
          payout.settledAt = new Date().toISOString();
          context.webhooks.send('pix-payment-out', payout.transactionId, payoutSettled(payout, new Date()));
        });
        return json(202, describePayout(payout));
      },
    },
    {
      method: 'GET',
      pattern: '/pix/v1/payment/:transactionId',
      api: true,
      authenticated: true,
      handler: (request) => {
        const payout = state.payouts.get(request.params.transactionId!);
        if (!payout) throw notFound(`Payment ${request.params.transactionId}`);
        return json(200, describePayout(payout));
      },
    },
    {
      method: 'POST',
      pattern: '/baas-wallet-transactions-webservice/v1/spb/transfer',
      api: true,
      authenticated: true,
      handler: (request) => {
        const body = parseJson(tedRequest, request);
        const existing = state.tedByClientCode(body.clientCode);
        if (existing) {
          assertSameRequest(existing, body, 'clientCode', body.clientCode);
          return json(200, describeTed(existing));
        }
        const now = new Date();
        const ted: TedRecord = {
          ...remember(body),
          transactionId: randomUUID(),
          clientCode: body.clientCode,
          amountCentavos: body.amount,
          creditParty: body.creditParty,
          status: 'PROCESSING',
          settlesOn: tedSettlementDay(now),
          createdAt: now.toISOString(),
        };
        state.teds.set(ted.transactionId, ted);
        // D+0: a moment later; otherwise when the window opens on its business day (or /_sim/ted/settle).
        context.later(Math.max(context.settings.settlementDelayMs, windowOpens(ted.settlesOn).getTime() - now.getTime()), () => settleTed(context, ted));
        return json(202, describeTed(ted));
      },
    },
    { method: 'POST', pattern: '/pix/v1/reversal/:transactionId', api: true, authenticated: true, handler: (request) => refund('pix', request) },
    { method: 'POST', pattern: '/card/v1/charge/:transactionId/refund', api: true, authenticated: true, handler: (request) => refund('card', request) },
  ];
}
