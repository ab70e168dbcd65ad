import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { domainEventPayloads } from '@medpay/contracts';
import { FieldEncryption, type Database, type PublishedEvent } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { recordPatientRegistered, PATIENT_REGISTERED, usersOutbox } from './outbox-store.js';
import { PrismaClient } from './generated/prisma/client.js';
import { UserStore } from './user-store.js';
import { openUsersDatabase } from './testing.js';

let database: Database<PrismaClient>;
let store: UserStore;
beforeAll(async () => {
  database = await openUsersDatabase();
  store = new UserStore(database.prisma, new FieldEncryption(randomBytes(32).toString('base64'), randomBytes(32).toString('base64')));
}, 60_000);
afterAll(() => database?.close());

const patient = (email: string) => ({ name: 'Maria Souza', email, cpf: '52998224725', passwordHash: 'x', roles: ['PATIENT' as const] });

describe('patient.registered', () => {
  it('is written with the user, carrying ids and times but no name, e-mail or CPF', async () => {
    const created = await store.create(patient('maria@example.com'), recordPatientRegistered);
    if (typeof created === 'string') throw new Error(created);
    const events = await database.prisma.outboxEvent.findMany({ where: { aggregateId: created.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: PATIENT_REGISTERED, publishedAt: null, payload: { userId: created.id, roles: ['PATIENT'] } });
    // Exactly the contract's shape: nothing missing, nothing more (the schema would strip an extra key).
    expect(domainEventPayloads[PATIENT_REGISTERED].parse(events[0]!.payload)).toEqual(events[0]!.payload);
    const json = JSON.stringify(events[0]!.payload);
    for (const secret of ['Maria', 'maria@example.com', '52998224725']) expect(json).not.toContain(secret);
  });

  it('is not written when the registration rolls back', async () => {
    const id = randomUUID();
    const failing = async (tx: Parameters<typeof recordPatientRegistered>[0], user: Parameters<typeof recordPatientRegistered>[1]) => {
      await recordPatientRegistered(tx, user);
      throw new Error('rolled back after the event was written');
    };
    await expect(store.create({ ...patient('joao@example.com'), cpf: '11144477735', id }, failing)).rejects.toThrow('rolled back');
    expect(await database.prisma.outboxEvent.count({ where: { aggregateId: id } })).toBe(0);
    expect(await database.prisma.user.count({ where: { id } })).toBe(0);
  });

  it('is not written when the e-mail is taken', async () => {
    const before = await database.prisma.outboxEvent.count();
    expect(await store.create({ ...patient('maria@example.com'), cpf: '11144477735' }, recordPatientRegistered)).toBe('email');
    expect(await database.prisma.outboxEvent.count()).toBe(before);
  });
});

// The kit's outbox feed (prismaOutbox.published), on this service's real table: rows are written
// directly with chosen publication times, ties and unpublished ones included.
describe('the outbox feed', () => {
  const base = Date.parse('2026-01-10T12:00:00.000Z');
  /** a fresh table's worth of rows: five published at three instants (two ties), two unpublished */
  async function rows() {
    await database.prisma.outboxEvent.deleteMany();
    const at = [base + 2000, base, base + 1000, base, base + 1000, null, null];
    for (const [index, ms] of at.entries()) {
      await database.prisma.outboxEvent.create({
        data: { id: randomUUID(), type: 'thing.happened', aggregateId: `a${index}`, payload: { index }, createdAt: new Date(base - 60_000 + index), publishedAt: ms === null ? null : new Date(ms) },
      });
    }
    const published = await database.prisma.outboxEvent.findMany({ where: { publishedAt: { not: null } } });
    // The order the feed promises: publication time, then id (as PostgreSQL orders uuids: their hex text).
    return published.sort((a, b) => a.publishedAt!.getTime() - b.publishedAt!.getTime() || (a.id < b.id ? -1 : 1)).map((row) => row.id);
  }
  const cursorOf = (event: PublishedEvent) => ({ publishedAt: event.publishedAt, id: event.id });

  it('hands out only published events, by (publishedAt, id), in the contract shape', async () => {
    const expected = await rows();
    const { events } = await usersOutbox(database.prisma).published({ after: null, limit: 100 });
    expect(events.map((event) => event.id)).toEqual(expected);
    expect(events[0]).toEqual({ id: expected[0], type: 'thing.happened', aggregateId: expect.any(String), payload: { index: expect.any(Number) }, createdAt: expect.any(String), publishedAt: new Date(base).toISOString() });
  });

  it('pages strictly after the cursor, ties at one instant included, without gaps or repeats', async () => {
    const expected = await rows();
    const feed = usersOutbox(database.prisma);
    const read: string[] = [];
    let after: { publishedAt: string; id: string } | null = null;
    for (let page = 0; page < 10; page++) {
      const { events } = await feed.published({ after, limit: 2 });
      expect(events.length).toBeLessThanOrEqual(2);
      if (events.length === 0) break;
      read.push(...events.map((event) => event.id));
      after = cursorOf(events.at(-1)!);
    }
    expect(read).toEqual(expected);
    // After the first of two events published at the same instant comes the second, not the first again.
    const { events: all } = await feed.published({ after: null, limit: 100 });
    expect((await feed.published({ after: cursorOf(all[0]!), limit: 1 })).events.map((event) => event.id)).toEqual([expected[1]]);
    expect((await feed.published({ after: cursorOf(all.at(-1)!), limit: 100 })).events).toEqual([]);
  });

  it('never loses an event published just after a reader took the one before, in the same millisecond', async () => {
    await database.prisma.outboxEvent.deleteMany();
    const feed = usersOutbox(database.prisma);
    // the second event's random id sorts before the first's: a tie on publishedAt would put it behind the reader's cursor
    const [second, first] = [randomUUID(), randomUUID()].sort();
    for (const id of [first!, second!]) {
      await database.prisma.outboxEvent.create({ data: { id, type: 'thing.happened', aggregateId: id, payload: {}, createdAt: new Date(base) } });
    }
    // the clock stands still (Date only: the database's own timers run)
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] });
    try {
      await feed.markPublished(first!);
      const { events: taken } = await feed.published({ after: null, limit: 100 });
      await feed.markPublished(second!);
      const { events: next } = await feed.published({ after: cursorOf(taken.at(-1)!), limit: 100 });
      expect([...taken, ...next].map((event) => event.id)).toEqual([first, second]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses a cursor that names no outbox row (not a uuid) with BAD_USER_INPUT', async () => {
    await expect(usersOutbox(database.prisma).published({ after: { publishedAt: new Date(base).toISOString(), id: "x' OR 1=1" }, limit: 1 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
