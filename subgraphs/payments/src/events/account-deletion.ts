// Payments' part of an account deletion, on the users subgraph's `account.deletion_requested` event
// (the kit's intake: the Redis Stream in the consumer group `payments`, or users' outbox feed when
// embedded). The payments, the ledger and the accepted contract terms are financial records the law
// keeps for 5 years: they stay, under the deleted account's id, now a pseudonym. What the person
// wrote in free text (a dispute's reason) goes. Then the step is reported; a redelivered event does
// the same again and changes nothing.
import { accountDeletionSteps, outboxFeed, readEvent } from '@medpay/contracts';
import { FeedIntake, InternalClient, outboxSource, prismaFeedCursors, StreamIntake, type DomainEvent, type EventIntake, type Logger } from '@medpay/runtime';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { PersonalDataStore } from '../payments/personal-data-store.js';

const STREAM_GROUP = 'payments';

export interface AccountDeletionIntakeOptions {
  prisma: PrismaClient;
  personalData: PersonalDataStore;
  usersUrl: string;
  internalSecret: string;
  redisUrl?: string;
  eventStream: string;
  pollMs: number;
  replica: string;
  logger: Logger;
}

export function accountDeletionIntake(options: AccountDeletionIntakeOptions): EventIntake {
  const users = new InternalClient(options.usersUrl, 'payments', options.internalSecret, 30_000);
  const apply = async (event: DomainEvent) => {
    const deletion = readEvent('account.deletion_requested', event);
    if (!deletion) return;
    await options.personalData.forgetPayer(deletion.userId);
    await users.call(accountDeletionSteps, { deletionId: deletion.deletionId, service: 'payments' });
  };
  if (options.redisUrl) return new StreamIntake(options.redisUrl, options.eventStream, STREAM_GROUP, options.replica, apply, options.logger);
  return new FeedIntake([outboxSource('users', users, outboxFeed)], prismaFeedCursors(options.prisma.feedCursor), apply, options.pollMs, options.logger);
}
