// Money going out: PIX payouts to a key, and refunds (PIX reversals and card refunds). Both answer
// PROCESSING at once and settle a moment later with a webhook, as Celcoin's do.
import { randomUUID } from 'node:crypto';
import { centavosToDecimal } from '@medpay/br-rails';
import { pixIdentifier, type SimulatorContext } from './context.js';
import { json, notFound, parseJson, SimError, type Route, type SimRequest } from './http-router.js';
import { paymentRequest, reversalRequest } from './request-schemas.js';
import { assertSameRequest, remember, type PayoutRecord, type RefundRecord } from './state.js';
import { CELCOIN_ISPB, payoutSettled, refundSettled } from './webhook-payloads.js';

/** Payouts to a key containing this text fail, to exercise PAYOUT_FAILED. */
const FAILING_KEY_MARK = 'fail';

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
      bearer: true,
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
      bearer: true,
      handler: (request) => {
        const payout = state.payouts.get(request.params.transactionId!);
        if (!payout) throw notFound(`Payment ${request.params.transactionId}`);
        return json(200, describePayout(payout));
      },
    },
    { method: 'POST', pattern: '/pix/v1/reversal/:transactionId', api: true, bearer: true, handler: (request) => refund('pix', request) },
    { method: 'POST', pattern: '/card/v1/charge/:transactionId/refund', api: true, bearer: true, handler: (request) => refund('card', request) },
  ];
}
