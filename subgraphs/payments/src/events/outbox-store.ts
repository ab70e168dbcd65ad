// Data access for the transactional outbox and the record of events already applied: events are
// appended in the transaction of the change they announce (outbox.ts relays them), and an incoming
// event id is recorded in the transaction that applies it, so a repeated delivery does nothing.
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../transaction.js';


export interface NewOutboxEvent {
  id: string;
  type: string;
  aggregateId: string;
  payload: Prisma.InputJsonValue;
}

export const outboxStore = {
  async append(db: Db, event: NewOutboxEvent): Promise<void> {
    await db.outboxEvent.create({ data: event, select: { id: true } });
  },

  /** True the first time an event id is seen; false for a repeated delivery. */
  async recordProcessed(db: Db, eventId: string): Promise<boolean> {
    const recorded = await db.processedEvent.createMany({ data: [{ eventId }], skipDuplicates: true });
    return recorded.count > 0;
  },
};
