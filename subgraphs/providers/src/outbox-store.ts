// The providers subgraph's domain events, written to its outbox in the caller's transaction and
// relayed to the bus by the kit's OutboxRelay. Payloads carry ids, prices, statuses, categories and
// times, never names, reasons or other free text.
import { prismaOutbox, type OutboxStore } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { Clinic, ClinicStatus, Prisma, PrismaClient, Procedure } from './generated/prisma/client.js';

export const CLINIC_APPROVED = 'clinic.approved';
export const CLINIC_SUSPENDED = 'clinic.suspended';
export const CLINIC_REACTIVATED = 'clinic.reactivated';
export const PROCEDURE_CREATED = 'procedure.created';
export const PROCEDURE_REPRICED = 'procedure.repriced';

type Tx = Prisma.TransactionClient;

export const providersOutbox = (prisma: PrismaClient): OutboxStore => prismaOutbox(prisma.outboxEvent);

const write = (tx: Tx, type: string, aggregateId: string, payload: Prisma.InputJsonObject) =>
  tx.outboxEvent.create({ data: { id: randomUUID(), type, aggregateId, payload } });

/** The event a clinic status change publishes; a rejection publishes none. */
export function clinicStatusEventType(from: ClinicStatus, to: ClinicStatus): string | null {
  if (to === 'SUSPENDED') return CLINIC_SUSPENDED;
  if (to === 'ACTIVE') return from === 'SUSPENDED' ? CLINIC_REACTIVATED : CLINIC_APPROVED;
  return null;
}

export async function recordClinicStatusChanged(tx: Tx, from: ClinicStatus, clinic: Pick<Clinic, 'id' | 'status' | 'updatedAt'>) {
  const type = clinicStatusEventType(from, clinic.status);
  if (type) await write(tx, type, clinic.id, { clinicId: clinic.id, from, status: clinic.status, at: clinic.updatedAt.toISOString() });
}

export async function recordProcedureCreated(tx: Tx, procedure: Procedure) {
  await write(tx, PROCEDURE_CREATED, procedure.id, {
    procedureId: procedure.id,
    clinicId: procedure.clinicId,
    category: procedure.category,
    priceCentavos: procedure.priceCentavos,
    interestFreeInstallments: procedure.interestFreeInstallments,
    active: procedure.active,
    at: procedure.createdAt.toISOString(),
  });
}

/** Publishes only when the price moved. */
export async function recordProcedureRepriced(tx: Tx, before: Procedure, after: Procedure) {
  if (before.priceCentavos === after.priceCentavos) return;
  await write(tx, PROCEDURE_REPRICED, after.id, {
    procedureId: after.id,
    clinicId: after.clinicId,
    category: after.category,
    fromCentavos: before.priceCentavos,
    priceCentavos: after.priceCentavos,
    at: after.updatedAt.toISOString(),
  });
}
