import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cnpjFromBase } from '@medpay/br-documents';
import { domainEventPayloads } from '@medpay/contracts';
import { Metrics, openDatabase, type Database } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ClinicStore, type Clinic } from './clinic-store.js';
import {
  CLINIC_APPROVED, CLINIC_LOCATED, CLINIC_REACTIVATED, CLINIC_SUBMITTED, CLINIC_SUSPENDED, PROCEDURE_CREATED, PROCEDURE_REPRICED, recordClinicStatusChanged,
  recordClinicCreated, recordProcedureCreated, recordProcedureRepriced,
} from './outbox-store.js';
import { PrismaClient } from './generated/prisma/client.js';
import { ProcedureStore } from './procedure-store.js';

let database: Database<PrismaClient>;
let clinics: ClinicStore;
let procedures: ProcedureStore;
beforeAll(async () => {
  database = await openDatabase({
    service: 'providers',
    url: 'pglite:memory',
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    metrics: new Metrics(),
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
  clinics = new ClinicStore(database.prisma);
  procedures = new ProcedureStore(database.prisma);
}, 60_000);
afterAll(() => database?.close());

const eventsOf = (aggregateId: string) => database.prisma.outboxEvent.findMany({ where: { aggregateId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
const rollBack = async () => {
  throw new Error('rolled back after the event was written');
};

const registration = (cnpj: string) => ({
  legalName: 'Clínica Exemplo Ltda', tradeName: 'Clínica Exemplo', cnpj, street: 'Rua A, 1', city: 'São Paulo', cityKey: 'sao paulo',
  state: 'SP', postalCode: '01000000', specialties: ['Odontologia'], specialtyKeys: ['odontologia'],
});

async function newClinic(cnpj: string): Promise<Clinic> {
  const clinic = await clinics.create(registration(cnpj), randomUUID(), { status: 'PENDING_REVIEW' });
  if (clinic === 'cnpj') throw new Error('cnpj taken');
  return clinic;
}

describe('clinic.located and clinic.submitted', () => {
  it('a clinic created for review writes where it is and that it was submitted, with ids and time only; one created in another status only where it is', async () => {
    const clinic = await clinics.create(registration(cnpjFromBase('555666770001')), randomUUID(), {}, recordClinicCreated);
    if (clinic === 'cnpj') throw new Error('cnpj taken');
    expect(clinic.status).toBe('PENDING_REVIEW');
    const at = clinic.createdAt.toISOString();
    const located = { clinicId: clinic.id, city: clinic.city, state: clinic.state, at };
    const events = await eventsOf(clinic.id);
    expect(events.map((event) => [event.type, event.payload]).sort()).toEqual([[CLINIC_LOCATED, located], [CLINIC_SUBMITTED, { clinicId: clinic.id, at }]].sort());
    for (const event of events) expect(domainEventPayloads[event.type as keyof typeof domainEventPayloads].parse(event.payload)).toEqual(event.payload);

    const active = await clinics.create(registration(cnpjFromBase('555666780001')), randomUUID(), { status: 'ACTIVE' }, recordClinicCreated);
    if (active === 'cnpj') throw new Error('cnpj taken');
    expect((await eventsOf(active.id)).map((event) => event.type)).toEqual([CLINIC_LOCATED]);
  });

  it('a rolled-back creation leaves neither the clinic nor its event; a CNPJ taken writes no event', async () => {
    const id = randomUUID();
    const failing = async (...args: Parameters<typeof recordClinicCreated>) => {
      await recordClinicCreated(...args);
      await rollBack();
    };
    await expect(clinics.create(registration(cnpjFromBase('555666790001')), randomUUID(), { id }, failing)).rejects.toThrow('rolled back');
    expect(await clinics.findById(id)).toBeNull();
    expect(await eventsOf(id)).toHaveLength(0);

    const before = await database.prisma.outboxEvent.count();
    expect(await clinics.create(registration(cnpjFromBase('555666770001')), randomUUID(), {}, recordClinicCreated)).toBe('cnpj');
    expect(await database.prisma.outboxEvent.count()).toBe(before);
  });
});

describe('clinic status events', () => {
  it('approval, suspension and reactivation each write their event with the change, without free text', async () => {
    const clinic = await newClinic('11222333000181');
    await clinics.changeStatus(clinic.id, 'PENDING_REVIEW', { status: 'ACTIVE', statusReason: null }, recordClinicStatusChanged);
    await clinics.changeStatus(clinic.id, 'ACTIVE', { status: 'SUSPENDED', statusReason: 'Documentação vencida' }, recordClinicStatusChanged);
    await clinics.changeStatus(clinic.id, 'SUSPENDED', { status: 'ACTIVE', statusReason: null }, recordClinicStatusChanged);
    const events = await eventsOf(clinic.id);
    expect(events.map((event) => event.type)).toEqual([CLINIC_APPROVED, CLINIC_SUSPENDED, CLINIC_REACTIVATED]);
    expect(events[1]!.payload).toMatchObject({ clinicId: clinic.id, from: 'ACTIVE', status: 'SUSPENDED' });
    for (const event of events) expect(JSON.stringify(event.payload)).not.toMatch(/Documentação|Exemplo|11222333000181/);
  });

  it('a rolled-back change writes no event and leaves the status', async () => {
    const clinic = await newClinic('11444777000161');
    const failing = async (...args: Parameters<typeof recordClinicStatusChanged>) => {
      await recordClinicStatusChanged(...args);
      await rollBack();
    };
    await expect(clinics.changeStatus(clinic.id, 'PENDING_REVIEW', { status: 'ACTIVE', statusReason: null }, failing)).rejects.toThrow('rolled back');
    expect(await eventsOf(clinic.id)).toHaveLength(0);
    expect((await clinics.findById(clinic.id))?.status).toBe('PENDING_REVIEW');
  });
});

describe('procedure events', () => {
  const input = { name: 'Limpeza dental', description: 'Profilaxia', category: 'odontologia', priceCentavos: 20_000, durationMinutes: 30, interestFreeInstallments: 3 };

  it('creation and a price change write their events with ids, category and prices, never the name', async () => {
    const clinic = await newClinic('04252011000110');
    const procedure = await procedures.create(clinic.id, input, undefined, recordProcedureCreated);
    await procedures.update(procedure.id, { description: 'Profilaxia completa' }, recordProcedureRepriced);
    await procedures.update(procedure.id, { priceCentavos: 25_000 }, recordProcedureRepriced);
    const events = await eventsOf(procedure.id);
    expect(events.map((event) => event.type)).toEqual([PROCEDURE_CREATED, PROCEDURE_REPRICED]);
    expect(events[0]!.payload).toMatchObject({ procedureId: procedure.id, clinicId: clinic.id, category: 'odontologia', priceCentavos: 20_000 });
    expect(events[1]!.payload).toMatchObject({ procedureId: procedure.id, fromCentavos: 20_000, priceCentavos: 25_000 });
    for (const event of events) expect(JSON.stringify(event.payload)).not.toContain('Limpeza');
  });

  it('rolled-back writes leave neither the procedure change nor an event', async () => {
    const clinic = await newClinic('33000167000101');
    const id = randomUUID();
    const failingCreate = async (...args: Parameters<typeof recordProcedureCreated>) => {
      await recordProcedureCreated(...args);
      await rollBack();
    };
    await expect(procedures.create(clinic.id, input, id, failingCreate)).rejects.toThrow('rolled back');
    expect(await procedures.findById(id)).toBeNull();
    expect(await eventsOf(id)).toHaveLength(0);

    const procedure = await procedures.create(clinic.id, input, undefined, recordProcedureCreated);
    const failingReprice = async (...args: Parameters<typeof recordProcedureRepriced>) => {
      await recordProcedureRepriced(...args);
      await rollBack();
    };
    await expect(procedures.update(procedure.id, { priceCentavos: 30_000 }, failingReprice)).rejects.toThrow('rolled back');
    expect((await procedures.findById(procedure.id))?.priceCentavos).toBe(20_000);
    expect((await eventsOf(procedure.id)).map((event) => event.type)).toEqual([PROCEDURE_CREATED]);
  });
});
