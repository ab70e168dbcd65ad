// The users subgraph's domain events, written to its outbox in the caller's transaction (payloads
// parsed with the contract's schemas), relayed to the bus by the kit's OutboxRelay and read back by
// the outbox feed. Payloads carry ids, roles and times, never names or CPFs.
import { domainEventPayloads } from '@medpay/contracts';
import { outboxRow, prismaOutbox, type DataAccessEntry } from '@medpay/runtime';
import type { Prisma, PrismaClient, User } from './generated/prisma/client.js';

export const PATIENT_REGISTERED = 'patient.registered';

export const usersOutbox = (prisma: PrismaClient) => prismaOutbox(prisma.outboxEvent);

export async function recordPatientRegistered(tx: Prisma.TransactionClient, user: Pick<User, 'id' | 'roles' | 'createdAt'>) {
  await tx.outboxEvent.create({
    data: outboxRow(domainEventPayloads, PATIENT_REGISTERED, user.id, { userId: user.id, roles: user.roles, registeredAt: user.createdAt.toISOString() }),
  });
}

export const PERSONAL_DATA_ACCESSED = 'personal_data.accessed';

/** One batch of the sensitive-data access log (ids, field names and purposes; never the values read). */
export async function recordDataAccesses(prisma: PrismaClient, accesses: DataAccessEntry[]) {
  await prisma.outboxEvent.create({ data: outboxRow(domainEventPayloads, PERSONAL_DATA_ACCESSED, accesses[0]!.id, { accesses }) });
}
