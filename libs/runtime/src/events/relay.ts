// A service's transactional outbox: events are written in the same database transaction as the
// change they describe (their payloads parsed with the contract's schema), published here to the
// event bus at least once, in order, and read back as a feed of what was published (/internal/outbox).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CoalescingLoop } from '../coalescing-loop.js';
import { AppError } from '../errors.js';
import { isUuid } from '../ids.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { DomainEvent, EventBus } from './bus.js';

/** A service's outbox table, seen by the relay (each service implements it over its own Prisma client). */
export interface OutboxStore {
  /** the oldest unpublished events, by creation time then id */
  unpublished(limit: number): Promise<DomainEvent[]>;
  markPublished(id: string): Promise<void>;
}

export class OutboxRelay {
  readonly loop: CoalescingLoop;

  constructor(
    private readonly outbox: OutboxStore,
    private readonly bus: EventBus,
    logger: Logger,
  ) {
    this.loop = new CoalescingLoop('outbox-relay', () => this.relay(), logger);
  }

  private async relay() {
    for (;;) {
      const batch = await this.outbox.unpublished(100);
      if (batch.length === 0) return;
      // Publish before marking: a crash in between publishes the row again, which consumers absorb
      // by event id; the other order could lose an event.
      for (const event of batch) {
        await this.bus.publish(event);
        await this.outbox.markPublished(event.id);
      }
    }
  }
}

/**
 * A row for a service's outbox, its payload parsed with the schema its contract gives the type
 * (`domainEventPayloads` in @medpay/contracts): a producer cannot write a payload off the contract,
 * by the type check first and by the parse (which also applies the schema's defaults) at run time.
 */
export function outboxRow<Schemas extends Record<string, z.ZodType<Record<string, unknown>>>, Type extends keyof Schemas & string>(
  schemas: Schemas,
  type: Type,
  aggregateId: string,
  payload: z.input<Schemas[Type]>,
  id: string = randomUUID(),
): { id: string; type: Type; aggregateId: string; payload: z.output<Schemas[Type]> } {
  return { id, type, aggregateId, payload: schemas[type]!.parse(payload) as z.output<Schemas[Type]> };
}

/** A published event, as the feed hands it out. */
export interface PublishedEvent extends DomainEvent {
  publishedAt: string;
}

/** Where a reader of the feed is: the last event it read (publication time and id), null from the start. */
export interface OutboxFeedQuery {
  after: { publishedAt: string; id: string } | null;
  limit: number;
}

/** The outbox read back in publication order: the contract `outboxFeed` (/internal/outbox) answers with it. */
export interface OutboxFeed {
  /**
   * Published events ordered by (publishedAt, id), strictly after `after`, at most `limit`. A reader
   * keeps the last event's (publishedAt, id) as its cursor: one relay per outbox marks events one at a
   * time, in order, so a later publication never sorts before one already read; replicas' relays
   * racing could (a backfill of settled history is not affected), which is why the bus, not this
   * feed, serves consumers when the services run replicated.
   */
  published(query: OutboxFeedQuery): Promise<{ events: PublishedEvent[] }>;
}

type OutboxRow = { id: string; type: string; aggregateId: string; payload: unknown; createdAt: Date; publishedAt: Date | null };

/** The two reads of the outbox: the relay's (unpublished, by creation) and the feed's (published, by publication). */
interface OutboxQuery {
  where: {
    publishedAt: null | { not: null } | { gte: Date };
    // With `gte` bounding the scan on the (published_at, id) index, the OR drops the cursor's own instant up to its id.
    OR?: [{ publishedAt: { gt: Date } }, { id: { gt: string } }];
  };
  orderBy: [{ createdAt: 'asc' } | { publishedAt: 'asc' }, { id: 'asc' }];
  take: number;
}

/** The `outbox` table every service declares (same columns), as its Prisma model delegate sees it. */
export interface OutboxTable {
  findMany(args: OutboxQuery): PromiseLike<OutboxRow[]>;
  update(args: { where: { id: string }; data: { publishedAt: Date } }): PromiseLike<unknown>;
}

const eventOf = (row: OutboxRow): DomainEvent => ({
  id: row.id,
  type: row.type,
  aggregateId: row.aggregateId,
  payload: isRecord(row.payload) ? row.payload : {},
  createdAt: row.createdAt.toISOString(),
});

/** The outbox's lag on /metrics (`outbox_lag_seconds`: the age of the oldest event not yet published), read when scraped. */
export function reportOutboxLag(metrics: Metrics, outbox: OutboxStore) {
  metrics.gauge('outbox_lag_seconds', 'age of the oldest event not yet published', [], async () => {
    const [oldest] = await outbox.unpublished(1);
    return [{ value: oldest ? Math.max(0, (Date.now() - Date.parse(oldest.createdAt)) / 1000) : 0 }];
  });
}

/** The relay's OutboxStore and the published feed over a service's `outbox` model (`prisma.outboxEvent`). */
export const prismaOutbox = (table: OutboxTable): OutboxStore & OutboxFeed => {
  // The feed's readers go by (publishedAt, id): two events published in the same millisecond would
  // be ordered by their random ids, and a reader that took the first before the second was published
  // would never see the second. So this relay never gives two events the same time.
  let lastPublished = 0;
  return {
    async unpublished(limit) {
      const rows = await table.findMany({ where: { publishedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit });
      return rows.map(eventOf);
    },
    async markPublished(id) {
      lastPublished = Math.max(Date.now(), lastPublished + 1);
      await table.update({ where: { id }, data: { publishedAt: new Date(lastPublished) } });
    },
    async published({ after, limit }) {
      // Outbox ids are UUIDs in every service: another cursor names no event (and must not reach the uuid column).
      if (after && !isUuid(after.id)) throw new AppError('BAD_USER_INPUT', 'Cursor do feed inválido.', { field: 'after.id' });
      const at = after && new Date(after.publishedAt);
      const rows = await table.findMany({
        where: after ? { publishedAt: { gte: at! }, OR: [{ publishedAt: { gt: at! } }, { id: { gt: after.id.toLowerCase() } }] } : { publishedAt: { not: null } },
        orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
        take: limit,
      });
      return { events: rows.map((row) => ({ ...eventOf(row), publishedAt: row.publishedAt!.toISOString() })) };
    },
  };
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
