// How events reach analytics: the kit's intake (the Redis Stream in the consumer group `analytics`, or
// the producers' outbox feeds when embedded), each event applied with applyEvent, idempotent by event
// id; the feed cursors are stored with the facts.
import { FeedIntake, StreamIntake, type EventIntake, type EventSource, type FeedCursors, type Logger } from '@medpay/runtime';
import { applyEvent } from './projection.js';
import type { DocumentStore } from './store/document-store.js';

export const STREAM_GROUP = 'analytics';

const storedCursors = (store: DocumentStore): FeedCursors => ({
  async get(source) {
    const cursor = await store.findById('cursors', source);
    return cursor ? { publishedAt: String(cursor.publishedAt), id: String(cursor.eventId) } : null;
  },
  put: (source, cursor) => store.put('cursors', { _id: source, publishedAt: cursor.publishedAt, eventId: cursor.id }),
});

export const feedIntake = (store: DocumentStore, sources: EventSource[], pollMs: number, logger: Logger): EventIntake =>
  new FeedIntake(sources, storedCursors(store), (event) => applyEvent(store, event), pollMs, logger);

export const streamIntake = (store: DocumentStore, redisUrl: string, stream: string, replica: string, logger: Logger): EventIntake =>
  new StreamIntake(redisUrl, stream, STREAM_GROUP, replica, (event) => applyEvent(store, event), logger);
