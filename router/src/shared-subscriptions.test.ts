// Shared subscriptions with a client that reads slower than events come: its queue is bounded, and
// its end does not end the subscription for the others. The upstream and the planner are stand-ins
// (a sink the test feeds, a planner that passes the event through); the real ones are the e2e suites'.
import { describe, expect, it } from '@jest/globals';
import { createLogger, Metrics } from '@medpay/runtime';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import { SharedSubscriptions, SUBSCRIPTION_QUEUE_FULL } from './shared-subscriptions.js';
import type { SubgraphLinks } from './subgraph-links.js';
import type { SubscriptionPlan, SubscriptionPlanner } from './subscription-plans.js';

const plan = { primary: { serviceName: 'payments', operation: 'subscription { tick }', variableUsages: [] }, operationName: 'Ticks', source: 'subscription Ticks { tick }' } as unknown as SubscriptionPlan;
const passThrough = { resolve: async (_plan: SubscriptionPlan, event: FormattedExecutionResult) => ({ data: event.data }) } as unknown as SubscriptionPlanner;

function upstream() {
  let emit: ((event: FormattedExecutionResult) => void) | undefined;
  let ended = false;
  const links = {
    subscribe: (_subgraph: string, _claims: unknown, _request: unknown, sink: { next: (event: FormattedExecutionResult) => void }) => {
      emit = (event) => sink.next(event);
      return () => (ended = true);
    },
    close: async () => {},
  } as unknown as SubgraphLinks;
  return { links, emit: (tick: number) => emit!({ data: { tick } }), ended: () => ended };
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
