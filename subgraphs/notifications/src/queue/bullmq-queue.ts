// The job queue on Redis (BullMQ): one BullMQ Queue per queue name for adding and removing, one
// Worker per worked queue. The worker's policy (attempts, backoff, onExhausted) lives in this process,
// not in the job: jobs are added with unbounded attempts and the processor ends them when the
// worker's own attempts run out, so a job added before `work` is called follows the same rules.
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '@medpay/runtime';
import { assertJobKey, RescheduleJob, type JobQueue, type WorkerOptions } from './job-queue.js';

export interface BullJobQueueOptions {
  /** a Redis URL (the queue opens and closes its connection), or a connection it borrows */
  connection: string | Redis;
  /** namespaces every key, so deployments or test stacks sharing a Redis do not meet (BullMQ's default is `bull`) */
  prefix: string;
  logger: Logger;
}

/** The processor decides when to stop; BullMQ only has to keep retrying until it does. */
const UNBOUNDED_ATTEMPTS = 2 ** 31 - 1;
const BACKOFF_TYPE = 'worker';

export class BullJobQueue implements JobQueue {
  private readonly connection: Redis;
  private readonly ownsConnection: boolean;
  private readonly prefix: string;
  private readonly logger: Logger;
  private readonly queues = new Map<string, Queue>();
  private readonly workers = new Map<string, Worker>();

  constructor(options: BullJobQueueOptions) {
    this.ownsConnection = typeof options.connection === 'string';
    // Workers block on this connection (BullMQ duplicates it): commands must wait for Redis, not fail.
    this.connection = typeof options.connection === 'string' ? new Redis(options.connection, { maxRetriesPerRequest: null }) : options.connection;
    this.prefix = options.prefix;
    this.logger = options.logger;
  }

  async add<Data>(queue: string, id: string, data: Data, runAt?: Date): Promise<void> {
    assertJobKey(queue, id);
    await this.queueOf(queue).add(queue, data, {
      jobId: id,
      delay: runAt ? Math.max(0, runAt.getTime() - Date.now()) : 0,
      attempts: UNBOUNDED_ATTEMPTS,
      backoff: { type: BACKOFF_TYPE },
      // gone once ended: Redis does not grow, and the id may be added again (a redelivery)
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  async remove(queue: string, id: string): Promise<boolean> {
    const bullQueue = this.queueOf(queue);
    // BullMQ answers 1 for an absent job too, and 0 for a running (locked) one
    if (!(await bullQueue.getJob(id))) return false;
    return (await bullQueue.remove(id)) === 1;
  }

  work<Data>(queue: string, options: WorkerOptions<Data>): void {
    assertJobKey(queue, 'probe');
    if (this.workers.has(queue)) throw new Error(`queue ${queue} is already worked by this process`);
    const worker = new Worker<Data>(queue, (job, token) => this.process(queue, options, job, token), {
      connection: this.connection,
      prefix: this.prefix,
      concurrency: options.concurrency,
      ...(options.rateLimit ? { limiter: { max: options.rateLimit.max, duration: options.rateLimit.durationMs } } : {}),
      // attemptsMade is the number of the attempt that just failed: the delay before retry n
      settings: { backoffStrategy: (attemptsMade: number) => options.backoffMs(attemptsMade) },
    });
    worker.on('error', (error) => this.logger.error({ err: error, queue }, 'queue worker error'));
    this.workers.set(queue, worker as Worker);
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    if (this.ownsConnection) await this.connection.quit().catch(() => this.connection.disconnect());
  }

  private queueOf(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      queue.on('error', (error) => this.logger.error({ err: error, queue: name }, 'queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async process<Data>(queue: string, options: WorkerOptions<Data>, job: Job<Data>, token: string | undefined) {
    // attemptsMade counts failed attempts only (a reschedule skips it)
    const queueJob = { id: job.id!, data: job.data, attempt: job.attemptsMade + 1 };
    if (queueJob.attempt > options.attempts) {
      // onExhausted failed on the last attempt (and threw): give it another go, nothing else
      await options.onExhausted(queueJob, new Error('attempts exhausted'));
      throw new UnrecoverableError('attempts exhausted');
    }
    try {
      await options.handle(queueJob);
    } catch (error) {
      if (error instanceof RescheduleJob) {
        // BullMQ's documented way to delay an active job: move it with the worker's lock token, then
        // tell the worker with DelayedError so it neither completes nor fails it (no attempt counted).
        await job.moveToDelayed(error.runAt.getTime(), token);
        throw new DelayedError();
      }
      if (queueJob.attempt < options.attempts) {
        this.logger.warn({ err: error, queue, jobId: queueJob.id, attempt: queueJob.attempt }, 'job failed; it will be retried');
        throw error;
      }
      this.logger.error({ err: error, queue, jobId: queueJob.id, attempt: queueJob.attempt }, 'job failed its last attempt');
      await options.onExhausted(queueJob, error);
      throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
    }
  }
}
