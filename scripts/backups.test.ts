// Backups of the embedded stores, on real PGlite directories: what is restored reads back the same,
// a damaged backup restores nothing, and a restore never overwrites data unless told to.
import { afterAll, describe, expect, it } from '@jest/globals';
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backup, restore } from './backups.js';

const root = mkdtempSync(join(tmpdir(), 'medpay-backups-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('backups of the embedded stores', () => {
  it('restores the databases and the document stores as they were, and refuses damaged or overwriting restores', async () => {
    const live = { MEDPAY_DATA_DIR: join(root, 'live') };
    mkdirSync(live.MEDPAY_DATA_DIR);
    const payments = new PGlite(join(live.MEDPAY_DATA_DIR, 'payments'));
    await payments.exec("CREATE TABLE ledger (id int PRIMARY KEY, centavos bigint); INSERT INTO ledger VALUES (1, 12345), (2, -12345);");
    await payments.close();
    mkdirSync(join(live.MEDPAY_DATA_DIR, 'analytics', 'collections'), { recursive: true });
    writeFileSync(join(live.MEDPAY_DATA_DIR, 'analytics', 'collections', 'daily.db'), '{"day":"2026-12-05","gmv":12345}\n');

    const to = join(root, 'backup');
    const manifest = await backup(to, live);
    expect([...new Set(manifest.files.map(({ service, kind }) => `${service}:${kind}`))]).toEqual(['payments:directory', 'analytics:directory']);

    const fresh = { MEDPAY_DATA_DIR: join(root, 'fresh') };
    await restore(to, { env: fresh });
    const restored = new PGlite(join(fresh.MEDPAY_DATA_DIR, 'payments'));
    expect((await restored.query('SELECT id, centavos::text FROM ledger ORDER BY id')).rows).toEqual([{ id: 1, centavos: '12345' }, { id: 2, centavos: '-12345' }]);
    await restored.close();
    expect(readFileSync(join(fresh.MEDPAY_DATA_DIR, 'analytics', 'collections', 'daily.db'), 'utf8')).toContain('"gmv":12345');

    // restoring over data needs --replace
    await expect(restore(to, { env: fresh })).rejects.toThrow(/not empty/);
    // a damaged backup writes nothing
    const damaged = join(to, 'analytics', 'collections', 'daily.db');
    writeFileSync(damaged, readFileSync(damaged, 'utf8').replace('12345', '99999'));
    const elsewhere = { MEDPAY_DATA_DIR: join(root, 'elsewhere') };
    await expect(restore(to, { env: elsewhere })).rejects.toThrow(/does not match its checksum/);
    expect(() => readFileSync(join(elsewhere.MEDPAY_DATA_DIR, 'payments', 'PG_VERSION'))).toThrow();
  });
});
