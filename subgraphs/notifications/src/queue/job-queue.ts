// The delivery machinery's one interface: named queues of jobs keyed by id, run at a time, retried
// with exponential backoff and jitter, rate-limited per queue. BullMQ on Redis when REDIS_URL is set;
// otherwise a table of this subgraph's database (persisted under .data/ with PGlite, so a restart
// loses no pending job). Adding a job whose id is waiting is a no-op: ids are the records' own ids.
// Delivery is at least once (a crashed worker's job runs again), so handlers are idempotent.

export interface QueueJob<Data> {
  id: string;
  data: Data;
  /** the attempt being made, 1 for the first */
  attempt: number;
}

/** Thrown by a handler to run the job again at a given time without counting an attempt (quiet hours). */
export class RescheduleJob extends Error {
  constructor(readonly runAt: Date) {
    super(`rescheduled to ${runAt.toISOString()}`);
  }
}

export interface WorkerOptions<Data> {
  /** jobs of this queue run at once in this process */
  concurrency: number;
  /** the provider's limit: at most `max` job starts per `durationMs` */
  rateLimit?: { max: number; durationMs: number };
  /** attempts before the job is given up (its handler's `onExhausted` is told) */
  attempts: number;
  /** the delay before retry n (1-based), jitter included */
  backoffMs: (attempt: number) => number;
  handle: (job: QueueJob<Data>) => Promise<void>;
  /** the last attempt failed: the record behind the job goes to its dead-letter state */
  onExhausted: (job: QueueJob<Data>, error: unknown) => Promise<void>;
}

export interface JobQueue {
  /**
   * Queues a job to run at `runAt` (now when absent). A no-op while a job with this id is waiting,
   * retrying or running; once it ended (done or exhausted) the id may be added again. Ids are unique
   * across queues, contain no ':' and are not plain integers (BullMQ's rules, kept by both). Queue
   * names contain no ':' either.
   */
  add<Data>(queue: string, id: string, data: Data, runAt?: Date): Promise<void>;
  /** removes a job that has not started (a reminder no longer due); true when one was removed */
  remove(queue: string, id: string): Promise<boolean>;
  /** starts this process's worker for a queue (once per queue); `data` is what `add` was given, as JSON */
  work<Data>(queue: string, options: WorkerOptions<Data>): void;
  /** stops taking jobs and waits for the running handlers to end; close it before the database */
  close(): Promise<void>;
}

/** BullMQ's rules for ids and names, checked by both implementations so a mistake shows on either. */
export function assertJobKey(queue: string, id: string): void {
  if (queue === '' || queue.includes(':')) throw new Error(`invalid queue name ${JSON.stringify(queue)}`);
  if (id === '' || id.includes(':') || /^\d+$/.test(id)) throw new Error(`invalid job id ${JSON.stringify(id)}`);
}

/** Exponential backoff from `baseMs`, capped at `maxMs`, with full jitter over its upper half. */
export const exponentialBackoff = (baseMs: number, maxMs: number) => (attempt: number) => {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
};
