import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Database } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { Consents, type LegalVersions } from './consent.js';
import { ConsentStore } from './consent-store.js';
import { PrismaClient } from './generated/prisma/client.js';
import { openUsersDatabase } from './testing.js';

let database: Database<PrismaClient>;
let store: ConsentStore;
beforeAll(async () => {
  database = await openUsersDatabase();
  store = new ConsentStore(database.prisma);
}, 60_000);
afterAll(() => database?.close());

const versions = (terms: string, policy: string): LegalVersions => ({ termsVersion: terms, termsDate: '2026-11-29', privacyPolicyVersion: policy, privacyPolicyDate: '2026-11-29' });

describe('consent', () => {
  it('asks for re-acceptance when a newer terms or policy version comes into force', async () => {
    const userId = randomUUID();
    const before = new Consents(store, versions('1', '1'));
    await before.accept(userId, { termsVersion: '1', privacyPolicyVersion: '1' }, '10.0.0.1');
    expect((await before.statusesOf([userId]))[0]).toMatchObject({ termsVersion: '1', needsReacceptance: false });

    // The service restarts with TERMS_VERSION=2: the same record no longer suffices.
    const termsBumped = new Consents(store, versions('2', '1'));
    expect((await termsBumped.statusesOf([userId]))[0]).toMatchObject({ termsVersion: '1', needsReacceptance: true });
    expect((await new Consents(store, versions('1', '2')).statusesOf([userId]))[0]!.needsReacceptance).toBe(true);

    await expect(termsBumped.accept(userId, { termsVersion: '1', privacyPolicyVersion: '1' }, '10.0.0.1')).rejects.toMatchObject({ code: 'TERMS_VERSION_OUTDATED' });
    await termsBumped.accept(userId, { termsVersion: '2', privacyPolicyVersion: '1' }, '10.0.0.2');
    expect((await termsBumped.statusesOf([userId]))[0]).toMatchObject({ termsVersion: '2', needsReacceptance: false });
    expect((await termsBumped.history(userId)).map((row) => [row.termsVersion, row.ipAddress])).toEqual([['2', '10.0.0.2'], ['1', '10.0.0.1']]);
  });

  it('answers a batch of people in the order asked, each with their latest marketing choice', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const consents = new Consents(store, versions('1', '1'));
    await consents.setMarketing(a, true, '10.0.0.1');
    await consents.setMarketing(a, false, '10.0.0.1');
    await consents.setMarketing(b, true, '10.0.0.1');
    const statuses = await consents.statusesOf([c, b, a]);
    expect(statuses.map((status) => [status.userId, status.marketing, status.needsReacceptance])).toEqual([[c, false, true], [b, true, true], [a, false, true]]);
  });
});
