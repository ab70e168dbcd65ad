// The NinSaúde simulator on its own, over HTTP: the demo seed, OAuth2 grants and refresh token rotation,
// listings, the conta a receber's idempotency, faults, the rate limit, and state kept across a restart.
// (libs/practice-systems' adapter tests drive it end to end as well.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NINSAUDE_DEMO, startNinSaudeSimulator, type NinSaudeSimulator } from './simulator.js';

let simulator: NinSaudeSimulator;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function http(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, on = simulator) {
  const response = await fetch(on.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

const login = (on = simulator, login: Record<string, string | number> = NINSAUDE_DEMO.login) =>
  http('POST', '/v1/oauth2/token', new URLSearchParams({ grant_type: 'password', ...Object.fromEntries(Object.entries(login).map(([key, value]) => [key, String(value)])) }).toString(), FORM, on);
const refresh = (token: string, on = simulator) => http('POST', '/v1/oauth2/token', `refresh_token=${token}`, { ...FORM, 'x-grant-type': 'refresh_token' }, on);

let token = '';
const api = (method: string, path: string, body?: unknown) => http(method, path, body, { authorization: `Bearer ${token}` });

beforeAll(async () => {
  simulator = await startNinSaudeSimulator({ port: 0, refreshReuseGraceSeconds: 60 });
  token = (await login()).body.access_token;
});
afterAll(() => simulator?.close());
beforeEach(async () => {
  await http('DELETE', '/_sim/faults');
});

describe('demo seed', () => {
  it('holds Sorriso Paulista: services with their own codes, Paula and other patients, upcoming appointments', async () => {
    expect((await api('GET', '/v1/account_geral/listar')).body.result).toEqual([expect.objectContaining({ account: 'sorrisopaulista', descricao: 'Clínica Sorriso Paulista', ativo: 1 })]);
    const services = (await api('GET', '/v1/cadastro_servico/listar')).body;
    expect(services.total).toBe(7);
    expect(services.result.map((service: { codigo: string }) => service.codigo)).toEqual(['ODT-CLAR', 'ODT-IMPL', 'ODT-PROF', 'ODT-ORTO', 'ODT-ENDO', 'ODT-LENT', 'ODT-AVAL']);
    const patients = (await api('GET', '/v1/cadastro_paciente/listar?filter=529.982.247-25')).body.result;
    expect(patients).toEqual([expect.objectContaining({ nome: 'Paula Paciente', cpf: '529.982.247-25', email: 'paciente@demo.medpay.com.br', foneCelular: '(11) 98765-4321' })]);
    const today = new Date(Date.now() - 3 * 3_600_000).toISOString().slice(0, 10);
    const appointments = (await api('GET', `/v1/atendimento_agenda/listar?dataInicial=${today}`)).body;
    expect(appointments.total).toBe(6);
    expect(appointments.result.every((appointment: { data: string }) => appointment.data > today)).toBe(true);
  });
});

describe('OAuth2', () => {
  it('refuses API calls without a live access token, and takes it as bearer or x-access-token', async () => {
    expect((await http('GET', '/v1/cadastro_servico/listar')).status).toBe(401);
    expect((await http('GET', '/v1/cadastro_servico/listar', undefined, { authorization: 'Bearer forged' })).body).toEqual({ result: null, error: [{ codigo: 'UNAUTHORIZED', mensagem: expect.any(String) }] });
    expect((await http('GET', '/v1/cadastro_servico/listar', undefined, { authorization: `bearer ${token}` })).status).toBe(200);
    expect((await http('GET', '/v1/cadastro_servico/listar', undefined, { 'x-access-token': token })).status).toBe(200);
    expect((await http('GET', '/_sim/health')).status).toBe(200);
  });

  it('grants by password (15-minute tokens) and refuses a wrong one or another grant', async () => {
    expect((await login()).body).toMatchObject({ token_type: 'bearer', expires_in: 900, refresh_token: expect.stringMatching(/^nsr_/) });
    expect((await login(simulator, { ...NINSAUDE_DEMO.login, password: 'x' })).body).toMatchObject({ error: 'invalid_grant' });
    expect((await http('POST', '/v1/oauth2/token', 'grant_type=client_credentials', FORM)).body).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('rotates the seeded refresh token, replays a lost answer, and revokes everything when a spent token comes back', async () => {
    const first = await refresh(NINSAUDE_DEMO.refreshToken);
    expect(first.status).toBe(200);
    // The answer was lost: the same token again, before its successor is used, gets the same pair.
    expect((await refresh(NINSAUDE_DEMO.refreshToken)).body).toEqual(first.body);
    const second = await refresh(first.body.refresh_token);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    // The successor was used: the seeded token is spent, and its reuse revokes the family.
    expect((await refresh(NINSAUDE_DEMO.refreshToken)).body).toMatchObject({ error: 'invalid_grant' });
    expect((await http('GET', '/v1/cadastro_servico/listar', undefined, { authorization: `Bearer ${second.body.access_token}` })).status).toBe(401);
    expect((await refresh(second.body.refresh_token)).status).toBe(400);
    expect((await http('GET', '/_sim/state')).body.stats).toMatchObject({ refreshReplays: 1, reuseDetections: 1 });
  });
});

describe('appointments and contas a receber', () => {
  it('lists changes since a time, oldest first, and validates paging', async () => {
    const created = await http('POST', '/_sim/appointments', { procedureCode: 'ODT-PROF', patientId: (await api('GET', '/v1/cadastro_paciente/listar?limit=1')).body.result[0].id, startsAt: '2031-01-10T13:00:00.000Z' });
    expect(created.body.appointment).toMatchObject({ data: '2031-01-10', horaInicial: '10:00', horaFinal: '10:45', status: 1 });
    const since = created.body.appointment.dataAlteracao;
    await http('POST', `/_sim/appointments/${created.body.appointment.id}/cancel`);
    const changed = await api('GET', `/v1/atendimento_agenda/listar?alteradoDesde=${since}`);
    expect(changed.body).toMatchObject({ total: 1, result: [{ id: created.body.appointment.id, status: 4, statusDescricao: 'Cancelado' }] });
    expect((await api('GET', '/v1/atendimento_agenda/listar?limit=500')).status).toBe(400);
    expect((await api('GET', '/v1/atendimento_agenda/listar?alteradoDesde=ontem')).status).toBe(400);
  });

  it('creates one conta a receber per appointment; a repeated idExterno is a retry, other content a conflict', async () => {
    const appointment = (await api('GET', '/v1/atendimento_agenda/listar?limit=1')).body.result[0];
    const path = `/v1/atendimento_agenda/${appointment.id}/conta_receber`;
    const write = { idExterno: 'pay_7:PAID', situacao: 'RECEBIDO', valor: 1200, dataMovimento: '2031-01-01T10:00:00Z', formaPagamento: 'PIX' };
    expect((await api('PUT', path, write)).status).toBe(201);
    const retry = await api('PUT', path, write);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('x-idempotent-replay')).toBe('true');
    expect((await api('PUT', path, { ...write, valor: 1 })).body).toMatchObject({ error: [{ codigo: 'ID_EXTERNO_DUPLICADO' }] });
    expect((await api('PUT', path, { ...write, valor: -5 })).status).toBe(400);
    expect((await api('PUT', path, { ...write, idExterno: 'pay_7:RELEASED', situacao: 'REPASSADO' })).body.result).toMatchObject({ idExterno: 'pay_7:PAID', situacao: 'REPASSADO', movimentos: [{ idExterno: 'pay_7:PAID' }, { idExterno: 'pay_7:RELEASED' }] });
    // Received three times (the first, the retry, the conflict); the invalid body never counted.
    expect((await http('GET', `/_sim/appointments/${appointment.id}`)).body.writeBacks).toEqual([{ reference: 'pay_7:PAID', times: 3 }, { reference: 'pay_7:RELEASED', times: 1 }]);
    expect((await api('PUT', '/v1/atendimento_agenda/424242/conta_receber', write)).status).toBe(404);
  });
});

describe('faults and limits', () => {
  it('fails the next calls with 503 without doing anything, but never the controls', async () => {
    await http('POST', '/_sim/faults', { failNext: 1 });
    expect((await api('GET', '/v1/cadastro_servico/listar')).status).toBe(503);
    expect((await api('GET', '/v1/cadastro_servico/listar')).status).toBe(200);
  });

  it('answers 429 with Retry-After past the limit of the account', async () => {
    await http('POST', '/_sim/rate-limit', { requests: 1, windowMs: 5000 });
    try {
      expect((await api('GET', '/v1/cadastro_servico/listar')).status).toBe(200);
      const limited = await api('GET', '/v1/cadastro_servico/listar');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(4);
      expect(limited.body).toMatchObject({ error: [{ codigo: 'LIMITE_REQUISICOES' }] });
    } finally {
      await http('POST', '/_sim/rate-limit', { requests: 120, windowMs: 60_000 });
    }
  });
});

describe('persisted state', () => {
  it('keeps accounts, appointments and tokens across a restart; reset brings the demo seed back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninsaude-sim-'));
    const stateFile = join(dir, 'state.json');
    try {
      const before = await startNinSaudeSimulator({ port: 0, stateFile });
      const tokens = (await login(before)).body;
      const created = await http('POST', '/_sim/appointments', { procedureCode: 'ODT-CLAR', patient: { name: 'Nova Paciente', cpf: '27182818205' } }, {}, before);
      await before.close();

      const after = await startNinSaudeSimulator({ port: 0, stateFile });
      try {
        const renewed = await refresh(tokens.refresh_token, after);
        expect(renewed.status).toBe(200);
        const appointment = await http('GET', `/v1/atendimento_agenda/${created.body.appointment.id}`, undefined, { authorization: `Bearer ${renewed.body.access_token}` }, after);
        expect(appointment.body.result).toMatchObject({ id: created.body.appointment.id, servico: expect.any(Number) });
        await http('POST', '/_sim/reset', undefined, {}, after);
        expect((await refresh(renewed.body.refresh_token, after)).status).toBe(400);
        expect((await refresh(NINSAUDE_DEMO.refreshToken, after)).status).toBe(200);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
