// Live payment events for the subscriptions: `payment.status_changed` events from the bus, read
// into a typed change and filtered per subscriber, as async iterators that stop listening on return.
// A subscription taken up again after the router lost its connection (`after`: the bus position of
// the last event it got) first replays what it missed from the bus's history, then goes on live.
import { PushIterator } from '@medpay/runtime';
import { EscrowState, PaymentStatus, type Payment } from '../generated/prisma/client.js';
import type { DomainEvent, EventBus, PositionedEvent } from '@medpay/runtime';
import { PAYMENT_STATUS_CHANGED } from './domain-events.js';

/** One status change, shaped as the schema's PaymentEvent (its `payment` is resolved from paymentId). */
export interface PaymentChange {
  /** the outbox event's id */
  id: string;
  type: string;
  paymentId: string;
  payerId: string;
  clinicId: string;
  from: PaymentStatus | null;
  status: PaymentStatus;
  escrowState: EscrowState;
  reason: string;
  at: string;
  /** where the event sits on the bus: the router asks to resume after it (subgraph-subscriptions.ts in the kit) */
  position: string;
}

const oneOf = <T extends string>(values: Record<string, T>, value: unknown): T | null => Object.values(values).find((candidate) => candidate === value) ?? null;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The change an event describes; null for other events or a payload this version cannot read. */
export function paymentChangeOf(event: DomainEvent, position = ''): PaymentChange | null {
  if (event.type !== PAYMENT_STATUS_CHANGED) return null;
  const { payload } = event;
  const paymentId = text(payload.paymentId);
  const payerId = text(payload.payerId);
  const clinicId = text(payload.clinicId);
  const status = oneOf(PaymentStatus, payload.status);
  const escrowState = oneOf(EscrowState, payload.escrowState);
  if (!paymentId || !payerId || !clinicId || !status || !escrowState) return null;
  return {
    id: event.id,
    type: event.type,
    paymentId,
    payerId,
    clinicId,
    from: oneOf(PaymentStatus, payload.from),
    status,
    escrowState,
    reason: text(payload.reason) ?? '',
    at: event.createdAt,
    position,
  };
}

const HISTORY_PAGE = 1000;

export class PaymentEventFeed {
  /** the payment each recent event is about, read once for all its subscribers (most recent last) */
  private readonly payments = new Map<string, Promise<Payment | null>>();

  constructor(
    private readonly bus: EventBus,
    private readonly loadPayment: (id: string) => Promise<Payment | null>,
  ) {}

  /**
   * The payment a change is about, as it is when the first subscriber resolves the event: a
   * thousand subscribers to one clinic cost one read per event, not a thousand.
   */
  paymentOf(change: PaymentChange): Promise<Payment | null> {
    let payment = this.payments.get(change.id);
    if (!payment) {
      payment = this.loadPayment(change.paymentId);
      payment.catch(() => this.payments.delete(change.id));
      this.payments.set(change.id, payment);
      if (this.payments.size > 1000) this.payments.delete(this.payments.keys().next().value!);
    }
    return payment;
  }

  /** Every event published after `after`, read from the bus's history a page at a time. */
  private async missedSince(after: string): Promise<PositionedEvent[]> {
    const missed: PositionedEvent[] = [];
    for (let from = after; ; ) {
      const page = await this.bus.since(from, HISTORY_PAGE);
      missed.push(...page);
      if (page.length < HISTORY_PAGE) return missed;
      from = page.at(-1)!.position;
    }
  }

  /**
   * The changes that pass `accept`, from now until the iterator is returned; with `after`, first
   * those published after that position (oldest first), each once.
   */
  watch(accept: (change: PaymentChange) => boolean, after?: string): AsyncIterableIterator<PaymentChange> {
    let unsubscribe = () => {};
    const changes = new PushIterator<PaymentChange>(() => unsubscribe());
    const offer = (event: DomainEvent, position: string) => {
      const change = paymentChangeOf(event, position);
      if (change && accept(change)) changes.push(change);
    };
    if (!after) {
      unsubscribe = this.bus.subscribe(offer);
      return changes;
    }
    // Listen first and hold what arrives while the history is read, so nothing falls in between.
    const held: [DomainEvent, string][] = [];
    let replaying = true;
    unsubscribe = this.bus.subscribe((event, position) => (replaying ? held.push([event, position]) : offer(event, position)));
    void this.missedSince(after).then(
      (missed) => {
        const replayed = new Set(missed.map(({ event }) => event.id));
        for (const { event, position } of missed) offer(event, position);
        for (const [event, position] of held) if (!replayed.has(event.id)) offer(event, position);
        replaying = false;
      },
      (error: unknown) => changes.fail(error),
    );
    return changes;
  }
}
