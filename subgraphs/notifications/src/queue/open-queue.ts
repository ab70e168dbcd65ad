// Picks the job queue for this process: BullMQ when Redis is configured, the database table otherwise;
// either way, each job given up is counted (`dead_letters_total{queue}`, an alarm's input in infra/).
import type { Logger, Metrics } from '@medpay/runtime';
import { BullJobQueue } from './bullmq-queue.js';
import { EmbeddedJobQueue, type QueueDatabase } from './embedded-queue.js';
import type { JobQueue } from './job-queue.js';

export interface OpenJobQueueOptions {
  /** REDIS_URL: set, jobs live in Redis (BullMQ); unset, in this subgraph's queued_jobs table */
  redisUrl: string | undefined;
  /** BullMQ's key prefix (deployments or test stacks sharing a Redis use their own) */
  prefix: string;
  prisma: QueueDatabase;
  logger: Logger;
  /** the embedded queue's poll interval (tests shorten it) */
  pollIntervalMs?: number;
  metrics?: Metrics;
}

export function openJobQueue(options: OpenJobQueueOptions): JobQueue {
  const queue: JobQueue = options.redisUrl
    ? new BullJobQueue({ connection: options.redisUrl, prefix: options.prefix, logger: options.logger })
    : new EmbeddedJobQueue(options.prisma, options.logger, { pollIntervalMs: options.pollIntervalMs });
  const { metrics } = options;
  if (!metrics) return queue;
  const work = queue.work.bind(queue);
  queue.work = (name, worker) =>
    work(name, {
      ...worker,
      // counted once it is recorded: an onExhausted that throws runs again
      onExhausted: async (job, error) => {
        await worker.onExhausted(job, error);
        metrics.increment('dead_letters_total', 1, { queue: name });
      },
    });
  return queue;
}
