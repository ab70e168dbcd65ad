// The payments subgraph's domain events as the contract defines them (@medpay/contracts'
// domainEventPayloads): one builder per type, each parsed with its schema by the kit's outboxRow, so
// what payments writes cannot drift from what analytics and the other consumers read. Payloads carry
// ids, amounts, statuses, categories and times, never names or documents.
import { domainEventPayloads, type DomainEventPayload } from '@medpay/contracts';
import { outboxRow } from '@medpay/runtime';
import type { Installment, Payment } from '../generated/prisma/client.js';
import type { NewOutboxEvent } from './outbox-store.js';

export const PAYMENT_CREATED = 'payment.created';
export const PAYMENT_STATUS_CHANGED = 'payment.status_changed';
export const INSTALLMENT_PAID = 'installment.paid';
export const INSTALLMENT_OVERDUE = 'installment.overdue';
export const PLANS_SIMULATED = 'plans.simulated';

type PaymentParties = Pick<Payment, 'id' | 'payerId' | 'clinicId'>;
type InstallmentTerms = Pick<Installment, 'number' | 'dueDate' | 'amountCentavos'>;

/** A checkout's payment, with its split and (crediário) schedule. */
export const paymentCreated = (payload: DomainEventPayload<typeof PAYMENT_CREATED>, id?: string): NewOutboxEvent =>
  outboxRow(domainEventPayloads, PAYMENT_CREATED, payload.paymentId, payload, id);

/** A status or escrow move; `payment` as it is after the move. */
export const paymentStatusChanged = (
  payment: PaymentParties & Pick<Payment, 'status' | 'escrowState' | 'refundedCentavos'>,
  move: { from: Payment['status'] | null; reason: string },
  id?: string,
): NewOutboxEvent =>
  outboxRow(
    domainEventPayloads,
    PAYMENT_STATUS_CHANGED,
    payment.id,
    {
      paymentId: payment.id,
      payerId: payment.payerId,
      clinicId: payment.clinicId,
      from: move.from,
      status: payment.status,
      escrowState: payment.escrowState,
      reason: move.reason,
      refundedCentavos: payment.refundedCentavos,
    },
    id,
  );

const installmentOf = (payment: PaymentParties, installment: InstallmentTerms) => ({
  paymentId: payment.id,
  payerId: payment.payerId,
  clinicId: payment.clinicId,
  number: installment.number,
  dueDate: installment.dueDate,
  amountCentavos: installment.amountCentavos,
});

/** A crediário installment paid; its scheduled amount (late charges are not part of it). */
export const installmentPaid = (payment: PaymentParties, installment: InstallmentTerms, paidAt: Date): NewOutboxEvent =>
  outboxRow(domainEventPayloads, INSTALLMENT_PAID, payment.id, { ...installmentOf(payment, installment), paidAt: paidAt.toISOString() });

export const installmentOverdue = (payment: PaymentParties, installment: InstallmentTerms): NewOutboxEvent =>
  outboxRow(domainEventPayloads, INSTALLMENT_OVERDUE, payment.id, installmentOf(payment, installment));

/** How many plan simulations one procedure had in a window (aggregated per procedure). */
export const plansSimulated = (payload: DomainEventPayload<typeof PLANS_SIMULATED>): NewOutboxEvent =>
  outboxRow(domainEventPayloads, PLANS_SIMULATED, payload.procedureId, payload);
