// Live payment events for the subscriptions: `payment.status_changed` events from the bus, read
// into a typed change and filtered per subscriber, as async iterators that stop listening on return.
import { PushIterator } from '@medpay/runtime';
import { EscrowState, PaymentStatus, type Payment } from '../generated/prisma/client.js';
import type { DomainEvent, EventBus } from '@medpay/runtime';
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
}

const oneOf = <T extends string>(values: Record<string, T>, value: unknown): T | null => Object.values(values).find((candidate) => candidate === value) ?? null;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The change an event describes; null for other events or a payload this version cannot read. */
export function paymentChangeOf(event: DomainEvent): PaymentChange | null {
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
  };
}

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

  /** The changes that pass `accept`, from now until the iterator is returned. */
  watch(accept: (change: PaymentChange) => boolean): AsyncIterableIterator<PaymentChange> {
    let unsubscribe = () => {};
    const changes = new PushIterator<PaymentChange>(() => unsubscribe());
    unsubscribe = this.bus.subscribe((event) => {
      const change = paymentChangeOf(event);
      if (change && accept(change)) changes.push(change);
    });
    return changes;
  }
}
