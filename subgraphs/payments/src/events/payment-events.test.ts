import { describe, expect, it } from '@jest/globals';
import { InProcessBus, type DomainEvent } from '@medpay/runtime';
import { paymentChangeOf, PaymentEventFeed } from './payment-events.js';
import { PAYMENT_STATUS_CHANGED } from './domain-events.js';

const event = (id: string, payload: Record<string, unknown>, type = PAYMENT_STATUS_CHANGED): DomainEvent => ({
  id,
  type,
  aggregateId: String(payload.paymentId),
  createdAt: '2026-11-29T12:00:00.000Z',
  payload,
});
const paid = (id: string, paymentId = 'p1', payerId = 'u1') =>
  event(id, { paymentId, payerId, clinicId: 'c1', from: 'AWAITING_PAYMENT', status: 'PAID', escrowState: 'HELD', reason: 'Pagamento confirmado' });

describe('paymentChangeOf', () => {
  it('reads a status change into the PaymentEvent shape', () => {
    expect(paymentChangeOf(paid('e1'), '000000000007')).toEqual({
      id: 'e1', type: PAYMENT_STATUS_CHANGED, paymentId: 'p1', payerId: 'u1', clinicId: 'c1',
      from: 'AWAITING_PAYMENT', status: 'PAID', escrowState: 'HELD', reason: 'Pagamento confirmado', at: '2026-11-29T12:00:00.000Z',
      position: '000000000007',
    });
    expect(paymentChangeOf(event('e2', { paymentId: 'p1', payerId: 'u1', clinicId: 'c1', from: null, status: 'AWAITING_PAYMENT', escrowState: 'NONE', reason: 'x' }))?.from).toBeNull();
  });

  it('ignores other events and payloads it cannot read', () => {
    expect(paymentChangeOf(event('e1', { paymentId: 'p1' }, 'installment.overdue'))).toBeNull();
    expect(paymentChangeOf(event('e1', { paymentId: 'p1', payerId: 'u1', clinicId: 'c1', status: 'SOMETHING_NEW', escrowState: 'HELD' }))).toBeNull();
  });
});

describe('PaymentEventFeed', () => {
  it('delivers the changes that pass the filter, each event once, and stops listening on return', async () => {
    const bus = new InProcessBus();
    const feed = new PaymentEventFeed(bus, async () => null);
    const mine = feed.watch((change) => change.payerId === 'u1');
    await bus.publish(paid('e1'));
    await bus.publish(paid('e1')); // the relay may publish an event twice (at least once)
    await bus.publish(paid('e2', 'p2', 'u2'));
    await bus.publish(paid('e3', 'p3'));
    expect((await mine.next()).value?.id).toBe('e1');
    expect((await mine.next()).value?.id).toBe('e3');
    await mine.return!();
    await bus.publish(paid('e4'));
    expect(await mine.next()).toEqual({ value: undefined, done: true });
  });
});

describe('PaymentEventFeed resuming after a position', () => {
  it('replays what passed the filter after it, oldest first, then goes on live; an event arriving meanwhile comes once, after', async () => {
    const bus = new InProcessBus();
    const positions = new Map<string, string>();
    bus.subscribe((e, position) => positions.set(e.id, position));
    const feed = new PaymentEventFeed(bus, async () => null);
    for (const id of ['e1', 'e2']) await bus.publish(paid(id));
    await bus.publish(paid('e3', 'p3', 'u2'));
    await bus.publish(paid('e4'));
    const resumed = feed.watch((change) => change.payerId === 'u1', positions.get('e1'));
    await bus.publish(paid('e5')); // while the history is read
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await resumed.next()).value!.id);
    expect(ids).toEqual(['e2', 'e4', 'e5']);
    await bus.publish(paid('e6'));
    const live = (await resumed.next()).value!;
    expect([live.id, live.position]).toEqual(['e6', positions.get('e6')]);
    await resumed.return!();
  });
});

describe('PaymentEventFeed.paymentOf', () => {
  it('reads the payment once per event, however many subscribers resolve it', async () => {
    const reads: string[] = [];
    const feed = new PaymentEventFeed(new InProcessBus(), async (id) => {
      reads.push(id);
      return null;
    });
    const change = paymentChangeOf(paid('e1'))!;
    await Promise.all([feed.paymentOf(change), feed.paymentOf(change), feed.paymentOf(change)]);
    await feed.paymentOf(paymentChangeOf(paid('e2'))!);
    expect(reads).toEqual(['p1', 'p1']);
  });
});
