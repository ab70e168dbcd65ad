// What operations see of a checkout. One trace, recorded in memory: the app's trace context continues
// through the router, its fetch to payments, payments' SQL (Prisma) and its call to providers, down
// to the gateway call, and every hop carries the request id the router answered with. And the
// metrics each service's /metrics shows: rate, errors and duration per operation and per subgraph
// fetch, the business gauges, and the process's own.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseMetric, startTracing } from '@medpay/runtime';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { randomBytes, randomUUID } from 'node:crypto';
import { bearer, demoCast, startStack, type Stack } from './stack.js';

const exporter = new InMemorySpanExporter();
const tracing = startTracing('medpay-e2e', exporter)!;

describe('observability', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('embedded');
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await tracing.shutdown();
  });

  it('follows a checkout from the app through router, payments and providers in one trace', async () => {
    const cast = await demoCast(stack);
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`, ...bearer(cast.patient.accessToken) },
      body: JSON.stringify({
        query: 'mutation Checkout($input: CheckoutInput!) { checkout(input: $input) { id } }',
        variables: { input: { procedureId: cast.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
      }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[\w-]{36}$/);

    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const find = (predicate: (span: ReadableSpan) => boolean, what: string) => {
      const found = spans.find(predicate);
      if (!found) throw new Error(`no ${what} among ${spans.map((span) => span.name).join(', ')}`);
      return found;
    };
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const descendsFrom = (span: ReadableSpan, ancestor: ReadableSpan): boolean => {
      const parent = span.parentSpanContext && byId.get(span.parentSpanContext.spanId);
      return parent === ancestor || (parent !== undefined && descendsFrom(parent, ancestor));
    };
    const router = find((span) => span.name === 'router POST /graphql', 'router span');
    expect(router.parentSpanContext?.traceId).toBe(traceId);
    expect(router.attributes).toMatchObject({ 'graphql.operation.name': 'Checkout', 'graphql.operation.type': 'mutation', 'medpay.request_id': requestId });
    const fetchPayments = find((span) => span.name === 'router → payments' && descendsFrom(span, router), "the router's fetch to payments");
    const payments = find((span) => span.name === 'payments POST /graphql' && descendsFrom(span, fetchPayments), 'payments span');
    expect(payments.attributes).toMatchObject({ 'graphql.operation.type': 'mutation', 'medpay.request_id': requestId });
    // payments asks providers for the procedure's price, and the gateway for a PIX charge
    const providers = find((span) => span.name === 'providers POST /internal/procedures' && descendsFrom(span, payments), 'providers span');
    expect(providers.attributes['medpay.request_id']).toBe(requestId);
    find((span) => span.name === 'celcoin POST /pix/v1/collection/immediate' && descendsFrom(span, payments), 'the call to Celcoin');
    // and each SQL statement is a span of the subgraph that ran it
    expect(spans.filter((span) => span.name === 'prisma:client:db_query' && descendsFrom(span, payments)).length).toBeGreaterThan(0);
    expect(spans.filter((span) => span.name === 'prisma:client:db_query' && descendsFrom(span, providers)).length).toBeGreaterThan(0);
  });

  it('shows each service\'s metrics to the scraper', async () => {
    const scrape = async (url: string) => (await fetch(`${url}/metrics`)).text();
    /** the value of the sample of `name` having every one of `labels` (whatever their order and the others) */
    const sample = (body: string, name: string, labels: Record<string, string>) => {
      const line = body.split('\n').find((candidate) => candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)));
      return line === undefined ? undefined : Number(line.split(' ').at(-1));
    };
    const router = await scrape(stack.router.url);
    // the checkout above, per operation and per subgraph fetch
    expect(sample(router, 'medpay_graphql_operation_duration_seconds_count', { operation: 'Checkout', type: 'mutation', outcome: 'success', service: 'router' })).toBeGreaterThanOrEqual(1);
    expect(sample(router, 'medpay_subgraph_fetch_duration_seconds_count', { subgraph: 'payments', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(router).toMatch(/^nodejs_eventloop_lag_seconds /m);
    const payments = await scrape(stack.payments.url);
    expect(sample(payments, 'medpay_graphql_operation_duration_seconds_count', { type: 'mutation', outcome: 'success', service: 'payments' })).toBeGreaterThanOrEqual(1);
    expect(sample(payments, 'medpay_payments', { status: 'AWAITING_PAYMENT', service: 'payments' })).toBeGreaterThanOrEqual(1);
    expect(sample(payments, 'medpay_outbox_lag_seconds', { service: 'payments' })).toBeGreaterThanOrEqual(0);
    expect(parseMetric(payments, 'ledger_discrepancies')).toBe(0);
    expect(parseMetric(payments, 'sql_statements_total')).toBeGreaterThan(0);
    // every outbox's lag, and every consumer's
    expect(sample(await scrape(stack.users.url), 'medpay_outbox_lag_seconds', { service: 'users' })).toBeGreaterThanOrEqual(0);
    expect(sample(await scrape(stack.analytics.url), 'medpay_event_lag_seconds', { service: 'analytics' })).toBeGreaterThanOrEqual(0);
  });
});
