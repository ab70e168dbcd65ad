import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLAIMS_HEADER, verifyClaims, type Claims } from '@medpay/runtime';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import type { RouterContext } from './gateway.js';
import { Replicas } from './replicas.js';
import { createClaimsSigner, splitJsonArray, SubgraphSource } from './subgraph-source.js';

const secret = 'a-test-secret-of-at-least-32-characters';
const claimsOf = (sub: string): Claims => ({ sub, kind: 'user', roles: ['PATIENT'], scopes: ['patient'], exp: Math.floor(Date.now() / 1000) + 600 });

// A subgraph that answers after a moment (so concurrent calls overlap) and echoes who called.
const received: { claims: string | undefined; authorization?: string; body: string }[] = [];
let server: Server;
let url: string;
const agent = new Agent();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const claims = req.headers[CLAIMS_HEADER] as string | undefined;
      received.push({ claims, authorization: req.headers.authorization, body });
      setTimeout(() => {
        // A batch: answered in order, as Apollo Server does (or refused whole, when it says so).
        if (body.startsWith('[')) {
          if (body.includes('unbatchable')) return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"errors":[{"message":"Operation batching disabled.","extensions":{"code":"BAD_REQUEST"}}]}');
          const sub = verifyClaims(claims, secret)?.sub ?? null;
          const items = JSON.parse(body) as { query: string }[];
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(items.map((item) => ({ data: { sub, echo: item.query } }))));
        }
        if (body.includes('bare')) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"no"}]}');
        if (body.includes('refused')) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"Credenciais internas inválidas.","extensions":{"code":"INVALID_CLAIMS"}}]}');
        const sub = verifyClaims(claims, secret)?.sub ?? null;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { sub, list: [1, 2] } }));
      }, 30);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await agent.close();
  await new Promise((resolve) => server.close(resolve));
});

function call(source: SubgraphSource, context: RouterContext, operation: 'query' | 'mutation', query = '{ sub list }') {
  const options = {
    request: { query, variables: {} },
    context,
    incomingRequestContext: { operation: { operation }, context },
  } as unknown as GraphQLDataSourceProcessOptions<RouterContext>;
  return source.process(options);
}

describe('SubgraphSource', () => {
  it('passes a person\'s own Authorization header on only to a subgraph that asks the graph for them (TOKEN_RECIPIENTS)', async () => {
    const context = (): RouterContext => ({ claims: claimsOf('patient-1'), clientIp: '', authorization: 'Bearer the-patients-own-token', subgraphCalls: 0 });
    received.length = 0;
    await call(new SubgraphSource(new Replicas('test', [url]), agent, createClaimsSigner(secret)), context(), 'mutation');
    await call(new SubgraphSource(new Replicas('test', [url]), agent, createClaimsSigner(secret), { forwardsAuthorization: true }), context(), 'mutation');
    expect(received.map((request) => request.authorization)).toEqual([undefined, 'Bearer the-patients-own-token']);
  });

  it('shares one request among identical concurrent queries of one caller, each with its own copy', async () => {
    const source = new SubgraphSource(new Replicas('test', [url]), agent, createClaimsSigner(secret));
    const claims = claimsOf('patient-1');
    const contexts = Array.from({ length: 5 }, (): RouterContext => ({ claims, clientIp: '10.0.0.1', subgraphCalls: 0 }));
    received.length = 0;
    const answers = await Promise.all(contexts.map((context) => call(source, context, 'query')));
    expect(received).toHaveLength(1);
    expect(answers.every((answer) => answer.data?.sub === 'patient-1')).toBe(true);
    expect(new Set(answers.map((answer) => answer.data)).size).toBe(5);
    expect(contexts.every((context) => context.subgraphCalls === 1)).toBe(true);
  });

  it('never shares between callers with other claims or addresses, nor for mutations', async () => {
    const source = new SubgraphSource(new Replicas('test', [url]), agent, createClaimsSigner(secret));
    received.length = 0;
    const [a, b, anonymous] = await Promise.all([
      call(source, { claims: claimsOf('patient-a'), clientIp: '10.0.0.1', subgraphCalls: 0 }, 'query'),
      call(source, { claims: claimsOf('patient-b'), clientIp: '10.0.0.1', subgraphCalls: 0 }, 'query'),
      call(source, { claims: null, clientIp: '10.0.0.1', subgraphCalls: 0 }, 'query'),
      call(source, { claims: null, clientIp: '10.0.0.2', subgraphCalls: 0 }, 'query'),
    ]);
    expect(received).toHaveLength(4);
    expect([a.data?.sub, b.data?.sub, anonymous.data?.sub]).toEqual(['patient-a', 'patient-b', 'anonymous']);

    received.length = 0;
    const claims = claimsOf('patient-c');
    await Promise.all([1, 2].map(() => call(source, { claims, clientIp: '', subgraphCalls: 0 }, 'mutation')));
    expect(received).toHaveLength(2);
  });

  it('sends one query\'s fetches made at once as one batch, answered in order; never another caller\'s, never a mutation\'s', async () => {
    const source = new SubgraphSource(new Replicas('test', [url]), agent, createClaimsSigner(secret), { merge: false });
    const mine: RouterContext = { claims: claimsOf('patient-a'), clientIp: '', subgraphCalls: 0 };
    const theirs: RouterContext = { claims: claimsOf('patient-b'), clientIp: '', subgraphCalls: 0 };
    received.length = 0;
    const answers = await Promise.all([call(source, mine, 'query', '{ first }'), call(source, mine, 'query', '{ second }'), call(source, theirs, 'query', '{ third }')]);
    expect(answers.map((answer) => answer.data)).toEqual([
      { sub: 'patient-a', echo: '{ first }' },
      { sub: 'patient-a', echo: '{ second }' },
      { sub: 'patient-b', list: [1, 2] },
    ]);
    expect(received.map((request) => request.body.startsWith('['))).toEqual([true, false]);
    // A later fetch is another batch: a plan's later level waits for the one before anyway.
    received.length = 0;
    await call(source, mine, 'query', '{ later }');
    expect(received).toHaveLength(1);
    received.length = 0;
    await Promise.all([call(source, mine, 'mutation', '{ a }'), call(source, mine, 'mutation', '{ b }')]);
    expect(received.map((request) => request.body.startsWith('['))).toEqual([false, false]);
  });

  it('gives every fetch of a batch the subgraph\'s refusal when it refuses the batch whole', async () => {
    const source = new SubgraphSource(new Replicas('test', [url]), agent, createClaimsSigner(secret), { merge: false });
    const context: RouterContext = { claims: claimsOf('patient-a'), clientIp: '', subgraphCalls: 0 };
    const outcomes = await Promise.all([call(source, context, 'query', '{ unbatchable }'), call(source, context, 'query', '{ other }')].map((p) => p.catch((error: unknown) => error)));
    for (const outcome of outcomes) expect(outcome).toMatchObject({ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } });
  });

  it('turns a non-2xx answer into the subgraph\'s own error, or its status, without the subgraph\'s address', async () => {
    const source = new SubgraphSource(new Replicas('test', [url]), agent, createClaimsSigner(secret));
    const refused = await call(source, { claims: null, clientIp: '', subgraphCalls: 0 }, 'query', '{ refused }').catch((error: unknown) => error);
    expect(refused).toMatchObject({ message: 'Credenciais internas inválidas.', extensions: { code: 'INVALID_CLAIMS' } });
    expect(JSON.stringify(refused)).not.toContain('127.0.0.1');
    const bare = await call(source, { claims: null, clientIp: '', subgraphCalls: 0 }, 'query', '{ refused bare }').catch((error: unknown) => error);
    expect(bare).toMatchObject({ message: '401: Unauthorized', extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('splitJsonArray', () => {
  it('gives the text of each element of any JSON array, whatever its strings and nesting hold', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.boolean(), (values, spaced) => {
        const text = spaced ? JSON.stringify(values, null, 2) : JSON.stringify(values);
        const elements = splitJsonArray(text);
        expect(elements?.map((element) => JSON.parse(element) as unknown)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('refuses what is not an array', () => {
    expect(splitJsonArray('{"data":{}}')).toBeNull();
    expect(splitJsonArray('[{"a":1}')).toBeNull();
  });
});
