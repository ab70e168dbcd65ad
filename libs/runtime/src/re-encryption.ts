// Background re-encryption after a data key rotation: walks the encrypted columns a subgraph declares,
// in small batches, and rewrites each value still under an older key under the current one. Each
// rewrite is a compare-and-set (`WHERE id = $1 AND column = $old`), so a value written meanwhile by a
// request, or already rewritten by another replica running the same job, is never overwritten.
import type { FieldEncryption } from './field-encryption.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

/** A table with encrypted columns, as SQL names (declared in code, never from input). */
export interface EncryptedColumns {
  table: string;
  /** the primary key column; rows are walked in its order */
  id: string;
  /** its SQL type (default uuid) */
  idType?: 'uuid' | 'text';
  columns: string[];
}

/** What the job needs of a Prisma client (every generated client has both). */
export interface RawSql {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface ReEncryptionOptions {
  service: string;
  sql: RawSql;
  encryption: FieldEncryption;
  tables: EncryptedColumns[];
  batchSize: number;
  /** pause between batches, so the job yields the database to requests */
  pauseMs: number;
  logger: Logger;
  metrics: Metrics;
}

export interface ReEncryptionPass {
  rewritten: number;
  /** values that could not be read (unknown key, altered): logged by table, column and row id */
  unreadable: number;
  /** values under an older key after the pass (written meanwhile by a replica not yet on the new key) */
  remaining: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export class ReEncryption {
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(private readonly options: ReEncryptionOptions) {
    for (const { table, id, columns } of options.tables) {
      for (const name of [table, id, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`re-encryption: ${name} is not a plain SQL identifier`);
    }
  }

  /** Values under a key other than the current one, by `table.column` (the progress metric's source). */
  async pending(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const { table, columns } of this.options.tables) {
      for (const column of columns) {
        const [row] = await this.options.sql.$queryRawUnsafe<{ count: bigint | number }[]>(`SELECT count(*) AS count FROM ${table} WHERE ${this.stale(column, 1)}`, ...this.prefixes());
        counts[`${table}.${column}`] = Number(row?.count ?? 0);
      }
    }
    return counts;
  }

  /** One walk over every declared column; returns when it has been through them all (or stop() was called). */
  async runOnce(): Promise<ReEncryptionPass> {
    const { logger, metrics, service, encryption } = this.options;
    const pass = { rewritten: 0, unreadable: 0, remaining: 0 };
    const before = sum(await this.pending());
    metrics.set('reencryption_pending_values', before);
    if (before === 0) return pass;
    logger.info({ service, keyId: encryption.currentKeyId, pending: before }, 're-encryption started');
    for (const { table, id, idType = 'uuid', columns } of this.options.tables) {
      for (const column of columns) {
        let after: string | null = null;
        while (!this.stopped) {
          const batch = await this.batch(table, id, idType, column, after);
          if (batch.length === 0) break;
          after = batch.at(-1)!.id;
          for (const row of batch) {
            let fresh: string;
            try {
              fresh = encryption.encrypt(encryption.decrypt(row.value));
            } catch (error) {
              pass.unreadable += 1;
              metrics.increment('reencryption_unreadable_values');
              logger.error({ table, column, rowId: row.id, reason: (error as Error).message }, 're-encryption skipped a value it cannot read');
              continue;
            }
            const changed = await this.options.sql.$executeRawUnsafe(`UPDATE ${table} SET ${column} = $1 WHERE ${id} = CAST($2 AS ${idType}) AND ${column} = $3`, fresh, row.id, row.value);
            if (changed === 1) {
              pass.rewritten += 1;
              metrics.increment('reencryption_rewritten_values');
            }
          }
          metrics.set('reencryption_pending_values', Math.max(0, before - pass.rewritten - pass.unreadable));
          logger.info({ service, table, column, rewritten: pass.rewritten, of: before }, 're-encryption progress');
          if (this.options.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.pauseMs));
        }
      }
    }
    pass.remaining = sum(await this.pending());
    metrics.set('reencryption_pending_values', pass.remaining);
    logger.info({ service, keyId: encryption.currentKeyId, ...pass }, 're-encryption pass finished');
    return pass;
  }

  /**
   * Runs in the background until every value is under the current key. A pass that leaves values
   * behind (another replica still writing under the old key during a rollout) is followed by another
   * after `retryMs`; unreadable values alone do not keep it going. With a single key in the ring there
   * is nothing it could read and rewrite, so it does not run (nor count rows at every start).
   */
  start(retryMs = 60_000) {
    if (!this.options.encryption.hasOlderKeys) return;
    const loop = async () => {
      while (!this.stopped) {
        const pass = await this.runOnce();
        if (pass.remaining <= pass.unreadable) return;
        await new Promise((resolve) => setTimeout(resolve, retryMs).unref());
      }
    };
    this.running = loop().catch((error: unknown) => this.options.logger.error({ err: error, service: this.options.service }, 're-encryption failed; it runs again at the next start'));
  }

  async stop() {
    this.stopped = true;
    await this.running;
  }

  private prefixes() {
    return this.options.encryption.currentPrefixes();
  }

  /** SQL for "this column holds a value under an older key", its LIKE patterns numbered from `first`. */
  private stale(column: string, first: number) {
    return [`${column} IS NOT NULL`, ...this.prefixes().map((_, index) => `${column} NOT LIKE $${first + index}`)].join(' AND ');
  }

  /** The next stale values after `after` in primary key order (keyset: each batch starts where the last ended). */
  private async batch(table: string, id: string, idType: string, column: string, after: string | null) {
    const prefixes = this.prefixes();
    const afterClause = after === null ? '' : ` AND ${id} > CAST($${prefixes.length + 1} AS ${idType})`;
    return this.options.sql.$queryRawUnsafe<{ id: string; value: string }[]>(
      `SELECT ${id}::text AS id, ${column} AS value FROM ${table} WHERE ${this.stale(column, 1)}${afterClause} ORDER BY ${id} LIMIT ${Math.trunc(this.options.batchSize)}`,
      ...prefixes,
      ...(after === null ? [] : [after]),
    );
  }
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);
