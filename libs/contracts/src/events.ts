// The domain events as their consumers read them: one zod schema per event type, shared by the
// service that writes it to its outbox and every service that consumes it (analytics, notifications,
// ai). Payloads carry ids, amounts, statuses, categories and times — never CPFs, names, procedure
// names or other free text (LGPD: health data). The event's own `createdAt` is when it happened,
// unless the payload says otherwise (`paidAt`).
import { z } from 'zod';

const id = z.string().min(1);
const centavos = z.number().int();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const paymentStatus = z.enum(['AWAITING_SIGNATURE', 'AWAITING_PAYMENT', 'PAID', 'IN_ESCROW', 'RELEASED', 'PAID_OUT', 'EXPIRED', 'CANCELED', 'DECLINED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'DISPUTED', 'CHARGED_BACK']);
/** One read in the sensitive-data access log. */
export const dataAccess = z.object({
  /** unique per read: analytics keys its log on it */
  id: z.uuid(),
  /** the person, or the partner key's id */
  readerId: id,
  readerKind: z.enum(['user', 'partner']),
  /** the reader's platform roles (PATIENT, CLINIC_STAFF, PLATFORM_ADMIN) */
  readerRoles: z.array(z.string()),
  /** the clinic the reader acted for, when the read went through one (staff, partner keys) */
  readerClinicId: id.nullable(),
  /** the person whose data was read */
  subjectId: id,
  /** the field coordinate, e.g. User.cpf, Payment.procedure */
  field: z.string().regex(/^[A-Z][A-Za-z]*\.[a-z][A-Za-z]*$/),
  /** the client's operation name ('' when anonymous) */
  operation: z.string().max(200),
  purpose: z.enum(['CLINIC_SERVICE', 'CLINIC_INTEGRATION', 'BACK_OFFICE_SUPPORT', 'DISPUTE_DECISION']),
  at: z.iso.datetime(),
});
export type DataAccess = z.output<typeof dataAccess>;

const clinicStatus = z.object({ clinicId: id, from: z.string(), status: z.string(), at: z.iso.datetime() });

export const domainEventPayloads = {
  /**
   * users: an account with the PATIENT role was created (a sign-up's e-mail was confirmed, or the demo
   * data). `areaCode`: the DDD of the phone given, if any — a region, not an address (anti-fraud's
   * distance to the clinic); absent on events written before it existed.
   */
  'patient.registered': z.object({ userId: id, roles: z.array(z.string()), registeredAt: z.iso.datetime(), areaCode: z.string().regex(/^\d{2}$/).nullable().optional() }),
  /**
   * users: a person deleted their account (already anonymized in users). Each service anonymizes its
   * part and reports it done at /internal/account-deletion-steps; the user id stays as the pseudonym
   * of the records the law keeps.
   */
  'account.deletion_requested': z.object({ deletionId: id, userId: id, requestedAt: z.iso.datetime() }),
  /**
   * users: a sign-up waits for its e-mail to be confirmed. Only its id travels: notifications asks users
   * for the address and a confirmation token when it sends the e-mail, so no secret is ever in the log.
   */
  'sign_up.requested': z.object({ signUpId: id, at: z.iso.datetime() }),
  /** users: a sign-up gave the e-mail or the CPF of an existing account, whose owner is told (no account is made) */
  'sign_up.existing_account': z.object({ userId: id, matched: z.array(z.enum(['EMAIL', 'CPF'])).min(1), at: z.iso.datetime() }),
  /** users: a wrong password for an existing account (anti-fraud counts them before a checkout) */
  'login.failed': z.object({ userId: id, at: z.iso.datetime() }),

  /** providers: clinic status changes */
  'clinic.approved': clinicStatus,
  'clinic.suspended': clinicStatus,
  'clinic.reactivated': clinicStatus,
  /** providers: catalog */
  'procedure.created': z.object({ procedureId: id, clinicId: id, category: z.string(), priceCentavos: centavos, interestFreeInstallments: z.number().int(), active: z.boolean(), at: z.iso.datetime() }),
  'procedure.repriced': z.object({ procedureId: id, clinicId: id, category: z.string(), fromCentavos: centavos, priceCentavos: centavos, at: z.iso.datetime() }),

  /**
   * payments: how many plan simulations one procedure had in a window (anonymous, counted in memory
   * and written in batches: a simulation is a query, and a query must not write a row each).
   */
  'plans.simulated': z.object({ clinicId: id, procedureId: id, category: z.string(), count: z.number().int().positive(), windowStart: z.iso.datetime() }),
  /** payments: a checkout created a payment (written with it); the split is the payment's */
  'payment.created': z.object({
    paymentId: id,
    payerId: id,
    clinicId: id,
    procedureId: id,
    category: z.string(),
    planKind: z.enum(['A_VISTA', 'CARD_INSTALLMENTS', 'CREDIARIO']),
    method: z.enum(['PIX', 'BOLETO', 'CARD']),
    installmentCount: z.number().int().positive(),
    grossCentavos: centavos,
    platformFeeCentavos: centavos,
    processingCostCentavos: centavos,
    clinicNetCentavos: centavos,
    patientTotalCentavos: centavos,
    /** crediário's schedule; empty for other plans */
    installments: z.array(z.object({ number: z.number().int().positive(), dueDate: day, amountCentavos: centavos })),
  }),
  /** payments: every status or escrow move; `refundedCentavos` is the payment's total refunded after it */
  'payment.status_changed': z.object({
    paymentId: id,
    payerId: id,
    clinicId: id,
    from: paymentStatus.nullable(),
    status: paymentStatus,
    escrowState: z.enum(['NONE', 'HELD', 'RELEASED', 'PAID_OUT', 'RETURNED']),
    reason: z.string(),
    refundedCentavos: centavos.default(0),
  }),
  /** payments: a crediário installment was paid */
  'installment.paid': z.object({ paymentId: id, payerId: id, clinicId: id, number: z.number().int().positive(), dueDate: day, amountCentavos: centavos, paidAt: z.iso.datetime() }),
  /** payments: an issued installment passed its due date unpaid */
  'installment.overdue': z.object({ paymentId: id, payerId: id, clinicId: id, number: z.number().int().positive(), dueDate: day, amountCentavos: centavos }),

  /** payments: a charge (PIX or boleto, at checkout or for a crediário installment) was issued */
  'charge.issued': z.object({
    paymentId: id,
    payerId: id,
    clinicId: id,
    method: z.enum(['PIX', 'BOLETO', 'CARD']),
    /** the crediário installment it collects; null for the payment's own charge */
    installmentNumber: z.number().int().positive().nullable(),
    amountCentavos: centavos,
    /** PIX: when the code stops being payable */
    expiresAt: z.iso.datetime().nullable(),
    /** boleto: its due date */
    dueDate: day.nullable(),
  }),
  /** payments: a transfer to a clinic (payout) or back to a patient (refund) failed at the gateway */
  'transfer.failed': z.object({ transferId: id, paymentId: id, clinicId: id, kind: z.enum(['PAYOUT', 'REFUND']), amountCentavos: centavos }),
  /** payments: a reconciliation run found its books and the gateway's apart (the list as the run words it: ids and amounts) */
  'ledger.discrepancy_found': z.object({ discrepancies: z.array(z.string()).min(1), at: z.iso.datetime() }),
  /** payments: a clinic made a payment link for a patient (notifications sends it; the patient's data stays in payments) */
  'payment_link.created': z.object({ linkId: id, clinicId: id, at: z.iso.datetime() }),
  /** providers: a clinic signed up and waits for the back office's review */
  'clinic.submitted': z.object({ clinicId: id, at: z.iso.datetime() }),
  /** providers: a clinic's admin changed where its payouts go (its team is told: a redirected payout is a classic fraud) */
  'clinic.payout_account_changed': z.object({ clinicId: id, method: z.enum(['PIX', 'TED']), changedBy: id, at: z.iso.datetime() }),
  /** providers: where a clinic is (its address's city and state), published when it is created */
  'clinic.located': z.object({ clinicId: id, city: z.string().min(1).max(100), state: z.string().regex(/^[A-Z]{2}$/), at: z.iso.datetime() }),
  /**
   * users, payments: reads of sensitive personal data (a whole CPF, health data, another person's
   * data by clinic staff, partner systems or admins), batched — the sensitive-data access log (LGPD).
   * Who, whose, which field, when and why; never the value read.
   */
  'personal_data.accessed': z.object({ accesses: z.array(dataAccess).min(1).max(500) }),
} as const;

export type DomainEventType = keyof typeof domainEventPayloads;
export type DomainEventPayload<Type extends DomainEventType> = z.output<(typeof domainEventPayloads)[Type]>;

/** A consumer's reading of an event: the typed payload, or null for a type it does not know or a payload off the contract. */
export function readEvent<Type extends DomainEventType>(type: Type, event: { type: string; payload: unknown }): DomainEventPayload<Type> | null {
  if (event.type !== type) return null;
  const parsed = domainEventPayloads[type].safeParse(event.payload);
  return parsed.success ? (parsed.data as DomainEventPayload<Type>) : null;
}

/** One page of a service's outbox, oldest first by publication: analytics' feed in the embedded mode, and every backfill. */
export const outboxFeedRequest = z.object({
  /** the last event already read (its publication time and id), null from the start */
  after: z.object({ publishedAt: z.iso.datetime(), id: z.string() }).nullable(),
  limit: z.number().int().min(1).max(1000),
});

export const outboxFeedResponse = z.object({
  events: z.array(
    z.object({ id: z.string(), type: z.string(), aggregateId: z.string(), payload: z.record(z.string(), z.unknown()), createdAt: z.iso.datetime(), publishedAt: z.iso.datetime() }),
  ),
});
