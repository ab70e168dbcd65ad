// Applies each subgraph's SQL migrations to its PostgreSQL database, then exits: the one-off task a
// deploy runs before new tasks start (infra/README.md). The services still migrate when they start;
// the advisory lock openDatabase takes keeps a migration from being applied twice.
import { baseConfigShape, createLogger, loadConfig, Metrics, openDatabase, readMigrations, repoRoot } from '@medpay/runtime';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL: embedded databases migrate when their service starts').optional();
const config = loadConfig({
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  /** as each subgraph reads it: its own database, or DATABASE_URL serving every subgraph (one schema each) */
  DATABASE_URL: postgresUrl,
  USERS_DATABASE_URL: postgresUrl,
  PROVIDERS_DATABASE_URL: postgresUrl,
  PAYMENTS_DATABASE_URL: postgresUrl,
  NOTIFICATIONS_DATABASE_URL: postgresUrl,
});
const logger = createLogger('migrate', config.LOG_LEVEL);

const subgraphs = [
  { service: 'users', url: config.USERS_DATABASE_URL ?? config.DATABASE_URL },
  { service: 'providers', url: config.PROVIDERS_DATABASE_URL ?? config.DATABASE_URL },
  { service: 'payments', url: config.PAYMENTS_DATABASE_URL ?? config.DATABASE_URL },
  { service: 'notifications', url: config.NOTIFICATIONS_DATABASE_URL ?? config.DATABASE_URL },
];

/** A new server has only its first database: the URL's database is created, by its owner, when missing. */
async function ensureDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) return;
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      logger.info({ database: name }, 'database created');
    }
  } catch (error) {
    // 42P04: another run created it meanwhile
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

try {
  for (const { service, url } of subgraphs) {
    if (!url) throw new Error(`set ${service.toUpperCase()}_DATABASE_URL or DATABASE_URL`);
    await ensureDatabase(url);
    const migrationsDir = join(repoRoot, 'subgraphs', service, 'prisma', 'migrations');
    // No Prisma client is needed: openDatabase creates the schema and applies the migrations, as at a service's start.
    const database = await openDatabase({ service, url, migrationsDir, metrics: new Metrics(), createClient: () => ({ $on: () => {}, $disconnect: async () => {} }) });
    await database.close();
    logger.info({ service, latest: readMigrations(migrationsDir).at(-1)?.name }, 'migrations applied');
  }
} catch (error) {
  logger.fatal({ err: error }, 'migration failed');
  process.exitCode = 1;
}
