// Relays a service's transactional outbox to the event bus: events are written in the same database
// transaction as the change they describe, then published here at least once, in order.
import { CoalescingLoop } from '../coalescing-loop.js';
import type { Logger } from '../logger.js';
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

/** The `outbox` table every service declares (same columns), as its Prisma model delegate sees it. */
export interface OutboxTable {
  findMany(args: {
    where: { publishedAt: null };
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }];
    take: number;
  }): PromiseLike<Array<{ id: string; type: string; aggregateId: string; payload: unknown; createdAt: Date }>>;
  update(args: { where: { id: string }; data: { publishedAt: Date } }): PromiseLike<unknown>;
}

/** An OutboxStore over a service's `outbox` model (`prisma.outboxEvent`). */
export const prismaOutbox = (table: OutboxTable): OutboxStore => ({
  async unpublished(limit) {
    const rows = await table.findMany({ where: { publishedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit });
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      aggregateId: row.aggregateId,
      payload: isRecord(row.payload) ? row.payload : {},
      createdAt: row.createdAt.toISOString(),
    }));
  },
  async markPublished(id) {
    await table.update({ where: { id }, data: { publishedAt: new Date() } });
  },
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
