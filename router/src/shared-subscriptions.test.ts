// Shared subscriptions: a client that reads slower than events come (its queue is bounded, and its end
// does not end the subscription for the others), and broadcast groups (who gets in, whose claims
// resolve the events). The upstream and the planner are stand-ins (a sink the test feeds, a planner
// that passes the event through); the real ones are the e2e suites' (e2e/subscriptions.test.ts).
import { describe, expect, it } from '@jest/globals';
import { createLogger, Metrics, type Claims } from '@medpay/runtime';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import { SharedSubscriptions, SUBSCRIPTION_QUEUE_FULL } from './shared-subscriptions.js';
import type { SubgraphLinks } from './subgraph-links.js';
import type { SubscriptionPlan, SubscriptionPlanner } from './subscription-plans.js';

const plan = { primary: { serviceName: 'payments', operation: 'subscription { tick }', variableUsages: [] }, operationName: 'Ticks', source: 'subscription Ticks { tick }' } as unknown as SubscriptionPlan;
const passThrough = { resolve: async (_plan: SubscriptionPlan, event: FormattedExecutionResult) => ({ data: event.data }) } as unknown as SubscriptionPlanner;

/** A stand-in upstream; `refuse` says which callers its check-only subscribe turns away. */
function upstream(refuse: (claims: Claims | null) => boolean = () => false) {
  let emit: ((event: FormattedExecutionResult) => void) | undefined;
  let ended = false;
  const started: (Claims | null)[] = [];
  const checked: (string | undefined)[] = [];
  const links = {
    subscribe: (_subgraph: string, claims: Claims | null, _request: unknown, sink: { next: (event: FormattedExecutionResult) => void }) => {
      started.push(claims);
      emit = (event) => sink.next(event);
      return () => (ended = true);
    },
    check: async (_subgraph: string, claims: Claims | null) => {
      checked.push(claims?.sub);
      return refuse(claims) ? [{ message: 'Acesso negado.', extensions: { code: 'FORBIDDEN' } }] : null;
    },
    close: async () => {},
  } as unknown as SubgraphLinks;
  return { links, emit: (tick: number) => emit!({ data: { tick } }), ended: () => ended, started, checked };
}

const read = async (iterator: AsyncIterableIterator<ExecutionResult>, count: number) => {
  const results: ExecutionResult[] = [];
  while (results.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    results.push(next.value);
  }
  return results;
};

describe('a slow subscriber', () => {
  it('holds at most the limit, then ends with SUBSCRIPTION_QUEUE_FULL; a reader keeping up goes on, and so does the upstream', async () => {
    const source = upstream();
    const metrics = new Metrics();
    const subscriptions = new SharedSubscriptions(passThrough, source.links, createLogger('router-test', 'silent'), metrics, 5);
    const request = { plan, variables: {}, claims: null };
    const slow = subscriptions.open(request);
    const fast = subscriptions.open(request);
    for (let tick = 1; tick <= 20; tick += 1) {
      source.emit(tick);
      await read(fast, 1);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const behind = await read(slow, 100);
    expect(behind.slice(0, 5).map((result) => result.data)).toEqual([1, 2, 3, 4, 5].map((tick) => ({ tick })));
    expect(behind).toHaveLength(6);
    expect(behind[5]!.errors?.[0]?.extensions).toMatchObject({ code: SUBSCRIPTION_QUEUE_FULL, limit: 5 });
    expect(metrics.get('subscription_queue_overflows_total')).toBe(1);
    expect(source.ended()).toBe(false);
    source.emit(21);
    expect(await read(fast, 1)).toEqual([{ data: { tick: 21 } }]);
    await fast.return!();
    expect(source.ended()).toBe(true);
  });
});

describe('a broadcast subscription', () => {
  const broadcastPlan = { ...plan, broadcast: true } as SubscriptionPlan;
  const admin = (sub: string, sid = 's1'): Claims => ({ kind: 'user', sub, sid, roles: ['PLATFORM_ADMIN'], scopes: ['admin'], exp: 2e9 }) as unknown as Claims;
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('lets each new identity in only once the subgraph says yes, runs once upstream, and turns away whom it refuses', async () => {
    const source = upstream((claims) => claims?.sub === 'intruder');
    const resolvedWith: (string | undefined)[] = [];
    const planner = { resolve: async (_plan: SubscriptionPlan, event: FormattedExecutionResult, claims: Claims | null) => (resolvedWith.push(claims?.sub), { data: event.data }) } as unknown as SubscriptionPlanner;
    const metrics = new Metrics();
    const subscriptions = new SharedSubscriptions(planner, source.links, createLogger('router-test', 'silent'), metrics, 10);
    const first = subscriptions.open({ plan: broadcastPlan, variables: {}, claims: admin('a') });
    await settle();
    const second = subscriptions.open({ plan: broadcastPlan, variables: {}, claims: admin('b') });
    const intruder = subscriptions.open({ plan: broadcastPlan, variables: {}, claims: admin('intruder') });
    await settle();
    const againFirst = subscriptions.open({ plan: broadcastPlan, variables: {}, claims: admin('a', 's2') });
    expect(source.checked).toEqual(['a', 'b', 'intruder']);
    expect(source.started.map((claims) => claims?.sub)).toEqual(['a']);
    expect(subscriptions.upstreamCount).toBe(1);
    const [refusal] = await read(intruder, 2);
    expect(refusal!.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', serviceName: 'payments' });
    expect((await intruder.next()).done).toBe(true);
    expect(metrics.get('subscription_checks_refused_total')).toBe(1);

    source.emit(1);
    for (const client of [first, second, againFirst]) expect(await read(client, 1)).toEqual([{ data: { tick: 1 } }]);
    // The one who opened it leaves (signed out, perhaps): the next events resolve with a member's claims.
    await first.return!();
    source.emit(2);
    for (const client of [second, againFirst]) expect(await read(client, 1)).toEqual([{ data: { tick: 2 } }]);
    expect(resolvedWith).toEqual(['a', 'b']);
    await second.return!();
    await againFirst.return!();
    expect(source.ended()).toBe(true);
  });

  it('a caller who leaves while the subgraph is still deciding never joins', async () => {
    const source = upstream();
    const subscriptions = new SharedSubscriptions(passThrough, source.links, createLogger('router-test', 'silent'), new Metrics(), 10);
    const hasty = subscriptions.open({ plan: broadcastPlan, variables: {}, claims: admin('a') });
    await hasty.return!();
    await settle();
    expect(source.started).toEqual([]);
    expect(subscriptions.upstreamCount).toBe(0);
  });
});
