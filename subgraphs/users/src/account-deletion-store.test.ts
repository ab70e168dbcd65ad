// Account deletions on PGlite always and on a real PostgreSQL when TEST_DATABASE_URL is set: there,
// the steps the other services report arrive at the same moment, in separate transactions.
import { afterAll, describe, expect, it } from '@jest/globals';
import type { Database } from '@medpay/runtime';
import { freshPostgresDatabase } from '@medpay/runtime/testing';
import { randomUUID } from 'node:crypto';
import { AccountDeletionStore, DELETION_SERVICES } from './account-deletion-store.js';
import { PrismaClient } from './generated/prisma/client.js';
import { openUsersDatabase } from './testing.js';

const databases: Database<PrismaClient>[] = [];
afterAll(() => Promise.all(databases.map((database) => database.close())));

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const backends = [
  ['PGlite', async () => 'pglite:memory'],
  [onPostgres ? 'PostgreSQL' : 'PostgreSQL (skipped: set TEST_DATABASE_URL to run it)', onPostgres ? freshPostgresDatabase : null],
] as const;

for (const [name, databaseUrl] of backends) {
  (databaseUrl ? describe : describe.skip)(`account deletion steps (${name})`, () => {
    it('completes the deletion once when its last steps are reported at the same moment', async () => {
      const database = await openUsersDatabase(await databaseUrl!());
      databases.push(database);
      const store = new AccountDeletionStore(database.prisma);
      const others = DELETION_SERVICES.filter((service) => service !== 'users');

      for (let round = 0; round < 5; round += 1) {
        const user = await database.prisma.user.create({ data: { name: 'Paula', email: `${randomUUID()}@example.com`, passwordHash: 'x', roles: ['PATIENT'] } });
        const deletion = await store.record(user.id, new Date());
        const reports = await Promise.all(others.map((service) => store.completeStep(deletion.id, service, new Date())));
        expect(reports.filter((report) => report?.status === 'COMPLETED')).toHaveLength(1);
        const done = await store.findByUser(user.id);
        expect(done).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(Date) });
        expect(done!.steps.map((step) => step.status)).toEqual(DELETION_SERVICES.map(() => 'DONE'));
      }
    }, 60_000);
  });
}
