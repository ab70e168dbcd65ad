// The Helena simulator on its own, over HTTP: the demo seed, API tokens, the appointments feed, the
// payment write-back's idempotency, webhook retries (signed anew each attempt), the rate limit, and state
// kept across a restart. (libs/practice-systems' adapter tests drive it end to end as well.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELENA_DEMO, startHelenaSimulator, type HelenaSimulator } from './simulator.js';

const SECRET = 'whsec_sim_test_0123456789';
let simulator: HelenaSimulator;
let hook: Server;
let hookUrl = '';
/** status the receiver answers next (then 200); every delivery seen */
let answers: number[] = [];
const received: Array<{ raw: string; headers: IncomingHttpHeaders }> = [];
/** the simulator's clock: each failed delivery moves it a minute on */
let clock = Date.now();

async function http(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, on = simulator) {
  const response = await fetch(on.url + path, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}
const api = (method: string, path: string, body?: unknown, on = simulator) => http(method, path, body, { authorization: `Bearer ${HELENA_DEMO.apiToken}` }, on);

beforeAll(async () => {
  hook = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
    const status = answers.shift() ?? 200;
    if (status >= 300) clock += 60_000;
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  simulator = await startHelenaSimulator({ port: 0, webhookUrl: hookUrl, webhookSecret: SECRET, webhookRetryBaseMs: 5, webhookMaxAttempts: 3, now: () => clock });
});
afterAll(async () => {
  await simulator?.close();
  await new Promise((resolve) => hook?.close(resolve));
});
beforeEach(async () => {
  await http('DELETE', '/_sim/faults');
  await http('PUT', '/_sim/webhook', { url: hookUrl });
  answers = [];
  received.length = 0;
});

describe('demo seed and API tokens', () => {
  it('holds Olhos Carioca: services with their own codes, Paula and other contacts, upcoming appointments', async () => {
    expect((await api('GET', '/core/v1/account')).body).toMatchObject({ id: HELENA_DEMO.accountId, name: 'Instituto de Olhos Carioca S.A.', timezone: 'America/Sao_Paulo' });
    expect((await api('GET', '/agenda/v1/services')).body.items.map((service: { code: string }) => service.code)).toEqual(['LASIK', 'FACO-LIO', 'CONS-OFT', 'CXL', 'SLT', 'MAPA-RET']);
    const feed = (await api('GET', '/agenda/v1/appointments')).body;
    expect(feed.items).toHaveLength(6);
    expect(feed.items.every((appointment: { startAt: string }) => Date.parse(appointment.startAt) > Date.now())).toBe(true);
    expect(feed.items[0].contact).toMatchObject({ name: 'Paula Paciente', document: '52998224725', phoneNumber: '+5511987654321' });
  });

  it('refuses calls without a known token, in Helena\'s error shape', async () => {
    expect((await http('GET', '/core/v1/account')).status).toBe(401);
    expect((await http('GET', '/core/v1/account', undefined, { authorization: 'Bearer hl_nope' })).body).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
  });
});

describe('appointments feed and payment write-back', () => {
  it('pages by an opaque cursor of the account, and refuses another account\'s cursor', async () => {
    const first = (await api('GET', '/agenda/v1/appointments?limit=4')).body;
    expect(first).toMatchObject({ hasMore: true, nextCursor: expect.any(String) });
    const rest = (await api('GET', `/agenda/v1/appointments?limit=4&cursor=${first.nextCursor}`)).body;
    expect(rest.items).toHaveLength(2);
    expect(rest.hasMore).toBe(false);
    const other = (await http('POST', '/_sim/accounts', {})).body;
    const foreign = await http('GET', `/agenda/v1/appointments?cursor=${first.nextCursor}`, undefined, { authorization: `Bearer ${other.apiToken}` });
    expect(foreign.body).toMatchObject({ error: { code: 'INVALID_CURSOR' } });
    expect((await api('GET', '/agenda/v1/appointments?limit=0')).status).toBe(400);
  });

  it('records a reference once; the same again is a duplicate, other content a conflict', async () => {
    const id = (await api('GET', '/agenda/v1/appointments?limit=1')).body.items[0].id;
    const write = { reference: 'pay_3:PAID', status: 'paid', amount: 7800, occurredAt: '2031-01-01T10:00:00Z', method: 'pix' };
    expect((await api('PUT', `/agenda/v1/appointments/${id}/payment`, write)).body).toMatchObject({ duplicate: false, note: { text: 'Pagamento registrado (ref. pay_3:PAID)', reference: 'pay_3:PAID' } });
    expect((await api('PUT', `/agenda/v1/appointments/${id}/payment`, write)).body).toMatchObject({ duplicate: true });
    expect((await api('PUT', `/agenda/v1/appointments/${id}/payment`, { ...write, status: 'refunded' })).status).toBe(409);
    expect((await api('PUT', `/agenda/v1/appointments/${id}/payment`, { ...write, amount: 'sete' })).status).toBe(400);
    expect((await api('GET', `/agenda/v1/appointments/${id}/notes`)).body.items).toHaveLength(1);
    expect((await http('GET', `/_sim/appointments/${id}`)).body.writeBacks).toEqual([{ reference: 'pay_3:PAID', times: 3 }]);
    // A write-back is not a change of the appointment: no webhook.
    await simulator.webhooks.idle();
    expect(received).toHaveLength(0);
  });
});

describe('webhooks', () => {
  it('retries a failed delivery, signing each attempt anew, and gives up after the last attempt', async () => {
    answers = [500];
    const created = await http('POST', '/_sim/appointments', { serviceCode: 'CXL', contact: { name: 'Novo Contato', document: '27182818205' } });
    await simulator.webhooks.idle();
    expect(received).toHaveLength(2);
    expect(received[0]!.raw).toBe(received[1]!.raw);
    const [first, second] = received.map(({ raw, headers }) => {
      const [, timestamp, signature] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['x-helena-signature']))!;
      expect(signature).toBe(createHmac('sha256', SECRET).update(`${timestamp}.${raw}`).digest('hex'));
      return Number(timestamp);
    });
    expect(second! - first!).toBe(60);
    expect(JSON.parse(received[0]!.raw)).toMatchObject({ type: 'appointment.created', accountId: HELENA_DEMO.accountId, data: { appointment: { id: created.body.appointment.id, status: 'scheduled', service: { code: 'CXL' } } } });

    answers = [500, 503, 502];
    await http('POST', `/_sim/appointments/${created.body.appointment.id}/cancel`);
    await simulator.webhooks.idle();
    const log = (await http('GET', '/_sim/webhooks')).body;
    expect(log.messages.at(-1)).toMatchObject({ entity: 'appointment.updated', state: 'failed', attempts: 3 });
  });
});

describe('rate limit and persisted state', () => {
  it('answers 429 with Retry-After past the limit of the account', async () => {
    await http('POST', '/_sim/rate-limit', { requests: 1, windowMs: 3000 });
    try {
      expect((await api('GET', '/core/v1/account')).status).toBe(200);
      const limited = await api('GET', '/core/v1/account');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(2);
    } finally {
      await http('POST', '/_sim/rate-limit', { requests: 120, windowMs: 60_000 });
    }
  });

  it('keeps appointments, notes and the feed position across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helena-sim-'));
    const stateFile = join(dir, 'state.json');
    try {
      const before = await startHelenaSimulator({ port: 0, stateFile });
      const cursor = (await api('GET', '/agenda/v1/appointments', undefined, before)).body.nextCursor;
      const created = await http('POST', '/_sim/appointments', { serviceCode: 'SLT', contact: { name: 'Depois do Restart' } }, {}, before);
      await before.close();
      const after = await startHelenaSimulator({ port: 0, stateFile });
      try {
        const changed = (await api('GET', `/agenda/v1/appointments?cursor=${cursor}`, undefined, after)).body.items;
        expect(changed.map((appointment: { id: string }) => appointment.id)).toEqual([created.body.appointment.id]);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
