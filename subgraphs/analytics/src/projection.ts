// Domain events into analytics facts. Each event is applied at most once in effect: it is skipped
// when the event log already has it, and every fact merges monotonically (first times, largest
// refunded total, the latest status) or is keyed by the event's own id — so a redelivery after a
// crash between the fact and the log entry changes nothing, and the order events arrive in does not
// matter.
import { readEvent, type DomainEventPayload } from '@medpay/contracts';
import { addDays, dayOf, type DomainEvent } from '@medpay/runtime';
import { mergeVersioned } from '@medpay/documents';
import type { AnalyticsStore } from './store/models.js';

export type PaymentFact = {
  _id: string;
  clinicId: string;
  payerId: string;
  procedureId: string | null;
  category: string | null;
  method: AnalyticsMethod | null;
  grossCentavos: number;
  clinicNetCentavos: number;
  platformFeeCentavos: number;
  processingCostCentavos: number;
  createdDay: string | null;
  paidAt: Date | null;
  paidDay: string | null;
  paidMonth: string | null;
  releasedAt: Date | null;
  disputedAt: Date | null;
  refundedCentavos: number;
  status: string;
  statusAt: Date;
  statusRank: number;
  version: number;
};

export type InstallmentFact = {
  _id: string;
  paymentId: string;
  clinicId: string;
  number: number;
  dueDate: string;
  late30Day: string;
  late90Day: string;
  amountCentavos: number;
  paidDay: string | null;
  version: number;
};

export type AnalyticsMethod = 'PIX' | 'BOLETO' | 'CARD' | 'CARD_INSTALLMENTS' | 'CREDIARIO';

/** How far along a status is: when two moves carry the same time, the later step wins. */
const STATUS_RANK: Record<string, number> = {
  AWAITING_SIGNATURE: 0, AWAITING_PAYMENT: 0, PAID: 1, IN_ESCROW: 2, DISPUTED: 3, RELEASED: 4, PAID_OUT: 5, PARTIALLY_REFUNDED: 6,
  EXPIRED: 7, CANCELED: 7, DECLINED: 7, REFUNDED: 7, CHARGED_BACK: 7,
};
/** Statuses a payment awaiting payment can move to without having been paid. */
const UNPAID_ENDINGS = new Set(['EXPIRED', 'CANCELED', 'DECLINED']);
/** Contested by the patient: at MedPay (a dispute) or at the card's bank (a chargeback). */
const CONTESTED = new Set(['DISPUTED', 'CHARGED_BACK']);

const earliest = (a: Date | null | undefined, b: Date | null): Date | null => (a && b ? (a <= b ? a : b) : (a ?? b));
const earliestDay = (a: string | null | undefined, b: string | null): string | null => (a && b ? (a <= b ? a : b) : (a ?? b));

export const analyticsMethod = (planKind: string, method: string): AnalyticsMethod =>
  planKind === 'CREDIARIO' ? 'CREDIARIO' : planKind === 'CARD_INSTALLMENTS' ? 'CARD_INSTALLMENTS' : (method as AnalyticsMethod);

type Unversioned<T> = Omit<T, 'version'>;

function emptyPayment(id: string, clinicId: string, payerId: string, at: Date): Unversioned<PaymentFact> {
  return {
    _id: id, clinicId, payerId, procedureId: null, category: null, method: null,
    grossCentavos: 0, clinicNetCentavos: 0, platformFeeCentavos: 0, processingCostCentavos: 0,
    createdDay: null, paidAt: null, paidDay: null, paidMonth: null, releasedAt: null, disputedAt: null, refundedCentavos: 0,
    status: 'AWAITING_PAYMENT', statusAt: at, statusRank: 0,
  };
}

const withoutVersion = <T extends { version: number }>({ version: _version, ...rest }: T): Unversioned<T> => rest;

function paymentCreated(current: PaymentFact | null, event: DomainEventPayload<'payment.created'>, at: Date): Unversioned<PaymentFact> {
  const base = current ? withoutVersion(current) : emptyPayment(event.paymentId, event.clinicId, event.payerId, at);
  return {
    ...base,
    procedureId: event.procedureId,
    category: event.category,
    method: analyticsMethod(event.planKind, event.method),
    grossCentavos: event.grossCentavos,
    clinicNetCentavos: event.clinicNetCentavos,
    platformFeeCentavos: event.platformFeeCentavos,
    processingCostCentavos: event.processingCostCentavos,
    createdDay: dayOf(at),
  };
}

function statusChanged(current: PaymentFact | null, event: DomainEventPayload<'payment.status_changed'>, at: Date): Unversioned<PaymentFact> {
  const base = current ? withoutVersion(current) : emptyPayment(event.paymentId, event.clinicId, event.payerId, at);
  const paidNow = event.from === 'AWAITING_PAYMENT' && event.status !== 'AWAITING_PAYMENT' && !UNPAID_ENDINGS.has(event.status) ? at : null;
  const paidAt = earliest(base.paidAt, paidNow);
  const rank = STATUS_RANK[event.status] ?? 0;
  const newer = at > base.statusAt || (at.getTime() === base.statusAt.getTime() && rank >= base.statusRank);
  return {
    ...base,
    paidAt,
    paidDay: paidAt ? dayOf(paidAt) : null,
    paidMonth: paidAt ? dayOf(paidAt).slice(0, 7) : null,
    releasedAt: earliest(base.releasedAt, event.escrowState === 'RELEASED' ? at : null),
    disputedAt: earliest(base.disputedAt, CONTESTED.has(event.status) ? at : null),
    refundedCentavos: Math.max(base.refundedCentavos, event.refundedCentavos),
    ...(newer ? { status: event.status, statusAt: at, statusRank: rank } : {}),
  };
}

function installment(current: InstallmentFact | null, fields: { paymentId: string; clinicId: string; number: number; dueDate: string; amountCentavos: number }, paidDay: string | null): Unversioned<InstallmentFact> {
  return {
    _id: `${fields.paymentId}:${fields.number}`,
    paymentId: fields.paymentId,
    clinicId: fields.clinicId,
    number: fields.number,
    dueDate: fields.dueDate,
    late30Day: addDays(fields.dueDate, 30),
    late90Day: addDays(fields.dueDate, 90),
    amountCentavos: fields.amountCentavos,
    paidDay: earliestDay(current?.paidDay, paidDay),
  };
}

const mergeInstallment = (store: AnalyticsStore, fields: Parameters<typeof installment>[1], paidDay: string | null) =>
  mergeVersioned<InstallmentFact>(store, 'installments', `${fields.paymentId}:${fields.number}`, (current) => installment(current, fields, paidDay));

/** The facts one event changes (none for types analytics does not use). */
export async function project(store: AnalyticsStore, event: DomainEvent): Promise<void> {
  const at = new Date(event.createdAt);
  const created = readEvent('payment.created', event);
  if (created) {
    await mergeVersioned<PaymentFact>(store, 'payments', created.paymentId, (current) => paymentCreated(current, created, at));
    for (const row of created.installments) await mergeInstallment(store, { ...row, paymentId: created.paymentId, clinicId: created.clinicId }, null);
    return;
  }
  const changed = readEvent('payment.status_changed', event);
  if (changed) return mergeVersioned<PaymentFact>(store, 'payments', changed.paymentId, (current) => statusChanged(current, changed, at));
  const paid = readEvent('installment.paid', event);
  if (paid) return mergeInstallment(store, paid, dayOf(new Date(paid.paidAt)));
  const overdue = readEvent('installment.overdue', event);
  if (overdue) return mergeInstallment(store, overdue, null);
  const simulated = readEvent('plans.simulated', event);
  if (simulated) {
    const { clinicId, procedureId, category, count } = simulated;
    await store.insertOnce('simulations', { _id: event.id, clinicId, procedureId, category, count, day: dayOf(new Date(simulated.windowStart)) });
    return;
  }
  const accessed = readEvent('personal_data.accessed', event);
  if (accessed) {
    for (const { id, at, ...access } of accessed.accesses) await store.insertOnce('accesses', { _id: id, ...access, at: new Date(at) });
    return;
  }
  const registered = readEvent('patient.registered', event);
  if (registered?.roles.includes('PATIENT')) await store.insertOnce('patients', { _id: registered.userId, registeredDay: dayOf(new Date(registered.registeredAt)) });
}

export type Applied = 'applied' | 'duplicate';

/** Applies an event once: its facts, then its entry in the event log (the mark that it was applied). */
export async function applyEvent(store: AnalyticsStore, event: DomainEvent, receivedAt = new Date()): Promise<Applied> {
  if (await store.findById('events', event.id)) return 'duplicate';
  await project(store, event);
  const { id, type, aggregateId, payload, createdAt } = event;
  return (await store.insertOnce('events', { _id: id, type, aggregateId, payload, createdAt: new Date(createdAt), receivedAt })) ? 'applied' : 'duplicate';
}
