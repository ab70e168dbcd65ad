// Providers' part of an account deletion, on the users subgraph's `account.deletion_requested` event
// (the kit's intake: the Redis Stream in the consumer group `providers`, or users' outbox feed when
// embedded): the person leaves every clinic team. The API keys they created belong to their clinic and
// stay, their author now a pseudonym. Then the step is reported; a redelivered event does the same
// again and changes nothing.
import { accountDeletionSteps, outboxFeed, readEvent } from '@medpay/contracts';
import { FeedIntake, InternalClient, outboxSource, prismaFeedCursors, StreamIntake, type DomainEvent, type EventIntake, type Logger } from '@medpay/runtime';
import type { ClinicStore } from './clinic-store.js';
import type { PrismaClient } from './generated/prisma/client.js';

const STREAM_GROUP = 'providers';

export interface AccountDeletionIntakeOptions {
  prisma: PrismaClient;
  clinics: ClinicStore;
  usersUrl: string;
  internalSecret: string;
  redisUrl?: string;
  eventStream: string;
  pollMs: number;
  replica: string;
  logger: Logger;
}

export function accountDeletionIntake(options: AccountDeletionIntakeOptions): EventIntake {
  const users = new InternalClient(options.usersUrl, 'providers', options.internalSecret, 30_000);
  const apply = async (event: DomainEvent) => {
    const deletion = readEvent('account.deletion_requested', event);
    if (!deletion) return;
    await options.clinics.removeAllMemberships(deletion.userId);
    await users.call(accountDeletionSteps, { deletionId: deletion.deletionId, service: 'providers' });
  };
  if (options.redisUrl) return new StreamIntake(options.redisUrl, options.eventStream, STREAM_GROUP, options.replica, apply, options.logger);
  return new FeedIntake([outboxSource('users', users, outboxFeed)], prismaFeedCursors(options.prisma.feedCursor), apply, options.pollMs, options.logger);
}
