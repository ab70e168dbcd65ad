// The NinSaúde adapter against the NinSaúde simulator over real HTTP: login and rotating refresh tokens,
// incremental sync from a stored cursor, idempotent write-back under retries and lost answers, 429s.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startNinSaudeSimulator, NINSAUDE_DEMO, type NinSaudeSimulator } from '@medpay/ninsaude-simulator';
import { createPracticeSystem, credentialsToStore } from './practice-system-factory.js';
import { exchangeNinSaudeLogin, NinSaudeAdapter } from './ninsaude-adapter.js';
import { PracticeSystemError, type ExternalAppointment, type PracticeSystem } from './practice-system.js';

/** Short timeouts and delays; a Retry-After up to 3 s is waited for. */
const FAST = { timeoutMs: 400, retryBaseDelayMs: 5, retryMaxDelayMs: 3000 };
const PAULA_CPF = '52998224725';

let simulator: NinSaudeSimulator;

async function sim<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(simulator.url + path, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer as T;
}

interface Stats {
  refreshGrants: number;
  refreshReplays: number;
  reuseDetections: number;
  throttled: number;
}
const stats = async () => (await sim<{ stats: Stats }>('GET', '/_sim/state')).stats;

/** A new NinSaúde account connected the way a clinic admin does it: its login exchanged for a refresh token. */
async function connectNewAccount() {
  const { account, login } = await sim<{ account: string; login: { account: string; username: string; password: string; accountUnit: number } }>('POST', '/_sim/accounts', { name: 'Clínica de Testes' });
  const { refreshToken } = await exchangeNinSaudeLogin({ baseUrl: simulator.url, login, ...FAST });
  const rotated: string[] = [];
  const adapter = new NinSaudeAdapter({ baseUrl: simulator.url, refreshToken, onRefreshTokenRotated: (token) => void rotated.push(token), ...FAST });
  return { account, refreshToken, rotated, adapter };
}

const book = (account: string, procedureCode: string, startsAt: string, patient = { name: 'Paula Paciente', cpf: PAULA_CPF }) =>
  sim<{ appointment: { id: number } }>('POST', '/_sim/appointments', { account, procedureCode, startsAt, patient }).then((answer) => String(answer.appointment.id));

/** Every change since `cursor`, page by page, as a sync job would run it (storing the cursor after each page). */
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
  simulator = await startNinSaudeSimulator({ port: 0 });
});
afterAll(() => simulator?.close());

describe('NinSaudeAdapter', () => {
  it('connects the demo clinic with its login and reads the account and its procedures', async () => {
    const stored = await credentialsToStore('NINSAUDE', NINSAUDE_DEMO.login, { baseUrl: simulator.url, ...FAST });
    expect(Object.keys(stored)).toEqual(['refreshToken']);
    const changed: unknown[] = [];
    const system = createPracticeSystem('NINSAUDE', { baseUrl: simulator.url, credentials: stored, onCredentialsChanged: (credentials) => void changed.push(credentials), ...FAST });
    expect(await system.account()).toEqual({ accountId: 'sorrisopaulista/1', name: 'Clínica Sorriso Paulista' });
    const procedures = await system.procedures();
    expect(procedures).toContainEqual({ code: 'ODT-CLAR', name: 'Clareamento Dental a Laser (2 sessões)', priceCentavos: 120_000 });
    expect(procedures).toHaveLength(7);
    expect(changed).toHaveLength(1);

    const wrong = credentialsToStore('NINSAUDE', { ...NINSAUDE_DEMO.login, password: 'errada' }, { baseUrl: simulator.url, ...FAST });
    await expect(wrong).rejects.toMatchObject({ code: 'CREDENTIALS_REFUSED' });
  });

  it('refreshes once for concurrent calls, hands over every rotated refresh token, and NinSaúde refuses an old one', async () => {
    const { account, refreshToken, rotated, adapter } = await connectNewAccount();
    const before = await stats();
    await Promise.all([adapter.procedures(), adapter.account(), adapter.procedures(), adapter.account()]);
    expect((await stats()).refreshGrants - before.refreshGrants).toBe(1);
    expect(rotated).toHaveLength(1);

    // The access token dies (15 minutes pass): the next call renews it with the rotated refresh token.
    await sim('POST', '/_sim/tokens/expire', { account });
    await adapter.account();
    expect(rotated).toHaveLength(2);
    expect(new Set([refreshToken, ...rotated]).size).toBe(3);

    // The first refresh token, spent, used again: refused, and the whole authorization is revoked.
    const replay = await fetch(`${simulator.url}/v1/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=refresh_token&refresh_token=${refreshToken}` });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
    await expect(adapter.account()).rejects.toMatchObject({ code: 'CREDENTIALS_REFUSED', system: 'NINSAUDE' });
  });

  it('retries a refresh whose answer was lost and gets the same new tokens, without revoking anything', async () => {
    const { rotated, adapter } = await connectNewAccount();
    const before = await stats();
    await sim('POST', '/_sim/faults', { timeoutNext: 1 });
    await expect(adapter.account()).resolves.toMatchObject({ name: 'Clínica de Testes' });
    const after = await stats();
    expect(after.refreshGrants - before.refreshGrants).toBe(1);
    expect(after.refreshReplays - before.refreshReplays).toBe(1);
    expect(after.reuseDetections).toBe(before.reuseDetections);
    expect(rotated).toHaveLength(1);
    await expect(adapter.procedures()).resolves.toHaveLength(7);
  });

  it('syncs incrementally across pages from a stored cursor: a second sync returns only what changed', async () => {
    const { account, adapter } = await connectNewAccount();
    // The account's patients already hold the first four CPFs; the fifth is a new patient.
    const ids: string[] = [];
    for (const [index, code] of ['ODT-CLAR', 'ODT-IMPL', 'ODT-PROF', 'ODT-ENDO', 'ODT-AVAL'].entries()) {
      ids.push(await book(account, code, `2031-03-${10 + index}T12:00:00.000Z`, { name: `Paciente ${index}`, cpf: ['52998224725', '24681357928', '13579246828', '31415926590', '27182818205'][index]! }));
    }

    const first = await syncAll(adapter, null, 2);
    expect(first.pages).toBe(3);
    expect(first.appointments.map((appointment) => appointment.externalId)).toEqual(ids);
    expect(first.appointments[0]).toMatchObject({ status: 'SCHEDULED', procedureCode: 'ODT-CLAR', startsAt: new Date('2031-03-10T12:00:00.000Z'), professional: 'Dra. Camila Rocha', patient: { name: 'Paula Paciente', cpf: PAULA_CPF, email: 'paciente@demo.medpay.com.br', phone: '+5511987654321', birthDate: '1990-04-12' } });

    const nothing = await adapter.appointmentsSince(first.cursor, 2);
    expect(nothing).toEqual({ appointments: [], cursor: first.cursor, more: false });

    await sim('PATCH', `/_sim/appointments/${ids[1]}`, { status: 2, startsAt: '2031-04-01T17:30:00.000Z' });
    await sim('POST', `/_sim/appointments/${ids[3]}/cancel`);
    const added = await book(account, 'ODT-LENT', '2031-05-02T13:00:00.000Z');
    const second = await syncAll(adapter, first.cursor, 2);
    expect(second.appointments.map((appointment) => [appointment.externalId, appointment.status])).toEqual([[ids[1], 'CONFIRMED'], [ids[3], 'CANCELLED'], [added, 'SCHEDULED']]);
    expect(second.appointments[0]!.startsAt).toEqual(new Date('2031-04-01T17:30:00.000Z'));

    // A sync that stops before storing its cursor (a crash) starts again from the stored one: nothing is lost.
    const again = await syncAll(adapter, first.cursor, 10);
    expect(again.appointments.map((appointment) => appointment.externalId)).toEqual([ids[1], ids[3], added]);
    await expect(adapter.appointmentsSince('not-a-cursor', 10)).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('writes the payment back to the conta a receber once per reference, even when retried or its answer is lost', async () => {
    const { account, adapter } = await connectNewAccount();
    const id = await book(account, 'ODT-CLAR', '2031-06-10T12:00:00.000Z');
    const paid = { reference: 'pay_1:PAID', status: 'PAID' as const, amountCentavos: 120_000, at: new Date('2031-06-01T15:00:00Z'), method: 'PIX' as const, receiptUrl: 'https://medpay.test/recibos/pay_1' };
    await adapter.recordPayment(id, paid);
    await adapter.recordPayment(id, paid);
    let view = await sim('GET', `/_sim/appointments/${id}`);
    expect(view.receivable).toMatchObject({ idExterno: 'pay_1:PAID', situacao: 'RECEBIDO', valor: 1200, formaPagamento: 'PIX', urlComprovante: paid.receiptUrl });
    expect(view.receivable.movimentos).toHaveLength(1);
    expect(view.writeBacks).toEqual([{ reference: 'pay_1:PAID', times: 2 }]);

    // NinSaúde records the release but the answer never comes back: the retry finds it done.
    await sim('POST', '/_sim/faults', { timeoutNext: 1 });
    await adapter.recordPayment(id, { ...paid, reference: 'pay_1:RELEASED', status: 'RELEASED' });
    view = await sim('GET', `/_sim/appointments/${id}`);
    expect(view.receivable.situacao).toBe('REPASSADO');
    expect(view.receivable.movimentos.map((movement: { idExterno: string }) => movement.idExterno)).toEqual(['pay_1:PAID', 'pay_1:RELEASED']);
    expect(view.writeBacks).toContainEqual({ reference: 'pay_1:RELEASED', times: 2 });
    const all = await sim('GET', '/_sim/state');
    expect(all.accounts.find((candidate: { account: string }) => candidate.account === account).receivables).toHaveLength(1);

    const conflict = adapter.recordPayment(id, { ...paid, amountCentavos: 99_00 });
    await expect(conflict).rejects.toBeInstanceOf(PracticeSystemError);
    await expect(conflict).rejects.toMatchObject({ code: 'REJECTED', status: 409 });
    await expect(adapter.recordPayment('999999', paid)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('waits as long as a 429 Retry-After asks, and goes on', async () => {
    const { adapter } = await connectNewAccount();
    await adapter.account();
    const before = await stats();
    await sim('POST', '/_sim/rate-limit', { requests: 2, windowMs: 2000 });
    try {
      const started = Date.now();
      // Four calls where two fit the window; our own backoff (5 ms base) would give up within ~50 ms.
      await Promise.all([adapter.procedures(), adapter.procedures(), adapter.procedures(), adapter.procedures()]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect((await stats()).throttled - before.throttled).toBeGreaterThanOrEqual(2);
    } finally {
      await sim('POST', '/_sim/rate-limit', { requests: 120, windowMs: 60_000 });
    }
  });
});
