// The restore drill, on PostgreSQL: a stack with money in escrow and paid out is backed up while it
// runs (`npm run backup`'s pg_dump per subgraph), restored into a fresh database, and the whole graph
// started again on it shows the same payments, the same figures and a balanced ledger. Runs only where
// TEST_DATABASE_URL and TEST_REDIS_URL are set (.ci/run sets both).
import { afterAll, describe, expect, it } from '@jest/globals';
import { eventually, freshPostgresDatabase } from '@medpay/runtime/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backup, restore } from '../scripts/backups.js';
import { bearer, demoCast, payByPix, paymentStatus, startStack, type Stack } from './stack.js';

const enabled = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
if (!enabled) console.warn('Restore drill skipped: set TEST_DATABASE_URL and TEST_REDIS_URL (.ci/run does) to run it.');

const FIGURES = `{
  ledgerHealth { balanced debitsCentavos creditsCentavos gatewayCashCentavos discrepancies }
  payments(first: 50) { edges { node { id status amounts { grossCentavos clinicNetCentavos patientTotalCentavos } } } }
}`;

(enabled ? describe : describe.skip)('restore drill (PostgreSQL)', () => {
  const stacks: Stack[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'medpay-drill-'));
  afterAll(async () => {
    for (const stack of stacks) await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every subgraph into fresh databases with the same figures and a balanced ledger', async () => {
    // the same data keys on both sides: a restore needs the keys the data was encrypted with
    const keys = { DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64url'), BLIND_INDEX_KEY: randomBytes(32).toString('base64url') };
    const original = await startStack('postgres', keys, { notifications: true });
    stacks.push(original);
    const cast = await demoCast(original);
    const paid = await payByPix(original, cast.patient, cast.procedureId, cast.admin.accessToken);
    await payByPix(original, cast.otherPatient, cast.procedureId, cast.admin.accessToken);
    const confirmed = await original.graphql('mutation($id: ID!) { confirmProcedurePerformed(paymentId: $id) { status } }', { id: paid }, bearer(cast.clinicAdmin.accessToken));
    expect(confirmed.body.errors).toBeUndefined();
    // the payout settles first: the backup is taken with no money in flight
    await eventually(() => paymentStatus(original, cast.admin.accessToken, paid), (status) => status === 'PAID_OUT', 'the payout');
    const before = (await original.graphql(FIGURES, {}, bearer(cast.admin.accessToken))).body;
    expect(before).toMatchObject({ data: { ledgerHealth: { balanced: true } } });

    const manifest = await backup(join(dir, 'backup'), { DATABASE_URL: original.databaseUrl });
    expect(manifest.files.map((file) => file.path).sort()).toEqual(['notifications.pgdump', 'payments.pgdump', 'providers.pgdump', 'users.pgdump']);
    const restoredUrl = await freshPostgresDatabase();
    await restore(join(dir, 'backup'), { env: { DATABASE_URL: restoredUrl } });

    const restored = await startStack('postgres', { ...keys, DATABASE_URL: restoredUrl, SEED_DEMO_DATA: 'false' }, { notifications: true });
    stacks.push(restored);
    const admin = await restored.login('admin@demo.medpay.com.br');
    const after = (await restored.graphql(FIGURES, {}, bearer(admin.accessToken))).body;
    expect(after).toEqual(before);
    // and the restored graph works on: the patient signs in and sees her payment
    const patient = await restored.login('paciente@demo.medpay.com.br');
    const mine = await restored.graphql<{ payment: { status: string } }>('query($id: ID!) { payment(id: $id) { status } }', { id: paid }, bearer(patient.accessToken));
    expect(mine.body.data?.payment.status).toBe('PAID_OUT');
  }, 240_000);
});
