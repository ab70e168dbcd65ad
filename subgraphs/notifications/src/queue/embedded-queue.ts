// The job queue without Redis: jobs are rows of queued_jobs in this subgraph's database (PGlite or
// PostgreSQL). Due jobs are claimed with a lease in one statement (FOR UPDATE SKIP LOCKED), so
// replicas sharing a PostgreSQL never claim the same job; a lease is renewed while its handler runs,
// so only a crashed process's jobs outlive it and run again once it expires. A rate limit holds per
// process here (BullMQ's holds across workers): with replicas, give each its share.
import { CoalescingLoop, type Logger } from '@medpay/runtime';
import type { PrismaClient } from '../generated/prisma/client.js';
import { assertJobKey, RescheduleJob, type JobQueue, type QueueJob, type WorkerOptions } from './job-queue.js';

/** What the queue needs of the subgraph's Prisma client (raw statements only). */
export type QueueDatabase = Pick<PrismaClient, '$queryRaw' | '$executeRaw'>;

export interface EmbeddedJobQueueOptions {
  /** how often a worked queue looks for due jobs; an add, a finished job or a retry timer looks sooner */
  pollIntervalMs?: number;
  /** how long a claim holds a job; renewed every third of it while the handler runs */
  leaseMs?: number;
}

interface ClaimedRow {
  id: string;
  data: unknown;
  attempts: number;
  runAt: Date;
  leasedUntil: Date;
}

/** Timers further out than this are left to the poll: they would only pile up. */
const MAX_WAKE_TIMER_MS = 5 * 60_000;

/**
 * A claim this process holds. Its `until` is also its token: writes touch the row only while it is
 * still leased so. A renewal and the job's last write never overlap (the write waits for it).
 */
interface Lease {
  until: Date;
  renewal?: Promise<void>;
  ending: boolean;
}

/** What the queue does with a worker whatever its jobs' data. */
interface WorkerState {
  readonly queue: string;
  readonly leases: Map<string, Lease>;
  readonly running: Set<Promise<void>>;
  readonly loop: CoalescingLoop;
}

class QueueWorker<Data> implements WorkerState {
  /** job id → the lease this process holds */
  readonly leases = new Map<string, Lease>();
  readonly running = new Set<Promise<void>>();
  /** start times within the rate-limit window */
  starts: number[] = [];
  readonly loop: CoalescingLoop;

  constructor(
    readonly queue: string,
    readonly options: WorkerOptions<Data>,
    pass: (worker: QueueWorker<Data>) => Promise<void>,
    logger: Logger,
  ) {
    this.loop = new CoalescingLoop(`queue:${queue}`, () => pass(this), logger);
  }
}

export class EmbeddedJobQueue implements JobQueue {
  private readonly workers = new Map<string, WorkerState>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private renewTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly db: QueueDatabase,
    private readonly logger: Logger,
    options: EmbeddedJobQueueOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 30_000;
  }

  async add<Data>(queue: string, id: string, data: Data, runAt: Date = new Date()): Promise<void> {
    assertJobKey(queue, id);
    await this.db.$executeRaw`
      INSERT INTO queued_jobs (id, queue, data, run_at) VALUES (${id}, ${queue}, ${JSON.stringify(data ?? null)}::jsonb, ${runAt})
      ON CONFLICT (id) DO NOTHING`;
    this.wakeAt(queue, runAt);
  }

  async remove(queue: string, id: string): Promise<boolean> {
    const removed = await this.db.$executeRaw`
      DELETE FROM queued_jobs WHERE queue = ${queue} AND id = ${id} AND (leased_until IS NULL OR leased_until < now())`;
    return removed > 0;
  }

  work<Data>(queue: string, options: WorkerOptions<Data>): void {
    assertJobKey(queue, 'probe');
    if (this.workers.has(queue)) throw new Error(`queue ${queue} is already worked by this process`);
    if (options.concurrency < 1 || options.attempts < 1) throw new Error('concurrency and attempts must be at least 1');
    const worker = new QueueWorker(queue, options, (self) => this.pass(self), this.logger);
    this.workers.set(queue, worker);
    worker.loop.start(this.pollIntervalMs);
    worker.loop.kick();
    this.renewTimer ??= setInterval(() => void this.renewLeases(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.renewTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const worker of this.workers.values()) {
      await worker.loop.stop();
      while (worker.running.size) await Promise.allSettled([...worker.running]);
    }
    // only now: the handlers waited for kept their leases
    clearInterval(this.renewTimer);
  }

  /** Kicks the queue's worker at `at` (now or soon); later jobs are found by the poll. */
  private wakeAt(queue: string, at: Date) {
    const worker = this.workers.get(queue);
    if (!worker || this.closed) return;
    const delay = at.getTime() - Date.now();
    if (delay <= 0) return worker.loop.kick();
    if (delay > MAX_WAKE_TIMER_MS) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) worker.loop.kick();
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private async pass<Data>(worker: QueueWorker<Data>) {
    if (this.closed) return;
    const { concurrency, rateLimit } = worker.options;
    const free = concurrency - worker.leases.size;
    if (free <= 0) return;
    let take = free;
    if (rateLimit) {
      const now = Date.now();
      worker.starts = worker.starts.filter((start) => start > now - rateLimit.durationMs);
      take = Math.min(take, rateLimit.max - worker.starts.length);
      if (take <= 0) return this.wakeAt(worker.queue, new Date(worker.starts[0]! + rateLimit.durationMs));
    }
    const claimed = await this.db.$queryRaw<ClaimedRow[]>`
      UPDATE queued_jobs SET leased_until = now() + ${this.leaseMs}::int * interval '1 millisecond', attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM queued_jobs
        WHERE queue = ${worker.queue} AND run_at <= now() AND (leased_until IS NULL OR leased_until < now())
        ORDER BY run_at LIMIT ${take}::int
        FOR UPDATE SKIP LOCKED)
      RETURNING id, data, attempts, run_at AS "runAt", leased_until AS "leasedUntil"`;
    claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
    for (const row of claimed) {
      worker.starts.push(Date.now());
      worker.leases.set(row.id, { until: row.leasedUntil, ending: false });
      const run = this.run(worker, row)
        // the job's row could not be written: it runs again once its lease expires
        .catch((error: unknown) => this.logger.error({ err: error, queue: worker.queue, jobId: row.id }, 'could not record a job\'s outcome'))
        .finally(() => {
          worker.leases.delete(row.id);
          worker.running.delete(run);
          if (!this.closed) worker.loop.kick();
        });
      worker.running.add(run);
    }
    // a full batch suggests more are due: look again right after this pass
    if (claimed.length === take) worker.loop.kick();
  }

  private async run<Data>(worker: QueueWorker<Data>, row: ClaimedRow) {
    const { options } = worker;
    const job: QueueJob<Data> = { id: row.id, data: row.data as Data, attempt: row.attempts };
    // The process running the last attempt stopped before it ended: only the dead letter is left.
    if (job.attempt > options.attempts) return this.exhaust(worker, job, new Error('the last attempt did not end (its process stopped)'));
    try {
      await options.handle(job);
    } catch (error) {
      if (error instanceof RescheduleJob) return this.release(worker, job.id, error.runAt, { countAttempt: false });
      if (job.attempt >= options.attempts) return this.exhaust(worker, job, error);
      this.logger.warn({ err: error, queue: worker.queue, jobId: job.id, attempt: job.attempt }, 'job failed; it will be retried');
      return this.release(worker, job.id, new Date(Date.now() + options.backoffMs(job.attempt)), { countAttempt: true });
    }
    await this.settle(worker, job.id);
  }

  private async exhaust<Data>(worker: QueueWorker<Data>, job: QueueJob<Data>, error: unknown) {
    this.logger.error({ err: error, queue: worker.queue, jobId: job.id, attempt: job.attempt }, 'job failed its last attempt');
    try {
      await worker.options.onExhausted(job, error);
    } catch (failure) {
      // Left leased: once the lease expires the job is claimed again and only onExhausted runs.
      this.logger.error({ err: failure, queue: worker.queue, jobId: job.id }, 'onExhausted failed; it runs again after the lease');
      return;
    }
    await this.settle(worker, job.id);
  }

  /** Deletes a finished job, if this process still holds it. */
  private async settle(worker: WorkerState, id: string) {
    const lease = await this.endLease(worker, id);
    await this.db.$executeRaw`DELETE FROM queued_jobs WHERE id = ${id} AND leased_until = ${lease}`;
  }

  /** The lease's final token, once no renewal is in flight (and none starts). */
  private async endLease(worker: WorkerState, id: string): Promise<Date> {
    const lease = worker.leases.get(id)!;
    lease.ending = true;
    await lease.renewal;
    return lease.until;
  }

  /** Hands a job back to run at `runAt`; a reschedule gives back the attempt its claim counted. */
  private async release(worker: WorkerState, id: string, runAt: Date, { countAttempt }: { countAttempt: boolean }) {
    const lease = await this.endLease(worker, id);
    const refund = countAttempt ? 0 : 1;
    await this.db.$executeRaw`
      UPDATE queued_jobs SET run_at = ${runAt}, leased_until = NULL, attempts = attempts - ${refund}::int
      WHERE id = ${id} AND leased_until = ${lease}`;
    this.wakeAt(worker.queue, runAt);
  }

  private async renewLeases() {
    for (const worker of this.workers.values()) {
      for (const [id, lease] of worker.leases) {
        if (lease.ending || lease.renewal) continue;
        lease.renewal = this.renew(worker.queue, id, lease).finally(() => (lease.renewal = undefined));
        await lease.renewal;
      }
    }
  }

  private async renew(queue: string, id: string, lease: Lease) {
    try {
      const [renewed] = await this.db.$queryRaw<Array<{ leasedUntil: Date }>>`
        UPDATE queued_jobs SET leased_until = now() + ${this.leaseMs}::int * interval '1 millisecond'
        WHERE id = ${id} AND leased_until = ${lease.until}
        RETURNING leased_until AS "leasedUntil"`;
      if (renewed) lease.until = renewed.leasedUntil;
      else this.logger.warn({ queue, jobId: id }, 'lost the lease of a running job (another worker may run it)');
    } catch (error) {
      this.logger.warn({ err: error, queue, jobId: id }, 'could not renew a lease');
    }
  }
}
