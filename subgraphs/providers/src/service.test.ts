// The providers subgraph over real HTTP, with the users subgraph beside it for staff grants and the
// Receita Federal's and ClickSign's simulators: both subgraphs on in-memory PGlite with the demo data,
// called with claims signed as the router signs them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cnpjFromBase } from '@medpay/br-documents';
import * as contracts from '@medpay/contracts';
import { actAsSigner, startClickSignSimulator, type ClickSignSimulator } from '@medpay/clicksign-simulator';
import { demoAdmin, demoClinics, demoPatients, demoProcedureId } from '@medpay/demo-data';
import { startReceitaSimulator, type ReceitaSimulator } from '@medpay/receita-simulator';
import { anonymousClaims, CLAIMS_HEADER, InternalClient, parseMetric, scopesForRoles, serviceClaims, signClaims, type Claims, type Role } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import { loadUsersConfig, startUsersService } from '@medpay/users';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { loadProvidersConfig } from './config.js';
import { startProvidersService } from './service.js';

// Development secrets (the users subgraph's signing keys) go to a throwaway directory.
const dataDir = mkdtempSync(join(tmpdir(), 'medpay-providers-test-'));
process.env.MEDPAY_DATA_DIR = dataDir;
const SECRET = 'providers-test-internal-claims-secret-0123456789';

let providers: Awaited<ReturnType<typeof startProvidersService>>;
let users: Awaited<ReturnType<typeof startUsersService>>;
let receita: ReceitaSimulator;
let clicksign: ClickSignSimulator;

beforeAll(async () => {
  receita = await startReceitaSimulator({ port: 0, consumerKey: 'medpay-test', consumerSecret: 'receita-test-secret', requestsPerSecond: 1000 });
  clicksign = await startClickSignSimulator({ port: 0, accessToken: 'clicksign-test-token', webhookSecret: 'clicksign-test-webhook-secret', webhookRetryBaseMs: 20 });
  const integrations = {
    RECEITA_BASE_URL: receita.url, RECEITA_CONSUMER_KEY: 'medpay-test', RECEITA_CONSUMER_SECRET: 'receita-test-secret', RECEITA_REQUESTS_PER_SECOND: '1000',
    CLICKSIGN_BASE_URL: clicksign.url, CLICKSIGN_ACCESS_TOKEN: 'clicksign-test-token', CLICKSIGN_WEBHOOK_SECRET: 'clicksign-test-webhook-secret',
    BACKGROUND_INTERVAL_MS: '200',
  };
  users = await startUsersService(loadUsersConfig({ PORT: '0', USERS_DATABASE_URL: 'pglite:memory', INTERNAL_CLAIMS_SECRET: SECRET, SEED_DEMO_DATA: 'true', LOG_LEVEL: 'silent', ...integrations }));
  providers = await startProvidersService(
    loadProvidersConfig({ PORT: '0', PROVIDERS_DATABASE_URL: 'pglite:memory', INTERNAL_CLAIMS_SECRET: SECRET, USERS_URL: users.url, SEED_DEMO_DATA: 'true', LOG_LEVEL: 'silent', ...integrations }),
  );
  await fetch(`${clicksign.url}/_sim/webhook`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${providers.url}/webhooks/clicksign` }) });
}, 120_000);

afterAll(async () => {
  await Promise.all([providers?.close(), users?.close()]);
  await Promise.all([receita?.close(), clicksign?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

const [sorriso, olhos, , , bemNascer] = demoClinics;
const paula = demoPatients[0]!;
const joao = demoPatients[1]!;

const person = (id: string, roles: Role[]): Claims => ({ sub: id, kind: 'user', roles, scopes: scopesForRoles(roles), exp: Math.floor(Date.now() / 1000) + 300 });
/** A partner key granted the catalog scope. */
const partner = (clinicId: string): Claims => ({ sub: 'a0000000-0000-4000-8000-000000000001', kind: 'partner', roles: [], scopes: ['clinic', 'partner', 'catalog:write'], clinicId, exp: Math.floor(Date.now() / 1000) + 300 });
const platformAdmin = person(demoAdmin.id, ['PLATFORM_ADMIN']);
const adminOf = (clinic: (typeof demoClinics)[number]) => person(clinic.admin.id, ['CLINIC_STAFF']);

interface GraphQLAnswer {
  status: number;
  data: Record<string, unknown> | null | undefined;
  errors: Array<{ message: string; extensions: { code: string; field?: string } }> | undefined;
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, claims: Claims | null = null, secret = SECRET): Promise<GraphQLAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: signClaims(claims ?? anonymousClaims(), secret) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLAnswer, 'status'>;
  return { status: response.status, data: body.data, errors: body.errors };
}

const gql = (query: string, variables: Record<string, unknown> = {}, claims: Claims | null = null) => graphql(providers.url, query, variables, claims);

/** The data of a call that must succeed. */
async function ok<Data>(query: string, variables: Record<string, unknown> = {}, claims: Claims | null = null): Promise<Data> {
  const answer = await gql(query, variables, claims);
  expect(answer.errors).toBeUndefined();
  return answer.data as Data;
}

const codesOf = (answer: GraphQLAnswer) => answer.errors?.map((error) => error.extensions.code);

const metric = async (name: string) => parseMetric(await (await fetch(`${providers.url}/metrics`)).text(), name);

const verifyKey = (key: unknown, claims: Claims | null = serviceClaims('router')) =>
  fetch(`${providers.url}/internal/api-keys/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(claims ? { [CLAIMS_HEADER]: signClaims(claims, SECRET) } : {}) },
    body: JSON.stringify({ key }),
  });

const CLINIC_NAMES = 'query($filter: ClinicFilter, $first: Int, $after: String) { clinics(filter: $filter, first: $first, after: $after) { edges { cursor node { id tradeName status } } pageInfo { hasNextPage endCursor } } }';
type ClinicList = { clinics: { edges: Array<{ cursor: string; node: { id: string; tradeName: string; status: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
const tradeNames = (list: ClinicList) => list.clinics.edges.map((edge) => edge.node.tradeName);

const PROCEDURE = 'query($id: ID!) { procedure(id: $id) { id name priceCentavos active clinic { id } } }';
type OneProcedure = { procedure: { id: string; name: string; priceCentavos: number; active: boolean; clinic: { id: string } } | null };

describe('browsing', () => {
  it('shows anonymous callers only ACTIVE clinics, in trade-name order', async () => {
    const list = await ok<ClinicList>(CLINIC_NAMES, { first: 100 });
    expect(list.clinics.edges.every((edge) => edge.node.status === 'ACTIVE')).toBe(true);
    expect(tradeNames(list)).toEqual(['Derma Minas', 'Olhos Carioca', 'Orto Sul', 'Sorriso Paulista']);
    expect(tradeNames(await ok<ClinicList>(CLINIC_NAMES, { filter: { status: 'PENDING_REVIEW' } }, person(paula.id, ['PATIENT'])))).toEqual([]);
  });

  it('lets platform admins list every status and filter by it', async () => {
    expect(tradeNames(await ok<ClinicList>(CLINIC_NAMES, { filter: { status: 'PENDING_REVIEW' } }, platformAdmin))).toEqual(['Bem Nascer']);
    expect(tradeNames(await ok<ClinicList>(CLINIC_NAMES, { first: 100 }, platformAdmin))).toContain('Bem Nascer');
  });

  it('filters by city and specialty ignoring case and accents, by UF, and by a name fragment', async () => {
    expect(tradeNames(await ok<ClinicList>(CLINIC_NAMES, { filter: { city: 'SAO PAULO' } }))).toEqual(['Sorriso Paulista']);
    expect(tradeNames(await ok<ClinicList>(CLINIC_NAMES, { filter: { specialty: 'estetica' } }))).toEqual(['Derma Minas']);
    expect(tradeNames(await ok<ClinicList>(CLINIC_NAMES, { filter: { state: 'rj' } }))).toEqual(['Olhos Carioca']);
    expect(tradeNames(await ok<ClinicList>(CLINIC_NAMES, { filter: { search: 'ortopédico' } }))).toEqual(['Orto Sul']);
    expect(tradeNames(await ok<ClinicList>(CLINIC_NAMES, { filter: { state: 'Recife' } }))).toEqual([]);
  });

  it('pages with opaque cursors, without gaps or repeats', async () => {
    const first = await ok<ClinicList>(CLINIC_NAMES, { first: 3 });
    expect(first.clinics.pageInfo).toEqual({ hasNextPage: true, endCursor: first.clinics.edges[2]!.cursor });
    const second = await ok<ClinicList>(CLINIC_NAMES, { first: 3, after: first.clinics.pageInfo.endCursor });
    expect([...tradeNames(first), ...tradeNames(second)]).toEqual(['Derma Minas', 'Olhos Carioca', 'Orto Sul', 'Sorriso Paulista']);
    expect(second.clinics.pageInfo.hasNextPage).toBe(false);
    expect(codesOf(await gql(CLINIC_NAMES, { after: 'not-a-cursor' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('hides a clinic under review, and its procedures, from everyone but its people and platform admins', async () => {
    const query = 'query($id: ID!) { clinic(id: $id) { tradeName status } }';
    expect((await ok<{ clinic: unknown }>(query, { id: bemNascer!.id })).clinic).toBeNull();
    expect((await ok<{ clinic: unknown }>(query, { id: bemNascer!.id }, person(paula.id, ['PATIENT']))).clinic).toBeNull();
    expect((await ok<{ clinic: unknown }>(query, { id: bemNascer!.id }, adminOf(bemNascer!))).clinic).toEqual({ tradeName: 'Bem Nascer', status: 'PENDING_REVIEW' });
    expect((await ok<{ clinic: unknown }>(query, { id: bemNascer!.id }, platformAdmin)).clinic).toEqual({ tradeName: 'Bem Nascer', status: 'PENDING_REVIEW' });
    expect((await ok<OneProcedure>(PROCEDURE, { id: demoProcedureId(4, 0) })).procedure).toBeNull();
    expect((await ok<OneProcedure>(PROCEDURE, { id: demoProcedureId(4, 0) }, adminOf(bemNascer!))).procedure?.name).toBe('Parto normal humanizado');
    expect((await ok<{ clinic: unknown }>(query, { id: 'nonsense' })).clinic).toBeNull();
  });

  it('formats the CNPJ, numeric or alphanumeric', async () => {
    const query = 'query($id: ID!) { clinic(id: $id) { cnpj address { state postalCode } } }';
    expect((await ok<{ clinic: { cnpj: string } }>(query, { id: olhos!.id })).clinic).toEqual({ cnpj: '12.ABC.345/01DE-35', address: { state: 'RJ', postalCode: '22270-010' } });
    expect((await ok<{ clinic: { cnpj: string } }>(query, { id: sorriso!.id })).clinic.cnpj).toMatch(/^11\.222\.333\/0001-\d\d$/);
  });
});

describe('batching', () => {
  it('resolves the clinics of 50 procedures with exactly one clinic batch', async () => {
    // The demo has 20 public procedures; two clinic admins add 30 more.
    const input = (n: number) => `{ name: "Procedimento de teste ${String(n).padStart(2, '0')}", description: "Para o teste de lote.", category: "Teste", priceCentavos: ${10_000 + n}, durationMinutes: 30, interestFreeInstallments: 3 }`;
    for (const [clinic, offset] of [[sorriso!, 0], [olhos!, 15]] as const) {
      const aliases = Array.from({ length: 15 }, (_, i) => `p${i}: createProcedure(clinicId: "${clinic.id}", input: ${input(offset + i)}) { id }`).join('\n');
      await ok(`mutation { ${aliases} }`, {}, adminOf(clinic));
    }

    const before = await metric('dataloader_batches_total_clinic');
    const list = await ok<{ procedures: { edges: Array<{ node: { id: string; clinic: { id: string; tradeName: string } } }> } }>(
      '{ procedures(first: 50) { edges { node { id name clinic { id tradeName } } } pageInfo { hasNextPage } } }',
    );
    expect(list.procedures.edges).toHaveLength(50);
    expect(new Set(list.procedures.edges.map((edge) => edge.node.clinic.id)).size).toBeGreaterThan(1);
    expect((await metric('dataloader_batches_total_clinic')) - before).toBe(1);
  });

  it('loads the first catalog page of a list of clinics in one batch', async () => {
    const before = await metric('dataloader_batches_total_clinic_procedures');
    const list = await ok<{ clinics: { edges: Array<{ node: { procedures: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } } }> } }>(
      '{ clinics(first: 10) { edges { node { tradeName procedures(first: 3) { edges { node { name } } pageInfo { hasNextPage } } } } } }',
    );
    expect(list.clinics.edges.map((edge) => edge.node.procedures.edges.length)).toEqual([3, 3, 3, 3]);
    expect((await metric('dataloader_batches_total_clinic_procedures')) - before).toBe(1);
  });
});

describe('catalog ownership', () => {
  const UPDATE = 'mutation($id: ID!, $input: ProcedureUpdate!) { updateProcedure(id: $id, input: $input) { id priceCentavos active } }';
  const lasik = demoProcedureId(1, 0);

  it("refuses a clinic admin changing another clinic's procedure, and changes nothing", async () => {
    const before = (await ok<OneProcedure>(PROCEDURE, { id: lasik })).procedure!;
    const denied = await gql(UPDATE, { id: lasik, input: { priceCentavos: 100, active: false } }, adminOf(sorriso!));
    expect(codesOf(denied)).toEqual(['FORBIDDEN']);
    expect(denied.data?.updateProcedure).toBeNull();
    expect(codesOf(await gql(UPDATE, { id: lasik, input: { priceCentavos: 100 } }, partner(sorriso!.id)))).toEqual(['FORBIDDEN']);
    expect(codesOf(await gql(UPDATE, { id: lasik, input: { priceCentavos: 100 } }, person(demoAdmin.id, ['PLATFORM_ADMIN', 'CLINIC_STAFF'])))).toEqual(['FORBIDDEN']);
    expect((await ok<OneProcedure>(PROCEDURE, { id: lasik })).procedure).toEqual(before);
  });

  it("lets the clinic's admin and its partner key change it, with validation", async () => {
    expect((await ok<{ updateProcedure: unknown }>(UPDATE, { id: lasik, input: { priceCentavos: 790_000 } }, adminOf(olhos!))).updateProcedure).toEqual({ id: lasik, priceCentavos: 790_000, active: true });
    expect((await ok<{ updateProcedure: unknown }>(UPDATE, { id: lasik, input: { priceCentavos: 780_000 } }, partner(olhos!.id))).updateProcedure).toMatchObject({ priceCentavos: 780_000 });
    const invalid = await gql(UPDATE, { id: lasik, input: { priceCentavos: 99, name: 'Outro nome' } }, adminOf(olhos!));
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priceCentavos' });
    expect((await ok<OneProcedure>(PROCEDURE, { id: lasik })).procedure).toMatchObject({ name: 'Cirurgia refrativa a laser (LASIK)', priceCentavos: 780_000 });
  });

  it('refuses patients and anonymous callers before any resolver runs', async () => {
    expect(codesOf(await gql(UPDATE, { id: lasik, input: { priceCentavos: 100 } }, person(paula.id, ['PATIENT'])))).toEqual(['FORBIDDEN']);
    expect(codesOf(await gql(UPDATE, { id: lasik, input: { priceCentavos: 100 } }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('claims', () => {
  it('answers forged claims (signed with another secret) with 401 INVALID_CLAIMS', async () => {
    const forged = await graphql(providers.url, '{ clinics { edges { cursor } } }', {}, platformAdmin, 'some-other-secret-of-at-least-32-characters');
    expect(forged.status).toBe(401);
    expect(codesOf(forged)).toEqual(['INVALID_CLAIMS']);
  });
});

describe('API keys', () => {
  it('are created once, verified by the router through the internal route, and stop working when revoked', async () => {
    const created = await ok<{ createApiKey: { secret: string; apiKey: { id: string; name: string; prefix: string; revokedAt: null } } }>(
      'mutation($clinicId: ID!) { createApiKey(clinicId: $clinicId, name: "Agenda online") { secret apiKey { id name prefix revokedAt } } }',
      { clinicId: sorriso!.id },
      adminOf(sorriso!),
    );
    const { secret, apiKey } = created.createApiKey;
    expect(secret).toMatch(/^mpk_live_[A-Za-z0-9_-]{32,}$/);
    expect(apiKey).toMatchObject({ name: 'Agenda online', prefix: secret.slice(0, 12), revokedAt: null });

    const verified = await verifyKey(secret);
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ apiKeyId: apiKey.id, clinicId: sorriso!.id, scopes: ['payments:read'] });
    expect((await verifyKey(secret, person(paula.id, ['PATIENT']))).status).toBe(403);
    expect((await verifyKey(secret, null)).status).toBe(403);
    expect((await verifyKey(`${secret.slice(0, -1)}x`)).status).toBe(404);

    const KEYS = 'query($id: ID!) { clinic(id: $id) { apiKeys { id lastUsedAt revokedAt } } }';
    const listed = await ok<{ clinic: { apiKeys: Array<{ id: string; lastUsedAt: string | null }> } }>(KEYS, { id: sorriso!.id }, adminOf(sorriso!));
    expect(listed.clinic.apiKeys.find((key) => key.id === apiKey.id)?.lastUsedAt).toEqual(expect.any(String));
    expect(codesOf(await gql(KEYS, { id: sorriso!.id }, adminOf(olhos!)))).toEqual(['FORBIDDEN']);

    const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
    expect(codesOf(await gql(REVOKE, { id: apiKey.id }, adminOf(olhos!)))).toEqual(['FORBIDDEN']);
    expect((await verifyKey(secret)).status).toBe(200);
    const revoked = await ok<{ revokeApiKey: { revokedAt: string } }>(REVOKE, { id: apiKey.id }, adminOf(sorriso!));
    expect(revoked.revokeApiKey.revokedAt).toEqual(expect.any(String));
    expect((await verifyKey(secret)).status).toBe(404);
  });

  it('are never minted by a partner key or by staff who are not admins', async () => {
    const mint = 'mutation($clinicId: ID!) { createApiKey(clinicId: $clinicId, name: "x") { secret } }';
    expect(codesOf(await gql(mint, { clinicId: sorriso!.id }, partner(sorriso!.id)))).toEqual(['FORBIDDEN']);
    expect(codesOf(await gql(mint, { clinicId: sorriso!.id }, adminOf(olhos!)))).toEqual(['FORBIDDEN']);
  });
});

describe('the Receita Federal and the service agreement at review', () => {
  const REGISTER = 'mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { id status } }';
  const STATUS = 'mutation($id: ID!, $status: ClinicStatus!) { setClinicStatus(id: $id, status: $status) { status } }';
  const RECEITA = 'query($id: ID!) { clinic(id: $id) { receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt } agreement { status } } }';
  type Receita = { clinic: { receitaFederal: { status: string; legalName: string; mainCnaeCode: string; address: string } | null; agreement: { status: string } | null } };
  const register = async (cnpj: string, owner: (typeof demoPatients)[number]) =>
    (await ok<{ registerClinic: { id: string } }>(REGISTER, { input: { legalName: 'Clínica Teste Ltda', tradeName: `Teste ${cnpj.slice(0, 4)}`, cnpj, address: { street: 'Rua A, 1', city: 'Recife', state: 'PE', postalCode: '50010000' }, specialties: ['Clínica geral'] } }, person(owner.id, ['PATIENT'])))
      .registerClinic.id;

  it("shows the back office the CNPJ's record beside what the clinic typed, checked as soon as the clinic registers", async () => {
    const id = await register('34238864000168', joao);
    const checked = await eventually(async () => (await ok<Receita>(RECEITA, { id }, platformAdmin)).clinic.receitaFederal, (record) => record !== null, 'the CNPJ check');
    expect(checked).toMatchObject({ status: 'ATIVA', legalName: 'CLINICA SORRISO PLENO ODONTOLOGIA LTDA', mainCnaeCode: expect.stringMatching(/^\d{4}-\d\/\d{2}$/) });
    expect(checked!.address).toMatch(/\d{5}-?\d{3}/);
    // The clinic's own admin sees it; other people do not even see the clinic under review.
    expect((await ok<Receita>(RECEITA, { id }, person(joao.id, ['PATIENT', 'CLINIC_STAFF']))).clinic.receitaFederal).toEqual(checked);
    expect((await gql(RECEITA, { id }, person(paula.id, ['PATIENT']))).data).toEqual({ clinic: null });
  });

  it('refuses to approve a clinic whose CNPJ is not ATIVA (CNPJ_NOT_ACTIVE), and sends it no agreement', async () => {
    for (const cnpj of ['54447820000155', '46768703000165', '31151791000184', '34428654000132']) {
      const id = await register(cnpj, joao);
      const answer = await gql(STATUS, { id, status: 'ACTIVE' }, platformAdmin);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CNPJ_NOT_ACTIVE' });
      expect(answer.errors?.[0]?.message).toMatch(/Receita Federal/);
      expect((await ok<Receita>(RECEITA, { id }, platformAdmin)).clinic.agreement).toBeNull();
    }
  });

  it('answers RECEITA_UNAVAILABLE when the Receita is down at approval, and approves once it is back', async () => {
    const id = await register(cnpjFromBase('77ZZ66550001'), joao);
    await eventually(async () => (await ok<Receita>(RECEITA, { id }, platformAdmin)).clinic.receitaFederal, (record) => record !== null, 'the CNPJ check');
    const sim = (down: boolean) => fetch(`${receita.url}/_sim/outage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ down }) });
    await sim(true);
    try {
      expect(codesOf(await gql('mutation($id: ID!) { checkClinicCnpj(id: $id) { id } }', { id }, platformAdmin))).toEqual(['RECEITA_UNAVAILABLE']);
    } finally {
      await sim(false);
    }
    expect((await ok<{ setClinicStatus: { status: string } }>(STATUS, { id, status: 'ACTIVE' }, platformAdmin)).setClinicStatus.status).toBe('AWAITING_AGREEMENT');
  });

  it('keeps a clinic whose admin refused the agreement waiting, until the back office sends a new one that is signed', async () => {
    const id = await register(cnpjFromBase('66YY55440001'), demoPatients[2]!);
    const signer = demoPatients[2]!;
    await ok(STATUS, { id, status: 'ACTIVE' }, platformAdmin);
    expect(await actAsSigner(clicksign.url, signer.email, 'refuse')).not.toBeNull();
    await eventually(async () => (await ok<Receita>(RECEITA, { id }, platformAdmin)).clinic.agreement?.status, (status) => status === 'REFUSED', 'the refusal');
    const SEND = 'mutation($id: ID!) { sendClinicAgreement(id: $id) { status agreement { status } } }';
    expect((await ok<{ sendClinicAgreement: unknown }>(SEND, { id }, platformAdmin)).sendClinicAgreement).toEqual({ status: 'AWAITING_AGREEMENT', agreement: { status: 'SENT' } });
    expect(await actAsSigner(clicksign.url, signer.email)).not.toBeNull();
    await eventually(async () => (await ok<{ clinic: { status: string } }>('query($id: ID!) { clinic(id: $id) { status } }', { id }, platformAdmin)).clinic.status, (status) => status === 'ACTIVE', 'the activation');
  });
});

describe('clinic registration and review', () => {
  const REGISTER = 'mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { id cnpj status tradeName } }';
  const registration = (cnpj: string) => ({
    legalName: 'Clínica Paula Saúde Ltda',
    tradeName: 'Paula Saúde',
    cnpj,
    address: { street: 'Rua das Flores, 10', city: 'Curitiba', state: 'PR', postalCode: '80010000' },
    specialties: ['Nutrição'],
  });
  const countAll = async () => (await ok<ClinicList>(CLINIC_NAMES, { first: 100 }, platformAdmin)).clinics.edges.length;
  const STATUS = 'mutation($id: ID!, $status: ClinicStatus!, $reason: String) { setClinicStatus(id: $id, status: $status, reason: $reason) { status statusReason } }';
  let clinicId = '';

  it('refuses an invalid CNPJ with INVALID_CNPJ and writes nothing', async () => {
    const before = await countAll();
    const answer = await gql(REGISTER, { input: registration('11.222.333/0001-80') }, person(paula.id, ['PATIENT']));
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_CNPJ', field: 'cnpj' });
    expect(await countAll()).toBe(before);
    expect(codesOf(await gql(REGISTER, { input: registration(sorriso!.cnpj) }, person(paula.id, ['PATIENT'])))).toEqual(['CNPJ_TAKEN']);
    expect(await countAll()).toBe(before);
  });

  it('registers a clinic in review with its creator as admin, who becomes clinic staff in the users subgraph', async () => {
    const cnpj = cnpjFromBase('99ZZ88770001');
    const created = await ok<{ registerClinic: { id: string; cnpj: string; status: string } }>(REGISTER, { input: registration(cnpj.toLowerCase()) }, person(paula.id, ['PATIENT']));
    clinicId = created.registerClinic.id;
    expect(created.registerClinic).toEqual({ id: clinicId, cnpj: `99.ZZ8.877/0001-${cnpj.slice(12)}`, status: 'PENDING_REVIEW', tradeName: 'Paula Saúde' });

    const roles = await graphql(users.url, 'query($id: ID!) { user(id: $id) { roles } }', { id: paula.id }, platformAdmin);
    expect(roles.data).toEqual({ user: { roles: ['PATIENT', 'CLINIC_STAFF'] } });

    const memberships = await ok<{ _entities: Array<{ clinics: Array<{ role: string; clinic: { id: string } }> }> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { clinics { role clinic { id } } } } }',
      { r: [{ __typename: 'User', id: paula.id }] },
      person(paula.id, ['PATIENT', 'CLINIC_STAFF']),
    );
    expect(memberships._entities[0]!.clinics).toEqual([{ role: 'ADMIN', clinic: { id: clinicId } }]);
    const otherUser = await gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { clinics { role } } } }',
      { r: [{ __typename: 'User', id: paula.id }] },
      person(joao.id, ['PATIENT']),
    );
    expect(codesOf(otherUser)).toEqual(['FORBIDDEN']);
  });

  it('moves through review: approve, suspend with a reason, no new procedures while suspended, reactivate', async () => {
    const paulaStaff = person(paula.id, ['PATIENT', 'CLINIC_STAFF']);
    const CREATE = 'mutation($clinicId: ID!) { createProcedure(clinicId: $clinicId, input: { name: "Consulta nutricional", description: "", category: "Nutrição", priceCentavos: 25000, durationMinutes: 50, interestFreeInstallments: 1 }) { id active } }';
    expect((await ok<{ createProcedure: { active: boolean } }>(CREATE, { clinicId }, paulaStaff)).createProcedure.active).toBe(true);

    expect(codesOf(await gql(STATUS, { id: clinicId, status: 'ACTIVE' }, paulaStaff))).toEqual(['FORBIDDEN']);
    // Approved, the clinic waits for its admin to sign the service agreement; ClickSign's webhook makes it ACTIVE.
    expect((await ok<{ setClinicStatus: unknown }>(STATUS, { id: clinicId, status: 'ACTIVE' }, platformAdmin)).setClinicStatus).toEqual({ status: 'AWAITING_AGREEMENT', statusReason: null });
    const AGREEMENT = 'query($id: ID!) { clinic(id: $id) { status agreement { status signedAt documentUrl documentSha256 } } }';
    type Agreement = { clinic: { status: string; agreement: { status: string; signedAt: string | null; documentUrl: string | null; documentSha256: string | null } | null } };
    expect((await ok<Agreement>(AGREEMENT, { id: clinicId }, paulaStaff)).clinic).toMatchObject({ status: 'AWAITING_AGREEMENT', agreement: { status: 'SENT', signedAt: null } });
    expect(tradeNames(await ok<ClinicList>(CLINIC_NAMES, { filter: { city: 'curitiba' } }))).toEqual([]);
    expect(await actAsSigner(clicksign.url, paula.email)).not.toBeNull();
    const signed = await eventually(
      async () => (await ok<Agreement>(AGREEMENT, { id: clinicId }, paulaStaff)).clinic,
      (clinic) => clinic.status === 'ACTIVE' && clinic.agreement?.status === 'SIGNED' && clinic.agreement.documentSha256 !== null,
      'the signed agreement',
    );
    expect(signed.agreement).toMatchObject({ status: 'SIGNED', signedAt: expect.any(String) });
    // The signed agreement downloads through its signed link, and is the file its hash names.
    const download = await fetch(signed.agreement!.documentUrl!.replace('http://127.0.0.1:4000/documents/providers', `${providers.url}/documents/providers`));
    expect(download.status).toBe(200);
    expect(createHash('sha256').update(Buffer.from(await download.arrayBuffer())).digest('hex')).toBe(signed.agreement!.documentSha256);
    expect(tradeNames(await ok<ClinicList>(CLINIC_NAMES, { filter: { city: 'curitiba' } }))).toEqual(['Paula Saúde']);
    expect(codesOf(await gql(STATUS, { id: clinicId, status: 'REJECTED', reason: 'x' }, platformAdmin))).toEqual(['INVALID_STATUS_TRANSITION']);
    expect(codesOf(await gql(STATUS, { id: clinicId, status: 'SUSPENDED' }, platformAdmin))).toEqual(['BAD_USER_INPUT']);
    expect((await ok<{ setClinicStatus: unknown }>(STATUS, { id: clinicId, status: 'SUSPENDED', reason: 'Alvará sanitário vencido' }, platformAdmin)).setClinicStatus).toEqual({
      status: 'SUSPENDED',
      statusReason: 'Alvará sanitário vencido',
    });

    const REASON = 'query($id: ID!) { clinic(id: $id) { statusReason } }';
    expect((await ok<{ clinic: unknown }>(REASON, { id: clinicId }, paulaStaff)).clinic).toEqual({ statusReason: 'Alvará sanitário vencido' });
    expect((await ok<{ clinic: unknown }>('query($id: ID!) { clinic(id: $id) { id } }', { id: clinicId })).clinic).toBeNull();
    expect(codesOf(await gql(CREATE, { clinicId }, paulaStaff))).toEqual(['CLINIC_NOT_ACTIVE']);

    expect((await ok<{ setClinicStatus: unknown }>(STATUS, { id: clinicId, status: 'ACTIVE' }, platformAdmin)).setClinicStatus).toEqual({ status: 'ACTIVE', statusReason: null });
  });

  it('manages the team: add by e-mail, staff cannot edit the catalog, the last admin stays', async () => {
    const paulaStaff = person(paula.id, ['PATIENT', 'CLINIC_STAFF']);
    const ADD = 'mutation($clinicId: ID!, $email: String!) { addClinicStaff(clinicId: $clinicId, email: $email, role: STAFF) { role since user { id } } }';
    const unknown = await gql(ADD, { clinicId, email: 'ninguem@example.com' }, paulaStaff);
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toMatch(/^Nenhuma conta MedPay com este e-mail/);
    const added = await ok<{ addClinicStaff: { role: string; user: { id: string } } }>(ADD, { clinicId, email: joao.email.toUpperCase() }, paulaStaff);
    expect(added.addClinicStaff).toMatchObject({ role: 'STAFF', user: { id: joao.id } });
    expect(codesOf(await gql(ADD, { clinicId, email: joao.email }, paulaStaff))).toEqual(['CONFLICT']);
    expect(codesOf(await gql(ADD, { clinicId, email: joao.email }, adminOf(sorriso!)))).toEqual(['FORBIDDEN']);

    const joaoStaff = person(joao.id, ['PATIENT', 'CLINIC_STAFF']);
    const staff = await ok<{ clinic: { staff: Array<{ role: string; user: { id: string } }> } }>('query($id: ID!) { clinic(id: $id) { staff { role user { id } } } }', { id: clinicId }, joaoStaff);
    expect(staff.clinic.staff).toEqual([{ role: 'ADMIN', user: { id: paula.id } }, { role: 'STAFF', user: { id: joao.id } }]);
    expect(codesOf(await gql('query($id: ID!) { clinic(id: $id) { staff { role } } }', { id: clinicId }, adminOf(sorriso!)))).toEqual(['FORBIDDEN']);
    const create = 'mutation($clinicId: ID!) { createProcedure(clinicId: $clinicId, input: { name: "Bioimpedância", description: "", category: "Nutrição", priceCentavos: 9000, durationMinutes: 20, interestFreeInstallments: 1 }) { id } }';
    expect(codesOf(await gql(create, { clinicId }, joaoStaff))).toEqual(['FORBIDDEN']);

    const REMOVE = 'mutation($clinicId: ID!, $userId: ID!) { removeClinicStaff(clinicId: $clinicId, userId: $userId) }';
    expect(codesOf(await gql(REMOVE, { clinicId, userId: paula.id }, paulaStaff))).toEqual(['LAST_CLINIC_ADMIN']);
    expect(codesOf(await gql(REMOVE, { clinicId, userId: paula.id }, joaoStaff))).toEqual(['FORBIDDEN']);
    expect((await ok<{ removeClinicStaff: boolean }>(REMOVE, { clinicId, userId: joao.id }, paulaStaff)).removeClinicStaff).toBe(true);
    expect(codesOf(await gql(REMOVE, { clinicId, userId: joao.id }, paulaStaff))).toEqual(['NOT_FOUND']);
  });
});

describe('clinic staff (/internal/clinic-staff)', () => {
  const staffOf = (clinicId: string) => new InternalClient(providers.url, 'notifications', SECRET).call(contracts.clinicStaff, { clinicId });

  it("answers a clinic's trade name, status and team with their roles, on the contract", async () => {
    expect(await staffOf(sorriso!.id)).toEqual({ clinicId: sorriso!.id, name: sorriso!.tradeName, status: 'ACTIVE', staff: [{ userId: sorriso!.admin.id, role: 'ADMIN' }] });
    expect(await staffOf(bemNascer!.id)).toMatchObject({ name: bemNascer!.tradeName, status: 'PENDING_REVIEW' });
  });

  it('answers 404 for an unknown clinic, and only calls signed as one of our services', async () => {
    expect(await staffOf(randomUUID())).toBeNull();
    expect(await staffOf('not-a-uuid')).toBeNull();
    const unsigned = await fetch(`${providers.url}/internal/clinic-staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clinicId: sorriso!.id }) });
    expect(unsigned.status).toBe(403);
  });
});

describe('the outbox feed (/internal/outbox)', () => {
  const feed = (url: string, claims: Claims | null, body: unknown = { after: null, limit: 10 }) =>
    fetch(`${url}/internal/outbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(claims ? { [CLAIMS_HEADER]: signClaims(claims, SECRET) } : {}) },
      body: JSON.stringify(body),
    });
  /** Everything published, read as analytics reads it: pages of `limit`, each from the last event's cursor. */
  async function readAll(url: string, limit: number) {
    const client = new InternalClient(url, 'analytics', SECRET);
    const events: z.infer<typeof contracts.outboxFeedResponse>['events'] = [];
    for (;;) {
      const last = events.at(-1);
      const page = (await client.call(contracts.outboxFeed, { after: last ? { publishedAt: last.publishedAt, id: last.id } : null, limit }))!;
      if (page.events.length === 0) return events;
      events.push(...page.events);
    }
  }

  it('answers only calls with signed service claims', async () => {
    for (const url of [providers.url, users.url]) {
      expect((await feed(url, null)).status).toBe(403);
      expect((await feed(url, platformAdmin)).status).toBe(403);
      expect((await feed(url, serviceClaims('analytics'))).status).toBe(200);
      expect((await feed(url, serviceClaims('analytics'), { after: null, limit: 0 })).status).toBe(400);
    }
  });

  it("hands out each service's published events in order, every payload on its contract", async () => {
    // Registration and review above wrote clinic.* and procedure.* events; a sign-up writes
    // sign_up.requested, and its confirmation (through the link notifications would e-mail) patient.registered.
    const registered = await graphql(
      users.url,
      'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { message } }',
      { input: { name: 'Lia Feed', email: 'lia.feed@example.com', password: 'Senha-forte-123', cpf: '11144477735' } },
    );
    expect(registered.errors).toBeUndefined();
    const requested = await eventually(() => readAll(users.url, 100), (all) => all.some((event) => event.type === 'sign_up.requested'), 'the sign-up event');
    const { signUpId } = requested.find((event) => event.type === 'sign_up.requested')!.payload as { signUpId: string };
    const { token } = (await new InternalClient(users.url, 'notifications', SECRET).call(contracts.signUpConfirmation, { signUpId }))!;
    const confirmed = await graphql(users.url, 'mutation($t: String!, $p: String!) { confirmSignUp(token: $t, password: $p) { user { id } } }', { t: token, p: 'Senha-forte-123' });
    expect(confirmed.errors).toBeUndefined();
    const patientId = (confirmed.data as { confirmSignUp: { user: { id: string } } }).confirmSignUp.user.id;
    await eventually(() => readAll(users.url, 100), (all) => all.some((event) => event.type === 'patient.registered' && event.payload.userId === patientId), 'the new patient published');
    const expectations = [
      { url: providers.url, types: ['clinic.submitted', 'clinic.approved', 'clinic.reactivated', 'clinic.suspended', 'procedure.created', 'procedure.repriced'] },
      { url: users.url, types: ['sign_up.requested', 'patient.registered'] },
    ];
    for (const { url, types } of expectations) {
      // The relay publishes shortly after each change.
      const events = await eventually(() => readAll(url, 2), (all) => types.every((type) => all.some((event) => event.type === type)), `the events of ${url}`);
      expect(await readAll(url, 1000)).toEqual(events);
      const order = events.map((event) => `${event.publishedAt} ${event.id}`);
      expect(order).toEqual([...order].sort());
      for (const event of events) {
        const schema = contracts.domainEventPayloads[event.type as contracts.DomainEventType];
        expect(schema.parse(event.payload)).toEqual(event.payload);
      }
    }
  });
});
