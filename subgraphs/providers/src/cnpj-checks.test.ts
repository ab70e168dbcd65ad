// The monthly CNPJ check of active clinics, on a real (embedded) PostgreSQL and the Receita Federal's
// simulator: a clinic whose CNPJ stopped being ATIVA is suspended (its team is told by the suspension's
// event); a Receita down postpones the check and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReceitaFederalClient } from '@medpay/receita-federal';
import { startReceitaSimulator, type ReceitaSimulator } from '@medpay/receita-simulator';
import { cnpjFromBase } from '@medpay/br-documents';
import { createLogger, MemoryStore, Metrics, openDatabase, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ClinicStore } from './clinic-store.js';
import { CnpjChecks } from './cnpj-checks.js';
import { validateClinicRegistration } from './clinic-rules.js';
import { PrismaClient } from './generated/prisma/client.js';

let database: Database<PrismaClient>;
let receita: ReceitaSimulator;
let checks: CnpjChecks;
let store: ClinicStore;
let clock = new Date();

beforeAll(async () => {
  database = await openDatabase({
    service: 'providers',
    url: 'pglite:memory',
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    metrics: new Metrics(),
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
  receita = await startReceitaSimulator({ port: 0, consumerKey: 'k', consumerSecret: 's', requestsPerSecond: 1000 });
  const client = new ReceitaFederalClient({ baseUrl: receita.url, consumerKey: 'k', consumerSecret: 's', cache: new MemoryStore(), cacheKeySecret: randomBytes(32).toString('hex'), requestsPerSecond: 1000, retries: 0 });
  store = new ClinicStore(database.prisma);
  checks = new CnpjChecks(client, database.prisma, store, createLogger('providers-test', 'silent'), () => {}, () => clock);
}, 60_000);
afterAll(async () => {
  await receita?.close();
  await database?.close();
});

const sim = (path: string, body: unknown) => fetch(`${receita.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function activeClinic(base: string) {
  const registration = validateClinicRegistration({ legalName: 'Clínica Mensal Ltda', tradeName: `Mensal ${base}`, cnpj: cnpjFromBase(base), address: { street: 'Rua B, 2', city: 'Belém', state: 'PA', postalCode: '66010000' }, specialties: ['Pediatria'] });
  const created = await store.create(registration, randomUUID(), { status: 'ACTIVE' });
  if (created === 'cnpj') throw new Error('taken');
  return created;
}

describe('the monthly CNPJ check', () => {
  it('suspends an active clinic whose CNPJ is no longer ATIVA, with the reason and a clinic.suspended event, and leaves an ATIVA one active', async () => {
    const baixada = await activeClinic('55AA44330001');
    const ativa = await activeClinic('55AA44330002');
    await sim('/_sim/cnpjs', { cnpj: baixada.cnpj, status: 'BAIXADA' });
    clock = new Date(Date.now() + 1000);
    expect(await checks.pass()).toBeGreaterThanOrEqual(2);

    const [suspended, active] = await Promise.all([store.findById(baixada.id), store.findById(ativa.id)]);
    expect(suspended).toMatchObject({ status: 'SUSPENDED', cnpjStatus: 'BAIXADA', statusReason: expect.stringMatching(/baixada na Receita Federal/) });
    expect(active).toMatchObject({ status: 'ACTIVE', cnpjStatus: 'ATIVA' });
    // The next check of the active one is a month away.
    expect(active!.cnpjNextCheckAt!.getTime() - active!.cnpjCheckedAt!.getTime()).toBe(30 * 86_400_000);
    const events = await database.prisma.outboxEvent.findMany({ where: { aggregateId: baixada.id, type: 'clinic.suspended' } });
    expect(events).toHaveLength(1);
  });

  it('postpones the check while the Receita is down, changing nothing', async () => {
    const clinic = await activeClinic('55AA44330003');
    clock = new Date(Date.now() + 1000);
    await sim('/_sim/outage', { down: true });
    try {
      await checks.pass();
    } finally {
      await sim('/_sim/outage', { down: false });
    }
    const after = await store.findById(clinic.id);
    expect(after).toMatchObject({ status: 'ACTIVE', cnpjStatus: null });
    expect(after!.cnpjNextCheckAt!.getTime()).toBeGreaterThan(clock.getTime());
  });
});
