// The simulator on its own, over HTTP: ClickSign's JSON:API rules, activation checks, the signing page
// (token, iframe messages), pre-signed file links, deadlines, webhook retries and persistence.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@medpay/runtime/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClickSignSimulator, type ClickSignSimulator } from './simulator.js';

const TOKEN = 'sim-access-token';
const SECRET = 'sim-webhook-secret';
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const JSON_API = 'application/vnd.api+json';

let simulator: ClickSignSimulator;
let hook: Server;
let hookUrl = '';
/** how many of the next deliveries the webhook endpoint answers with 500 */
let failDeliveries = 0;
const received: Array<{ headers: IncomingHttpHeaders; body: any }> = [];

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { authorization: TOKEN, 'content-type': JSON_API }, target = () => simulator.url) {
  const response = await fetch(target() + path, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // HTML or bytes
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A running envelope built through the API, as an integration would. */
async function runningEnvelope(options: { signers?: Array<{ name: string; email: string; group?: number }>; deadlineAt?: string; target?: () => string } = {}) {
  const target = options.target ?? (() => simulator.url);
  const api = (method: string, path: string, body?: unknown) => call(method, path, body, undefined, target);
  const envelope = await api('POST', '/api/v3/envelopes', { data: { type: 'envelopes', attributes: { name: 'Contrato <teste> & cia', ...(options.deadlineAt ? { deadline_at: options.deadlineAt } : {}) } } });
  expect(envelope.status).toBe(201);
  const id = envelope.body.data.id as string;
  const document = await api('POST', `/api/v3/envelopes/${id}/documents`, { data: { type: 'documents', attributes: { filename: 'contrato.pdf', content_base64: `data:application/pdf;base64,${PDF.toString('base64')}`, metadata: { envelope_id: id } } } });
  expect(document.status).toBe(201);
  const signerIds: string[] = [];
  for (const signer of options.signers ?? [{ name: 'Maria da Silva', email: 'maria@example.com' }]) {
    const created = await api('POST', `/api/v3/envelopes/${id}/signers`, { data: { type: 'signers', attributes: { ...signer, documentation: '52998224725', refusable: true } } });
    expect(created.status).toBe(201);
    signerIds.push(created.body.data.id);
    for (const attributes of [{ action: 'agree', role: 'sign' }, { action: 'provide_evidence', auth: 'email' }]) {
      const relationships = { document: { data: { type: 'documents', id: document.body.data.id } }, signer: { data: { type: 'signers', id: created.body.data.id } } };
      expect((await api('POST', `/api/v3/envelopes/${id}/requirements`, { data: { type: 'requirements', attributes, relationships } })).status).toBe(201);
    }
  }
  const activated = await api('PATCH', `/api/v3/envelopes/${id}`, { data: { id, type: 'envelopes', attributes: { status: 'running' } } });
  expect(activated.status).toBe(200);
  return { id, documentId: document.body.data.id as string, signerIds };
}

const form = (fields: Record<string, string>) => ({ body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

beforeAll(async () => {
  hook = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (failDeliveries > 0) {
      failDeliveries -= 1;
      return res.writeHead(500).end();
    }
    received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  simulator = await startClickSignSimulator({ port: 0, accessToken: TOKEN, webhookSecret: SECRET, webhookUrl: hookUrl, webhookRetryBaseMs: 5, webhookMaxAttempts: 4 });
});

afterAll(async () => {
  await simulator?.close();
  hook?.closeAllConnections();
  await new Promise((resolve) => hook?.close(resolve));
});

describe('API rules', () => {
  it('needs the access token, bare or as a bearer', async () => {
    const none = await call('GET', '/api/v3/envelopes', undefined, {});
    expect(none.status).toBe(401);
    expect(none.body.errors[0]).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await call('GET', '/api/v3/envelopes', undefined, { authorization: 'wrong' })).status).toBe(401);
    expect((await call('GET', '/api/v3/envelopes', undefined, { authorization: TOKEN })).status).toBe(200);
    const bearer = await call('GET', '/api/v3/envelopes', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(bearer.status).toBe(200);
    expect(bearer.headers.get('content-type')).toContain(JSON_API);
  });

  it('takes bodies only as JSON:API', async () => {
    const plain = await call('POST', '/api/v3/envelopes', { data: { type: 'envelopes', attributes: { name: 'x' } } }, { authorization: TOKEN, 'content-type': 'application/json' });
    expect(plain.status).toBe(415);
  });

  it('refuses to activate an envelope without a document, a signer and their requirements', async () => {
    const created = await call('POST', '/api/v3/envelopes', { data: { type: 'envelopes', attributes: { name: 'Incompleto' } } });
    const id = created.body.data.id;
    expect(created.body.data.attributes).toMatchObject({ status: 'draft', auto_close: true, locale: 'pt-BR', block_after_refusal: true });
    const activation = await call('PATCH', `/api/v3/envelopes/${id}`, { data: { id, type: 'envelopes', attributes: { status: 'running' } } });
    expect(activation.status).toBe(422);
    expect(activation.body.errors[0].detail).toMatch(/no document.*no signer/);

    await call('POST', `/api/v3/envelopes/${id}/documents`, { data: { type: 'documents', attributes: { filename: 'a.pdf', content_base64: `data:application/pdf;base64,${PDF.toString('base64')}` } } });
    const signer = await call('POST', `/api/v3/envelopes/${id}/signers`, { data: { type: 'signers', attributes: { name: 'João Souza', email: 'joao@example.com' } } });
    const stillMissing = await call('PATCH', `/api/v3/envelopes/${id}`, { data: { type: 'envelopes', attributes: { status: 'running' } } });
    expect(stillMissing.status).toBe(422);
    expect(stillMissing.body.errors[0].detail).toContain(`signer ${signer.body.data.id} has no qualification requirement`);
    expect((await call('POST', `/api/v3/envelopes/${id}/notifications`, {})).status).toBe(422);
  });

  it('validates signers and documents as ClickSign does', async () => {
    const id = (await call('POST', '/api/v3/envelopes', { data: { type: 'envelopes', attributes: { name: 'Validações' } } })).body.data.id;
    const signer = (attributes: object) => call('POST', `/api/v3/envelopes/${id}/signers`, { data: { type: 'signers', attributes } });
    expect((await signer({ name: 'Maria', email: 'maria@example.com' })).status).toBe(400);
    expect((await signer({ name: 'Maria da Silva', email: 'maria@example.com', documentation: '111.111.111-11' })).status).toBe(400);
    expect((await signer({ name: 'Maria da Silva' })).status).toBe(400);
    const created = await signer({ name: 'Maria da Silva', email: 'maria@example.com', documentation: '52998224725' });
    expect(created.body.data.attributes.documentation).toBe('529.982.247-25');
    const notPdf = await call('POST', `/api/v3/envelopes/${id}/documents`, { data: { type: 'documents', attributes: { filename: 'a.pdf', content_base64: `data:application/pdf;base64,${Buffer.from('hello').toString('base64')}` } } });
    expect(notPdf.status).toBe(422);
    expect(notPdf.body.errors[0].code).toBe('INVALID_PDF');
  });

  it('lets only the signers of the current group sign', async () => {
    const envelope = await runningEnvelope({ signers: [{ name: 'Clínica Responsável', email: 'rep@example.com', group: 1 }, { name: 'Plataforma MedPay', email: 'ops@example.com', group: 2 }] });
    const early = await call('POST', `/_sim/signers/${envelope.signerIds[1]}/sign`, undefined, {});
    expect(early.status).toBe(422);
    expect(early.body.errors[0].code).toBe('NOT_YOUR_TURN');
  });
});

describe('the signing page', () => {
  it('shows the envelope and the simulated token, works in an iframe, and refuses a wrong token', async () => {
    const envelope = await runningEnvelope();
    const signerId = envelope.signerIds[0]!;
    const token = simulator.state.signers.get(signerId)!.token!;
    const page = await call('GET', `/sign/${signerId}`, undefined, {});
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.body).toContain('<html lang="pt-BR">');
    expect(page.body).toContain('Contrato &lt;teste&gt; &amp; cia');
    expect(page.body).toContain('Ambiente de simulação');
    expect(page.body).toContain(`data-testid="sim-token">${token}</code>`);
    expect(page.body).toContain('m***@example.com');
    expect(page.body).toMatch(/value="sign">Assinar</);
    expect(page.body).toMatch(/value="refuse"[^>]*>Recusar</);

    const pdf = await fetch(`${simulator.url}/sign/${signerId}/documents/${envelope.documentId}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).equals(PDF)).toBe(true);

    const wrong = String((Number(token) + 1) % 1_000_000).padStart(6, '0');
    const refused = await fetch(`${simulator.url}/sign/${signerId}`, { method: 'POST', ...form({ action: 'sign', token: wrong }) });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Código inválido');
    expect(simulator.state.signers.get(signerId)!.status).toBe('pending');

    const signed = await fetch(`${simulator.url}/sign/${signerId}`, { method: 'POST', ...form({ action: 'sign', token }) });
    expect(signed.status).toBe(200);
    expect(await signed.text()).toContain(`window.parent.postMessage({"type":"clicksign:signed","envelopeId":"${envelope.id}"}, '*')`);
    expect(simulator.state.signers.get(signerId)!.status).toBe('signed');
    expect(simulator.state.envelope(envelope.id).status).toBe('closed');
    expect((await call('GET', `/sign/${signerId}`, undefined, {})).body).toContain('Você já assinou');
  });

  it('records a refusal and tells the embedding page', async () => {
    const envelope = await runningEnvelope();
    const refused = await fetch(`${simulator.url}/sign/${envelope.signerIds[0]}`, { method: 'POST', ...form({ action: 'refuse', reason: 'Não reconheço esta compra' }) });
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain(`{"type":"clicksign:refused","envelopeId":"${envelope.id}"}`);
    expect(simulator.state.signers.get(envelope.signerIds[0]!)).toMatchObject({ status: 'refused', refusalReason: 'Não reconheço esta compra' });
    expect(simulator.state.envelope(envelope.id).status).toBe('canceled');
    const refusal = await eventually(() => received.find((delivery) => delivery.body.document.metadata.envelope_id === envelope.id), Boolean, 'the refusal webhook', 5000);
    expect(refusal!.body.event).toMatchObject({ name: 'refusal', data: { refusal: { comment: 'Não reconheço esta compra' } } });
  });
});

describe('files, deadlines and webhooks', () => {
  it('hands out short-lived pre-signed links, and the signed one only after close', async () => {
    const envelope = await runningEnvelope();
    const read = async () => (await call('GET', `/api/v3/envelopes/${envelope.id}/documents/${envelope.documentId}`)).body.data.links.files;
    const before = await read();
    expect(before.signed).toBeNull();
    expect((await fetch(before.original)).status).toBe(200);
    const tampered = before.original.replace(/.$/, (last: string) => (last === '0' ? '1' : '0'));
    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(before.original.replace('/original?', '/signed?'))).status).toBe(403);

    await call('POST', `/_sim/signers/${envelope.signerIds[0]}/sign`, undefined, {});
    const after = await read();
    const signed = await fetch(after.signed);
    expect(signed.status).toBe(200);
    expect(Buffer.from(await signed.arrayBuffer()).equals(PDF)).toBe(true);

    await call('POST', '/_sim/clock', { advanceSeconds: 301 }, { 'content-type': 'application/json' });
    const expired = await call('GET', new URL(after.signed).pathname + new URL(after.signed).search, undefined, {});
    expect(expired.status).toBe(403);
    expect(expired.body.errors[0].code).toBe('LINK_EXPIRED');
  });

  it('closes an envelope with a signature at its deadline, as ClickSign documents', async () => {
    const envelope = await runningEnvelope({ signers: [{ name: 'Maria da Silva', email: 'maria@example.com' }, { name: 'João Souza', email: 'joao@example.com' }] });
    await call('POST', `/_sim/signers/${envelope.signerIds[0]}/sign`, undefined, {});
    expect((await call('POST', `/_sim/envelopes/${envelope.id}/expire`, undefined, {})).body.status).toBe('closed');
    const events = await eventually(() => received.filter((delivery) => delivery.body.document.metadata.envelope_id === envelope.id), (list) => list.length >= 2, 'two webhooks', 5000);
    expect(events.map((delivery) => delivery.body.event.name)).toEqual(['sign', 'deadline']);
    expect(events[1]!.body.event.data.reached_at).toMatch(/-03:00$/);
    expect(events[1]!.body.document).toMatchObject({ status: 'closed', key: envelope.documentId, filename: 'contrato.pdf' });
  });

  it('retries a webhook the endpoint failed, with backoff, until it is delivered', async () => {
    const envelope = await runningEnvelope();
    failDeliveries = 2;
    await call('POST', `/_sim/signers/${envelope.signerIds[0]}/refuse`, undefined, {});
    await simulator.webhooks.idle();
    const attempts = simulator.webhooks.attempts.filter((attempt) => attempt.subject === envelope.id);
    expect(attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
    expect(received.filter((delivery) => delivery.body.document.metadata.envelope_id === envelope.id)).toHaveLength(1);
  });
});

describe('persistence', () => {
  it('keeps envelopes across a restart, and expires at start a deadline that passed while it was down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clicksign-sim-'));
    const stateFile = join(dir, 'state.json');
    const options = { port: 0, accessToken: TOKEN, webhookSecret: SECRET, webhookUrl: hookUrl, webhookRetryBaseMs: 5, stateFile };
    let first: ClickSignSimulator | undefined = await startClickSignSimulator(options);
    let second: ClickSignSimulator | undefined;
    try {
      const target = () => first!.url;
      const kept = await runningEnvelope({ target });
      const soon = await runningEnvelope({ target, deadlineAt: new Date(Date.now() + 800).toISOString() });
      const token = first.state.signers.get(kept.signerIds[0]!)!.token;
      await first.close();
      first = undefined;
      await new Promise((resolve) => setTimeout(resolve, 1000));

      second = await startClickSignSimulator(options);
      const url = second.url;
      const again = await call('GET', `/api/v3/envelopes/${kept.id}`, undefined, undefined, () => url);
      expect(again.body.data.attributes.status).toBe('running');
      expect(second.state.signers.get(kept.signerIds[0]!)!.token).toBe(token);
      expect(second.state.envelope(soon.id).status).toBe('canceled');
      await eventually(() => received.some((delivery) => delivery.body.document.metadata.envelope_id === soon.id && delivery.body.event.name === 'deadline'), Boolean, 'the deadline webhook', 5000);
      expect((await call('POST', `/_sim/signers/${kept.signerIds[0]}/sign`, { token }, { 'content-type': 'application/json' }, () => url)).body.envelopeStatus).toBe('closed');
    } finally {
      await first?.close();
      await second?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
