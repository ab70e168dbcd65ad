// Test and development controls under /_sim (no auth, no faults): time (a charge's expiry, a TED's
// business day), chargebacks, fault injection, webhook configuration and the delivery log, and the
// whole state for assertions and reconciliation.
import { randomUUID } from 'node:crypto';
import { basicAuthSigner, faultRoutes, json, noFaults, notFound, parseJson, SimError, type Route, type WebhookTarget } from '@medpay/simulation';
import type { SimulatorContext } from './context.js';
import { closeCharge } from './pix-routes.js';
import { settleTed } from './transfer-routes.js';
import { simChargebackRequest, webhookConfigRequest } from './request-schemas.js';
import { chargebackDebited } from './webhook-payloads.js';

export function controlRoutes(context: SimulatorContext, target: WebhookTarget): Route[] {
  const { state, webhooks } = context;
  return [
    { method: 'GET', pattern: '/_sim/health', handler: () => json(200, { status: 'ok' }) },
    {
      method: 'POST',
      pattern: '/_sim/charges/:transactionId/expire',
      handler: (request) => {
        const id = request.params.transactionId!;
        const charge = state.pixCharges.get(id) ?? state.boletos.get(id);
        if (!charge) throw notFound(`Charge ${id}`);
        if (charge.status !== 'ACTIVE') throw new SimError(409, 'NOT_ACTIVE', `Charge ${id} is ${charge.status}`);
        closeCharge(context, charge, 'expired');
        return json(200, { transactionId: id, status: charge.status });
      },
    },
    {
      // The cardholder's bank contests a card charge: the acquirer debits the account at once and says so.
      method: 'POST',
      pattern: '/_sim/card/:transactionId/chargeback',
      handler: (request) => {
        const id = request.params.transactionId!;
        const body = parseJson(simChargebackRequest, request);
        const charge = state.cardCharges.get(id);
        if (!charge) throw notFound(`Card charge ${id}`);
        if (charge.status !== 'APPROVED') throw new SimError(422, 'NOT_PAID', `Card charge ${id} was declined`);
        if (state.chargebacks.has(id)) throw new SimError(409, 'ALREADY_CHARGED_BACK', `Card charge ${id} was already charged back`);
        const left = charge.amountCentavos - state.refundedCentavos(id);
        const amountCentavos = body.amount ?? left;
        if (amountCentavos <= 0 || amountCentavos > left) throw new SimError(422, 'CHARGEBACK_EXCEEDS_AVAILABLE', `Cannot charge back ${amountCentavos} centavos: ${left} is left of the charge`);
        const now = new Date();
        const chargeback = { chargebackId: randomUUID(), originalTransactionId: id, amountCentavos, reasonCode: body.reasonCode ?? '10.4', reason: body.reason ?? 'Other Fraud - Card-Absent Environment', createdAt: now.toISOString() };
        state.chargebacks.set(id, chargeback);
        webhooks.send('card-chargeback', id, chargebackDebited(chargeback, now));
        return json(201, chargeback);
      },
    },
    {
      // The business day of TEDs scheduled after the cut-off comes now: each settles (or is returned).
      method: 'POST',
      pattern: '/_sim/ted/settle',
      handler: () => {
        const waiting = [...state.teds.values()].filter((ted) => ted.status === 'PROCESSING');
        for (const ted of waiting) settleTed(context, ted);
        return json(200, { settled: waiting.map((ted) => ted.transactionId) });
      },
    },
    ...faultRoutes(context.faults, webhooks),
    { method: 'GET', pattern: '/_sim/webhooks', handler: () => json(200, { target: { url: target.url ?? null }, messages: webhooks.messages, attempts: webhooks.attempts }) },
    {
      method: 'PUT',
      pattern: '/_sim/webhook',
      handler: (request) => {
        const body = parseJson(webhookConfigRequest, request);
        target.url = body.url ?? undefined;
        if (body.username !== undefined && body.password !== undefined) target.sign = basicAuthSigner(body.username, body.password);
        else delete target.sign;
        return json(200, { url: target.url ?? null, basicAuth: Boolean(target.sign) });
      },
    },
    { method: 'GET', pattern: '/_sim/state', handler: () => json(200, state.snapshot()) },
    {
      method: 'POST',
      pattern: '/_sim/reset',
      handler: () => {
        state.reset();
        webhooks.reset();
        Object.assign(context.faults, noFaults());
        return json(200, { reset: true });
      },
    },
  ];
}
