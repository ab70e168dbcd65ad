// Applies each subgraph's SQL migrations to its PostgreSQL database, then exits: the one-off task a
// deploy runs before new tasks start (infra/README.md). The services still migrate when they start;
// the advisory lock openDatabase takes keeps a migration from being applied twice.
import { baseConfigShape, createLogger, loadConfig, Metrics, openDatabase, readMigrations, repoRoot } from '@medpay/runtime';
import { join } from 'node:path';
import { z } from 'zod';
import { ensureDatabase, sqlLocationOf, SQL_SUBGRAPHS } from './databases.js';

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

try {
  for (const service of SQL_SUBGRAPHS) {
    const location = sqlLocationOf(service, config);
    if (location.kind !== 'postgres') throw new Error(`set ${service.toUpperCase()}_DATABASE_URL or DATABASE_URL`);
    const { url } = location;
    if (await ensureDatabase(url)) logger.info({ service }, 'database created');
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
