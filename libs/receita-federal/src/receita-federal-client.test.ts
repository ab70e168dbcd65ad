// The adapter against the Serpro simulator over HTTP: every status, names, token reuse and renewal,
// the cache (and what it never holds), our rate limit under a burst, Retry-After, and an outage.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { cpfFromBase } from '@medpay/br-documents';
import { MemoryStore, ProviderUnavailableError } from '@medpay/runtime';
import { startReceitaSimulator, type ReceitaSimulator } from '@medpay/receita-simulator';
import { ReceitaFederalClient, type ReceitaFederalClientOptions } from './receita-federal-client.js';
import { InvalidDocumentNumberError, ReceitaRecordNotFoundError, type CnpjStatus, type CpfCancellation, type CpfStatus } from './receita-federal.js';

let simulator: ReceitaSimulator;
let cache: RecordingStore;

/** The in-memory store, remembering every key and value written (to look for CPFs in them). */
class RecordingStore extends MemoryStore {
  readonly writes: Array<{ key: string; value: string; ttlMs: number }> = [];
  override async set(key: string, value: string, ttlMs: number) {
    this.writes.push({ key, value, ttlMs });
    await super.set(key, value, ttlMs);
  }
}

function client(options: Partial<ReceitaFederalClientOptions> = {}) {
  return new ReceitaFederalClient({
    baseUrl: simulator.url,
    consumerKey: 'medpay',
    consumerSecret: 'serpro-secret',
    cache,
    cacheKeySecret: 'cache-key-secret-for-tests',
    retryBaseDelayMs: 10,
    retryMaxDelayMs: 2000,
    ...options,
  });
}

async function control(path: string, body?: unknown) {
  const response = await fetch(simulator.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  expect(response.ok).toBe(true);
}

async function simState() {
  return (await (await fetch(`${simulator.url}/_sim/state`)).json()) as { tokenRequests: number; calls: Record<string, number>; rateLimit: { throttled: number; peakPerSecond: number } };
}

const DAY_MS = 86_400_000;

beforeAll(async () => {
  simulator = await startReceitaSimulator({ port: 0, consumerKey: 'medpay', consumerSecret: 'serpro-secret' });
});

afterAll(async () => {
  await simulator?.close();
});

beforeEach(async () => {
  await control('/_sim/reset');
  cache = new RecordingStore();
});

describe('cpfStatus', () => {
  it.each<[string, CpfStatus, CpfCancellation | undefined, string]>([
    ['40442820135', 'REGULAR', undefined, 'MARIA JOSE DA SILVA SANTOS'],
    ['07691852312', 'PENDENTE_DE_REGULARIZACAO', undefined, 'PAULA CRISTINA LOPES NOGUEIRA'],
    ['40532176871', 'SUSPENSA', undefined, 'MARTA HELENA ROCHA ALBUQUERQUE'],
    ['31675842035', 'CANCELADA', 'ESTATE_CLOSED', 'SEBASTIAO RIBEIRO CAMPOS'],
    ['01648527949', 'CANCELADA', 'MULTIPLE_REGISTRATIONS', 'EDSON BEZERRA LIMA'],
    ['64913872591', 'CANCELADA', 'EX_OFFICIO', 'ROGERIO MOREIRA DIAS'],
    ['05137518743', 'TITULAR_FALECIDO', undefined, 'ANTONIO CARLOS BATISTA'],
    ['98302514705', 'NULA', undefined, 'CARLOS EDUARDO PACHECO'],
  ])('answers %s as %s with the name on record', async (cpf, status, cancellation, name) => {
    const before = Date.now();
    const record = await client().cpfStatus(cpf);
    expect(record).toEqual({ cpf, status, ...(cancellation ? { cancellation } : {}), name, checkedAt: expect.any(Date) });
    expect(record.checkedAt.getTime()).toBeGreaterThanOrEqual(before - 5);
  });

  it('answers any other valid CPF REGULAR with no name, whatever mask it was typed with', async () => {
    expect(await client().cpfStatus('529.982.247-25')).toEqual({ cpf: '52998224725', status: 'REGULAR', checkedAt: expect.any(Date) });
  });

  it('gives the name and social name registered for a test', async () => {
    await control('/_sim/cpfs', { cpf: '52998224725', name: 'Helena Prado Souza', socialName: 'Lena Prado', birthDate: '1991-04-03' });
    expect(await client().cpfStatus('52998224725')).toMatchObject({ status: 'REGULAR', name: 'HELENA PRADO SOUZA', socialName: 'LENA PRADO' });
  });

  it('refuses an invalid CPF before any call, and says when the Receita does not know one', async () => {
    const receita = client();
    await expect(receita.cpfStatus('529.982.247-24')).rejects.toBeInstanceOf(InvalidDocumentNumberError);
    await expect(receita.cpfStatus('111.111.111-11')).rejects.toMatchObject({ code: 'INVALID_DOCUMENT_NUMBER', kind: 'CPF' });
    expect(await simState()).toMatchObject({ tokenRequests: 0, calls: {} });
    await expect(receita.cpfStatus('40404040411')).rejects.toBeInstanceOf(ReceitaRecordNotFoundError);
    expect(cache.writes).toEqual([]);
  });
});

describe('cnpjRecord', () => {
  it.each<[string, CnpjStatus]>([
    ['34238864000168', 'ATIVA'],
    ['12.ABC.345/01DE-35', 'ATIVA'],
    ['54447820000155', 'SUSPENSA'],
    ['SUSP3NSA000135', 'SUSPENSA'],
    ['46768703000165', 'INAPTA'],
    ['1napt400000176', 'INAPTA'],
    ['31151791000184', 'BAIXADA'],
    ['BA1XAD40000106', 'BAIXADA'],
    ['34428654000132', 'NULA'],
    ['NU1A0000000149', 'NULA'],
  ])('answers %s as %s', async (cnpj, status) => {
    const record = await client().cnpjRecord(cnpj);
    expect(record.status).toBe(status);
    expect(record.cnpj).toBe(cnpj.replace(/[.\/-]/g, '').toUpperCase());
    if (status !== 'ATIVA') expect(record.statusReason).toBeTruthy();
  });

  it('maps the record a clinic review shows', async () => {
    expect(await client().cnpjRecord('34.238.864/0001-68')).toEqual({
      cnpj: '34238864000168',
      status: 'ATIVA',
      statusSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      legalName: 'CLINICA SORRISO PLENO ODONTOLOGIA LTDA',
      tradeName: 'SORRISO PLENO',
      mainCnae: { code: expect.stringMatching(/^86[356]0-\d\/\d{2}$/), description: expect.any(String) },
      address: { street: expect.any(String), number: expect.stringMatching(/^\d+$/), complement: expect.stringMatching(/^SALA /), district: expect.any(String), city: expect.any(String), state: expect.stringMatching(/^[A-Z]{2}$/), zipCode: expect.stringMatching(/^\d{8}$/) },
      checkedAt: expect.any(Date),
    });
  });

  it('shows what was registered for a clinic, and refuses invalid or unknown CNPJs', async () => {
    await control('/_sim/cnpjs', { cnpj: '11222333000181', legalName: 'Clínica Exemplo Ltda', tradeName: '', mainCnae: { code: '8630503', description: 'Atividade médica ambulatorial restrita a consultas' } });
    const record = await client().cnpjRecord('11222333000181');
    expect(record).toMatchObject({ status: 'ATIVA', legalName: 'CLINICA EXEMPLO LTDA', mainCnae: { code: '8630-5/03', description: 'Atividade médica ambulatorial restrita a consultas' } });
    expect(record).not.toHaveProperty('tradeName');
    await expect(client().cnpjRecord('11222333000182')).rejects.toMatchObject({ code: 'INVALID_DOCUMENT_NUMBER', kind: 'CNPJ' });
    await expect(client().cnpjRecord('40404040000113')).rejects.toBeInstanceOf(ReceitaRecordNotFoundError);
  });
});

describe('the access token', () => {
  it('is fetched once and reused by every call, concurrent ones included', async () => {
    const receita = client();
    await Promise.all(['40442820135', '63017285995', '91708635203'].map((cpf) => receita.cpfStatus(cpf)));
    await receita.cnpjRecord('34238864000168');
    expect((await simState()).tokenRequests).toBe(1);
  });

  it('is renewed when the gateway refuses it, and the call goes through', async () => {
    const receita = client();
    await receita.cpfStatus('40442820135');
    await control('/_sim/tokens/revoke');
    expect((await receita.cpfStatus('63017285995')).status).toBe('REGULAR');
    const state = await simState();
    expect(state.tokenRequests).toBe(2);
    expect(state.calls['63017285995']).toBe(1); // refused by the gateway, then answered
  });
});

describe('the cache', () => {
  it('answers a number again without calling, with the first check time', async () => {
    const receita = client();
    const first = await receita.cpfStatus('40442820135');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await receita.cpfStatus('404.428.201-35');
    expect(again).toEqual(first);
    // another process sharing the store (Redis) answers from it too
    expect(await client().cpfStatus('40442820135')).toEqual(first);
    await client().cnpjRecord('34238864000168');
    await client().cnpjRecord('34238864000168');
    expect((await simState()).calls).toEqual({ '40442820135': 1, '34238864000168': 1 });
  });

  it('keeps REGULAR for 30 days, never with the CPF in a key or a value', async () => {
    await client().cpfStatus('40442820135');
    await client().cpfStatus('52998224725');
    expect(cache.writes).toHaveLength(2);
    for (const write of cache.writes) {
      expect(write.ttlMs).toBe(30 * DAY_MS);
      expect(write.key).toMatch(/^receita:cpf:[\w-]{43}$/);
      expect(`${write.key} ${write.value}`).not.toMatch(/40442820135|52998224725|404\.428|529\.982/);
    }
  });

  it('asks again when the cached check is older than the caller accepts', async () => {
    const receita = client();
    await receita.cpfStatus('40442820135');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fresh = await receita.cpfStatus('40442820135', { maxAgeMs: 10 });
    expect((await simState()).calls['40442820135']).toBe(2);
    expect((await receita.cpfStatus('40442820135', { maxAgeMs: 60_000 })).checkedAt).toEqual(fresh.checkedAt);
    expect((await simState()).calls['40442820135']).toBe(2);
  });

  it('keeps a status the person is told to fix only briefly, so a regularized CPF is seen', async () => {
    const receita = client({ fixableStatusTtlMs: 100 });
    await control('/_sim/cpfs', { cpf: '52998224725', status: 'PENDENTE_DE_REGULARIZACAO' });
    expect((await receita.cpfStatus('52998224725')).status).toBe('PENDENTE_DE_REGULARIZACAO');
    expect(cache.writes[0]!.ttlMs).toBe(100);
    await control('/_sim/cpfs', { cpf: '52998224725', status: 'REGULAR' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await receita.cpfStatus('52998224725')).status).toBe('REGULAR');
  });

  it('asks once for a number several callers want at the same moment', async () => {
    const receita = client();
    const records = await Promise.all(Array.from({ length: 5 }, () => receita.cpfStatus('40442820135')));
    expect(new Set(records.map((record) => record.checkedAt.getTime())).size).toBe(1);
    expect((await simState()).calls['40442820135']).toBe(1);
  });

  it('still answers when the store fails, asking the Receita instead', async () => {
    const broken = new MemoryStore();
    broken.get = async () => {
      throw new Error('ECONNREFUSED');
    };
    broken.set = async () => {
      throw new Error('ECONNREFUSED');
    };
    expect((await client({ cache: broken }).cpfStatus('40442820135')).status).toBe('REGULAR');
  });
});

describe('the rate limit', () => {
  it('queues a burst under the provider limit: no 429 is ever seen, and no second holds more than the limit', async () => {
    const receita = client({ requestsPerSecond: 5 });
    const cpfs = Array.from({ length: 12 }, (_, i) => cpfFromBase(String(200_000_000 + i * 7919)));
    const began = Date.now();
    const records = await Promise.all(cpfs.map((cpf) => receita.cpfStatus(cpf)));
    expect(records.map((record) => record.status)).toEqual(cpfs.map(() => 'REGULAR'));
    const state = await simState();
    expect(state.rateLimit.throttled).toBe(0);
    expect(state.rateLimit.peakPerSecond).toBeLessThanOrEqual(5);
    // 12 calls (and the token) at 5 a second take more than two seconds
    expect(Date.now() - began).toBeGreaterThanOrEqual(2000);
  });

  it('waits what Retry-After says when the provider throttles us anyway', async () => {
    await control('/_sim/rate-limit', { requestsPerSecond: 2 });
    const receita = client({ requestsPerSecond: 50 });
    await receita.cpfStatus('40442820135'); // the token, and a call in the window
    const began = Date.now();
    const records = await Promise.all(['63017285995', '91708635203', '58136053391'].map((cpf) => receita.cpfStatus(cpf)));
    expect(records.map((record) => record.status)).toEqual(['REGULAR', 'REGULAR', 'REGULAR']);
    expect((await simState()).rateLimit.throttled).toBeGreaterThanOrEqual(2);
    expect(Date.now() - began).toBeGreaterThanOrEqual(900);
  });

  it('does not wait a Retry-After longer than it would back off: the caller hears "unavailable" at once', async () => {
    await control('/_sim/rate-limit', { requestsPerSecond: 1 });
    const receita = client({ requestsPerSecond: 50, retryMaxDelayMs: 500 });
    await receita.cpfStatus('40442820135');
    const began = Date.now();
    await expect(receita.cpfStatus('63017285995')).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(Date.now() - began).toBeLessThan(500);
  });
});

describe('when the provider is down', () => {
  it('answers ProviderUnavailableError, keeps nothing, and recovers', async () => {
    const receita = client({ retries: 2, circuitBreaker: { failureThreshold: 10 } });
    await control('/_sim/outage', { down: true });
    await expect(receita.cpfStatus('40442820135')).rejects.toBeInstanceOf(ProviderUnavailableError);
    await expect(receita.cnpjRecord('34238864000168')).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(cache.writes).toEqual([]);
    expect((await simState()).calls['40442820135']).toBe(3);

    await control('/_sim/outage', { down: false });
    expect((await receita.cpfStatus('40442820135')).status).toBe('REGULAR');
    expect((await receita.cnpjRecord('34238864000168')).status).toBe('ATIVA');
    expect((await simState()).calls['40442820135']).toBe(4);
  });

  it('fails fast once the circuit opens, and closes it after the cool-down', async () => {
    const receita = client({ retries: 0, circuitBreaker: { failureThreshold: 2, coolDownMs: 200 } });
    await control('/_sim/outage', { down: true });
    await expect(receita.cpfStatus('40442820135')).rejects.toBeInstanceOf(ProviderUnavailableError);
    await expect(receita.cpfStatus('40442820135')).rejects.toBeInstanceOf(ProviderUnavailableError);
    await expect(receita.cpfStatus('40442820135')).rejects.toThrow(/Circuit open/);
    expect((await simState()).calls['40442820135']).toBe(2);
    await control('/_sim/outage', { down: false });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await receita.cpfStatus('40442820135')).status).toBe('REGULAR');
  });

  it('retries a lost answer and a failing gateway', async () => {
    await control('/_sim/faults', { timeoutNext: 1, failNext: 1 });
    expect((await client({ timeoutMs: 300 }).cpfStatus('40442820135')).status).toBe('REGULAR');
  });
});
