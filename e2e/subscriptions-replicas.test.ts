// Live subscriptions across replicas, on PostgreSQL + Redis: two payments replicas sharing one
// database and two routers. A client on router 1 (served by replica 1) receives an event that
// replica 2 produced and relayed, through Redis pub/sub; and a revoked session ends a live
// connection. Runs only where TEST_DATABASE_URL and TEST_REDIS_URL are set (.ci/run sets both).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PaymentsService } from '@medpay/payments';
import type { Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { eventually, liveClient, LiveSubscription } from './live-client.js';
import { bearer, startStack, type Stack } from './stack.js';

const enabled = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
if (!enabled) console.warn('Subscriptions across replicas skipped: set TEST_DATABASE_URL and TEST_REDIS_URL (.ci/run does) to run it.');

const MY_EVENTS = 'subscription { myPaymentEvents { id status payment { id clinic { tradeName } } } }';

(enabled ? describe : describe.skip)('live subscriptions across replicas (PostgreSQL + Redis)', () => {
  let stack: Stack;
  let replica: PaymentsService;
  let secondRouterUrl: string;
  const clients: Client[] = [];

  const open = (token: string) => {
    const client = liveClient(stack.wsUrl, { token });
    clients.push(client);
    return new LiveSubscription(client, MY_EVENTS);
  };

  beforeAll(async () => {
    stack = await startStack('postgres');
    replica = await stack.startPaymentsReplica();
    secondRouterUrl = `${(await stack.startRouter(replica.url)).url}/graphql`;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await stack?.close();
  });

  it('a client on router 1 receives the events payments replica 2 produced', async () => {
    const { accessToken } = await stack.login('paciente@demo.medpay.com.br');
    const subscription = open(accessToken);
    await eventually(() => stack.payments.metrics.get('subscriptions_active'), (n) => n === 1, 'the subscription on replica 1');
    // Replica 1 only serves the subscription: replica 2 takes the webhooks, moves the money and relays.
    await stack.payments.relay.loop.stop();
    await stack.payments.worker.loop.stop();
    await stack.pointWebhooksAt(replica);

    const post = async <T>(query: string, variables: Record<string, unknown>) => {
      const response = await fetch(secondRouterUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(accessToken) }, body: JSON.stringify({ query, variables }) });
      return ((await response.json()) as { data: T }).data;
    };
    const { procedures } = await post<{ procedures: { edges: { node: { id: string } }[] } }>('{ procedures(filter: { search: "Clareamento" }) { edges { node { id } } } }', {});
    const { checkout } = await post<{ checkout: { id: string; pix: { copiaECola: string } } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
      { input: { procedureId: procedures.edges[0]!.node.id, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
    );
    await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: checkout.pix.copiaECola }) });

    const events = () =>
      subscription.results.flatMap((result) => {
        const event = result.data?.myPaymentEvents as { status: string; payment: { id: string; clinic: { tradeName: string } } } | undefined;
        return event?.payment.id === checkout.id ? [event] : [];
      });
    await subscription.until(() => events().some((event) => event.status === 'IN_ESCROW'), 'IN_ESCROW from replica 2');
    expect(events().map((event) => event.status)).toEqual(['AWAITING_PAYMENT', 'PAID', 'IN_ESCROW']);
    expect(events()[0]!.payment.clinic.tradeName).toBe('Sorriso Paulista');
    // Nothing was left for replica 1 to relay: replica 2 published every event.
    expect(await stack.payments.prisma.outboxEvent.count({ where: { aggregateId: checkout.id, publishedAt: null } })).toBe(0);
  });

  it('ends a live connection when its session is revoked', async () => {
    const { accessToken } = await stack.login('joao.pereira@demo.medpay.com.br');
    const connections = stack.router.metrics.get('ws_connections_active');
    const subscription = open(accessToken);
    await eventually(() => stack.router.metrics.get('ws_connections_active'), (n) => n > connections, 'the connection');
    const logout = await stack.graphql<{ logout: boolean }>('mutation { logout }', {}, bearer(accessToken));
    expect(logout.body.data?.logout).toBe(true);
    await subscription.until((s) => s.ended, 'the connection to close', 5_000);
    expect(subscription.closeCode).toBe(4403);
    expect((subscription.error as { reason?: string }).reason).toBe('Sessão encerrada');
  });
});
