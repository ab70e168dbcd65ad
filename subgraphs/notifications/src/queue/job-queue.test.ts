// The same cases against every JobQueue: the embedded table on PGlite always, on PostgreSQL when
// TEST_DATABASE_URL is set, and BullMQ when TEST_REDIS_URL is set.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger, Metrics, openDatabase, type Database } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PrismaClient } from '../generated/prisma/client.js';
import { BullJobQueue } from './bullmq-queue.js';
import { EmbeddedJobQueue } from './embedded-queue.js';
import { openJobQueue } from './open-queue.js';
import { RescheduleJob, type JobQueue, type QueueJob, type WorkerOptions } from './job-queue.js';

const logger = createLogger('job-queue-test', 'silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const unique = (what: string) => `${what}-${randomBytes(4).toString('hex')}`;

const openNotificationsDatabase = (url: string) =>
  openDatabase({
    service: 'notifications',
    url,
    migrationsDir: fileURLToPath(new URL('../../prisma/migrations', import.meta.url)),
    metrics: new Metrics(),
    createClient: (adapter) => new PrismaClient({ adapter }),
  });

/** One store (a database or a Redis) and the queue instances opened on it, as separate processes would. */
interface Store {
  /** another queue instance on the same store */
  open(): Promise<JobQueue>;
  /** the embedded table, for the cases only it has */
  database?: Database<PrismaClient>;
  close(): Promise<void>;
}

function embeddedStore(url: string, separateConnections: boolean) {
  return async (): Promise<Store> => {
    const databases: Database<PrismaClient>[] = [await openNotificationsDatabase(url)];
    const queues: JobQueue[] = [];
    return {
      database: databases[0],
      async open() {
        // on PostgreSQL each instance gets its own pool, as a replica would
        const database = separateConnections && queues.length > 0 ? await openNotificationsDatabase(url) : databases[0]!;
        if (!databases.includes(database)) databases.push(database);
        const queue = new EmbeddedJobQueue(database.prisma, logger, { pollIntervalMs: 20, leaseMs: 3_000 });
        queues.push(queue);
        return queue;
      },
      async close() {
        await Promise.all(queues.map((queue) => queue.close()));
        await Promise.all(databases.map((database) => database.close()));
      },
    };
  };
}

function bullStore(url: string) {
  return async (): Promise<Store> => {
    const prefix = unique('test-jobs');
    const queues: JobQueue[] = [];
    return {
      async open() {
        const queue = new BullJobQueue({ connection: url, prefix, logger });
        queues.push(queue);
        return queue;
      },
      close: async () => void (await Promise.all(queues.map((queue) => queue.close()))),
    };
  };
}

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const backends: Array<[string, (() => Promise<Store>) | null]> = [
  ['embedded queue on PGlite', embeddedStore('pglite:memory', false)],
  [databaseUrl ? 'embedded queue on PostgreSQL' : 'embedded queue on PostgreSQL (skipped: set TEST_DATABASE_URL to run it)', databaseUrl ? embeddedStore(databaseUrl, true) : null],
  [redisUrl ? 'BullMQ queue on Redis' : 'BullMQ queue on Redis (skipped: set TEST_REDIS_URL to run it)', redisUrl ? bullStore(redisUrl) : null],
];

interface Run {
  id: string;
  attempt: number;
  data: unknown;
  at: number;
}

/** A worker that records each run; `behave` decides what a run does (resolve, throw, reschedule). */
function recorder(behave: (job: QueueJob<unknown>) => Promise<void> = async () => {}, options: Partial<WorkerOptions<unknown>> = {}) {
  const runs: Run[] = [];
  const exhausted: Array<{ job: QueueJob<unknown>; error: unknown }> = [];
  const worker: WorkerOptions<unknown> = {
    concurrency: 2,
    attempts: 3,
    backoffMs: () => 30,
    handle: async (job) => {
      runs.push({ id: job.id, attempt: job.attempt, data: job.data, at: Date.now() });
      await behave(job);
    },
    onExhausted: async (job, error) => void exhausted.push({ job, error }),
    ...options,
  };
  return { runs, exhausted, worker };
}

for (const [name, makeStore] of backends) {
  (makeStore ? describe : describe.skip)(name, () => {
    let store: Store;
    let queue: JobQueue;

    beforeAll(async () => {
      store = await makeStore!();
      queue = await store.open();
    }, 60_000);
    afterAll(async () => store?.close());

    it('runs a job once, with its data', async () => {
      const name = unique('once');
      const { runs, worker } = recorder();
      queue.work(name, worker);
      await queue.add(name, 'job-a', { hello: 'mundo', n: 1 });
      await eventually(() => runs.length, (count) => count === 1, 'the job to run');
      await sleep(200);
      expect(runs).toEqual([expect.objectContaining({ id: 'job-a', attempt: 1, data: { hello: 'mundo', n: 1 } })]);
    });

    it('runs a job added twice with the same id once', async () => {
      const name = unique('dup');
      const { runs, worker } = recorder();
      await queue.add(name, 'job-b', { first: true });
      await queue.add(name, 'job-b', { first: false });
      queue.work(name, worker);
      await eventually(() => runs.length, (count) => count >= 1, 'the job to run');
      await sleep(300);
      expect(runs).toEqual([expect.objectContaining({ id: 'job-b', data: { first: true } })]);
    });

    it('does not run a delayed job before its time', async () => {
      const name = unique('delayed');
      const { runs, worker } = recorder();
      queue.work(name, worker);
      const runAt = new Date(Date.now() + 500);
      await queue.add(name, 'job-c', {}, runAt);
      await eventually(() => runs.length, (count) => count === 1, 'the delayed job to run');
      expect(runs[0]!.at).toBeGreaterThanOrEqual(runAt.getTime() - 5);
    });

    it('retries with the backoff: two failures then a success make three attempts, and the job is done', async () => {
      const name = unique('retry');
      const { runs, exhausted, worker } = recorder(async (job) => {
        if (job.attempt < 3) throw new Error(`attempt ${job.attempt} failed`);
      }, { attempts: 5, backoffMs: (attempt) => attempt * 40 });
      queue.work(name, worker);
      await queue.add(name, 'job-d', {});
      await eventually(() => runs.length, (count) => count === 3, 'three attempts');
      await sleep(300);
      expect(runs.map((run) => run.attempt)).toEqual([1, 2, 3]);
      // the backoff was waited: 40 ms before the 2nd attempt, 80 ms before the 3rd
      expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(35);
      expect(runs[2]!.at - runs[1]!.at).toBeGreaterThanOrEqual(75);
      expect(exhausted).toEqual([]);
      // ended: nothing left to remove, and the id may be queued again
      expect(await queue.remove(name, 'job-d')).toBe(false);
      await queue.add(name, 'job-d', {});
      // (it fails its first two attempts again: the count may be past 4 when it is read)
      await eventually(() => runs.length, (count) => count >= 4, 'the id to run again once ended');
    });

    it('tells onExhausted once when the last attempt fails', async () => {
      const name = unique('exhausted');
      const { runs, exhausted, worker } = recorder(async () => {
        throw new Error('receiver down');
      }, { attempts: 3, backoffMs: () => 20 });
      queue.work(name, worker);
      await queue.add(name, 'job-e', { x: 1 });
      await eventually(() => exhausted.length, (count) => count === 1, 'onExhausted');
      await sleep(300);
      expect(runs.map((run) => run.attempt)).toEqual([1, 2, 3]);
      expect(exhausted).toHaveLength(1);
      expect(exhausted[0]!.job).toMatchObject({ id: 'job-e', attempt: 3, data: { x: 1 } });
      expect((exhausted[0]!.error as Error).message).toBe('receiver down');
      expect(await queue.remove(name, 'job-e')).toBe(false);
    });

    it('never runs a job removed before its time', async () => {
      const name = unique('removed');
      const { runs, worker } = recorder();
      queue.work(name, worker);
      await queue.add(name, 'job-f', {}, new Date(Date.now() + 300));
      expect(await queue.remove(name, 'job-f')).toBe(true);
      expect(await queue.remove(name, 'job-f')).toBe(false);
      expect(await queue.remove(name, 'job-unknown')).toBe(false);
      await sleep(700);
      expect(runs).toEqual([]);
    });

    it('runs a rescheduled job at its new time without counting an attempt', async () => {
      const name = unique('reschedule');
      let rescheduledTo = 0;
      const { runs, exhausted, worker } = recorder(async (job) => {
        if (runs.length === 1) {
          rescheduledTo = Date.now() + 400;
          throw new RescheduleJob(new Date(rescheduledTo));
        }
      }, { attempts: 1 });
      queue.work(name, worker);
      await queue.add(name, 'job-g', {});
      await eventually(() => runs.length, (count) => count === 2, 'the rescheduled run');
      await sleep(200);
      // with one attempt allowed, a counted reschedule would have exhausted the job
      expect(runs.map((run) => run.attempt)).toEqual([1, 1]);
      expect(runs[1]!.at).toBeGreaterThanOrEqual(rescheduledTo - 5);
      expect(exhausted).toEqual([]);
    });

    it('keeps to the rate limit', async () => {
      const name = unique('limited');
      const { runs, worker } = recorder(async () => {}, { concurrency: 5, rateLimit: { max: 2, durationMs: 300 } });
      queue.work(name, worker);
      for (let n = 0; n < 6; n++) await queue.add(name, `job-h${n}`, {});
      await eventually(() => runs.length, (count) => count === 6, 'six runs', 10_000);
      const starts = runs.map((run) => run.at).sort((a, b) => a - b);
      // two per window: the 5th start is at least two windows after the 1st
      expect(starts[4]! - starts[0]!).toBeGreaterThanOrEqual(2 * 300 - 30);
    });

    it('never runs one job twice at once when two workers share the store', async () => {
      const name = unique('shared');
      const other = await store.open();
      const active = new Set<string>();
      const done: string[] = [];
      let overlaps = 0;
      const behave = async (job: QueueJob<unknown>) => {
        if (active.has(job.id)) overlaps++;
        active.add(job.id);
        await sleep(25);
        active.delete(job.id);
        done.push(job.id);
      };
      const first = recorder(behave, { concurrency: 3 });
      const second = recorder(behave, { concurrency: 3 });
      queue.work(name, first.worker);
      other.work(name, second.worker);
      const ids = Array.from({ length: 30 }, (_, n) => `job-s${n}`);
      await Promise.all(ids.map((id, n) => (n % 2 ? queue : other).add(name, id, { n })));
      await eventually(() => done.length, (count) => count === ids.length, 'every job to run', 20_000);
      await sleep(300);
      expect(overlaps).toBe(0);
      expect([...done].sort()).toEqual([...ids].sort());
      expect(first.runs.length + second.runs.length).toBe(ids.length);
    });

    if (name.startsWith('embedded queue on PGlite')) {
      it('runs a crashed process\'s job again once its lease expires (the crashed run counts as an attempt)', async () => {
        const name = unique('crashed');
        const { runs, worker } = recorder();
        // what a process that claimed the job and died leaves behind: a lease that has run out
        await store.database!.prisma.queuedJob.create({
          data: { id: 'job-crashed', queue: name, data: { y: 2 }, runAt: new Date(Date.now() - 60_000), attempts: 1, leasedUntil: new Date(Date.now() - 1_000) },
        });
        await store.database!.prisma.queuedJob.create({
          data: { id: 'job-leased', queue: name, data: {}, runAt: new Date(Date.now() - 60_000), attempts: 1, leasedUntil: new Date(Date.now() + 60_000) },
        });
        queue.work(name, worker);
        await eventually(() => runs.length, (count) => count === 1, 'the expired lease to be taken');
        await sleep(200);
        expect(runs).toEqual([expect.objectContaining({ id: 'job-crashed', attempt: 2, data: { y: 2 } })]);
        expect(await queue.remove(name, 'job-leased')).toBe(false);
      });
    }
  });
}

describe('openJobQueue', () => {
  it('counts each job given up once it is recorded (dead_letters_total by queue)', async () => {
    const database = await openNotificationsDatabase('pglite:memory');
    const metrics = new Metrics();
    const queue = openJobQueue({ redisUrl: undefined, prefix: 'unused', prisma: database.prisma, logger, pollIntervalMs: 20, metrics });
    try {
      const name = unique('dead');
      const recorded: string[] = [];
      queue.work(name, {
        concurrency: 1,
        attempts: 2,
        backoffMs: () => 10,
        handle: async () => {
          throw new Error('receiver down');
        },
        onExhausted: async (job) => void recorded.push(job.id),
      });
      await queue.add(name, 'job-dead', {});
      await eventually(() => metrics.get('dead_letters_total', { queue: name }), (count) => count === 1, 'the dead letter counted');
      expect(recorded).toEqual(['job-dead']);
    } finally {
      await queue.close();
      await database.close();
    }
  });
});
