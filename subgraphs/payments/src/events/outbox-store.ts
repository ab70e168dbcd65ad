// Data access for the transactional outbox and the record of events already applied: events are
// appended in the transaction of the change they announce (outbox.ts relays them), and an incoming
// event id is recorded in the transaction that applies it, so a repeated delivery does nothing.
import type { DomainEventType } from '@medpay/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../transaction.js';

/** An outbox row as the builders of domain-events.ts make it: its payload already parsed with the contract. */
export interface NewOutboxEvent {
  id: string;
  type: DomainEventType;
  aggregateId: string;
  payload: Prisma.InputJsonObject;
}

export const outboxStore = {
  /** Events of one step keep their order (the relay publishes by creation time): payment.created before the payment's first status. */
  async append(db: Db, ...events: NewOutboxEvent[]): Promise<void> {
    const now = Date.now();
    if (events.length > 0) await db.outboxEvent.createMany({ data: events.map((event, index) => ({ ...event, createdAt: new Date(now + index) })) });
  },

  /** Appends an event whose id says what it is about (a deterministic id): true when written, false when it was there already. */
  async appendOnce(db: Db, event: NewOutboxEvent): Promise<boolean> {
    const written = await db.outboxEvent.createMany({ data: [event], skipDuplicates: true });
    return written.count > 0;
  },

  /** True the first time an event id is seen; false for a repeated delivery. */
  async recordProcessed(db: Db, eventId: string): Promise<boolean> {
    const recorded = await db.processedEvent.createMany({ data: [{ eventId }], skipDuplicates: true });
    return recorded.count > 0;
  },
};
