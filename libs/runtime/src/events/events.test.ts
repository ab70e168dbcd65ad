import { describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger } from '../logger.js';
import { eventually } from '../testing.js';
import { InProcessBus, RedisStreamBus, type DomainEvent, type EventBus } from './bus.js';
import { OutboxRelay, type OutboxStore } from './relay.js';
import { StreamConsumer } from './stream-consumer.js';

const logger = createLogger('events-test', 'silent');
const event = (type = 'thing.happened', payload: Record<string, unknown> = {}): DomainEvent => ({
  id: randomUUID(),
  type,
  aggregateId: 'a1',
  payload,
  createdAt: new Date().toISOString(),
});

/** An outbox in memory: rows stay unpublished until marked. */
class MemoryOutbox implements OutboxStore {
  readonly rows: Array<{ event: DomainEvent; published: boolean }> = [];
  add(...events: DomainEvent[]) {
    for (const e of events) this.rows.push({ event: e, published: false });
  }
  async unpublished(limit: number) {
    return this.rows.filter((row) => !row.published).slice(0, limit).map((row) => row.event);
  }
  async markPublished(id: string) {
    for (const row of this.rows) if (row.event.id === id) row.published = true;
  }
}

describe('InProcessBus', () => {
  it('delivers each event id once to every listener, until unsubscribed', async () => {
    const bus = new InProcessBus();
    const seen: string[] = [];
    const unsubscribe = bus.subscribe((e) => seen.push(e.id));
    const first = event();
    await bus.publish(first);
    await bus.publish(first);
    unsubscribe();
    await bus.publish(event());
    expect(seen).toEqual([first.id]);
  });

  it('gives each event a position, and what came after a position to a listener that was away', async () => {
    const bus = new InProcessBus();
    const positions: string[] = [];
    bus.subscribe((_e, position) => positions.push(position));
    const events = [event(), event(), event()];
    for (const e of events) await bus.publish(e);
    expect([...positions].sort()).toEqual(positions);
    expect((await bus.since(positions[0]!)).map((entry) => entry.event.id)).toEqual([events[1]!.id, events[2]!.id]);
    expect(await bus.since(positions[2]!)).toEqual([]);
  });
});

describe('OutboxRelay', () => {
  it('publishes unpublished rows in order and marks them', async () => {
    const outbox = new MemoryOutbox();
    const events = [event(), event(), event()];
    outbox.add(...events);
    const bus = new InProcessBus();
    const seen: string[] = [];
    bus.subscribe((e) => seen.push(e.id));
    const relay = new OutboxRelay(outbox, bus, logger);
    relay.loop.kick();
    await relay.loop.idle();
    expect(seen).toEqual(events.map((e) => e.id));
    expect(outbox.rows.every((row) => row.published)).toBe(true);
  });

  it('leaves a row unpublished when the bus fails, and publishes it on the next pass (at least once)', async () => {
    const outbox = new MemoryOutbox();
    const only = event();
    outbox.add(only);
    const published: string[] = [];
    let fail = true;
    const bus: EventBus = {
      async publish(e) {
        if (fail) throw new Error('bus down');
        published.push(e.id);
      },
      subscribe: () => () => undefined,
      since: async () => [],
      async ready() {},
      async close() {},
    };
    const relay = new OutboxRelay(outbox, bus, logger);
    relay.loop.kick();
    await relay.loop.idle();
    expect(outbox.rows[0]!.published).toBe(false);
    fail = false;
    relay.loop.kick();
    await relay.loop.idle();
    expect(published).toEqual([only.id]);
    expect(outbox.rows[0]!.published).toBe(true);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn('Redis Stream consumer and bus tests skipped: set TEST_REDIS_URL to run them.');

(redisUrl ? describe : describe.skip)('RedisStreamBus', () => {
  it('delivers each event with its Stream position, and reads back what came after a position', async () => {
    const bus = new RedisStreamBus(new Redis(redisUrl!), logger, `test:bus:${randomBytes(4).toString('hex')}`);
    try {
      await bus.ready();
      const seen: { id: string; position: string }[] = [];
      bus.subscribe((e, position) => seen.push({ id: e.id, position }));
      const events = [event(), event(), event()];
      for (const e of events) await bus.publish(e);
      await eventually(() => seen.length, (n) => n === 3, 'the three events live');
      expect(seen.map((entry) => entry.id)).toEqual(events.map((e) => e.id));
      expect(seen.every((entry) => /^\d+-\d+$/.test(entry.position))).toBe(true);
      const missed = await bus.since(seen[0]!.position);
      expect(missed.map((entry) => [entry.event.id, entry.position])).toEqual(seen.slice(1).map((entry) => [entry.id, entry.position]));
    } finally {
      await bus.close();
    }
  });
});

(redisUrl ? describe : describe.skip)('StreamConsumer on Redis', () => {
  const stream = `test:events:${randomBytes(4).toString('hex')}`;
  const publish = async (redis: Redis, e: DomainEvent) => redis.xadd(stream, '*', 'id', e.id, 'type', e.type, 'event', JSON.stringify(e));

  it('acknowledges only after the handler resolves; a failed entry is reclaimed and redelivered', async () => {
    const redis = new Redis(redisUrl!);
    const consumerConnection = new Redis(redisUrl!);
    const seen: string[] = [];
    let failNext = true;
    const consumer = new StreamConsumer(consumerConnection, {
      group: 'g1',
      consumer: 'c1',
      stream,
      startAt: '0',
      reclaimAfterMs: 0,
      logger,
      handle: async (e) => {
        if (failNext) {
          failNext = false;
          throw new Error('consumer could not commit');
        }
        seen.push(e.id);
      },
    });
    try {
      await consumer.ensureGroup();
      const first = event();
      await publish(redis, first);
      expect(await consumer.poll()).toBe(0);
      const pending = await redis.call('XPENDING', stream, 'g1');
      expect(Array.isArray(pending) && pending[0]).toBe(1);
      // The next pass reclaims the pending entry (idle ≥ 0 ms) and acknowledges it once handled.
      expect(await consumer.poll()).toBe(1);
      expect(seen).toEqual([first.id]);
      const after = await redis.call('XPENDING', stream, 'g1');
      expect(Array.isArray(after) && after[0]).toBe(0);
    } finally {
      await consumer.stop();
      await redis.del(stream);
      redis.disconnect();
    }
  });

  it("hands a crashed consumer's pending entries to another consumer of the group", async () => {
    const redis = new Redis(redisUrl!);
    await redis.call('XGROUP', 'CREATE', stream, 'g2', '0', 'MKSTREAM');
    const lost = event();
    await publish(redis, lost);
    // c1 reads and "crashes" before acknowledging.
    await redis.call('XREADGROUP', 'GROUP', 'g2', 'c1', 'COUNT', '10', 'STREAMS', stream, '>');
    const seen: string[] = [];
    const survivor = new StreamConsumer(new Redis(redisUrl!), {
      group: 'g2', consumer: 'c2', stream, reclaimAfterMs: 0, logger,
      handle: async (e) => void seen.push(e.id),
    });
    try {
      await survivor.poll();
      expect(seen).toEqual([lost.id]);
      const pending = await redis.call('XPENDING', stream, 'g2');
      expect(Array.isArray(pending) && pending[0]).toBe(0);
    } finally {
      await survivor.stop();
      await redis.del(stream);
      redis.disconnect();
    }
  });
});
