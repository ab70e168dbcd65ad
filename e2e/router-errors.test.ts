// The router's answers to clients' mistakes and to its limits, as the outside probe sent them: each a
// 4xx with its own stable code and a pt-BR message, the same over HTTP and WebSocket, never naming a
// subgraph; GET for queries; GraphQL over HTTP as graphql-http's own audit checks it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditServer } from 'graphql-http';
import { liveClient, LiveSubscription } from './live-client.js';
import { bearer, startStack, type Stack } from './stack.js';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

describe('router answers to clients\' mistakes (production mode)', () => {
  let stack: Stack;
  let admin: { accessToken: string };
  beforeAll(async () => {
    // Production's rules for any document (trusted documents, which refuse those from anonymous callers
    // and patients first, have their own suite: e2e/trusted-documents.test.ts).
    stack = await startStack('embedded', { NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'allow' });
    admin = await stack.login('admin@demo.medpay.com.br');
  }, 120_000);
  afterAll(() => stack?.close());

  const send = async (init: RequestInit & { path?: string }): Promise<Answer> => {
    const response = await fetch(`${stack.routerUrl}${init.path ?? ''}`, init);
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const post = (query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) =>
    send({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const refusal = (answer: Answer) => [answer.status, answer.body.errors?.[0]?.extensions?.code];
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: clinics(first: 1) { edges { node { id } } }`).join(' ')} }`;
  const deep = '{ clinics { edges { node { procedures { edges { node { clinic { procedures { edges { node { clinic { procedures { edges { node { id } } } } } } } } } } } } } } }';

  it('a syntax error is 400 GRAPHQL_PARSE_FAILED in pt-BR; too many tokens is its own code', async () => {
    const parse = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{"}' });
    expect(refusal(parse)).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    expect(parse.body.errors![0]!.message).toBe('A operação GraphQL tem um erro de sintaxe.');
    const tokens = await post(`{ ${Array.from({ length: 1100 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(refusal(tokens)).toEqual([400, 'TOKEN_LIMIT_EXCEEDED']);
    expect(tokens.body.errors![0]!.message).toContain('2000');
  });

  it('each limit is a 400 with its own code, saying the limit and what was found', async () => {
    const tooManyAliases = await post(aliases(16));
    expect(refusal(tooManyAliases)).toEqual([400, 'ALIAS_LIMIT_EXCEEDED']);
    expect(tooManyAliases.body.errors![0]!.extensions).toMatchObject({ limit: 15, found: 16 });
    const tooDeep = await post(deep);
    expect(refusal(tooDeep)).toEqual([400, 'DEPTH_LIMIT_EXCEEDED']);
    expect(tooDeep.body.errors![0]!.message).toMatch(/limite é 12/);
    const tooCostly = await post('{ clinics(first: 50) { edges { node { procedures(first: 50) { edges { node { id } } } } } } }');
    expect(refusal(tooCostly)).toEqual([400, 'COST_LIMIT_EXCEEDED']);
    expect(tooCostly.body.errors![0]!.message).toMatch(/limite de 1500 para visitantes/);
  });

  it('the cost budget follows the caller, and the estimate comes back in extensions', async () => {
    const query = '{ clinics(first: 50) { edges { node { procedures(first: 50) { edges { node { id } } } } } } }';
    const allowed = await post(query, bearer(admin.accessToken));
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.extensions?.cost).toEqual({ estimated: 1 + 50 * (2 + 1 + 50 * 2), limit: 20_000 });
  });

  it('requests malformed at the HTTP level are refused in pt-BR with their codes', async () => {
    expect(refusal(await send({ method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }))).toEqual([405, 'METHOD_NOT_ALLOWED']);
    expect(refusal(await send({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' }))).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(refusal(await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '[{"query":"{ __typename }"}]' }))).toEqual([400, 'BATCHING_NOT_SUPPORTED']);
    const empty = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refusal(empty)).toEqual([400, 'BAD_REQUEST']);
    expect(empty.body.errors![0]!.message).toMatch(/^Envie/);
    const twoOperations = await post('query A { __typename } query B { __typename }');
    expect(refusal(twoOperations)).toEqual([400, 'OPERATION_NAME_REQUIRED']);
  });

  it('serves queries over GET, never mutations', async () => {
    const query = await send({ method: 'GET', path: `?query=${encodeURIComponent('{ clinics(first: 1) { edges { node { id } } } }')}`, headers: { accept: 'application/graphql-response+json' } });
    expect(query.status).toBe(200);
    expect(query.body.data).toBeDefined();
    const mutation = await send({ method: 'GET', path: `?query=${encodeURIComponent('mutation { logout }')}` });
    expect(refusal(mutation)).toEqual([405, 'METHOD_NOT_ALLOWED']);
  });

  it('no error names a subgraph or its address', async () => {
    const patient = await stack.login('paciente@demo.medpay.com.br');
    const answer = await post('{ payment(id: "00000000-0000-4000-8000-000000000000") { id } clinic(id: "not-a-uuid") { id } }', bearer(patient.accessToken));
    expect(JSON.stringify(answer.body)).not.toMatch(/serviceName|payments|providers|127\.0\.0\.1/);
  });

  it('the same codes over WebSocket', async () => {
    const client = liveClient(stack.wsUrl, { token: admin.accessToken });
    try {
      for (const [query, code] of [[deep.replace('{', 'subscription {').replace('clinics', 'myPaymentEvents { id } clinics'), 'GRAPHQL_VALIDATION_FAILED'], [aliases(16), 'ALIAS_LIMIT_EXCEEDED'], ['{', 'GRAPHQL_PARSE_FAILED']] as const) {
        const live = new LiveSubscription(client, query);
        await live.until((s) => s.ended, code);
        expect(live.errorCode).toBe(code);
      }
    } finally {
      await client.dispose();
    }
  });

  it('graphql-http\'s audit: every MUST, and every SHOULD and MAY but the three that ask 200 for client errors', async () => {
    // As an admin: the audit asks for __type, and introspection in production is for admins and partners.
    const asAdmin = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${admin.accessToken}`);
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: stack.routerUrl, fetchFn: asAdmin });
    const failed = results.filter((result) => result.status !== 'ok').map((result) => `${result.name}${'reason' in result ? ` — ${String(result.reason)}` : ''}`);
    expect(failed.filter((name) => name.startsWith('MUST'))).toEqual([]);
    // The project answers every client error with a 4xx (the spec's watershed rule for application/json asks 200).
    expect(failed.sort()).toEqual([
      'SHOULD use 200 status code on document parsing failure when accepting application/json — Response status code is not 200',
      'SHOULD use 200 status code on document validation failure when accepting application/json — Response status code is not 200',
      'SHOULD use a status code of 200 on variable coercion failure when accepting application/json — Response status code is not 200',
    ]);
  });
});
