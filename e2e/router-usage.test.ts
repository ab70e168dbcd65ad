// The router's usage log end to end: a real router over real subgraphs sends its batches to a stand-in
// for analytics' POST /internal/graph-usage (the kit's internal route: signed service claims checked,
// the body parsed with the contract), which records what arrives. What a record says for a query, a
// refused query and a subscription; that no variable, token or password travels; and that analytics
// answering 500, hanging or gone never fails or slows a GraphQL request.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphUsageBatch, type OperationUsage } from '@medpay/contracts';
import { answerFailure, createLogger, internalRoute, internalRoutes, readBody, type Claims } from '@medpay/runtime';
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, liveClient, LiveSubscription } from './live-client.js';
import { bearer, startStack, type Session, type Stack } from './stack.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The stand-in for analytics: 'ok' takes batches, 'fail' answers 500, 'hang' never answers (until released). */
class AnalyticsStandIn {
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  /** bodies exactly as they arrived, and the claims of the calls the route accepted */
  readonly bodies: string[] = [];
  readonly callers: Claims[] = [];
  readonly records: OperationUsage[] = [];
  attempts = 0;
  private readonly held: ServerResponse[] = [];
  private readonly server: Server;
  secret = '';

  constructor() {
    const logger = createLogger('analytics-stand-in', 'silent');
    this.server = createServer(async (req, res) => {
      const body = await readBody(req, 10_000_000);
      if (req.url !== graphUsageBatch.path) return void res.writeHead(404).end();
      this.attempts += 1;
      this.bodies.push(body.toString('utf8'));
      if (this.mode === 'fail') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"INTERNAL_SERVER_ERROR"}');
      if (this.mode === 'hang') return void this.held.push(res);
      const route = internalRoute(graphUsageBatch, async ({ operations }, claims) => {
        this.callers.push(claims);
        this.records.push(...operations);
        return { accepted: operations.length };
      });
      try {
        await internalRoutes(this.secret, [route])[`POST ${graphUsageBatch.path}`]!(req, res, body);
      } catch (error) {
        answerFailure(res, error, logger);
      }
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers the held batches (as taken) and goes back to taking them. */
  release() {
    this.mode = 'ok';
    for (const res of this.held.splice(0)) res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":0}');
  }

  close() {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(resolve));
  }

  /** The records of an operation, once `count` of them have arrived. */
  named(operationName: string, count = 1) {
    return eventually(() => this.records.filter((record) => record.operationName === operationName), (found) => found.length >= count, `${count} usage record(s) of ${operationName}`, 10_000);
  }
}

describe('router usage log', () => {
  const analytics = new AnalyticsStandIn();
  let stack: Stack;
  let patient: Session;

  beforeAll(async () => {
    const analyticsUrl = await analytics.listen();
    stack = await startStack('embedded', { ANALYTICS_URL: analyticsUrl, USAGE_FLUSH_MS: '50' });
    analytics.secret = stack.secret;
    patient = await stack.login('paciente@demo.medpay.com.br');
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await analytics.close();
  });

  const SEARCH = 'query ProcedureSearch($filter: ProcedureFilter, $first: Int) { procedures(filter: $filter, first: $first) { edges { node { id name clinic { tradeName } } } } }';

  it('records a query: its name, document hash, client, caller kind and fields, signed by the router', async () => {
    const search = `Clareamento ${randomUUID()}`;
    const answer = await stack.graphql(SEARCH, { filter: { search }, first: 7 }, { ...bearer(patient.accessToken), 'apollographql-client-name': '  patient-app ', 'apollographql-client-version': '2.3.1' });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const [record] = await analytics.named('ProcedureSearch');
    // Neither the variables nor the caller's credentials travel, in this batch or any other.
    const everything = analytics.bodies.join('\n');
    expect(everything).not.toContain(search);
    expect(everything).not.toContain(patient.accessToken);
    expect(everything).not.toContain(patient.userId);
    expect(record).toEqual({
      at: expect.any(String),
      operationName: 'ProcedureSearch',
      documentHash: sha256(SEARCH),
      clientName: 'patient-app',
      clientVersion: '2.3.1',
      callerKind: 'user',
      fields: ['Clinic.tradeName', 'Procedure.clinic', 'Procedure.id', 'Procedure.name', 'ProcedureConnection.edges', 'ProcedureEdge.node', 'Query.procedures'],
      durationMs: expect.any(Number),
      errorCodes: [],
    });
    expect(Math.abs(Date.parse(record!.at) - Date.now())).toBeLessThan(60_000);
    expect(analytics.callers.every((claims) => claims.kind === 'service' && claims.sub === 'router')).toBe(true);
    // The login mutation of beforeAll was recorded too, without its e-mail and password.
    expect(analytics.records.some((usage) => usage.fields.includes('Mutation.login'))).toBe(true);
    expect(everything).not.toMatch(/paciente@demo|MedPay@2026/);
  });

  it('records a refused query with its error codes, and an anonymous caller without client headers as unknown', async () => {
    const query = 'query MyPayments { myPayments(first: 5) { edges { node { id status } } } }';
    const refused = await stack.graphql(query);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [record] = await analytics.named('MyPayments');
    expect(record).toMatchObject({
      documentHash: sha256(query),
      clientName: 'unknown',
      clientVersion: 'unknown',
      callerKind: 'anonymous',
      errorCodes: ['UNAUTHENTICATED'],
    });
    expect(record!.fields).toContain('Query.myPayments');

    const broken = '{ procedures(';
    expect((await stack.graphql(broken)).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const parseFailure = await eventually(() => analytics.records.find((usage) => usage.documentHash === sha256(broken)), Boolean, 'the parse failure\'s record', 10_000);
    expect(parseFailure).toMatchObject({ operationName: '', fields: [], errorCodes: ['GRAPHQL_PARSE_FAILED'] });
  });

  it('records a subscription once, as it starts, with the client named in connectionParams; and one refused', async () => {
    const client = liveClient(stack.wsUrl, {}, { connectionParams: { authorization: `Bearer ${patient.accessToken}`, 'apollographql-client-name': 'patient-app', 'apollographql-client-version': '2.3.1' } });
    try {
      const subscription = new LiveSubscription(client, 'subscription PaymentFeed { myPaymentEvents { id type } }');
      const [record] = await analytics.named('PaymentFeed');
      expect(record).toMatchObject({ clientName: 'patient-app', clientVersion: '2.3.1', callerKind: 'user', errorCodes: [], fields: ['PaymentEvent.id', 'PaymentEvent.type', 'Subscription.myPaymentEvents'] });
      expect(subscription.error).toBeUndefined();
      subscription.unsubscribe();
    } finally {
      await client.dispose();
    }
    // Refused before it starts: recorded with the code the client got, and the fields it asked for.
    const anonymous = liveClient(stack.wsUrl);
    try {
      const refused = new LiveSubscription(anonymous, 'subscription AnonymousFeed { myPaymentEvents { id } }');
      await refused.until((s) => s.ended, 'the refusal');
      expect(refused.errorCode).toBe('UNAUTHENTICATED');
      const [record] = await analytics.named('AnonymousFeed');
      expect(record).toMatchObject({ clientName: 'unknown', callerKind: 'anonymous', errorCodes: ['UNAUTHENTICATED'], fields: ['PaymentEvent.id', 'Subscription.myPaymentEvents'] });
    } finally {
      await anonymous.dispose();
    }
  });

  it('sends nothing with USAGE_LOG=off', async () => {
    const quiet = await stack.startRouter(stack.payments.url, { USAGE_LOG: 'off' });
    const post = (url: string, query: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect((await post(quiet.url, 'query Unlogged { procedures(first: 1) { edges { node { id } } } }')).status).toBe(200);
    // The same through the logging router arrives; by then the quiet one's would have too.
    expect((await post(stack.router.url, 'query Logged { procedures(first: 1) { edges { node { id } } } }')).status).toBe(200);
    await analytics.named('Logged');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(analytics.records.filter((record) => record.operationName === 'Unlogged')).toEqual([]);
    expect(quiet.metrics.get('usage_records_sent_total') + quiet.metrics.get('usage_records_dropped_total')).toBe(0);
  });

  it('answers GraphQL as usual while analytics answers 500, and counts the lost batches', async () => {
    analytics.mode = 'fail';
    const failedBefore = stack.router.metrics.get('usage_batches_failed_total');
    const attemptsBefore = analytics.attempts;
    const answer = await stack.graphql(SEARCH, { first: 1 });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeDefined();
    await eventually(() => stack.router.metrics.get('usage_batches_failed_total'), (n) => n > failedBefore, 'a failed batch');
    expect(analytics.attempts).toBeGreaterThan(attemptsBefore);
    expect(stack.router.metrics.get('usage_records_dropped_total')).toBeGreaterThan(0);
    analytics.mode = 'ok';
  });

  it('does not make a request wait for an analytics that never answers', async () => {
    analytics.mode = 'hang';
    const attemptsBefore = analytics.attempts;
    try {
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const answer = await stack.graphql(SEARCH, { first: 1 });
        expect(answer.body.data).toBeDefined();
        // A send awaited by the request would take the client's timeout (5 s).
        expect(Date.now() - started).toBeLessThan(2_000);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(analytics.attempts).toBeGreaterThan(attemptsBefore);
    } finally {
      analytics.release();
    }
  });

  it('answers GraphQL as usual when analytics is gone', async () => {
    await analytics.close();
    const failedBefore = stack.router.metrics.get('usage_batches_failed_total');
    const answer = await stack.graphql(SEARCH, { first: 1 }, bearer(patient.accessToken));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeDefined();
    await eventually(() => stack.router.metrics.get('usage_batches_failed_total'), (n) => n > failedBefore, 'a batch refused by a closed port');
  });
});
