// The users subgraph's database for its own tests (never imported by the service): migrated, on
// PGlite unless another URL is given.
import { Metrics, openDatabase, type Database } from '@medpay/runtime';
import { fileURLToPath } from 'node:url';
import { PrismaClient } from './generated/prisma/client.js';

export const openUsersDatabase = (url = 'pglite:memory'): Promise<Database<PrismaClient>> =>
  openDatabase({
    service: 'users',
    url,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    metrics: new Metrics(),
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
