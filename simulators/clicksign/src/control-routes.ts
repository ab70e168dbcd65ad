// Test and demo controls under /_sim (no access token, no faults): sign or refuse as a signer would,
// read the tokens "sent" to signers, expire an envelope or move the clock past deadlines, fault
// injection, webhook configuration and delivery log, and the whole state.
import { faultRoutes, json, noFaults, notFound, parseJson, SimError, type Faults, type Route, type SimRequest, type WebhookDispatcher, type WebhookTarget } from '@medpay/simulation';
import { z } from 'zod';
import type { EnvelopeLifecycle } from './lifecycle.js';
import type { SimulatorState } from './state.js';

export interface ControlContext {
  state: SimulatorState;
  lifecycle: EnvelopeLifecycle;
  webhooks: WebhookDispatcher;
  faults: Faults;
  target: WebhookTarget;
  /** the secret Content-Hmac is computed with */
  webhookSecret: { value: string };
  /** after /_sim/reset: timers of the old state go */
  onReset: () => void;
}

const signRequest = z.strictObject({ token: z.string().optional() });
const refuseRequest = z.strictObject({ reason: z.string().max(500).optional() });
const clockRequest = z.strictObject({ advanceSeconds: z.number().int().min(0) });
const webhookRequest = z.strictObject({ url: z.url().nullable(), secret: z.string().min(1).optional() });

/** An empty body is an empty object (the controls' bodies are all optional). */
const optionalJson = <Schema extends z.ZodType>(schema: Schema, request: SimRequest) => parseJson(schema, request.body.length ? request : { ...request, body: Buffer.from('{}') });

export function controlRoutes(context: ControlContext): Route[] {
  const { state, lifecycle, webhooks, target } = context;
  const signer = (id: string) => {
    const found = state.signers.get(id);
    if (!found) throw notFound(`Signer ${id}`);
    return found;
  };

  return [
    { method: 'GET', pattern: '/_sim/health', handler: () => json(200, { status: 'ok' }) },
    { method: 'GET', pattern: '/_sim/state', handler: () => json(200, state.snapshot()) },
    {
      method: 'POST',
      pattern: '/_sim/reset',
      handler: () => {
        state.reset();
        webhooks.reset();
        Object.assign(context.faults, noFaults());
        context.onReset();
        return json(200, { reset: true });
      },
    },
    {
      method: 'GET',
      pattern: '/_sim/signers/:id',
      handler: (request) => {
        const found = signer(request.params.id!);
        return json(200, { ...found, signingUrl: lifecycle.signingUrl(found.id) });
      },
    },
    {
      // As the signer would on the signing page; with `token`, it must be the one sent.
      method: 'POST',
      pattern: '/_sim/signers/:id/sign',
      handler: (request) => {
        const found = signer(request.params.id!);
        const { token } = optionalJson(signRequest, request);
        if (token !== undefined && token !== found.token) throw new SimError(422, 'INVALID_TOKEN', 'The token is not the one sent to this signer');
        lifecycle.sign(found);
        return json(200, { signerId: found.id, status: found.status, envelopeStatus: state.envelope(found.envelopeId).status });
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/signers/:id/refuse',
      handler: (request) => {
        const found = signer(request.params.id!);
        lifecycle.refuse(found, optionalJson(refuseRequest, request).reason ?? 'Recusado pelo signatário');
        return json(200, { signerId: found.id, status: found.status, envelopeStatus: state.envelope(found.envelopeId).status });
      },
    },
    {
      method: 'GET',
      pattern: '/_sim/messages',
      handler: (request) => {
        const envelopeId = request.query.get('envelopeId');
        const signerId = request.query.get('signerId');
        return json(200, { messages: state.messages.filter((message) => (!envelopeId || message.envelopeId === envelopeId) && (!signerId || message.signerId === signerId)) });
      },
    },
    {
      // The deadline comes now, whatever deadline_at says.
      method: 'POST',
      pattern: '/_sim/envelopes/:id/expire',
      handler: (request) => {
        const envelope = state.envelope(request.params.id!);
        lifecycle.expire(envelope);
        return json(200, { envelopeId: envelope.id, status: envelope.status });
      },
    },
    { method: 'GET', pattern: '/_sim/clock', handler: () => json(200, { now: state.now().toISOString(), offsetSeconds: Math.round(state.clockOffsetMs / 1000) }) },
    {
      // Time passes: every running envelope whose deadline_at is now past expires.
      method: 'POST',
      pattern: '/_sim/clock',
      handler: (request) => {
        state.clockOffsetMs += parseJson(clockRequest, request).advanceSeconds * 1000;
        const expired = lifecycle.sweepDeadlines();
        return json(200, { now: state.now().toISOString(), offsetSeconds: Math.round(state.clockOffsetMs / 1000), expired });
      },
    },
    ...faultRoutes(context.faults, webhooks),
    { method: 'GET', pattern: '/_sim/webhooks', handler: () => json(200, { target: { url: target.url ?? null }, messages: webhooks.messages, attempts: webhooks.attempts }) },
    {
      method: 'PUT',
      pattern: '/_sim/webhook',
      handler: (request) => {
        const body = parseJson(webhookRequest, request);
        target.url = body.url ?? undefined;
        if (body.secret) context.webhookSecret.value = body.secret;
        return json(200, { url: target.url ?? null });
      },
    },
  ];
}
