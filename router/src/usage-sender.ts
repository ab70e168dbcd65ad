// Carries the usage log to analytics in the background: records wait in a bounded buffer and leave in
// batches (when a batch is full, or every flush interval), a couple of batches on the way at once. A
// batch analytics does not take is logged (never its contents) and dropped: usage is statistics, and
// no request waits for it or fails because of it.
import { graphUsageBatch, type OperationUsage } from '@medpay/contracts';
import type { InternalClient, Logger, Metrics } from '@medpay/runtime';

export interface UsageSenderOptions {
  /** delivers one batch; a rejection means analytics did not take it */
  send: (operations: OperationUsage[]) => Promise<void>;
  flushMs: number;
  batchSize: number;
  /** records kept waiting at most; past it the oldest are dropped */
  maxBuffered: number;
  /** batches on the way at once; more wait in the buffer */
  maxInFlight?: number;
  logger: Pick<Logger, 'warn' | 'info' | 'debug'>;
  metrics: Metrics;
}

/** How long closing waits for the last batches before dropping what is left. */
const CLOSE_DEADLINE_MS = 5_000;

/** Sends a batch to analytics' POST /internal/graph-usage with the router's signed service claims. */
export const graphUsageSender = (analytics: InternalClient) => async (operations: OperationUsage[]) => {
  // A 404 (analytics without the endpoint) is not delivery either.
  if ((await analytics.call(graphUsageBatch, { operations })) === null) throw new Error(`${graphUsageBatch.path} answered 404`);
};

/** Why a batch failed, without anything it carried: fetch's network code, else the message. */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause) return String(cause.code);
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown';
}

export class UsageSender {
  private buffer: OperationUsage[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timer: NodeJS.Timeout;
  private readonly maxInFlight: number;
  /** whether the last batch failed: an outage is logged at warn once, then at debug until a batch gets through */
  private failing = false;
  private closed = false;

  constructor(private readonly options: UsageSenderOptions) {
    this.maxInFlight = options.maxInFlight ?? 2;
    this.timer = setInterval(() => this.flush(), options.flushMs);
    this.timer.unref();
  }

  /** Takes one record; never waits and never throws. */
  add(record: OperationUsage): void {
    if (this.closed) return this.drop(1);
    this.buffer.push(record);
    const excess = this.buffer.length - this.options.maxBuffered;
    if (excess > 0) {
      this.buffer.splice(0, excess);
      this.drop(excess);
    }
    if (this.buffer.length >= this.options.batchSize) this.flush();
  }

  /** Records waiting to be sent. */
  get buffered(): number {
    return this.buffer.length;
  }

  /** Sends what is buffered, a batch at a time, as far as the batches on the way allow. */
  flush(): void {
    while (this.buffer.length > 0 && this.inFlight.size < this.maxInFlight) {
      const batch = this.buffer.splice(0, this.options.batchSize);
      const delivery: Promise<void> = this.deliver(batch).finally(() => {
        this.inFlight.delete(delivery);
        // A full batch that waited for a free slot goes now; a partial one waits for the timer.
        if (this.buffer.length >= this.options.batchSize) this.flush();
      });
      this.inFlight.add(delivery);
    }
  }

  /** Stops taking records and sends what is left, for at most a few seconds (then drops it). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    const deadline = Date.now() + CLOSE_DEADLINE_MS;
    while ((this.buffer.length > 0 || this.inFlight.size > 0) && Date.now() < deadline) {
      this.flush();
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([...this.inFlight, new Promise((resolve) => (timeout = setTimeout(resolve, Math.max(0, deadline - Date.now()))))]);
      clearTimeout(timeout);
    }
    if (this.buffer.length > 0) {
      this.options.logger.warn({ records: this.buffer.length }, 'usage records not sent before shutdown; dropped');
      this.drop(this.buffer.length);
      this.buffer = [];
    }
  }

  private async deliver(batch: OperationUsage[]): Promise<void> {
    const { logger, metrics } = this.options;
    try {
      await this.options.send(batch);
      metrics.increment('usage_records_sent_total', batch.length);
      if (this.failing) logger.info('usage batches reach analytics again');
      this.failing = false;
    } catch (error) {
      metrics.increment('usage_batches_failed_total');
      this.drop(batch.length);
      const details = { records: batch.length, reason: reasonOf(error) };
      if (this.failing) logger.debug(details, 'usage batch not delivered to analytics; dropped');
      else logger.warn(details, 'usage batch not delivered to analytics; dropped (further failures are logged at debug until one gets through)');
      this.failing = true;
    }
  }

  private drop(records: number) {
    this.options.metrics.increment('usage_records_dropped_total', records);
  }
}
