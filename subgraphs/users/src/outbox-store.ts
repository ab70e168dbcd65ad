// The users subgraph's domain events, written to its outbox in the caller's transaction (payloads
// parsed with the contract's schemas), relayed to the bus by the kit's OutboxRelay and read back by
// the outbox feed. Payloads carry ids, roles and times, never names, CPFs, e-mails or tokens.
import { domainEventPayloads } from '@medpay/contracts';
import { outboxRow, prismaOutbox, type DataAccessEntry } from '@medpay/runtime';
import type { Prisma, PrismaClient, User } from './generated/prisma/client.js';

export const PATIENT_REGISTERED = 'patient.registered';
export const SIGN_UP_REQUESTED = 'sign_up.requested';
export const SIGN_UP_EXISTING_ACCOUNT = 'sign_up.existing_account';

/** Which of an existing account's keys a sign-up gave. */
export type AccountMatch = 'EMAIL' | 'CPF';

export const usersOutbox = (prisma: PrismaClient) => prismaOutbox(prisma.outboxEvent);

/** The DDD of a +55 phone (users store them as +55DDNNNNNNNNN). */
const areaCodeOf = (phone: string | null) => (phone && /^\+55\d{10,11}$/.test(phone) ? phone.slice(3, 5) : null);

export async function recordPatientRegistered(tx: Prisma.TransactionClient, user: Pick<User, 'id' | 'roles' | 'createdAt' | 'phone'>) {
  await tx.outboxEvent.create({
    data: outboxRow(domainEventPayloads, PATIENT_REGISTERED, user.id, { userId: user.id, roles: user.roles, registeredAt: user.createdAt.toISOString(), areaCode: areaCodeOf(user.phone) }),
  });
}

export const PERSONAL_DATA_ACCESSED = 'personal_data.accessed';

/** One batch of the sensitive-data access log (ids, field names and purposes; never the values read). */
export async function recordDataAccesses(prisma: PrismaClient, accesses: DataAccessEntry[]) {
  await prisma.outboxEvent.create({ data: outboxRow(domainEventPayloads, PERSONAL_DATA_ACCESSED, accesses[0]!.id, { accesses }) });
}

/** A sign-up waits for its e-mail: notifications sends the link, asking users for it by the sign-up's id. */
export const LOGIN_FAILED = 'login.failed';

export async function recordLoginFailed(prisma: PrismaClient, userId: string, at: Date) {
  await prisma.outboxEvent.create({ data: outboxRow(domainEventPayloads, LOGIN_FAILED, userId, { userId, at: at.toISOString() }) });
}

export async function recordSignUpRequested(tx: Prisma.TransactionClient, signUpId: string, at: Date) {
  await tx.outboxEvent.create({ data: outboxRow(domainEventPayloads, SIGN_UP_REQUESTED, signUpId, { signUpId, at: at.toISOString() }) });
}

/** A sign-up gave an existing account's e-mail or CPF: notifications tells the account's owner. */
export async function recordSignUpExistingAccount(tx: Prisma.TransactionClient, userId: string, matched: AccountMatch[], at: Date) {
  await tx.outboxEvent.create({ data: outboxRow(domainEventPayloads, SIGN_UP_EXISTING_ACCOUNT, userId, { userId, matched, at: at.toISOString() }) });
}
