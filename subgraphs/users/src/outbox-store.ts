// The users subgraph's domain events, written to its outbox in the caller's transaction and relayed
// to the bus by the kit's OutboxRelay. Payloads carry ids, roles and times, never names or CPFs.
import { prismaOutbox, type OutboxStore } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient, User } from './generated/prisma/client.js';

export const PATIENT_REGISTERED = 'patient.registered';

export const usersOutbox = (prisma: PrismaClient): OutboxStore => prismaOutbox(prisma.outboxEvent);

export async function recordPatientRegistered(tx: Prisma.TransactionClient, user: Pick<User, 'id' | 'roles' | 'createdAt'>) {
  await tx.outboxEvent.create({
    data: { id: randomUUID(), type: PATIENT_REGISTERED, aggregateId: user.id, payload: { userId: user.id, roles: user.roles, registeredAt: user.createdAt.toISOString() } },
  });
}
