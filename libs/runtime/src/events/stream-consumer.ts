// Reads the Redis Stream of domain events in a consumer group: each event goes to one consumer of
// the group, at least once. An entry is acknowledged only after the handler resolves (the handler
// commits its effect first); an entry whose consumer crashed stays pending and is reclaimed with
// XAUTOCLAIM once idle for `reclaimAfterMs`. Handlers are idempotent by event id (see DomainEvent).
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { DEFAULT_EVENT_STREAM, type DomainEvent } from './bus.js';

export interface StreamConsumerOptions {
  /** the consuming service, e.g. `analytics`: one group per service */
  group: string;
  /** this replica's name inside the group */
  consumer: string;
  handle: (event: DomainEvent) => Promise<void>;
  logger: Logger;
  stream?: string;
  /** where a new group starts: `$` (only what arrives from now on, the default) or `0` (the whole stream) */
  startAt?: '$' | '0';
  /** a pending entry idle this long is taken over from its (presumably crashed) consumer */
  reclaimAfterMs?: number;
  batchSize?: number;
  blockMs?: number;
}

type Entry = { streamId: string; event: DomainEvent | null };

/** Reads the `event` field of one raw stream entry (`[id, [field, value, …]]`). */
function entryOf(raw: unknown): Entry | null {
  if (!Array.isArray(raw) || typeof raw[0] !== 'string') return null;
  const fields: unknown = raw[1];
  if (!Array.isArray(fields)) return { streamId: raw[0], event: null };
  const at = fields.indexOf('event');
  const json: unknown = at >= 0 ? fields[at + 1] : undefined;
  try {
    return { streamId: raw[0], event: typeof json === 'string' ? (JSON.parse(json) as DomainEvent) : null };
  } catch {
    return { streamId: raw[0], event: null };
  }
}

const entriesOf = (list: unknown): Entry[] => (Array.isArray(list) ? list.map(entryOf).filter((entry): entry is Entry => entry !== null) : []);

/**
 * The entries of an XREADGROUP reply: RESP2 answers `[[stream, entries], …]`; RESP3 (ioredis 6's
 * default) answers a map, which ioredis flattens to `[stream, entries, …]`.
 */
function readEntriesOf(reply: unknown): Entry[] {
  if (!Array.isArray(reply)) return [];
  if (typeof reply[0] === 'string') return reply.filter((_, index) => index % 2 === 1).flatMap(entriesOf);
  return reply.flatMap((pair: unknown) => (Array.isArray(pair) ? entriesOf(pair[1]) : []));
}

export class StreamConsumer {
  private readonly stream: string;
  private stopped = false;
  private loop: Promise<void> | null = null;

  /** `redis` is this consumer's own connection: a blocking read holds it. */
  constructor(
    private readonly redis: Redis,
    private readonly options: StreamConsumerOptions,
  ) {
    this.stream = options.stream ?? DEFAULT_EVENT_STREAM;
  }

  async ensureGroup() {
    try {
      await this.redis.call('XGROUP', 'CREATE', this.stream, this.options.group, this.options.startAt ?? '$', 'MKSTREAM');
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error;
    }
  }

  /** One pass: reclaim stale pending entries, then read new ones (blocking up to `blockMs` when given). Returns how many were handled. */
  async poll(blockMs?: number): Promise<number> {
    const { group, consumer } = this.options;
    const count = String(this.options.batchSize ?? 100);
    const claimed = await this.redis.call('XAUTOCLAIM', this.stream, group, consumer, String(this.options.reclaimAfterMs ?? 60_000), '0-0', 'COUNT', count);
    let handled = await this.handleAll(Array.isArray(claimed) ? entriesOf(claimed[1]) : []);
    const block = blockMs === undefined ? [] : ['BLOCK', String(blockMs)];
    const read = await this.redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', count, ...block, 'STREAMS', this.stream, '>');
    handled += await this.handleAll(readEntriesOf(read));
    return handled;
  }

  private async handleAll(entries: Entry[]) {
    let handled = 0;
    for (const { streamId, event } of entries) {
      if (event) {
        try {
          await this.options.handle(event);
        } catch (error) {
          // Not acknowledged: it stays pending and is reclaimed after `reclaimAfterMs`.
          this.options.logger.error({ err: error, eventId: event.id, type: event.type }, 'event handler failed');
          continue;
        }
        handled += 1;
      } else {
        this.options.logger.error({ streamId }, 'unreadable stream entry; acknowledged and skipped');
      }
      await this.redis.call('XACK', this.stream, this.options.group, streamId);
    }
    return handled;
  }

  start() {
    this.loop ??= (async () => {
      await this.ensureGroup();
      while (!this.stopped) {
        try {
          await this.poll(this.options.blockMs ?? 5_000);
        } catch (error) {
          if (this.stopped) return;
          this.options.logger.error({ err: error }, 'stream consumer pass failed');
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    })();
  }

  async stop() {
    this.stopped = true;
    this.redis.disconnect();
    await this.loop?.catch(() => undefined);
  }
}
