// The subgraphs behind the router, called straight at their ports as an attacker would: nothing
// answers without the router's signed claims, the router's anonymous claims do not lift the
// subgraph's own limits, entities obey the same visibility as the fields, and /metrics is private.
// And the providers' webhooks, which reach the subgraphs only through the router.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoAdmin, demoClinics, demoProcedureId } from '@medpay/demo-data';
import { anonymousClaims, CLAIMS_HEADER, scopesForRoles, signClaims } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { bearer, demoCast, paymentStatus, startStack, type Stack } from './stack.js';

/** The outside probe's query: procedures and their clinic, nested about twenty levels deep. */
function probeQuery(levels: number): string {
  let inner = 'id';
  for (let level = 0; level < levels; level += 1) inner = `clinic { procedures(first: 50) { edges { node { ${inner} } } } }`;
  return `{ clinics(first: 50) { edges { node { procedures(first: 50) { edges { node { ${inner} } } } } } } }`;
}

const unsigned = (url: string, query: string, variables?: Record<string, unknown>) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });

describe('subgraphs called around the router', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('embedded', { METRICS_TOKEN: 'metrics-token-for-the-scraper' });
  }, 120_000);
  afterAll(() => stack?.close());

  it('refuse every GraphQL request without the router\'s claims: queries, _service, _entities, introspection', async () => {
    const bemNascer = demoClinics[4]!;
    for (const service of [stack.users, stack.providers, stack.payments, stack.ai]) {
      for (const [query, variables] of [
        [probeQuery(20)],
        ['{ _service { sdl } }'],
        ['{ __schema { types { name } } }'],
        ['query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [{ __typename: 'Clinic', id: bemNascer.id }] }],
      ] as const) {
        const response = await unsigned(service.url, query, variables);
        expect(response.status).toBe(401);
        expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('INVALID_CLAIMS');
      }
    }
  });

  it('apply their own depth and list-size limits to what does come with claims, and stay up', async () => {
    const deep = await stack.direct(stack.providers, probeQuery(20));
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.extensions?.code).toBe('DEPTH_LIMIT_EXCEEDED');
    // Shallow enough, but 50 × 50 × 50 × 50 procedures.
    const wide = await stack.direct(stack.providers, probeQuery(2));
    expect(wide.status).toBe(400);
    expect(wide.body.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect((await fetch(`${stack.providers.url}/health`)).status).toBe(200);
    // An ordinary page still passes.
    const page = await stack.direct(stack.providers, '{ clinics(first: 20) { edges { node { procedures(first: 5) { edges { node { id } } } } } } }');
    expect(page.body.errors).toBeUndefined();
  });

  it('take the router\'s batches only signed, authorize each operation of one on its own, and refuse more than 32', async () => {
    const batch = (items: { query: string }[], claims: string | undefined) =>
      fetch(`${stack.users.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(claims ? { [CLAIMS_HEADER]: claims } : {}) }, body: JSON.stringify(items) });
    const unsignedBatch = await batch([{ query: '{ legalTerms { termsVersion } }' }], undefined);
    expect(unsignedBatch.status).toBe(401);
    const anonymous = signClaims(anonymousClaims(), stack.secret);
    const mixed = await batch([{ query: '{ legalTerms { termsVersion } }' }, { query: '{ me { id } }' }], anonymous);
    const [terms, me] = (await mixed.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] }[];
    expect(terms!.data?.legalTerms).toEqual({ termsVersion: expect.any(String) });
    expect(me!.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const tooMany = await batch(Array.from({ length: 33 }, () => ({ query: '{ legalTerms { termsVersion } }' })), anonymous);
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BATCH_TOO_LARGE');
  });

  it('resolve a clinic in review by reference only for those who may see it', async () => {
    const bemNascer = demoClinics[4]!;
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Clinic { legalName cnpj } } }';
    const variables = { r: [{ __typename: 'Clinic', id: bemNascer.id }] };
    const anonymous = await stack.direct(stack.providers, query, null, variables);
    expect(anonymous.body.data?._entities).toEqual([null]);
    const admin = { sub: demoAdmin.id, kind: 'user' as const, roles: ['PLATFORM_ADMIN' as const], scopes: scopesForRoles(['PLATFORM_ADMIN']), exp: Math.floor(Date.now() / 1000) + 60 };
    const byAdmin = await stack.direct(stack.providers, query, admin, variables);
    expect(byAdmin.body.data?._entities).toEqual([{ legalName: bemNascer.legalName, cnpj: expect.any(String) }]);
    // Through the router the same rule holds for the clinic's procedures.
    const procedures = await stack.graphql<{ procedure: unknown }>('query($id: ID!) { procedure(id: $id) { id } }', { id: demoProcedureId(4, 0) });
    expect(procedures.body.data?.procedure).toBeNull();
  });

  it('answer /metrics only to the scraper\'s token', async () => {
    for (const service of [stack.users, stack.providers, stack.payments, stack.ai, stack.router]) {
      expect((await fetch(`${service.url}/metrics`)).status).toBe(403);
      expect((await fetch(`${service.url}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(403);
      const scraped = await fetch(`${service.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-for-the-scraper' } });
      expect(scraped.status).toBe(200);
    }
  });

  it('forward the providers\' webhooks from the router to their subgraph, which checks them', async () => {
    const cast = await demoCast(stack);
    // Celcoin sends its webhooks to the router's public address, as in production
    await stack.pointWebhooksAt(stack.router);
    try {
      const { body } = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
        'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
        { input: { procedureId: cast.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
        bearer(cast.patient.accessToken),
      );
      await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: body.data!.checkout.pix.copiaECola }) });
      const deadline = Date.now() + 15_000;
      while ((await paymentStatus(stack, cast.admin.accessToken, body.data!.checkout.id)) !== 'IN_ESCROW' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await paymentStatus(stack, cast.admin.accessToken, body.data!.checkout.id)).toBe('IN_ESCROW');
    } finally {
      await stack.pointWebhooksAt(stack.payments);
    }
    // a forged one is the subgraph's to refuse; claims a caller writes itself are never passed on
    const forged = await fetch(`${stack.router.url}/webhooks/celcoin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('celcoin:guess').toString('base64')}`, [CLAIMS_HEADER]: signClaims(anonymousClaims(), stack.secret) },
      body: '{}',
    });
    expect(forged.status).toBe(401);
    expect((await fetch(`${stack.router.url}/webhooks/celcoin`)).status).toBe(405);
  });
});
