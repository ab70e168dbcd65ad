// The composed graph through the router over real HTTP, in every available database mode.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpfFromBase } from '@medpay/br-documents';
import { parseMetric } from '@medpay/runtime';
import { randomInt } from 'node:crypto';
import { availableModes, bearer, CONFIRM_SIGN_UP, confirmationToken, signUpPatient, startStack, type Stack } from './stack.js';

const metric = async (url: string, name: string) => parseMetric(await (await fetch(`${url}/metrics`)).text(), name);
const uniqueCpf = () => cpfFromBase(String(randomInt(100_000_000, 999_999_999)));
const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${randomInt(1e9)}@exemplo.com.br`;

const REGISTER = 'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { message } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';

describe.each(availableModes())('graph through the router (%s)', (mode) => {
  let stack: Stack;
  let admin: { accessToken: string };
  let patient: { accessToken: string; userId: string };
  let clinicAdmin: { accessToken: string; userId: string };

  beforeAll(async () => {
    stack = await startStack(mode, { API_KEY_CACHE_SECONDS: '0' }, { notifications: true });
    [admin, patient, clinicAdmin] = await Promise.all([
      stack.login('admin@demo.medpay.com.br'),
      stack.login('paciente@demo.medpay.com.br'),
      stack.login('clinica@demo.medpay.com.br'),
    ]);
  }, 120_000);
  afterAll(() => stack?.close());

  const countUsers = async () => {
    const { body } = await stack.graphql<{ users: { totalCount: number } }>('{ users { totalCount } }', {}, bearer(admin.accessToken));
    return body.data!.users.totalCount;
  };

  it('signs a patient up, confirms through the e-mail, logs in and answers me; the CPF is stored encrypted and shown masked', async () => {
    const email = uniqueEmail('registro');
    const cpf = uniqueCpf();
    const from = { 'x-forwarded-for': '198.51.100.21' };
    const registered = await stack.graphql(REGISTER, {
      input: { name: 'Lúcia Fernandes', email, password: 'Saude#2026forte', cpf: `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`, phone: '(11) 91234-5678' },
    }, from);
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data).toEqual({ registerPatient: { message: 'Enviamos um e-mail para continuar o cadastro.' } });
    const confirmed = await stack.graphql<{ confirmSignUp: { expiresIn: number; user: { id: string; roles: string[] } } }>(CONFIRM_SIGN_UP, { token: await confirmationToken(stack, email), password: 'Saude#2026forte' }, from);
    expect(confirmed.body.errors).toBeUndefined();
    const user = confirmed.body.data!.confirmSignUp.user;
    expect(user.roles).toEqual(['PATIENT']);

    const session = await stack.login(email.toUpperCase(), 'Saude#2026forte');
    const me = await stack.graphql<{ me: { id: string; email: string; cpfMasked: string; phone: string } }>('{ me { id email cpfMasked phone } }', {}, bearer(session.accessToken));
    expect(me.body.data!.me).toEqual({ id: user.id, email, cpfMasked: `***.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-**`, phone: '+5511912345678' });
  });

  it('rotates refresh tokens, and reusing a spent one revokes the whole session', async () => {
    const session = await stack.login('paciente@demo.medpay.com.br');
    const first = await stack.graphql<{ refreshSession: { refreshToken: string } }>(REFRESH, { t: session.refreshToken });
    const next = first.body.data!.refreshSession.refreshToken;
    expect(next).not.toBe(session.refreshToken);

    const reuse = await stack.graphql(REFRESH, { t: session.refreshToken });
    expect(reuse.body.errors?.[0]?.extensions?.code).toBe('REFRESH_TOKEN_REUSED');
    // The thief's replay also ended the legitimate holder's session.
    const after = await stack.graphql(REFRESH, { t: next });
    expect(after.body.errors?.[0]?.extensions?.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('logout ends the session: its refresh token stops working', async () => {
    const session = await stack.login('paciente@demo.medpay.com.br');
    const out = await stack.graphql<{ logout: boolean }>('mutation { logout }', {}, bearer(session.accessToken));
    expect(out.body.data!.logout).toBe(true);
    const refresh = await stack.graphql(REFRESH, { t: session.refreshToken });
    expect(refresh.body.errors?.[0]?.extensions?.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('refuses an anonymous caller asking for a protected field with 401, before any subgraph is called', async () => {
    const before = [await metric(stack.users.url, 'graphql_requests_total'), await metric(stack.providers.url, 'graphql_requests_total')];
    const response = await stack.graphql('{ clinics(first: 1) { edges { node { id } } } me { id email } }');
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.body.data).toBeUndefined();
    const after = [await metric(stack.users.url, 'graphql_requests_total'), await metric(stack.providers.url, 'graphql_requests_total')];
    expect(after).toEqual(before);
  });

  it('refuses a caller without the scope with 403, before any subgraph is called', async () => {
    const before = await metric(stack.users.url, 'graphql_requests_total');
    const response = await stack.graphql('{ users { totalCount } }', {}, bearer(patient.accessToken));
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await metric(stack.users.url, 'graphql_requests_total')).toBe(before);
  });

  it('rejects a bad or expired-looking token instead of treating the caller as anonymous', async () => {
    const response = await stack.graphql('{ clinics(first: 1) { edges { node { id } } } }', {}, bearer(`${patient.accessToken}x`));
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a patient cannot read another user, but can read themself; an admin can read anyone', async () => {
    const other = await stack.graphql('query($id: ID!) { user(id: $id) { id email } }', { id: clinicAdmin.userId }, bearer(patient.accessToken));
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.body.data?.user ?? null).toBeNull();
    const self = await stack.graphql<{ user: { email: string } }>('query($id: ID!) { user(id: $id) { email } }', { id: patient.userId }, bearer(patient.accessToken));
    expect(self.body.data!.user.email).toBe('paciente@demo.medpay.com.br');
    const byAdmin = await stack.graphql<{ user: { email: string } }>('query($id: ID!) { user(id: $id) { email } }', { id: patient.userId }, bearer(admin.accessToken));
    expect(byAdmin.body.data!.user.email).toBe('paciente@demo.medpay.com.br');
  });

  it('admins search users by CPF through the blind index', async () => {
    const { body } = await stack.graphql<{ users: { edges: { node: { email: string } }[] } }>(
      'query($s: String) { users(filter: { search: $s }) { edges { node { email } } } }',
      { s: '529.982.247-25' },
      bearer(admin.accessToken),
    );
    expect(body.data!.users.edges.map((e) => e.node.email)).toEqual(['paciente@demo.medpay.com.br']);
  });

  it('a subgraph called directly refuses forged claims', async () => {
    const forged = { sub: patient.userId, kind: 'user' as const, roles: ['PLATFORM_ADMIN' as const], scopes: ['admin'], exp: Math.floor(Date.now() / 1000) + 60 };
    const response = await stack.direct(stack.users, '{ users { totalCount } }', forged, undefined, 'not-the-router-secret-not-the-router-secret');
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('INVALID_CLAIMS');
    // Without claims the subgraph enforces the directives itself.
    const anonymous = await stack.direct(stack.users, '{ users { totalCount } }', null);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('subgraphs enforce the directives on entities too (_entities is no way around them)', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }';
    const response = await stack.direct(stack.users, query, null, { r: [{ __typename: 'User', id: patient.userId }] });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets anonymous callers browse active clinics, and loads 50 procedures\' clinics in one batch', async () => {
    const clinics = await stack.graphql<{ clinics: { edges: { node: { tradeName: string; status: string } }[] } }>('{ clinics(first: 20) { edges { node { tradeName status } } } }');
    const names = clinics.body.data!.clinics.edges.map((e) => e.node.tradeName);
    expect(names).toContain('Sorriso Paulista');
    expect(names).not.toContain('Bem Nascer'); // pending review
    expect(clinics.body.data!.clinics.edges.every((e) => e.node.status === 'ACTIVE')).toBe(true);

    // Enough procedures for a page of 50, created by the clinic's admin.
    const { data } = (await stack.graphql<{ clinics: { edges: { node: { id: string } }[] } }>('{ clinics(filter: { search: "Sorriso" }) { edges { node { id } } } }')).body;
    const clinicId = data!.clinics.edges[0]!.node.id;
    for (let i = 0; i < 30; i++) {
      const created = await stack.graphql<{ createProcedure: { id: string } }>(
        `mutation($c: ID!, $n: String!) { createProcedure(clinicId: $c, input: { name: $n, description: "Procedimento de teste", category: "Odontologia", priceCentavos: 50000, durationMinutes: 30, interestFreeInstallments: 3 }) { id } }`,
        { c: clinicId, n: `Procedimento ${i}` }, bearer(clinicAdmin.accessToken));
      expect(created.body.data?.createProcedure.id).toBeTruthy();
    }
    const before = await metric(stack.providers.url, 'dataloader_batches_total_clinic');
    const page = await stack.graphql<{ procedures: { edges: { node: { clinic: { tradeName: string } } }[] } }>('{ procedures(first: 50) { edges { node { name clinic { tradeName } } } } }');
    expect(page.body.data!.procedures.edges).toHaveLength(50);
    expect(await metric(stack.providers.url, 'dataloader_batches_total_clinic')).toBe(before + 1);
  });

  it('a clinic admin cannot change another clinic\'s procedure', async () => {
    const other = await stack.graphql<{ clinics: { edges: { node: { id: string; tradeName: string; procedures: { edges: { node: { id: string; priceCentavos: number } }[] } } }[] } }>(
      '{ clinics(filter: { search: "Olhos" }) { edges { node { id tradeName procedures(first: 1) { edges { node { id priceCentavos } } } } } } }',
    );
    const target = other.body.data!.clinics.edges[0]!.node.procedures.edges[0]!.node;
    const attempt = await stack.graphql('mutation($id: ID!) { updateProcedure(id: $id, input: { priceCentavos: 100 }) { id } }', { id: target.id }, bearer(clinicAdmin.accessToken));
    expect(attempt.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const after = await stack.graphql<{ procedure: { priceCentavos: number } }>('query($id: ID!) { procedure(id: $id) { priceCentavos } }', { id: target.id });
    expect(after.body.data!.procedure.priceCentavos).toBe(target.priceCentavos);
  });

  // A taken e-mail or CPF is no bad input: it is answered as any sign-up (e2e/sign-up.test.ts).
  it('bad input gets a clear code and writes nothing', async () => {
    const before = await countUsers();
    const base = { name: 'Pedro Alves', email: uniqueEmail('pedro'), password: 'Saude#2026forte', cpf: uniqueCpf() };
    const cases: [Record<string, string>, string][] = [
      [{ ...base, cpf: '529.982.247-24' }, 'INVALID_CPF'],
      [{ ...base, cpf: '111.111.111-11' }, 'INVALID_CPF'],
      [{ ...base, password: 'curta1' }, 'WEAK_PASSWORD'],
      [{ ...base, password: 'somenteletras' }, 'WEAK_PASSWORD'],
      [{ ...base, email: 'sem-arroba' }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) {
      const { body } = await stack.graphql(REGISTER, { input });
      expect([input, body.errors?.[0]?.extensions?.code]).toEqual([input, code]);
      expect(body.errors?.[0]?.message).toMatch(/[a-zà-ú]/i);
    }
    const unknownField = await stack.graphql(REGISTER, { input: { ...base, isAdmin: true } });
    expect(unknownField.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownSelection = await stack.graphql('{ me { id passwordHash } }', {}, bearer(patient.accessToken));
    expect(unknownSelection.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await countUsers()).toBe(before);
  });

  it('slows password guessing: after 5 failures the account waits, even with the right password', async () => {
    const email = uniqueEmail('alvo');
    await signUpPatient(stack, { name: 'Alvo Ataque', email, password: 'Saude#2026forte', cpf: uniqueCpf() });
    for (let i = 0; i < 5; i++) {
      const { body } = await stack.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: `errada${i}X` } });
      expect(body.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    }
    const { body } = await stack.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: 'Saude#2026forte' } });
    expect(body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('partner systems call the graph with a clinic API key, scoped to that clinic and to its scopes, until it is revoked', async () => {
    const { body } = await stack.graphql<{ clinics: { edges: { node: { id: string } }[] } }>('{ clinics(filter: { search: "Sorriso" }) { edges { node { id } } } }');
    const clinicId = body.data!.clinics.edges[0]!.node.id;
    const createKey = (scopes?: string[]) => stack.graphql<{ createApiKey: { secret: string; apiKey: { id: string; scopes: string[] } } }>(
      `mutation($c: ID!${scopes ? ', $s: [ApiKeyScope!]!' : ''}) { createApiKey(clinicId: $c, name: "ERP da clínica"${scopes ? ', scopes: $s' : ''}) { secret apiKey { id prefix scopes } } }`, { c: clinicId, s: scopes }, bearer(clinicAdmin.accessToken));
    const create = `mutation($c: ID!) { createProcedure(clinicId: $c, input: { name: "Via parceiro", description: "Criado pela API", category: "Odontologia", priceCentavos: 20000, durationMinutes: 30, interestFreeInstallments: 1 }) { id } }`;
    const confirm = 'mutation { confirmProcedurePerformed(paymentId: "00000000-0000-4000-8000-000000000000") { id } }';
    const refund = 'mutation { refundPayment(input: { paymentId: "00000000-0000-4000-8000-000000000000", amountCentavos: 100, reason: "x", idempotencyKey: "k" }) { id } }';

    // A key is read-only unless its creator chose more: it reads, but cannot write the catalog, release escrow or refund.
    const readOnly = (await createKey()).body.data!.createApiKey;
    expect(readOnly.apiKey.scopes).toEqual(['PAYMENTS_READ']);
    const reads = await stack.graphql<{ clinic: { payments: { totalCount: number } } }>('query($c: ID!) { clinic(id: $c) { payments(first: 1) { totalCount } } }', { c: clinicId }, { 'x-api-key': readOnly.secret });
    expect(reads.body.errors).toBeUndefined();
    for (const operation of [create, confirm, refund]) {
      const refused = await stack.graphql(operation, { c: clinicId }, { 'x-api-key': readOnly.secret });
      expect([operation.slice(0, 30), refused.status, refused.body.errors?.[0]?.extensions?.code]).toEqual([operation.slice(0, 30), 403, 'FORBIDDEN']);
    }

    const created = await createKey(['PAYMENTS_READ', 'CATALOG_WRITE']);
    const { secret, apiKey } = created.body.data!.createApiKey;
    expect(apiKey.scopes).toEqual(['PAYMENTS_READ', 'CATALOG_WRITE']);
    const own = await stack.graphql<{ createProcedure: { id: string } }>(create, { c: clinicId }, { 'x-api-key': secret });
    expect(own.body.data!.createProcedure.id).toBeTruthy();
    const foreign = await stack.graphql<{ clinics: { edges: { node: { id: string } }[] } }>('{ clinics(filter: { search: "Olhos" }) { edges { node { id } } } }');
    const elsewhere = await stack.graphql(create, { c: foreign.body.data!.clinics.edges[0]!.node.id }, { 'x-api-key': secret });
    expect(elsewhere.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await stack.graphql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id }, bearer(clinicAdmin.accessToken));
    const revoked = await stack.graphql(create, { c: clinicId }, { 'x-api-key': secret });
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors?.[0]?.extensions?.code).toBe('INVALID_API_KEY');
  });

  it('enforces depth, alias and size limits and takes only JSON posts', async () => {
    const deep = await stack.graphql(`{ clinics { edges { node { procedures { edges { node { clinic { procedures { edges { node { clinic { procedures { edges { node { id } } } } } } } } } } } } } } }`);
    expect([deep.status, deep.body.errors?.[0]?.extensions?.code]).toEqual([400, 'DEPTH_LIMIT_EXCEEDED']);
    expect(deep.body.errors?.[0]?.message).toMatch(/profundidade/i);
    const aliases = await stack.graphql(`{ ${Array.from({ length: 20 }, (_, i) => `a${i}: clinic(id: "x") { id }`).join(' ')} }`);
    expect([aliases.status, aliases.body.errors?.[0]?.extensions?.code]).toEqual([400, 'ALIAS_LIMIT_EXCEEDED']);
    expect(aliases.body.errors?.[0]?.message).toMatch(/apelidos/i);
    const big = await fetch(stack.routerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(200_000)}` }) });
    expect(big.status).toBe(413);
    // A form or text/plain post (what a cross-site page can send without a preflight) never runs.
    const simple = await fetch(stack.routerUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: 'mutation { logout }' }) });
    expect(simple.status).toBe(415);
  });

  it('serves the GraphiQL sandbox offline and reports health', async () => {
    const page = await fetch(stack.routerUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('MedPay Saúde');
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
    const health = await fetch(`${stack.router.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', subgraphs: { users: 'ok', providers: 'ok', payments: 'ok', analytics: 'ok', notifications: 'ok', ai: 'ok' } });
  });
});
