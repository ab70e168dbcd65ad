// The public catalog at the edge: an anonymous GET of an app's catalog query by its persisted id is
// answered with a Cache-Control the edge (CloudFront, s-maxage) keeps as long as the subgraphs'
// @cacheControl hints allow and browsers do not (max-age=0); anything asked with credentials or by
// POST is `no-store`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appOperation, bearer, startStack, type Stack } from './stack.js';

describe('the public catalog at the edge', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('embedded');
  }, 120_000);
  afterAll(() => stack?.close());

  const get = (name: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const query = new URLSearchParams({ variables: JSON.stringify(variables), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: appOperation(name).sha256Hash } }) });
    return fetch(`${stack.routerUrl}?${query}`, { headers });
  };
  const search = { filter: { search: 'Clareamento' }, clinicFilter: { search: 'Clareamento' }, first: 10 };

  it('lets the edge keep an anonymous search for as long as the catalog hints say', async () => {
    const response = await get('SearchProcedures', search);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { procedures: { edges: unknown[] } } }).data.procedures.edges.length).toBeGreaterThan(0);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=300');
  });

  it('takes the shortest hint of every subgraph read: plans are good for a minute', async () => {
    const found = (await (await get('SearchProcedures', search)).json()) as { data: { procedures: { edges: { node: { id: string } }[] } } };
    const query = 'query Plans($id: ID!) { procedure(id: $id) { name } paymentPlans(procedureId: $id) { id totalCentavos } }';
    const response = await fetch(`${stack.routerUrl}?${new URLSearchParams({ query, variables: JSON.stringify({ id: found.data.procedures.edges[0]!.node.id }) })}`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60');
  });

  it('never lets an answer shaped by credentials, or a POST, be stored', async () => {
    const { accessToken } = await stack.login('paciente@demo.medpay.com.br');
    expect((await get('SearchProcedures', search, bearer(accessToken))).headers.get('cache-control')).toBe('no-store');
    const post = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variables: search, extensions: { persistedQuery: { version: 1, sha256Hash: appOperation('SearchProcedures').sha256Hash } } }),
    });
    expect(post.headers.get('cache-control')).toBe('no-store');
  });
});
