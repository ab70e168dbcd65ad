// The sensitive-data access log's producer side (LGPD): resolvers note each read of a whole CPF, of
// health data, or of another person's data by clinic staff, partner systems and admins; the notes are
// batched in memory and written in the background by the service (one outbox event per batch), so a
// read never waits for the log. A batch that cannot be written stays queued and is tried again,
// logged and counted; nothing is dropped unless the queue overflows, which is logged and counted too.
import { randomUUID } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { isPlatformAdmin, type Claims } from './claims.js';
import { CoalescingLoop } from './coalescing-loop.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

export type AccessPurpose = 'CLINIC_SERVICE' | 'CLINIC_INTEGRATION' | 'BACK_OFFICE_SUPPORT' | 'DISPUTE_DECISION';

/** One read, as the `personal_data.accessed` event carries it (the contract's `DataAccess`). */
export interface DataAccessEntry {
  id: string;
  readerId: string;
  readerKind: 'user' | 'partner';
  readerRoles: string[];
  readerClinicId: string | null;
  subjectId: string;
  field: string;
  operation: string;
  purpose: AccessPurpose;
  at: string;
}

const BATCH_MAX = 500;
const QUEUE_MAX = 100_000;
const RETRY_MS = 2_000;

/** The client's operation name: the router names each subgraph fetch `<operation>__<subgraph>__<n>`. */
export const clientOperationName = (info: Pick<GraphQLResolveInfo, 'operation'>): string => (info.operation.name?.value ?? '').replace(/__[a-z0-9_-]+__\d+$/i, '');

/**
 * Why the reader saw the data, from who they are and what they ran: an admin deciding a dispute, an
 * admin otherwise (support), a clinic's partner system, or clinic staff serving the patient.
 */
export function accessPurpose(claims: Claims, operation: string): AccessPurpose {
  if (isPlatformAdmin(claims)) return /dispute/i.test(operation) ? 'DISPUTE_DECISION' : 'BACK_OFFICE_SUPPORT';
  return claims.kind === 'partner' ? 'CLINIC_INTEGRATION' : 'CLINIC_SERVICE';
}

export class AccessLog {
  private queue: DataAccessEntry[] = [];
  readonly loop: CoalescingLoop;

  constructor(
    /** writes one batch durably (the service's outbox); throws when it could not */
    private readonly write: (entries: DataAccessEntry[]) => Promise<void>,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {
    this.loop = new CoalescingLoop('access-log', () => this.flush(), logger);
  }

  private started = false;

  start() {
    this.started = true;
    this.loop.start(RETRY_MS);
    if (this.queue.length > 0) this.loop.kick();
  }

  /**
   * Writes what is queued and stops writing: reads noted afterwards wait in the queue until `start`
   * (a service stopping, or a test counting the statements of a read path).
   */
  async stop() {
    this.started = false;
    await this.loop.stop();
    await this.flush().catch(() => undefined);
    if (this.queue.length > 0) this.logger.error({ entries: this.queue.length }, 'sensitive-data access log entries not written yet (kept for the next start)');
  }

  /** The reads of one request: each (subject, field) noted once, and only for readers the log is about. */
  forRequest(claims: Claims | null): AccessRecorder {
    return new AccessRecorder(claims, (entry) => this.enqueue(entry));
  }

  private enqueue(entry: DataAccessEntry) {
    this.queue.push(entry);
    if (this.queue.length > QUEUE_MAX) {
      const dropped = this.queue.splice(0, this.queue.length - QUEUE_MAX);
      this.metrics.increment('access_log_entries_dropped_total', dropped.length);
      this.logger.error({ dropped: dropped.length }, 'sensitive-data access log queue full: oldest entries dropped');
    }
    if (this.queue.length === 1 && this.started) setImmediate(this.loop.kick);
  }

  private async flush() {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, BATCH_MAX);
      try {
        await this.write(batch);
      } catch (error) {
        this.metrics.increment('access_log_write_failures_total');
        this.logger.error({ err: error, entries: batch.length }, 'sensitive-data access log batch not written; it is tried again');
        return;
      }
      this.queue.splice(0, batch.length);
      this.metrics.increment('access_log_entries_written_total', batch.length);
    }
  }
}

export class AccessRecorder {
  private readonly seen = new Set<string>();

  constructor(
    private readonly claims: Claims | null,
    private readonly enqueue: (entry: DataAccessEntry) => void,
  ) {}

  /**
   * Notes a read of `field` (a coordinate such as `User.cpf`) of `subjectId`'s data. A person reading
   * their own data is not logged (they may see it anyway, and their export says what they hold);
   * neither are anonymous or service callers, who never reach personal fields.
   * `clinicId`: the clinic the read went through, when the reader acts for one.
   */
  read(info: Pick<GraphQLResolveInfo, 'operation'>, subjectId: string, field: string, clinicId: string | null = null): void {
    const claims = this.claims;
    if (!claims || (claims.kind !== 'user' && claims.kind !== 'partner')) return;
    if (claims.kind === 'user' && claims.sub === subjectId) return;
    const key = `${subjectId} ${field}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const operation = clientOperationName(info).slice(0, 200);
    this.enqueue({
      id: randomUUID(),
      readerId: claims.sub,
      readerKind: claims.kind,
      readerRoles: [...claims.roles],
      readerClinicId: claims.kind === 'partner' ? (claims.clinicId ?? clinicId) : isPlatformAdmin(claims) ? null : clinicId,
      subjectId,
      field,
      operation,
      purpose: accessPurpose(claims, operation),
      at: new Date().toISOString(),
    });
  }
}
