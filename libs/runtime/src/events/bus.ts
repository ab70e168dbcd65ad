// The event bus every service publishes its outbox to: in-process on the embedded default, a Redis
// Stream (plus a pub/sub channel for live listeners on every replica) when REDIS_URL is set.
import { Redis } from 'ioredis';
import { EventEmitter } from 'node:events';
import type { Logger } from '../logger.js';
import { traced } from '../tracing.js';

/**
 * A fact one service recorded, published at least once and in order per outbox. The contract for
 * every consumer: an event may arrive more than once (a relay retried, a crashed consumer's entry was
 * reclaimed), so a consumer is idempotent by `id` — it records the ids it has applied in the same
 * transaction as its effect, or its effect is naturally idempotent. Payloads carry ids, amounts,
 * statuses and times, never personal data (CPFs, names).
 */
export interface DomainEvent {
  id: string;
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** An event with its place in the bus's order: a listener that was away asks `since` that place. */
export interface PositionedEvent {
  event: DomainEvent;
  position: string;
}

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  /**
   * Every event any replica publishes, delivered once to each replica's listeners: in-process with
   * one replica; with Redis, what arrives on the pub/sub channel (this replica's own events too, so
   * none is delivered twice). Returns the unsubscribe function.
   */
  subscribe(listener: (event: DomainEvent, position: string) => void): () => void;
  /**
   * The events published after `position`, oldest first, at most `limit`: what a listener missed
   * while it was away. The history is bounded (the Redis Stream's ~100,000 entries; in process, the
   * last HISTORY_KEPT), and a bus that writes no Stream keeps none.
   */
  since(position: string, limit?: number): Promise<PositionedEvent[]>;
  /** resolves once the bus receives events (the Redis channel is subscribed) */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Event ids delivered lately: relays on two replicas may both publish a row before either marks it. */
class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** true the first time an id is seen */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}

abstract class LocalDelivery {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly delivered = new RecentIds(10_000);

  protected deliver(event: DomainEvent, position: string) {
    if (this.delivered.add(event.id)) this.emitter.emit('event', event, position);
  }

  subscribe(listener: (event: DomainEvent, position: string) => void) {
    this.emitter.on('event', listener);
    return () => void this.emitter.off('event', listener);
  }
}

/** How many events the in-process bus keeps for `since`. */
export const HISTORY_KEPT = 10_000;

export class InProcessBus extends LocalDelivery implements EventBus {
  private readonly history: PositionedEvent[] = [];
  private sequence = 0;

  async publish(event: DomainEvent) {
    // A position is a sequence number, padded so positions also compare as text.
    const position = String((this.sequence += 1)).padStart(12, '0');
    this.history.push({ event, position });
    if (this.history.length > HISTORY_KEPT) this.history.shift();
    this.deliver(event, position);
  }

  async since(position: string, limit = 1000) {
    return this.history.filter((entry) => entry.position > position).slice(0, limit);
  }

  async ready() {}
  async close() {}
}

/** The Redis Stream every service publishes to; deployments (or test stacks) sharing a Redis use their own. */
export const DEFAULT_EVENT_STREAM = 'medpay:events';

/**
 * Redis: other services read the Stream (`medpay:events` by default) with consumer groups (`StreamConsumer`); every
 * replica's listeners get each event from the pub/sub channel `medpay:events:live`, on a connection of
 * its own (a subscribed connection can run no other command). A bus that only carries live updates
 * (`durable: false`) writes no Stream: nothing reads it later.
 */
export class RedisStreamBus extends LocalDelivery implements EventBus {
  private readonly channel: string;

  private readonly subscriber: Redis;
  private readonly subscribed: Promise<void>;

  constructor(
    private readonly redis: Redis,
    private readonly logger?: Logger,
    private readonly stream = DEFAULT_EVENT_STREAM,
    private readonly durable = true,
  ) {
    super();
    this.channel = `${stream}:live`;
    this.subscriber = redis.duplicate();
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        const { event, position } = JSON.parse(message) as PositionedEvent;
        this.deliver(event, position);
      } catch (error) {
        this.logger?.error({ err: error }, 'unreadable event on the live channel');
      }
    });
    this.subscribed = this.subscriber.subscribe(this.channel).then(() => undefined);
    this.subscribed.catch((error: unknown) => this.logger?.error({ err: error }, 'could not subscribe to the live channel'));
  }

  publish(event: DomainEvent) {
    return traced('redis publish event', { 'db.system': 'redis', 'medpay.event_type': event.type }, async () => {
      const json = JSON.stringify(event);
      // The Stream entry's id is the event's position: `since` reads the Stream after it.
      const position = this.durable ? await this.redis.xadd(this.stream, 'MAXLEN', '~', '100000', '*', 'id', event.id, 'type', event.type, 'event', json) : null;
      await this.redis.publish(this.channel, JSON.stringify({ event, position: position ?? '' }));
    });
  }

  async since(position: string, limit = 1000): Promise<PositionedEvent[]> {
    if (!this.durable || !position) return [];
    const entries = (await this.redis.xrange(this.stream, `(${position}`, '+', 'COUNT', limit)) as [string, string[]][];
    return entries.flatMap(([id, fields]) => {
      const json = fields[fields.indexOf('event') + 1];
      return json ? [{ event: JSON.parse(json) as DomainEvent, position: id }] : [];
    });
  }

  ready() {
    return this.subscribed;
  }

  async close() {
    await Promise.allSettled([this.subscriber.quit(), this.redis.quit()]);
  }
}

export const createEventBus = (redisUrl: string | undefined, logger?: Logger, stream = DEFAULT_EVENT_STREAM, options: { durable?: boolean } = {}): EventBus =>
  redisUrl ? new RedisStreamBus(new Redis(redisUrl), logger, stream, options.durable ?? true) : new InProcessBus();
