// Two replicas of every subgraph behind two routers, on PostgreSQL + Redis: a payments replica stops
// in the middle of a checkout load, and no mutation fails, no live event is lost and the ledger stays
// balanced. Runs only where TEST_DATABASE_URL and TEST_REDIS_URL are set (.ci/run sets both).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PaymentsService } from '@medpay/payments';
import type { RunningService } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import type { Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { liveClient, LiveSubscription } from './live-client.js';
import { bearer, demoCast, paymentStatus, startStack, type Stack } from './stack.js';

const enabled = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
if (!enabled) console.warn('Two replicas of every subgraph skipped: set TEST_DATABASE_URL and TEST_REDIS_URL (.ci/run does) to run it.');

const CHECKOUT = 'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }';
const MY_EVENTS = 'subscription { myPaymentEvents { status payment { id clinic { tradeName } } } }';
const CHECKOUTS = 24;

(enabled ? describe : describe.skip)('two replicas of every subgraph behind two routers (PostgreSQL + Redis)', () => {
  let stack: Stack;
  let paymentsReplica: PaymentsService;
  const routers: { url: string; health: () => Promise<Record<string, unknown>> }[] = [];
  let live: Client;

  beforeAll(async () => {
    stack = await startStack('postgres', {}, { notifications: true });
    // It leaves as a deployed replica does: answering, its /health 503, until the routers have seen it.
    paymentsReplica = await stack.startPaymentsReplica({ DRAIN_NOTICE_MS: '1000' });
    const replicas: Record<string, RunningService> = { payments: paymentsReplica };
    for (const name of ['users', 'providers', 'analytics', 'notifications', 'ai'] as const) replicas[name] = await stack.startReplica(name);
    const both = (name: string, first: RunningService) => `${first.url},${replicas[name]!.url}`;
    for (let i = 0; i < 2; i += 1) {
      const router = await stack.startRouter(both('payments', stack.payments), {
        USERS_URL: both('users', stack.users),
        PROVIDERS_URL: both('providers', stack.providers),
        ANALYTICS_URL: both('analytics', stack.analytics),
        NOTIFICATIONS_URL: both('notifications', stack.notifications!),
        AI_URL: both('ai', stack.ai),
        REPLICA_CHECK_MS: '200',
      });
      routers.push({ url: `${router.url}/graphql`, health: () => fetch(`${router.url}/health`).then((response) => response.json() as Promise<Record<string, unknown>>) });
    }
  }, 180_000);
  afterAll(async () => {
    await live?.dispose();
    await stack?.close();
  });

  it('loses no mutation, no event and no centavo when a payments replica stops under a checkout load', async () => {
    const cast = await demoCast(stack);
    const post = async <T>(routerUrl: string, query: string, variables: Record<string, unknown>, token: string) => {
      const response = await fetch(routerUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: T; errors?: unknown[] };
    };
    // The patient watches her payments live through the second router.
    live = liveClient(routers[1]!.url.replace(/^http/, 'ws'), { token: cast.patient.accessToken });
    const watch = new LiveSubscription(live, MY_EVENTS);
    await eventually(() => stack.payments.metrics.get('subscriptions_active') + paymentsReplica.metrics.get('subscriptions_active'), (n) => n === 1, 'the subscription');

    // Six checkouts at a time, spread over both routers; the replica stops after the first third.
    const results: { data?: { checkout: { id: string; pix: { copiaECola: string } } }; errors?: unknown[] }[] = [];
    let stopped: Promise<void> | undefined;
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < CHECKOUTS) {
          const index = next++;
          if (index === CHECKOUTS / 3) stopped = paymentsReplica.close();
          const input = { procedureId: cast.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() };
          results.push(await post(routers[index % 2]!.url, CHECKOUT, { input }, cast.patient.accessToken));
        }
      }),
    );
    await stopped;
    expect(results.filter((result) => result.errors)).toEqual([]);
    const ids = results.map((result) => result.data!.checkout.id);
    expect(new Set(ids).size).toBe(CHECKOUTS);

    // The routers still say they serve, and name the replica that is down.
    for (const router of routers) {
      const health = await eventually(router.health, (body) => Array.isArray(body.replicasDown), 'the replica named down');
      expect(health).toMatchObject({ status: 'ok', subgraphs: { payments: 'ok' }, replicasDown: [{ subgraph: 'payments', url: paymentsReplica.url }] });
    }

    for (const result of results) {
      const paid = await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: result.data!.checkout.pix.copiaECola }) });
      expect(paid.status).toBe(200);
    }
    for (const id of ids) await eventually(() => paymentStatus(stack, cast.admin.accessToken, id), (status) => status === 'IN_ESCROW', `payment ${id} in escrow`);

    // Every payment's whole story reached the live client, in order, whichever replica it was on.
    const storyOf = (id: string) =>
      watch.results.flatMap((result) => {
        const event = result.data?.myPaymentEvents as { status: string; payment: { id: string } } | undefined;
        return event?.payment.id === id ? [event.status] : [];
      });
    await watch.until(() => ids.every((id) => storyOf(id).includes('IN_ESCROW')), 'every payment in escrow, live');
    for (const id of ids) expect(storyOf(id)).toEqual(['AWAITING_PAYMENT', 'PAID', 'IN_ESCROW']);

    const { data } = await post<{ ledgerHealth: { balanced: boolean; discrepancies: string[] } }>(routers[0]!.url, '{ ledgerHealth { balanced discrepancies } }', {}, cast.admin.accessToken);
    expect(data?.ledgerHealth).toEqual({ balanced: true, discrepancies: [] });
  }, 180_000);
});
