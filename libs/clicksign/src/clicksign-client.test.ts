// The adapter against the ClickSign simulator over real HTTP: a signature request from draft to
// running, signing and refusing, deadlines, webhooks (signed, duplicated, reordered), the signed copy,
// and what a flaky provider does to retries.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startClickSignSimulator, type ClickSignSimulator } from '@medpay/clicksign-simulator';
import { eventually } from '@medpay/runtime/testing';
import { createHash, createHmac } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ClickSignClient,
  InvalidSignatureRequestError,
  SignatureAlreadyCompletedError,
  SignatureRequestClosedError,
  SignedDocumentNotReadyError,
  WebhookSignatureError,
  type SignatureEvent,
  type SignatureRequest,
} from './index.js';

const ACCESS_TOKEN = 'access-token-for-tests';
const WEBHOOK_SECRET = 'webhook-secret-for-tests';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let simulator: ClickSignSimulator;
let hook: Server;
let client: ClickSignClient;
const deliveries: Array<{ headers: IncomingHttpHeaders; raw: Buffer }> = [];
let sequence = 0;

const clientFor = (baseUrl: string, overrides: Partial<ConstructorParameters<typeof ClickSignClient>[0]> = {}) =>
  new ClickSignClient({ baseUrl, accessToken: ACCESS_TOKEN, webhookSecret: WEBHOOK_SECRET, signingBaseUrl: simulator.url, timeoutMs: 1000, retries: 3, retryBaseDelayMs: 10, retryMaxDelayMs: 50, circuitBreaker: { failureThreshold: 100 }, ...overrides });

function signatureRequest(overrides: Partial<SignatureRequest> = {}): SignatureRequest {
  sequence += 1;
  return {
    name: 'Contrato de crediário',
    externalReference: `PAY-${Date.now()}-${sequence}`,
    deadlineAt: new Date(Date.now() + 48 * 3_600_000),
    document: { filename: 'contrato.pdf', pdf: PDF },
    signers: [{ name: 'Maria da Silva', email: `maria${sequence}@example.com`, phone: '+55 11 98765-4321', cpf: '529.982.247-25', birthday: '1990-05-17', auth: 'email', notify: true }],
    ...overrides,
  };
}

async function sim(method: string, path: string, body?: unknown) {
  const response = await fetch(simulator.url + path, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** What the webhook endpoint received for one envelope, verified and mapped, in arrival order. */
function eventsOf(envelopeId: string): SignatureEvent[] {
  return deliveries.map((delivery) => client.parseWebhook(delivery.raw, delivery.headers)).filter((event): event is SignatureEvent => event.name !== 'ignored' && event.envelopeId === envelopeId);
}

const waitForEvents = (envelopeId: string, count: number) => eventually(() => eventsOf(envelopeId), (events) => events.length >= count, `${count} webhooks of ${envelopeId}`, 5000);

async function signAs(signerId: string) {
  const signer = await sim('GET', `/_sim/signers/${signerId}`);
  const signed = await sim('POST', `/_sim/signers/${signerId}/sign`, { token: signer.body.token });
  expect(signed.status).toBe(200);
  return signed.body;
}

beforeAll(async () => {
  hook = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    deliveries.push({ headers: req.headers, raw: Buffer.concat(chunks) });
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  simulator = await startClickSignSimulator({
    port: 0,
    accessToken: ACCESS_TOKEN,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/webhooks/clicksign`,
    webhookRetryBaseMs: 5,
    webhookMaxAttempts: 5,
  });
  client = clientFor(simulator.url);
});

beforeEach(async () => {
  await sim('DELETE', '/_sim/faults');
});

afterAll(async () => {
  await simulator?.close();
  hook?.closeAllConnections();
  await new Promise((resolve) => hook?.close(resolve));
});

describe('requestSignature', () => {
  it('takes the document from draft to running, with both requirements per signer, and notifies', async () => {
    const request = signatureRequest();
    const requested = await client.requestSignature(request);

    expect(requested.status).toBe('pending');
    expect(requested.signers).toEqual([{ signerId: expect.any(String), name: 'Maria da Silva', email: request.signers[0]!.email, signingUrl: `${simulator.url}/sign/${requested.signers[0]!.signerId}` }]);
    const envelope = await client.envelope(requested.envelopeId);
    expect(envelope).toMatchObject({ name: 'Contrato de crediário (' + request.externalReference + ')', status: 'pending', documents: [{ documentId: requested.documentId, filename: 'contrato.pdf', externalReference: request.externalReference }] });

    const held = simulator.state.requirementsOf(requested.envelopeId).map(({ action, role, auth, signerId, documentId }) => ({ action, role, auth, signerId, documentId }));
    const signerId = requested.signers[0]!.signerId;
    expect(held).toEqual(
      expect.arrayContaining([
        { action: 'agree', role: 'sign', auth: null, signerId, documentId: requested.documentId },
        { action: 'provide_evidence', role: null, auth: 'email', signerId, documentId: requested.documentId },
      ]),
    );
    expect(simulator.state.signers.get(signerId)).toMatchObject({ documentation: '529.982.247-25', phoneNumber: '11987654321', birthday: '1990-05-17' });
    const messages = (await sim('GET', `/_sim/messages?envelopeId=${requested.envelopeId}`)).body.messages as Array<Record<string, string>>;
    expect(messages.map((message) => [message.kind, message.channel, message.to])).toEqual([
      ['token', 'email', request.signers[0]!.email],
      ['signature_request', 'email', request.signers[0]!.email],
    ]);
  });

  it('sends no signature request to a signer who signs embedded in our app, but still sends the token by the chosen channel', async () => {
    const request = signatureRequest();
    request.signers[0] = { ...request.signers[0]!, auth: 'whatsapp', notify: false };
    const requested = await client.requestSignature(request);
    const messages = (await sim('GET', `/_sim/messages?envelopeId=${requested.envelopeId}`)).body.messages as Array<Record<string, string>>;
    expect(messages.map((message) => [message.kind, message.channel, message.to])).toEqual([['token', 'whatsapp', '11987654321']]);
  });

  it('returns the same envelope when asked again for the same reference', async () => {
    const request = signatureRequest();
    const first = await client.requestSignature(request);
    const second = await client.requestSignature(request);
    expect(second).toEqual(first);
    expect([...simulator.state.envelopes.values()].filter((envelope) => envelope.name.includes(request.externalReference))).toHaveLength(1);
  });

  it('refuses an invalid request before calling ClickSign', async () => {
    const before = simulator.state.envelopes.size;
    const oneWord = signatureRequest();
    oneWord.signers[0] = { ...oneWord.signers[0]!, name: 'Maria' };
    await expect(client.requestSignature(oneWord)).rejects.toBeInstanceOf(InvalidSignatureRequestError);
    const smsWithoutPhone = signatureRequest();
    smsWithoutPhone.signers[0] = { name: 'Maria da Silva', email: 'maria@example.com', auth: 'sms', notify: true };
    await expect(client.requestSignature(smsWithoutPhone)).rejects.toThrow(/phone/);
    await expect(client.requestSignature(signatureRequest({ document: { filename: 'contrato.pdf', pdf: Buffer.from('not a pdf') } }))).rejects.toThrow(/PDF/);
    await expect(client.requestSignature(signatureRequest({ deadlineAt: new Date(Date.now() - 1000) }))).rejects.toThrow(/future/);
    expect(simulator.state.envelopes.size).toBe(before);
  });

  it('retries through 5xx answers and still creates one envelope', async () => {
    await sim('POST', '/_sim/faults', { failNext: 2 });
    const request = signatureRequest();
    const requested = await client.requestSignature(request);
    expect(requested.status).toBe('pending');
    expect((await sim('GET', '/_sim/faults')).body.failNext).toBe(0);
    expect([...simulator.state.envelopes.values()].filter((envelope) => envelope.name.includes(request.externalReference))).toHaveLength(1);
  });

  it('creates one envelope when the answer to its creation is lost', async () => {
    // A proxy that lets ClickSign create the envelope but never answers the first creation.
    let dropped = 0;
    const proxy = createServer((req, res) => {
      const upstream = httpRequest(simulator.url + req.url, { method: req.method, headers: req.headers }, (answer) => {
        if (req.method === 'POST' && req.url === '/api/v3/envelopes' && dropped === 0) {
          dropped += 1;
          answer.resume();
          return; // the client hears nothing and times out
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const flaky = clientFor(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, { timeoutMs: 300 });
      const request = signatureRequest();
      const requested = await flaky.requestSignature(request);
      expect(dropped).toBe(1);
      expect(requested.status).toBe('pending');
      expect([...simulator.state.envelopes.values()].filter((envelope) => envelope.name.includes(request.externalReference))).toHaveLength(1);
      expect(simulator.state.documentsOf(requested.envelopeId)).toHaveLength(1);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('signing and its webhooks', () => {
  it('sends sign then auto_close, signed with Content-Hmac, and the envelope completes', async () => {
    const request = signatureRequest();
    const requested = await client.requestSignature(request);
    const signerId = requested.signers[0]!.signerId;
    expect(await signAs(signerId)).toMatchObject({ status: 'signed', envelopeStatus: 'closed' });

    const events = await waitForEvents(requested.envelopeId, 2);
    expect(events.map((event) => [event.name, event.providerEvent, event.status])).toEqual([
      ['signed', 'sign', 'pending'],
      ['closed', 'auto_close', 'completed'],
    ]);
    expect(events[0]).toMatchObject({ envelopeId: requested.envelopeId, documentId: requested.documentId, signerId, externalReference: request.externalReference });
    expect(events[0]!.occurredAt.getTime()).toBeLessThan(events[1]!.occurredAt.getTime());
    const delivery = deliveries.find((candidate) => candidate.raw.includes(requested.envelopeId))!;
    // ClickSign's scheme, computed independently of the adapter: HMAC-SHA256 of the raw body, hex.
    expect(delivery.headers['content-hmac']).toBe(`sha256=${createHmac('sha256', WEBHOOK_SECRET).update(delivery.raw).digest('hex')}`);
    expect(delivery.headers.event).toBe('sign');
    expect((await client.envelope(requested.envelopeId)).status).toBe('completed');
  });

  it('refuses a webhook whose body was altered or signed with another secret', async () => {
    const requested = await client.requestSignature(signatureRequest());
    await signAs(requested.signers[0]!.signerId);
    await waitForEvents(requested.envelopeId, 1);
    const delivery = deliveries.find((candidate) => candidate.raw.includes(requested.envelopeId))!;

    const altered = Buffer.from(delivery.raw.toString('utf8').replace('"sign"', '"cancel"'));
    expect(() => client.parseWebhook(altered, delivery.headers)).toThrow(WebhookSignatureError);
    const otherSecret = new ClickSignClient({ baseUrl: simulator.url, accessToken: ACCESS_TOKEN, webhookSecret: 'someone-else' });
    expect(() => otherSecret.parseWebhook(delivery.raw, delivery.headers)).toThrow(WebhookSignatureError);
    const { 'content-hmac': _, ...unsigned } = delivery.headers;
    expect(() => client.parseWebhook(delivery.raw, unsigned)).toThrow(WebhookSignatureError);
  });

  it('a refusal cancels the envelope, and the reference cannot be signed again', async () => {
    const request = signatureRequest();
    const requested = await client.requestSignature(request);
    const signerId = requested.signers[0]!.signerId;
    expect((await sim('POST', `/_sim/signers/${signerId}/refuse`, { reason: 'Valor da parcela diferente do combinado' })).body).toMatchObject({ status: 'refused', envelopeStatus: 'canceled' });

    const [refusal] = await waitForEvents(requested.envelopeId, 1);
    expect(refusal).toMatchObject({ name: 'refused', providerEvent: 'refusal', signerId, status: 'canceled' });
    expect((await client.envelope(requested.envelopeId)).status).toBe('canceled');
    await expect(client.requestSignature(request)).rejects.toBeInstanceOf(SignatureRequestClosedError);
  });

  it('an unsigned envelope expires at its deadline (simulated clock)', async () => {
    const requested = await client.requestSignature(signatureRequest({ deadlineAt: new Date(Date.now() + 3_600_000) }));
    const moved = await sim('POST', '/_sim/clock', { advanceSeconds: 3601 });
    expect(moved.body.expired).toContain(requested.envelopeId);

    const [expired] = await waitForEvents(requested.envelopeId, 1);
    expect(expired).toMatchObject({ name: 'expired', providerEvent: 'deadline', status: 'canceled', signerId: null });
    expect((await client.envelope(requested.envelopeId)).status).toBe('canceled');
  });

  it('expires on demand through the control', async () => {
    const requested = await client.requestSignature(signatureRequest());
    expect((await sim('POST', `/_sim/envelopes/${requested.envelopeId}/expire`)).body.status).toBe('canceled');
    const [expired] = await waitForEvents(requested.envelopeId, 1);
    expect(expired!.name).toBe('expired');
  });

  it('duplicated webhooks carry the same id, so a consumer keeps one of each', async () => {
    await sim('POST', '/_sim/faults', { duplicateWebhooks: true });
    const requested = await client.requestSignature(signatureRequest());
    await signAs(requested.signers[0]!.signerId);

    const events = await waitForEvents(requested.envelopeId, 4);
    expect(events.map((event) => event.name)).toEqual(['signed', 'signed', 'closed', 'closed']);
    expect(new Set(events.map((event) => event.id)).size).toBe(2);
  });

  it('reordered webhooks are put back in order by occurredAt', async () => {
    await sim('POST', '/_sim/faults', { reorderWebhooks: true });
    const requested = await client.requestSignature(signatureRequest());
    await signAs(requested.signers[0]!.signerId);

    const arrived = await waitForEvents(requested.envelopeId, 2);
    expect(arrived.map((event) => event.name)).toEqual(['closed', 'signed']);
    const ordered = [...arrived].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    expect(ordered.map((event) => event.name)).toEqual(['signed', 'closed']);
  });

  it('cancels a running envelope once, and refuses to cancel a signed one (withdrawing leaves it be)', async () => {
    const running = await client.requestSignature(signatureRequest());
    expect((await client.cancel(running.envelopeId)).status).toBe('canceled');
    expect((await client.cancel(running.envelopeId)).status).toBe('canceled');
    const events = await waitForEvents(running.envelopeId, 1);
    expect(events.map((event) => event.name)).toEqual(['canceled']);

    const signed = await client.requestSignature(signatureRequest());
    await signAs(signed.signers[0]!.signerId);
    await expect(client.cancel(signed.envelopeId)).rejects.toBeInstanceOf(SignatureAlreadyCompletedError);
    // Withdrawing stops what may still be signed and leaves a signed one be.
    await expect(client.withdraw(signed.envelopeId)).resolves.toBeUndefined();
    await expect(client.withdraw(running.envelopeId)).resolves.toBeUndefined();
    expect((await client.envelope(signed.envelopeId)).status).toBe('completed');
    const another = await client.requestSignature(signatureRequest());
    await client.withdraw(another.envelopeId);
    expect((await client.envelope(another.envelopeId)).status).toBe('canceled');
  });
});

describe('signedDocument', () => {
  it('downloads the signed copy with its SHA-256 once the envelope closed', async () => {
    const requested = await client.requestSignature(signatureRequest());
    await expect(client.signedDocument(requested.envelopeId, requested.documentId)).rejects.toBeInstanceOf(SignedDocumentNotReadyError);
    await signAs(requested.signers[0]!.signerId);

    const signed = await client.signedDocument(requested.envelopeId, requested.documentId);
    expect(signed.filename).toBe('contrato.pdf');
    // The simulator's signed copy is the uploaded bytes unchanged (see its README).
    expect(signed.pdf.equals(PDF)).toBe(true);
    expect(signed.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
  });
});
