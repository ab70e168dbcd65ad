// How events reach analytics. With Redis: the event Stream, read in the consumer group `analytics`
// (at least once, acknowledged after the facts are written, a crashed replica's entries reclaimed).
// Embedded (no Redis, every service in its own process): each source's outbox, read over its signed
// internal feed from the last event applied (the cursor is stored with the facts). Both apply each
// event with applyEvent, idempotent by event id.
import { outboxFeed } from '@medpay/contracts';
import { CoalescingLoop, InternalClient, StreamConsumer, type DomainEvent, type Logger } from '@medpay/runtime';
import { Redis } from 'ioredis';
import { applyEvent } from './projection.js';
import type { DocumentStore } from './store/document-store.js';

export interface EventSource {
  name: 'users' | 'providers' | 'payments';
  client: InternalClient;
}

export interface Lag {
  seconds: number;
  pending: number;
}

export interface EventIntake {
  start(): void;
  /** reads what is waiting now (tests and backfills; the live loop does the same on its own) */
  drain(): Promise<number>;
  lag(): Promise<Lag>;
  stop(): Promise<void>;
}

const FEED_PAGE = 500;
type FeedEvent = DomainEvent & { publishedAt: string };

/** Reads every source's outbox from the stored cursor on. */
export class FeedIntake implements EventIntake {
  private readonly loop: CoalescingLoop;

  constructor(
    private readonly store: DocumentStore,
    private readonly sources: EventSource[],
    private readonly pollMs: number,
    logger: Logger,
  ) {
    this.loop = new CoalescingLoop('analytics-feed', () => this.drain().then(() => undefined), logger);
  }

  start() {
    this.loop.start(this.pollMs);
  }

  private async page(source: EventSource, limit = FEED_PAGE): Promise<FeedEvent[]> {
    const cursor = await this.store.findById('cursors', source.name);
    const after = cursor ? { publishedAt: String(cursor.publishedAt), id: String(cursor.eventId) } : null;
    return (await source.client.call(outboxFeed, { after, limit }))?.events ?? [];
  }

  async drain(): Promise<number> {
    let applied = 0;
    for (const source of this.sources) {
      for (;;) {
        const events = await this.page(source);
        for (const event of events) {
          await applyEvent(this.store, event);
          await this.store.put('cursors', { _id: source.name, publishedAt: event.publishedAt, eventId: event.id });
          applied += 1;
        }
        if (events.length < FEED_PAGE) break;
      }
    }
    return applied;
  }

  async lag(): Promise<Lag> {
    const waiting = (await Promise.all(this.sources.map((source) => this.page(source, 1000)))).flat();
    const oldest = Math.min(...waiting.map((event) => Date.parse(event.createdAt)));
    return { seconds: waiting.length ? Math.max(0, (Date.now() - oldest) / 1000) : 0, pending: waiting.length };
  }

  async stop() {
    await this.loop.stop();
  }
}

export const STREAM_GROUP = 'analytics';

/** Reads the Redis Stream in the `analytics` consumer group. */
export class StreamIntake implements EventIntake {
  private readonly consumer: StreamConsumer;
  private readonly admin: Redis;

  constructor(
    store: DocumentStore,
    redisUrl: string,
    private readonly stream: string,
    replica: string,
    logger: Logger,
  ) {
    this.admin = new Redis(redisUrl);
    this.consumer = new StreamConsumer(new Redis(redisUrl), {
      stream,
      group: STREAM_GROUP,
      consumer: replica,
      startAt: '0',
      logger,
      handle: async (event) => void (await applyEvent(store, event)),
    });
  }

  start() {
    this.consumer.start();
  }

  async drain() {
    await this.consumer.ensureGroup();
    let total = 0;
    for (let handled = await this.consumer.poll(); handled > 0; handled = await this.consumer.poll()) total += handled;
    return total;
  }

  /** From the group's state: entries delivered and not acknowledged, and entries not delivered yet. */
  async lag(): Promise<Lag> {
    const stream = this.stream;
    const groups = (await this.admin.call('XINFO', 'GROUPS', stream).catch(() => [])) as unknown[];
    const group = groups.map(fieldsOf).find((fields) => fields.name === STREAM_GROUP);
    if (!group) return { seconds: 0, pending: 0 };
    const summary = (await this.admin.call('XPENDING', stream, STREAM_GROUP)) as [number, string | null, ...unknown[]];
    const next = (await this.admin.call('XRANGE', stream, `(${String(group['last-delivered-id'])}`, '+', 'COUNT', '1')) as Array<[string, unknown]>;
    const undelivered = Number(group.lag ?? 0);
    const oldestIds = [summary[1], next[0]?.[0]].filter((id): id is string => typeof id === 'string');
    const oldest = Math.min(...oldestIds.map((id) => Number(id.split('-')[0])));
    return { seconds: oldestIds.length ? Math.max(0, (Date.now() - oldest) / 1000) : 0, pending: Number(summary[0] ?? 0) + undelivered };
  }

  async stop() {
    await this.consumer.stop();
    this.admin.disconnect();
  }
}

/** An XINFO reply (flat [key, value, …] in RESP2, a map in RESP3) as an object. */
function fieldsOf(entry: unknown): Record<string, unknown> {
  if (entry instanceof Map) return Object.fromEntries(entry) as Record<string, unknown>;
  if (!Array.isArray(entry)) return {};
  const fields: Record<string, unknown> = {};
  for (let index = 0; index + 1 < entry.length; index += 2) fields[String(entry[index])] = entry[index + 1];
  return fields;
}
