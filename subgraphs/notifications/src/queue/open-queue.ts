// Picks the job queue for this process: BullMQ when Redis is configured, the database table otherwise.
import type { Logger } from '@medpay/runtime';
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
}

export function openJobQueue(options: OpenJobQueueOptions): JobQueue {
  if (options.redisUrl) return new BullJobQueue({ connection: options.redisUrl, prefix: options.prefix, logger: options.logger });
  return new EmbeddedJobQueue(options.prisma, options.logger, { pollIntervalMs: options.pollIntervalMs });
}
