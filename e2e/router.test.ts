// Router behaviour that does not depend on the database mode: production introspection rules, CORS
// for the apps, health when a subgraph is down, and the start-up self-test.
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { OperationAuthorizer } from '@medpay/runtime';
import { buildASTSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { createGateway, type RouterContext } from '../router/src/gateway.js';
import { Replicas } from '../router/src/replicas.js';
import { assertEnforcementActive } from '../router/src/self-test.js';
import { supergraphPath } from '../scripts/compose.js';
import { bearer, startStack, type Stack } from './stack.js';

describe('router in production mode', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Production's rules for any document (trusted documents, which refuse those from anonymous callers
    // and patients first, have their own suite: e2e/trusted-documents.test.ts).
    stack = await startStack('embedded', { NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'allow' });
  }, 60_000);
  afterAll(() => stack?.close());

  it('refuses introspection to anonymous callers and allows it to admins', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await stack.graphql(query);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const patient = await stack.login('paciente@demo.medpay.com.br');
    expect((await stack.graphql(query, {}, bearer(patient.accessToken))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await stack.login('admin@demo.medpay.com.br');
    const allowed = await stack.graphql<{ __schema: { queryType: { name: string } } }>(query, {}, bearer(admin.accessToken));
    expect(allowed.body.data!.__schema.queryType.name).toBe('Query');
  });

  it('answers the sandbox\'s full introspection (13 levels deep) to admins, and refuses introspection that nests without end', async () => {
    const admin = await stack.login('admin@demo.medpay.com.br');
    const full = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true, schemaDescription: true });
    const answer = await stack.graphql<{ __schema: { types: { name: string }[] } }>(full, {}, bearer(admin.accessToken));
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.__schema.types.map((type) => type.name)).toContain('Payment');
    const nested = await stack.graphql('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }', {}, bearer(admin.accessToken));
    expect([nested.status, nested.body.errors?.[0]?.extensions?.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
  });

  it('answers CORS for the apps\' origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.router.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const app = await preflight('http://127.0.0.1:3000');
    expect(app.status).toBe(204);
    expect(app.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(app.headers.get('access-control-allow-headers')).toContain('authorization');
    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    // The real request carries the header too, so the browser lets the app read the answer.
    const query = await fetch(`${stack.router.url}/graphql`, { method: 'POST', headers: { origin: 'http://localhost:3001', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ clinics(first: 1) { edges { node { id } } } }' }) });
    expect(query.headers.get('access-control-allow-origin')).toBe('http://localhost:3001');
  });

  it('masks internal errors and answers 503 on /health when a subgraph is down', async () => {
    await stack.providers.close();
    const health = await fetch(`${stack.router.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'degraded', subgraphs: { users: 'ok', providers: 'unavailable', payments: 'ok', analytics: 'ok', notifications: 'unavailable', ai: 'ok' } });
    const query = await stack.graphql('{ clinics { edges { node { id } } } }');
    expect(query.body.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });
});

describe('router self-test', () => {
  it('refuses to serve when the directives are not enforced before planning', async () => {
    const supergraphSdl = readFileSync(supergraphPath, 'utf8');
    // A gateway wired without the authorization plugin: the probe reaches the planner and a subgraph.
    const { gateway, closeConnections } = createGateway({ supergraphSdl, internalSecret: 'x'.repeat(32), replicas: ['users', 'providers', 'payments'].map((name) => new Replicas(name, ['http://127.0.0.1:9'])) });
    const unguarded = new ApolloServer<RouterContext>({ gateway });
    await unguarded.start();
    try {
      await expect(assertEnforcementActive(unguarded, new OperationAuthorizer(buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true })))).rejects.toThrow(/refusing to serve/);
    } finally {
      await unguarded.stop();
      await closeConnections();
    }
  });
});
