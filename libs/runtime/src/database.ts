// Prisma client factory: PGlite under .data/<service> when no database URL is set (or `pglite:memory`,
// `pglite:<dir>`), PostgreSQL through @prisma/adapter-pg when one is. Migrations are applied first,
// by our own runner, to either database (Prisma's schema engine cannot be downloaded here).
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { join } from 'node:path';
import { dataDir } from './config.js';
import type { Metrics } from './metrics.js';
import { applyMigrations, type SqlSession } from './migrations.js';

export interface PrismaLike {
  $on(event: 'query', listener: () => void): void;
  $disconnect(): Promise<void>;
}

export interface Database<Client> {
  prisma: Client;
  /** 'pglite' for the embedded default, 'postgres' for a real server */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions<Client> {
  service: string;
  url: string | undefined;
  migrationsDir: string;
  metrics: Metrics;
  createClient: (adapter: SqlDriverAdapterFactory) => Client;
}

export async function openDatabase<Client extends PrismaLike>(options: DatabaseOptions<Client>): Promise<Database<Client>> {
  const { service, url, migrationsDir, metrics } = options;
  let adapter: SqlDriverAdapterFactory;
  let closeDriver: () => Promise<void>;
  let kind: Database<Client>['kind'];

  if (!url || url.startsWith('pglite:')) {
    const location = url?.slice('pglite:'.length);
    const pglite = new PGlite(location === 'memory' ? undefined : location || join(dataDir(), service));
    await pglite.waitReady;
    await applyMigrations(pgliteSession(pglite), migrationsDir);
    adapter = new PrismaPGlite(pglite);
    closeDriver = async () => {
      if (!pglite.closed) await pglite.close();
    };
    kind = 'pglite';
  } else {
    // One database may host every subgraph: each keeps its tables in a schema named after it.
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path="${service}"`, max: 10 });
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${service}"`);
      await applyMigrations(pgSession(client), migrationsDir);
    } finally {
      client.release();
    }
    adapter = new PrismaPg(pool, { schema: service });
    metrics.gauge('db_pool_connections', 'PostgreSQL connections of the pool by state', ['state'], async () => [
      { labels: { state: 'total' }, value: pool.totalCount },
      { labels: { state: 'idle' }, value: pool.idleCount },
      { labels: { state: 'waiting' }, value: pool.waitingCount },
    ]);
    closeDriver = () => pool.end();
    kind = 'postgres';
  }

  const prisma = options.createClient(adapter);
  prisma.$on('query', () => metrics.increment('sql_statements_total'));
  return {
    prisma,
    kind,
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}

function pgliteSession(db: PGlite): SqlSession {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    query: async <Row>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows,
    lock: async () => {},
    unlock: async () => {},
  };
}

function pgSession(client: pg.PoolClient): SqlSession {
  // Replicas starting together must not both apply a migration: hold an advisory lock meanwhile.
  const LOCK = 72_707_001;
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
    lock: async () => void (await client.query('SELECT pg_advisory_lock($1)', [LOCK])),
    unlock: async () => void (await client.query('SELECT pg_advisory_unlock($1)', [LOCK])),
  };
}

/**
 * The unique constraint an insert or update hit (e.g. "users_email_key"), or null when the error is
 * not a unique violation. Adapters shape the error differently; the driver's message names it.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'P2002') return null;
  const meta = JSON.stringify((error as { meta?: unknown }).meta ?? {});
  return /unique constraint \\"([^"\\]+)/.exec(meta)?.[1] ?? 'unknown';
}
