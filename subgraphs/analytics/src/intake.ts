// How events reach analytics: the kit's intake (the Redis Stream in the consumer group `analytics`, or
// the producers' outbox feeds when embedded), each event applied with applyEvent, idempotent by event
// id; the feed cursors are stored with the facts.
import { accountDeletionSteps, readEvent } from '@medpay/contracts';
import { FeedIntake, StreamIntake, type ApplyEvent, type DomainEvent, type EventIntake, type EventSource, type FeedCursors, type InternalClient, type Logger } from '@medpay/runtime';
import { applyEvent } from './projection.js';
import type { AnalyticsStore } from './store/models.js';

export const STREAM_GROUP = 'analytics';

const storedCursors = (store: AnalyticsStore): FeedCursors => ({
  async get(source) {
    const cursor = await store.findById('cursors', source);
    return cursor ? { publishedAt: String(cursor.publishedAt), id: String(cursor.eventId) } : null;
  },
  put: (source, cursor) => store.put('cursors', { _id: source, publishedAt: cursor.publishedAt, eventId: cursor.id }),
});

/** Applies the event to the facts, then runs what follows from it (`after`: e.g. reporting an account deletion's step). */
const applying = (store: AnalyticsStore, after: ApplyEvent) => async (event: DomainEvent) => {
  await applyEvent(store, event);
  await after(event);
};

export const feedIntake = (store: AnalyticsStore, sources: EventSource[], pollMs: number, logger: Logger, after: ApplyEvent = async () => undefined): EventIntake =>
  new FeedIntake(sources, storedCursors(store), applying(store, after), pollMs, logger);

export const streamIntake = (store: AnalyticsStore, redisUrl: string, stream: string, replica: string, logger: Logger, after: ApplyEvent = async () => undefined): EventIntake =>
  new StreamIntake(redisUrl, stream, STREAM_GROUP, replica, applying(store, after), logger);

/**
 * Analytics' part of an account deletion: nothing to erase — its facts hold ids, amounts, statuses and
 * days, never names, contacts or CPFs, and the deleted account's id is now a pseudonym — so it only
 * reports the step done once the event is in (a failed report redelivers the event).
 */
export const reportAccountDeletion = (users: InternalClient): ApplyEvent => async (event) => {
  const deletion = readEvent('account.deletion_requested', event);
  if (deletion) await users.call(accountDeletionSteps, { deletionId: deletion.deletionId, service: 'analytics' });
};
