// The providers subgraph's domain events, written to its outbox in the caller's transaction (payloads
// parsed with the contract's schemas), relayed to the bus by the kit's OutboxRelay and read back by
// the outbox feed. Payloads carry ids, prices, statuses, categories and times, never names, reasons
// or other free text.
import { domainEventPayloads } from '@medpay/contracts';
import { outboxRow, prismaOutbox } from '@medpay/runtime';
import type { Clinic, ClinicStatus, Prisma, PrismaClient, Procedure } from './generated/prisma/client.js';

export const CLINIC_APPROVED = 'clinic.approved';
export const CLINIC_SUSPENDED = 'clinic.suspended';
export const CLINIC_REACTIVATED = 'clinic.reactivated';
export const CLINIC_SUBMITTED = 'clinic.submitted';
export const CLINIC_LOCATED = 'clinic.located';
export const CLINIC_PAYOUT_ACCOUNT_CHANGED = 'clinic.payout_account_changed';
export const PROCEDURE_CREATED = 'procedure.created';
export const PROCEDURE_REPRICED = 'procedure.repriced';

type Tx = Prisma.TransactionClient;

export const providersOutbox = (prisma: PrismaClient) => prismaOutbox(prisma.outboxEvent);

const write = (tx: Tx, row: Prisma.OutboxEventCreateInput) => tx.outboxEvent.create({ data: row, select: { id: true } });

/** The event a clinic status change publishes; a rejection publishes none. */
export function clinicStatusEventType(from: ClinicStatus, to: ClinicStatus): typeof CLINIC_APPROVED | typeof CLINIC_SUSPENDED | typeof CLINIC_REACTIVATED | null {
  if (to === 'SUSPENDED') return CLINIC_SUSPENDED;
  if (to === 'ACTIVE') return from === 'SUSPENDED' ? CLINIC_REACTIVATED : CLINIC_APPROVED;
  return null;
}

export async function recordClinicStatusChanged(tx: Tx, from: ClinicStatus, clinic: Pick<Clinic, 'id' | 'status' | 'updatedAt'>) {
  const type = clinicStatusEventType(from, clinic.status);
  if (type) await write(tx, outboxRow(domainEventPayloads, type, clinic.id, { clinicId: clinic.id, from, status: clinic.status, at: clinic.updatedAt.toISOString() }));
}

/**
 * A clinic created: where it is (every clinic), and, when it waits for the back office's review, that
 * it was submitted (one created in another status, the demo data, is not).
 */
export async function recordClinicCreated(tx: Tx, clinic: Pick<Clinic, 'id' | 'status' | 'createdAt' | 'city' | 'state'>) {
  const at = clinic.createdAt.toISOString();
  await write(tx, outboxRow(domainEventPayloads, CLINIC_LOCATED, clinic.id, { clinicId: clinic.id, city: clinic.city, state: clinic.state, at }));
  if (clinic.status === 'PENDING_REVIEW') await write(tx, outboxRow(domainEventPayloads, CLINIC_SUBMITTED, clinic.id, { clinicId: clinic.id, at }));
}

/** What every catalog event says of its procedure. */
const procedureOf = (procedure: Procedure) => ({ procedureId: procedure.id, clinicId: procedure.clinicId, category: procedure.category });

export async function recordProcedureCreated(tx: Tx, procedure: Procedure) {
  const { priceCentavos, interestFreeInstallments, active } = procedure;
  const payload = { ...procedureOf(procedure), priceCentavos, interestFreeInstallments, active, at: procedure.createdAt.toISOString() };
  await write(tx, outboxRow(domainEventPayloads, PROCEDURE_CREATED, procedure.id, payload));
}

/** Publishes only when the price moved. */
export async function recordProcedureRepriced(tx: Tx, before: Procedure, after: Procedure) {
  if (before.priceCentavos === after.priceCentavos) return;
  const payload = { ...procedureOf(after), fromCentavos: before.priceCentavos, priceCentavos: after.priceCentavos, at: after.updatedAt.toISOString() };
  await write(tx, outboxRow(domainEventPayloads, PROCEDURE_REPRICED, after.id, payload));
}

/** A clinic's payouts now go elsewhere: its team hears of it (notifications). */
export async function recordPayoutAccountChanged(tx: Tx, clinic: Pick<Clinic, 'id' | 'payoutBankAccount' | 'updatedAt'>, changedBy: string) {
  const payload = { clinicId: clinic.id, method: clinic.payoutBankAccount ? ('TED' as const) : ('PIX' as const), changedBy, at: clinic.updatedAt.toISOString() };
  await write(tx, outboxRow(domainEventPayloads, CLINIC_PAYOUT_ACCOUNT_CHANGED, clinic.id, payload));
}
