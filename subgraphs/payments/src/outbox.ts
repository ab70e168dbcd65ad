// Relays the transactional outbox to the event bus: events are written in the same database
// transaction as the change they describe, then published here at least once, in order. Consumers
// deduplicate by event id. The bus is in-process on the embedded default and a Redis Stream when
// REDIS_URL is set.
import { CoalescingLoop, type Logger } from '@medpay/runtime';
import { Redis } from 'ioredis';
import { EventEmitter } from 'node:events';
import type { PrismaClient } from './generated/prisma/client.js';

export interface DomainEvent {
  id: string;
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  /** every event published by this process (and, with Redis, by its other replicas later) */
  subscribe(listener: (event: DomainEvent) => void): () => void;
  close(): Promise<void>;
}

export class InProcessBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(event: DomainEvent) {
    this.emitter.emit('event', event);
  }
  subscribe(listener: (event: DomainEvent) => void) {
    this.emitter.on('event', listener);
    return () => void this.emitter.off('event', listener);
  }
  async close() {}
}

/** Redis Streams: other services read `medpay:events` with consumer groups. */
export class RedisStreamBus extends InProcessBus {
  static readonly STREAM = 'medpay:events';

  constructor(private readonly redis: Redis) {
    super();
  }

  override async publish(event: DomainEvent) {
    await this.redis.xadd(RedisStreamBus.STREAM, 'MAXLEN', '~', '100000', '*', 'id', event.id, 'type', event.type, 'event', JSON.stringify(event));
    await super.publish(event);
  }

  override async close() {
    await this.redis.quit();
  }
}

export const createEventBus = (redisUrl: string | undefined): EventBus => (redisUrl ? new RedisStreamBus(new Redis(redisUrl)) : new InProcessBus());

export class OutboxRelay {
  readonly loop: CoalescingLoop;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
    logger: Logger,
  ) {
    this.loop = new CoalescingLoop('outbox-relay', () => this.relay(), logger);
  }

  private async relay() {
    for (;;) {
      const batch = await this.prisma.outboxEvent.findMany({ where: { publishedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 100 });
      if (batch.length === 0) return;
      for (const row of batch) {
        await this.bus.publish({ id: row.id, type: row.type, aggregateId: row.aggregateId, payload: row.payload as Record<string, unknown>, createdAt: row.createdAt.toISOString() });
        await this.prisma.outboxEvent.update({ where: { id: row.id }, data: { publishedAt: new Date() } });
      }
    }
  }
}
