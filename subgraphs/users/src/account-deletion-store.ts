// Data access for account deletions: the one place that knows account_deletions and their steps, and
// that writes a deletion together with the account's anonymization, the revocation of every session
// of the person and the outbox event, in one transaction.
import { outboxRow } from '@medpay/runtime';
import { domainEventPayloads } from '@medpay/contracts';
import type { AccountDeletion, AccountDeletionStep, PrismaClient } from './generated/prisma/client.js';

export type AccountDeletionWithSteps = AccountDeletion & { steps: AccountDeletionStep[] };

export const ACCOUNT_DELETION_REQUESTED = 'account.deletion_requested';

/** Every service holding personal data carries out its part: users at once, the others on the event. */
export const DELETION_SERVICES = ['users', 'payments', 'providers', 'notifications', 'analytics', 'ai'] as const;
export type DeletionService = (typeof DELETION_SERVICES)[number];

const withSteps = { steps: { orderBy: { service: 'asc' } } } as const;

export class AccountDeletionStore {
  constructor(private readonly prisma: PrismaClient) {}

  findByUser(userId: string): Promise<AccountDeletionWithSteps | null> {
    return this.prisma.accountDeletion.findUnique({ where: { userId }, include: withSteps });
  }

  /** Newest first, for platform admins. */
  list(take: number): Promise<AccountDeletionWithSteps[]> {
    return this.prisma.accountDeletion.findMany({ orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }], take, include: withSteps });
  }

  /**
   * Anonymizes the account and records its deletion, all or nothing: the profile loses everything
   * that identifies the person (the e-mail and CPF are free for a new sign-up), the account is locked,
   * every session of the person is revoked (the router reads the person's id in the sessions feed),
   * and the event tells the other services to do their part.
   */
  async record(userId: string, now: Date): Promise<AccountDeletionWithSteps> {
    return this.prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: userId },
        data: {
          name: 'Conta excluída',
          email: `excluida+${userId}@contas-excluidas.medpay.invalid`,
          phone: null,
          cpfEncrypted: null,
          cpfBlindIndex: null,
          // not a hash any password verifies against
          passwordHash: 'deleted',
          lockedAt: now,
        },
      });
      await tx.sessionRevocation.upsert({ where: { sessionId: userId }, create: { sessionId: userId, revokedAt: now }, update: {} });
      const deletion = await tx.accountDeletion.create({
        data: {
          userId,
          requestedAt: now,
          steps: { create: DELETION_SERVICES.map((service) => (service === 'users' ? { service, status: 'DONE' as const, completedAt: now } : { service })) },
        },
        include: withSteps,
      });
      await tx.outboxEvent.create({
        data: outboxRow(domainEventPayloads, ACCOUNT_DELETION_REQUESTED, userId, { deletionId: deletion.id, userId, requestedAt: now.toISOString() }),
      });
      return deletion;
    });
  }

  /** Marks a service's step done (again: nothing changes); the deletion completes with its last step. Null: unknown deletion. */
  async completeStep(deletionId: string, service: DeletionService, now: Date): Promise<AccountDeletion | null> {
    return this.prisma.$transaction(async (tx) => {
      // Steps reported at the same moment take turns: each would otherwise count the other's as pending,
      // and neither would complete the deletion.
      await tx.$executeRaw`SELECT 1 FROM account_deletions WHERE id = ${deletionId}::uuid FOR UPDATE`;
      const deletion = await tx.accountDeletion.findUnique({ where: { id: deletionId } });
      if (!deletion) return null;
      await tx.accountDeletionStep.updateMany({ where: { deletionId, service, status: 'PENDING' }, data: { status: 'DONE', completedAt: now } });
      const pending = await tx.accountDeletionStep.count({ where: { deletionId, status: 'PENDING' } });
      if (pending > 0 || deletion.status === 'COMPLETED') return deletion;
      return tx.accountDeletion.update({ where: { id: deletionId }, data: { status: 'COMPLETED', completedAt: now } });
    });
  }
}
