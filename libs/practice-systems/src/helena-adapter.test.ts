// The Helena adapter against the Helena simulator over real HTTP: the API token, incremental sync from a
// stored cursor, idempotent write-back under retries and lost answers, signed webhooks, 429s.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHelenaSimulator, HELENA_DEMO, type HelenaSimulator } from '@medpay/helena-simulator';
import { HelenaAdapter } from './helena-adapter.js';
import { parseHelenaWebhook } from './helena-webhooks.js';
import { createPracticeSystem } from './practice-system-factory.js';
import { WebhookRejectedError, type ExternalAppointment, type PracticeSystem } from './practice-system.js';

const FAST = { timeoutMs: 400, retryBaseDelayMs: 5, retryMaxDelayMs: 3000 };
const SECRET = 'whsec_test_0123456789abcdef';

let simulator: HelenaSimulator;
let hook: Server;
const deliveries: Array<{ raw: Buffer; headers: IncomingHttpHeaders }> = [];

async function sim<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(simulator.url + path, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer as T;
}

async function connectNewAccount() {
  const { accountId, apiToken } = await sim<{ accountId: string; apiToken: string }>('POST', '/_sim/accounts', { name: 'Clínica de Testes' });
  return { accountId, adapter: new HelenaAdapter({ baseUrl: simulator.url, apiToken, webhookSecret: SECRET, ...FAST }) };
}

const book = (accountId: string, serviceCode: string | null, startAt: string, contact: Record<string, string> = { name: 'Paula Paciente', document: '52998224725' }) =>
  sim<{ appointment: { id: string } }>('POST', '/_sim/appointments', { accountId, serviceCode, startAt, contact }).then((answer) => answer.appointment.id);

async function syncAll(system: PracticeSystem, cursor: string | null, limit: number) {
  const seen: ExternalAppointment[] = [];
  let pages = 0;
  for (;;) {
    const page = await system.appointmentsSince(cursor, limit);
    pages += 1;
    seen.push(...page.appointments);
    cursor = page.cursor;
    if (!page.more) return { appointments: seen, cursor, pages };
  }
}

beforeAll(async () => {
  hook = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    deliveries.push({ raw: Buffer.concat(chunks), headers: req.headers });
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  simulator = await startHelenaSimulator({ port: 0, webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/webhooks/helena`, webhookSecret: SECRET, webhookRetryBaseMs: 10 });
});
afterAll(async () => {
  await simulator?.close();
  await new Promise((resolve) => hook?.close(resolve));
});
beforeEach(async () => {
  await sim('DELETE', '/_sim/faults');
});

describe('HelenaAdapter', () => {
  it('reads the demo account and its active procedures with the API token; another token is refused', async () => {
    const system = createPracticeSystem('HELENA', { baseUrl: simulator.url, credentials: { apiToken: HELENA_DEMO.apiToken }, ...FAST });
    expect(await system.account()).toEqual({ accountId: HELENA_DEMO.accountId, name: 'Instituto de Olhos Carioca S.A.' });
    const procedures = await system.procedures();
    expect(procedures).toContainEqual({ code: 'LASIK', name: 'Cirurgia Refrativa LASIK - Ambos os Olhos', priceCentavos: 780_000 });
    expect(procedures).toHaveLength(6);

    const stranger = createPracticeSystem('HELENA', { baseUrl: simulator.url, credentials: { apiToken: 'hl_revoked' }, ...FAST });
    await expect(stranger.account()).rejects.toMatchObject({ code: 'CREDENTIALS_REFUSED', system: 'HELENA', status: 401 });
  });

  it('syncs incrementally across pages from a stored cursor: a second sync returns only what changed', async () => {
    const { accountId, adapter } = await connectNewAccount();
    const ids: string[] = [];
    for (const [index, code] of ['LASIK', 'FACO-LIO', 'CONS-OFT', 'CXL', null].entries()) ids.push(await book(accountId, code, `2031-03-${10 + index}T12:00:00.000Z`));

    const first = await syncAll(adapter, null, 2);
    expect(first.pages).toBe(3);
    expect(first.appointments.map((appointment) => appointment.externalId)).toEqual(ids);
    expect(first.appointments[0]).toMatchObject({ status: 'SCHEDULED', procedureCode: 'LASIK', startsAt: new Date('2031-03-10T12:00:00.000Z'), professional: 'Dr. André Vasconcelos', patient: { name: 'Paula Paciente', cpf: '52998224725', email: 'paciente@demo.medpay.com.br', phone: '+5511987654321', birthDate: '1990-04-12' } });
    expect(first.appointments[4]!.procedureCode).toBeNull();

    expect(await adapter.appointmentsSince(first.cursor, 2)).toEqual({ appointments: [], cursor: first.cursor, more: false });

    await sim('PATCH', `/_sim/appointments/${ids[1]}`, { status: 'confirmed', startAt: '2031-04-01T17:30:00.000Z' });
    await sim('POST', `/_sim/appointments/${ids[3]}/cancel`);
    const added = await book(accountId, 'SLT', '2031-05-02T13:00:00.000Z');
    const second = await syncAll(adapter, first.cursor, 2);
    expect(second.appointments.map((appointment) => [appointment.externalId, appointment.status])).toEqual([[ids[1], 'CONFIRMED'], [ids[3], 'CANCELLED'], [added, 'SCHEDULED']]);
    expect(second.appointments[0]!.startsAt).toEqual(new Date('2031-04-01T17:30:00.000Z'));
    await expect(adapter.appointmentsSince('bm90LWEtY3Vyc29y', 2)).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('writes the payment back once per reference (payment fields and one note), even when retried or its answer is lost', async () => {
    const { accountId, adapter } = await connectNewAccount();
    const id = await book(accountId, 'LASIK', '2031-06-10T12:00:00.000Z');
    const before = await adapter.appointmentsSince(null, 10);
    const paid = { reference: 'pay_9:PAID', status: 'PAID' as const, amountCentavos: 780_000, at: new Date('2031-06-01T15:00:00Z'), method: 'CARD' as const, receiptUrl: 'https://medpay.test/recibos/pay_9' };
    await adapter.recordPayment(id, paid);
    await adapter.recordPayment(id, paid);
    let view = await sim('GET', `/_sim/appointments/${id}`);
    expect(view.appointment.payment).toMatchObject({ status: 'paid', amount: 7800, reference: 'pay_9:PAID', method: 'card', receiptUrl: paid.receiptUrl });
    expect(view.notes).toHaveLength(1);
    expect(view.notes[0].text).toBe('Pagamento recebido pela MedPay: R$\u00a07.800,00. Comprovante: https://medpay.test/recibos/pay_9 (ref. pay_9:PAID)');
    expect(view.writeBacks).toEqual([{ reference: 'pay_9:PAID', times: 2 }]);

    await sim('POST', '/_sim/faults', { timeoutNext: 1 });
    await adapter.recordPayment(id, { ...paid, reference: 'pay_9:REFUNDED', status: 'REFUNDED' });
    view = await sim('GET', `/_sim/appointments/${id}`);
    expect(view.appointment.payment.status).toBe('refunded');
    expect(view.notes.map((note: { reference: string }) => note.reference)).toEqual(['pay_9:PAID', 'pay_9:REFUNDED']);
    expect(view.writeBacks).toContainEqual({ reference: 'pay_9:REFUNDED', times: 2 });

    await expect(adapter.recordPayment(id, { ...paid, amountCentavos: 1 })).rejects.toMatchObject({ code: 'REJECTED', status: 409 });
    await expect(adapter.recordPayment('00000000-0000-0000-0000-000000000000', paid)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Our own write-back is not a change of the appointment: it does not come back through the sync.
    expect((await adapter.appointmentsSince(before.cursor, 10)).appointments).toEqual([]);
  });

  it('accepts webhooks signed over their raw bytes and refuses forged, tampered or stale ones', async () => {
    const { accountId, adapter } = await connectNewAccount();
    deliveries.length = 0;
    const id = await book(accountId, 'CXL', '2031-07-01T12:00:00.000Z');
    await sim('PATCH', `/_sim/appointments/${id}`, { status: 'confirmed' });
    await simulator.webhooks.idle();
    expect(deliveries).toHaveLength(2);

    const [created, updated] = deliveries.map(({ raw, headers }) => adapter.parseWebhook(raw, headers));
    expect(created).toMatchObject({ type: 'APPOINTMENT_CREATED', accountId, appointment: { externalId: id, status: 'SCHEDULED', procedureCode: 'CXL' } });
    expect(updated).toMatchObject({ type: 'APPOINTMENT_UPDATED', appointment: { externalId: id, status: 'CONFIRMED' } });
    expect(created!.eventId).not.toBe(updated!.eventId);

    const { raw, headers } = deliveries[0]!;
    const tampered = Buffer.from(raw.toString('utf8').replace('"scheduled"', '"confirmed"'));
    expect(() => parseHelenaWebhook(tampered, headers, SECRET)).toThrow(WebhookRejectedError);
    expect(() => parseHelenaWebhook(raw, headers, 'whsec_someone_elses_secret')).toThrow('does not match');
    expect(() => parseHelenaWebhook(raw, {}, SECRET)).toThrow('Missing');
    expect(() => parseHelenaWebhook(raw, headers, SECRET, { now: () => Date.now() + 10 * 60_000 })).toThrow('too old');
    // A re-serialized body (what a JSON body parser would hand over) is not what Helena signed.
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8')), null, 2));
    expect(() => parseHelenaWebhook(reserialized, headers, SECRET)).toThrow(WebhookRejectedError);
  });

  it('delivers a duplicated webhook with the same event id, each copy verifiable', async () => {
    const { accountId, adapter } = await connectNewAccount();
    deliveries.length = 0;
    await sim('POST', '/_sim/faults', { duplicateWebhooks: true });
    await book(accountId, 'SLT', '2031-08-01T12:00:00.000Z');
    await simulator.webhooks.idle();
    const events = deliveries.map(({ raw, headers }) => adapter.parseWebhook(raw, headers)!);
    expect(events).toHaveLength(2);
    expect(events[0]!.eventId).toBe(events[1]!.eventId);
  });

  it('waits as long as a 429 Retry-After asks, and goes on', async () => {
    const { adapter } = await connectNewAccount();
    const throttled = async () => (await sim('GET', '/_sim/state')).stats.throttled as number;
    const before = await throttled();
    await sim('POST', '/_sim/rate-limit', { requests: 2, windowMs: 2000 });
    try {
      const started = Date.now();
      await Promise.all([adapter.procedures(), adapter.account(), adapter.procedures(), adapter.account()]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect((await throttled()) - before).toBeGreaterThanOrEqual(2);
    } finally {
      await sim('POST', '/_sim/rate-limit', { requests: 120, windowMs: 60_000 });
    }
  });
});
