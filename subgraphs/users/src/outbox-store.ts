// The users subgraph's domain events, written to its outbox in the caller's transaction (payloads
// parsed with the contract's schemas), relayed to the bus by the kit's OutboxRelay and read back by
// the outbox feed. Payloads carry ids, roles and times, never names or CPFs.
import { domainEventPayloads } from '@medpay/contracts';
import { outboxRow, prismaOutbox } from '@medpay/runtime';
import type { Prisma, PrismaClient, User } from './generated/prisma/client.js';

export const PATIENT_REGISTERED = 'patient.registered';

export const usersOutbox = (prisma: PrismaClient) => prismaOutbox(prisma.outboxEvent);

export async function recordPatientRegistered(tx: Prisma.TransactionClient, user: Pick<User, 'id' | 'roles' | 'createdAt'>) {
  await tx.outboxEvent.create({
    data: outboxRow(domainEventPayloads, PATIENT_REGISTERED, user.id, { userId: user.id, roles: user.roles, registeredAt: user.createdAt.toISOString() }),
  });
}
