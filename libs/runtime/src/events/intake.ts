// How a consuming service (analytics, notifications, ai) takes in the domain events. With Redis: the
// event Stream, read in the service's consumer group (at least once, acknowledged after the event is
// applied, a crashed replica's entries reclaimed). Embedded (no Redis, every service in its own
// process): each producer's outbox, read over its signed internal feed from the last event applied,
// with the cursor kept by the consumer beside its effects. Both hand each event to `apply`, which is
// idempotent by event id.
import { Redis } from 'ioredis';
import type { z } from 'zod';
import { CoalescingLoop } from '../coalescing-loop.js';
import { InternalClient, type EndpointSchema } from '../internal-calls.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { DomainEvent } from './bus.js';
import type { OutboxFeedQuery, PublishedEvent } from './relay.js';
import { StreamConsumer } from './stream-consumer.js';

/** A producer's outbox feed (the contract `outboxFeed`, called over the service's InternalClient). */
export interface EventSource {
  name: string;
  read(query: OutboxFeedQuery): Promise<PublishedEvent[]>;
}

/** A producer's outbox read over its signed internal feed; `feed` is the contract's `outboxFeed`. */
export const outboxSource = (
  name: string,
  client: InternalClient,
  feed: EndpointSchema<z.ZodType<OutboxFeedQuery>, z.ZodType<{ events: PublishedEvent[] }>>,
): EventSource => ({
  name,
  read: async (query) => (await client.call(feed, query))?.events ?? [],
});

/** The producers' base URLs, as the consumers' configurations name them. */
export interface ProducerUrls {
  USERS_URL: string;
  PROVIDERS_URL: string;
  PAYMENTS_URL: string;
}

/** Every producer's outbox (users, providers, payments), read as `caller` with signed service claims. */
export const producerOutboxes = (urls: ProducerUrls, caller: string, secret: string, feed: Parameters<typeof outboxSource>[2]): EventSource[] =>
  (['users', 'providers', 'payments'] as const).map((name) => outboxSource(name, new InternalClient(urls[`${name.toUpperCase() as 'USERS' | 'PROVIDERS' | 'PAYMENTS'}_URL`], caller, secret, 30_000), feed));

/** Where the consumer is in each source: kept with its effects, so that both survive a restart together. */
export interface FeedCursors {
  get(source: string): Promise<OutboxFeedQuery['after']>;
  put(source: string, cursor: NonNullable<OutboxFeedQuery['after']>): Promise<void>;
}

/** The `feed_cursors` table every embedded consumer declares (same columns), as its Prisma model delegate sees it. */
export interface FeedCursorTable {
  findUnique(args: { where: { source: string } }): PromiseLike<{ publishedAt: Date; eventId: string } | null>;
  upsert(args: { where: { source: string }; create: { source: string; publishedAt: Date; eventId: string }; update: { publishedAt: Date; eventId: string } }): PromiseLike<unknown>;
}

/** FeedCursors over a service's `feed_cursors` model (`prisma.feedCursor`). */
export const prismaFeedCursors = (table: FeedCursorTable): FeedCursors => ({
  async get(source) {
    const row = await table.findUnique({ where: { source } });
    return row ? { publishedAt: row.publishedAt.toISOString(), id: row.eventId } : null;
  },
  async put(source, cursor) {
    const values = { publishedAt: new Date(cursor.publishedAt), eventId: cursor.id };
    await table.upsert({ where: { source }, create: { source, ...values }, update: values });
  },
});

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

export type ApplyEvent = (event: DomainEvent) => Promise<unknown>;

/** The consumer's lag on /metrics (`event_lag_seconds`: the age of the oldest event it has not applied), read when scraped. */
export function reportEventLag(metrics: Metrics, intake: EventIntake) {
  metrics.gauge('event_lag_seconds', 'age of the oldest event this service has not applied yet', [], async () => [{ value: (await intake.lag()).seconds }]);
}

const FEED_PAGE = 500;

/** Reads every source's outbox from the stored cursor on. */
export class FeedIntake implements EventIntake {
  private readonly loop: CoalescingLoop;

  constructor(
    private readonly sources: EventSource[],
    private readonly cursors: FeedCursors,
    private readonly apply: ApplyEvent,
    private readonly pollMs: number,
    logger: Logger,
  ) {
    this.loop = new CoalescingLoop('event-feed', () => this.drain().then(() => undefined), logger);
  }

  start() {
    this.loop.start(this.pollMs);
  }

  private async page(source: EventSource, limit = FEED_PAGE): Promise<PublishedEvent[]> {
    return source.read({ after: await this.cursors.get(source.name), limit });
  }

  async drain(): Promise<number> {
    let applied = 0;
    for (const source of this.sources) {
      for (;;) {
        const events = await this.page(source);
        for (const event of events) {
          await this.apply(event);
          await this.cursors.put(source.name, { publishedAt: event.publishedAt, id: event.id });
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

/** Reads the Redis Stream in the consumer group `group` (one per consuming service). */
export class StreamIntake implements EventIntake {
  private readonly consumer: StreamConsumer;
  private readonly admin: Redis;

  constructor(
    redisUrl: string,
    private readonly stream: string,
    private readonly group: string,
    replica: string,
    apply: ApplyEvent,
    logger: Logger,
  ) {
    this.admin = new Redis(redisUrl);
    this.consumer = new StreamConsumer(new Redis(redisUrl), {
      stream,
      group,
      consumer: replica,
      startAt: '0',
      logger,
      handle: async (event) => void (await apply(event)),
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
    const group = groups.map(fieldsOf).find((fields) => fields.name === this.group);
    if (!group) return { seconds: 0, pending: 0 };
    const summary = (await this.admin.call('XPENDING', stream, this.group)) as [number, string | null, ...unknown[]];
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
