// The plan simulation counter on a real (embedded) PostgreSQL: simulations are counted in memory and
// written per window, one plans.simulated event per (clinic, procedure, category), never one per call.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger, type Database } from '@medpay/runtime';
import { outboxStore, type NewOutboxEvent } from '../events/outbox-store.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { openTestDatabase, testProcedure } from '../testing.js';
import { SimulationCounter } from './simulation-counter.js';

const logger = createLogger('payments-test', 'silent');

let database: Database<PrismaClient>;
beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(() => database?.close());

/** A clock the test moves by hand. */
const clock = (start: string) => {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
};
const simulated = async () =>
  (await database.prisma.outboxEvent.findMany({ where: { type: 'plans.simulated' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map((event) => ({
    aggregateId: event.aggregateId,
    payload: event.payload,
  }));
const byProcedure = <T extends { aggregateId: string }>(rows: T[]) => [...rows].sort((a, b) => a.aggregateId.localeCompare(b.aggregateId));

describe('plan simulation counts', () => {
  it('writes nothing per simulation, then one event per procedure per window with its count and start', async () => {
    await database.prisma.outboxEvent.deleteMany();
    const time = clock('2026-12-01T10:00:00.000Z');
    const counter = new SimulationCounter((events) => outboxStore.append(database.prisma, ...events), logger, time.now);
    const [lasik, catarata] = [testProcedure(), { ...testProcedure(), category: 'Oftalmologia' }];
    for (let i = 0; i < 250; i++) counter.count(lasik);
    counter.count(catarata);
    counter.count(catarata);
    expect(await simulated()).toEqual([]);

    time.advance(5_000);
    await counter.flush();
    const first = { payload: { clinicId: lasik.clinic.id, procedureId: lasik.id, category: 'Odontologia', count: 250, windowStart: '2026-12-01T10:00:00.000Z' }, aggregateId: lasik.id };
    const second = { payload: { clinicId: catarata.clinic.id, procedureId: catarata.id, category: 'Oftalmologia', count: 2, windowStart: '2026-12-01T10:00:00.000Z' }, aggregateId: catarata.id };
    expect(byProcedure(await simulated())).toEqual(byProcedure([first, second]));

    // An empty window writes nothing; the next one starts where the last flush closed the previous.
    await counter.flush();
    counter.count(lasik);
    time.advance(5_000);
    await counter.close();
    expect((await simulated()).slice(2)).toEqual([{ aggregateId: lasik.id, payload: { ...first.payload, count: 1, windowStart: '2026-12-01T10:00:05.000Z' } }]);
  });

  it('keeps the counts for the next window when a write fails', async () => {
    await database.prisma.outboxEvent.deleteMany();
    const time = clock('2026-12-01T11:00:00.000Z');
    let down = true;
    const counter = new SimulationCounter(async (events: NewOutboxEvent[]) => {
      if (down) throw new Error('database unavailable');
      await outboxStore.append(database.prisma, ...events);
    }, logger, time.now);
    const procedure = testProcedure();
    counter.count(procedure);
    time.advance(5_000);
    await expect(counter.flush()).rejects.toThrow('database unavailable');
    counter.count(procedure);
    down = false;
    time.advance(5_000);
    await counter.flush();
    expect(await simulated()).toEqual([{ aggregateId: procedure.id, payload: expect.objectContaining({ count: 2, windowStart: '2026-12-01T11:00:00.000Z' }) }]);
  });
});
