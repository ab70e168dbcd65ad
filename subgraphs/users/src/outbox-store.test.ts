import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FieldEncryption, Metrics, openDatabase, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { recordPatientRegistered, PATIENT_REGISTERED } from './outbox-store.js';
import { PrismaClient } from './generated/prisma/client.js';
import { UserStore } from './user-store.js';

let database: Database<PrismaClient>;
let store: UserStore;
beforeAll(async () => {
  database = await openDatabase({
    service: 'users',
    url: 'pglite:memory',
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    metrics: new Metrics(),
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
  store = new UserStore(database.prisma, new FieldEncryption(randomBytes(32).toString('base64'), randomBytes(32).toString('base64')));
}, 60_000);
afterAll(() => database?.close());

const patient = (email: string) => ({ name: 'Maria Souza', email, cpf: '52998224725', passwordHash: 'x', roles: ['PATIENT' as const] });

describe('patient.registered', () => {
  it('is written with the user, carrying ids and times but no name, e-mail or CPF', async () => {
    const created = await store.create(patient('maria@example.com'), recordPatientRegistered);
    if (typeof created === 'string') throw new Error(created);
    const events = await database.prisma.outboxEvent.findMany({ where: { aggregateId: created.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: PATIENT_REGISTERED, publishedAt: null, payload: { userId: created.id, roles: ['PATIENT'] } });
    const json = JSON.stringify(events[0]!.payload);
    for (const secret of ['Maria', 'maria@example.com', '52998224725']) expect(json).not.toContain(secret);
  });

  it('is not written when the registration rolls back', async () => {
    const id = randomUUID();
    const failing = async (tx: Parameters<typeof recordPatientRegistered>[0], user: Parameters<typeof recordPatientRegistered>[1]) => {
      await recordPatientRegistered(tx, user);
      throw new Error('rolled back after the event was written');
    };
    await expect(store.create({ ...patient('joao@example.com'), cpf: '11144477735', id }, failing)).rejects.toThrow('rolled back');
    expect(await database.prisma.outboxEvent.count({ where: { aggregateId: id } })).toBe(0);
    expect(await database.prisma.user.count({ where: { id } })).toBe(0);
  });

  it('is not written when the e-mail is taken', async () => {
    const before = await database.prisma.outboxEvent.count();
    expect(await store.create({ ...patient('maria@example.com'), cpf: '11144477735' }, recordPatientRegistered)).toBe('email');
    expect(await database.prisma.outboxEvent.count()).toBe(before);
  });
});
