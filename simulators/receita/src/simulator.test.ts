// The simulator on its own, over HTTP: the token, both consultations with every test record, the
// controls, throttling, the outage, faults and persistence across a restart.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { isValidCnpj } from '@medpay/br-documents';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CNPJ_SITUATIONS, CPF_SITUATIONS, HEALTH_CNAES, TEST_CNPJS, TEST_CPFS, UNKNOWN_CNPJ, UNKNOWN_CPF } from './records.js';
import { startReceitaSimulator, type ReceitaSimulator } from './simulator.js';

const BASIC = `Basic ${Buffer.from('key:secret').toString('base64')}`;
let simulator: ReceitaSimulator;
let token = '';

async function http(method: string, path: string, options: { body?: unknown; form?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.form !== undefined) [headers['content-type'], body] = ['application/x-www-form-urlencoded', options.form];
  else if (options.body !== undefined) [headers['content-type'], body] = ['application/json', JSON.stringify(options.body)];
  const response = await fetch(simulator.url + path, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}
const issueToken = async () => (await http('POST', '/token', { form: 'grant_type=client_credentials', headers: { authorization: BASIC } })).body.access_token as string;
const consult = (path: string, bearer = token) => http('GET', path, { headers: { authorization: `Bearer ${bearer}` } });
const cpf = (ni: string) => consult(`/consulta-cpf-df/v2/cpf/${ni}`);
const cnpj = (ni: string) => consult(`/consulta-cnpj-df/v2/basica/${ni}`);

beforeAll(async () => {
  simulator = await startReceitaSimulator({ port: 0, consumerKey: 'key', consumerSecret: 'secret', requestsPerSecond: 1000 });
});

afterAll(async () => {
  await simulator?.close();
});

beforeEach(async () => {
  await http('POST', '/_sim/reset');
  await http('POST', '/_sim/rate-limit', { body: { requestsPerSecond: 1000 } });
  token = await issueToken();
});

describe('POST /token', () => {
  it('issues a bearer token to the consumer key and secret', async () => {
    const issued = await http('POST', '/token', { form: 'grant_type=client_credentials', headers: { authorization: BASIC } });
    expect(issued.status).toBe(200);
    expect(issued.body).toEqual({ scope: 'am_application_scope default', token_type: 'Bearer', expires_in: 3600, access_token: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('refuses wrong credentials and other grants', async () => {
    const wrong = await http('POST', '/token', { form: 'grant_type=client_credentials', headers: { authorization: `Basic ${Buffer.from('key:nope').toString('base64')}` } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    const grant = await http('POST', '/token', { form: 'grant_type=password', headers: { authorization: BASIC } });
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe('unsupported_grant_type');
  });

  it('guards the consultations: no token, an unknown or a revoked one is 401', async () => {
    expect((await consult('/consulta-cpf-df/v2/cpf/40442820135', '')).status).toBe(401);
    const unknown = await consult('/consulta-cpf-df/v2/cpf/40442820135', 'f'.repeat(32));
    expect(unknown.status).toBe(401);
    expect(unknown.body.fault.code).toBe(900901);
    expect((await http('POST', '/_sim/tokens/revoke')).body.revoked).toBe(1);
    expect((await cpf('40442820135')).status).toBe(401);
  });

  it('lets a token expire after its lifetime', async () => {
    const shortLived = await startReceitaSimulator({ port: 0, consumerKey: 'key', consumerSecret: 'secret', tokenTtlSeconds: 1 });
    try {
      const issued = await fetch(`${shortLived.url}/token`, { method: 'POST', headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
      const { access_token: bearer } = (await issued.json()) as { access_token: string };
      const ask = () => fetch(`${shortLived.url}/consulta-cpf-df/v2/cpf/40442820135`, { headers: { authorization: `Bearer ${bearer}` } });
      expect((await ask()).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1050));
      expect((await ask()).status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });
});

describe('Consulta CPF', () => {
  it.each(TEST_CPFS.map((seed) => [seed.cpf, seed.situation, seed] as const))('answers %s as %s, with a name on record', async (ni, situation, seed) => {
    const answer = await cpf(ni);
    expect(answer.status).toBe(200);
    expect(answer.body.ni).toBe(ni);
    expect(answer.body.situacao).toEqual(CPF_SITUATIONS[situation]);
    expect(answer.body.nome).toBe(seed.name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase());
    expect(answer.body.nascimento).toMatch(/^\d{8}$/);
    if (seed.deathYear) expect(answer.body.obito).toBe(seed.deathYear);
  });

  it('has a test CPF for every situation', () => {
    expect(new Set(TEST_CPFS.map((seed) => seed.situation))).toEqual(new Set(Object.keys(CPF_SITUATIONS)));
  });

  it('answers any other valid CPF REGULAR, with no name: 206, as Serpro does when mandatory fields are missing', async () => {
    const answer = await cpf('52998224725');
    expect(answer.status).toBe(206);
    expect(answer.body).toEqual({ ni: '52998224725', situacao: { codigo: '0', descricao: 'Regular' } });
  });

  it('answers 400 for wrong check digits or a malformed number, 404 for a CPF it does not know', async () => {
    expect((await cpf('52998224724')).status).toBe(400);
    expect((await cpf('529.982.247-25')).status).toBe(400);
    expect((await cpf('11111111111')).status).toBe(400);
    const unknown = await cpf(UNKNOWN_CPF);
    expect(unknown.status).toBe(404);
    expect(unknown.body.mensagem).toMatch(/Não existe CPF/);
  });

  it('counts the calls per number', async () => {
    await cpf('40442820135');
    await cpf('40442820135');
    await cpf('63017285995');
    expect((await http('GET', '/_sim/state')).body.calls).toEqual({ '40442820135': 2, '63017285995': 1 });
  });
});

describe('Consulta CNPJ /basica', () => {
  it.each(TEST_CNPJS.map((seed) => [seed.cnpj, seed.situation, seed] as const))('answers %s as %s', async (ni, situation, seed) => {
    const answer = await cnpj(ni);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      ni,
      nomeEmpresarial: seed.legalName,
      nomeFantasia: seed.tradeName,
      situacaoCadastral: { codigo: CNPJ_SITUATIONS[situation], data: seed.situationSince, motivo: seed.reason },
      cnaePrincipal: { codigo: seed.cnae.codigo, descricao: seed.cnae.descricao },
      endereco: { logradouro: seed.city.logradouro, municipio: { codigo: seed.city.codigo, descricao: seed.city.municipio }, uf: seed.city.uf, cep: seed.city.cep },
    });
  });

  it('has a numeric and an alphanumeric test CNPJ for every situation', () => {
    for (const situation of Object.keys(CNPJ_SITUATIONS)) {
      const numbers = TEST_CNPJS.filter((seed) => seed.situation === situation).map((seed) => seed.cnpj);
      expect(numbers.some((number) => /^\d{14}$/.test(number))).toBe(true);
      expect(numbers.some((number) => /[A-Z]/.test(number))).toBe(true);
      expect(numbers.every(isValidCnpj)).toBe(true);
    }
  });

  it('invents the same ATIVA health clinic for any other valid CNPJ, different from number to number', async () => {
    const first = await cnpj('11222333000181');
    const again = await cnpj('11222333000181');
    const other = await cnpj('11444777000161');
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(first.body.situacaoCadastral.codigo).toBe('2');
    expect(HEALTH_CNAES.map((cnae) => cnae.codigo)).toContain(first.body.cnaePrincipal.codigo);
    expect(first.body.nomeEmpresarial).toMatch(/ LTDA$/);
    expect(first.body.endereco.cep).toMatch(/^\d{8}$/);
    expect(other.body.nomeEmpresarial === first.body.nomeEmpresarial && other.body.endereco.numero === first.body.endereco.numero).toBe(false);
  });

  it('takes an alphanumeric CNPJ in either case, and refuses wrong check digits (400) and an unknown one (404)', async () => {
    expect((await cnpj('12abc34501de35')).body.ni).toBe('12ABC34501DE35');
    expect((await cnpj('12ABC34501DE36')).status).toBe(400);
    expect((await cnpj('11222333000182')).status).toBe(400);
    expect((await cnpj(UNKNOWN_CNPJ)).status).toBe(404);
  });
});

describe('controls', () => {
  it('registers a CPF over its record (status and name), then forgets it', async () => {
    const registered = await http('POST', '/_sim/cpfs', { body: { cpf: '404.428.201-35', status: 'SUSPENSA', name: 'Maria José Santos' } });
    expect(registered.status).toBe(201);
    const answer = await cpf('40442820135');
    expect(answer.body.situacao).toEqual({ codigo: '2', descricao: 'Suspensa' });
    expect(answer.body.nome).toBe('MARIA JOSE SANTOS');
    expect(answer.body.nascimento).toBe('14111970');
    expect((await http('DELETE', '/_sim/cpfs/40442820135')).status).toBe(200);
    expect((await cpf('40442820135')).body.situacao.codigo).toBe('0');
  });

  it('gives a generic CPF a name, removes one, and makes a CPF unknown', async () => {
    await http('POST', '/_sim/cpfs', { body: { cpf: '52998224725', name: 'Helena Prado', birthDate: '1990-01-02' } });
    expect((await cpf('52998224725')).body).toMatchObject({ nome: 'HELENA PRADO', nascimento: '02011990', dataInscricao: expect.any(String) });
    await http('POST', '/_sim/cpfs', { body: { cpf: '52998224725', name: null } });
    expect((await cpf('52998224725')).body).not.toHaveProperty('nome');
    await http('POST', '/_sim/cpfs', { body: { cpf: '52998224725', notFound: true } });
    expect((await cpf('52998224725')).status).toBe(404);
  });

  it('refuses to register an invalid number or an unknown status', async () => {
    expect((await http('POST', '/_sim/cpfs', { body: { cpf: '12345678900' } })).status).toBe(400);
    expect((await http('POST', '/_sim/cpfs', { body: { cpf: '52998224725', status: 'CANCELADA' } })).status).toBe(400);
    expect((await http('POST', '/_sim/cnpjs', { body: { cnpj: '11222333000182' } })).status).toBe(400);
  });

  it('registers a CNPJ over its invented record', async () => {
    await http('POST', '/_sim/cnpjs', {
      body: { cnpj: '11.222.333/0001-81', status: 'INAPTA', statusReason: 'OMISSAO DE DECLARACOES', legalName: 'Clínica Exemplo Ltda', tradeName: '', mainCnae: { code: '8630-5/04', description: 'Atividade odontológica' }, address: { city: 'Niterói', cityCode: '5865', state: 'rj' } },
    });
    const answer = await cnpj('11222333000181');
    expect(answer.body).toMatchObject({
      nomeEmpresarial: 'CLINICA EXEMPLO LTDA',
      nomeFantasia: '',
      situacaoCadastral: { codigo: '4', motivo: 'OMISSAO DE DECLARACOES' },
      cnaePrincipal: { codigo: '8630504' },
      endereco: { municipio: { codigo: '5865', descricao: 'NITEROI' }, uf: 'RJ' },
    });
  });
});

describe('throttling, outage and faults', () => {
  it('admits the rate limit per second and answers the rest 429 with Retry-After', async () => {
    await http('POST', '/_sim/rate-limit', { body: { requestsPerSecond: 2 } });
    const answers = await Promise.all(['40442820135', '63017285995', '91708635203'].map(cpf));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 429]);
    const throttled = answers.find((answer) => answer.status === 429)!;
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(throttled.body.fault).toMatchObject({ code: 900802, message: 'Message throttled out' });
    const state = (await http('GET', '/_sim/state')).body;
    expect(state.rateLimit).toEqual({ requestsPerSecond: 2, throttled: 1, peakPerSecond: 3 });
    // a throttled call never reached the backend: it is not counted against its number
    expect(Object.values(state.calls as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await cpf('40442820135')).status).toBe(200);
  });

  it('takes the consultations down during an outage while the token endpoint still answers', async () => {
    expect((await http('POST', '/_sim/outage', { body: { down: true } })).body).toEqual({ down: true });
    expect((await cpf('40442820135')).status).toBe(503);
    expect((await cnpj('34238864000168')).status).toBe(503);
    expect(await issueToken()).toMatch(/^[0-9a-f]{32}$/);
    expect((await http('GET', '/_sim/state')).body.outage).toBe(true);
    await http('POST', '/_sim/outage', { body: { down: false } });
    expect((await cpf('40442820135')).status).toBe(200);
  });

  it('fails the next calls, token included, with failNext', async () => {
    await http('POST', '/_sim/faults', { body: { failNext: 2 } });
    expect((await http('POST', '/token', { form: 'grant_type=client_credentials', headers: { authorization: BASIC } })).status).toBe(503);
    expect((await cpf('40442820135')).status).toBe(503);
    expect((await cpf('40442820135')).status).toBe(200);
  });
});

describe('persistence', () => {
  it('keeps registered records and issued tokens across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'receita-sim-'));
    const stateFile = join(dir, 'state.json');
    try {
      const first = await startReceitaSimulator({ port: 0, consumerKey: 'key', consumerSecret: 'secret', stateFile });
      const issued = await fetch(`${first.url}/token`, { method: 'POST', headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
      const { access_token: bearer } = (await issued.json()) as { access_token: string };
      await fetch(`${first.url}/_sim/cpfs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cpf: '52998224725', status: 'NULA', name: 'Helena Prado' }) });
      await first.close();
      const second = await startReceitaSimulator({ port: 0, consumerKey: 'key', consumerSecret: 'secret', stateFile });
      try {
        const answer = await fetch(`${second.url}/consulta-cpf-df/v2/cpf/52998224725`, { headers: { authorization: `Bearer ${bearer}` } });
        expect(answer.status).toBe(206);
        expect(await answer.json()).toMatchObject({ nome: 'HELENA PRADO', situacao: { codigo: '8' } });
        expect(second.state.tokenRequests).toBe(1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
