// The payments subgraph's domain events as the contract defines them (@medpay/contracts'
// domainEventPayloads): one builder per type, each parsed with its schema by the kit's outboxRow, so
// what payments writes cannot drift from what analytics and the other consumers read. Payloads carry
// ids, amounts, statuses, categories and times, never names or documents.
import { domainEventPayloads, type DomainEventPayload } from '@medpay/contracts';
import { outboxRow, uuidFromName } from '@medpay/runtime';
import type { Charge, Installment, Payment, Transfer } from '../generated/prisma/client.js';
import type { NewOutboxEvent } from './outbox-store.js';

export const PAYMENT_CREATED = 'payment.created';
export const PAYMENT_STATUS_CHANGED = 'payment.status_changed';
export const INSTALLMENT_PAID = 'installment.paid';
export const INSTALLMENT_OVERDUE = 'installment.overdue';
export const PLANS_SIMULATED = 'plans.simulated';
export const CHARGE_ISSUED = 'charge.issued';
export const TRANSFER_FAILED = 'transfer.failed';
export const LEDGER_DISCREPANCY_FOUND = 'ledger.discrepancy_found';
export const PERSONAL_DATA_ACCESSED = 'personal_data.accessed';
export const PAYMENT_LINK_CREATED = 'payment_link.created';

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

/** A batch of the sensitive-data access log: who read which person's field, when and why (never the value). */
export const personalDataAccessed = (accesses: DomainEventPayload<typeof PERSONAL_DATA_ACCESSED>['accesses']): NewOutboxEvent =>
  outboxRow(domainEventPayloads, PERSONAL_DATA_ACCESSED, accesses[0]!.id, { accesses });

/**
 * Until when a charge is payable, as the contracts word it: a PIX's expiry, a boleto's due date (the
 * other is null; a card charge has neither). A PIX row's own due date (the checkout's day, or an
 * installment's) is not the PIX's deadline: the installment's due date is in the schedule.
 */
export function chargeDeadline(charge: Pick<Charge, 'method' | 'expiresAt' | 'dueDate'>): { expiresAt: string | null; dueDate: string | null } {
  return {
    expiresAt: charge.method === 'PIX' ? (charge.expiresAt?.toISOString() ?? null) : null,
    dueDate: charge.method === 'BOLETO' ? charge.dueDate : null,
  };
}

/** A PIX or boleto charge now payable at the gateway, as activated; `installmentNumber` null for the payment's own charge. */
export const chargeIssued = (payment: PaymentParties, charge: Pick<Charge, 'method' | 'installmentNumber' | 'amountCentavos' | 'expiresAt' | 'dueDate'>): NewOutboxEvent =>
  outboxRow(domainEventPayloads, CHARGE_ISSUED, payment.id, {
    paymentId: payment.id,
    payerId: payment.payerId,
    clinicId: payment.clinicId,
    method: charge.method,
    installmentNumber: charge.installmentNumber,
    amountCentavos: charge.amountCentavos,
    ...chargeDeadline(charge),
  });

/** A payout to the clinic or a refund to the patient the gateway reported failed (the money went back where it came from). */
export const transferFailed = (payment: Pick<Payment, 'id' | 'clinicId'>, transfer: Pick<Transfer, 'id' | 'amountCentavos'> & { kind: 'PAYOUT' | 'REFUND' }): NewOutboxEvent =>
  outboxRow(domainEventPayloads, TRANSFER_FAILED, payment.id, {
    transferId: transfer.id,
    paymentId: payment.id,
    clinicId: payment.clinicId,
    kind: transfer.kind,
    amountCentavos: transfer.amountCentavos,
  });

/**
 * What a reconciliation run found apart, sorted. The event's id is derived from the sorted list, so
 * the same set found again by a later run (or another replica) is the same event, written once.
 */
export function ledgerDiscrepancyFound(discrepancies: readonly string[], at: Date): NewOutboxEvent {
  const sorted = [...new Set(discrepancies)].sort();
  const id = uuidFromName(`${LEDGER_DISCREPANCY_FOUND}\n${JSON.stringify(sorted)}`);
  return outboxRow(domainEventPayloads, LEDGER_DISCREPANCY_FOUND, 'ledger', { discrepancies: sorted, at: at.toISOString() }, id);
}

/** A payment link made for a patient: notifications sends it to them. */
export const paymentLinkCreated = (link: { id: string; clinicId: string; createdAt: Date }): NewOutboxEvent =>
  outboxRow(domainEventPayloads, PAYMENT_LINK_CREATED, link.id, { linkId: link.id, clinicId: link.clinicId, at: link.createdAt.toISOString() });
