// Demo clinics and catalogs for the embedded default (never seeded into a configured production database).
import { demoClinics, demoNinSaude, demoProcedureId } from '@medpay/demo-data';
import type { FieldEncryption } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from './generated/prisma/client.js';
import { validateClinicRegistration } from './clinic-rules.js';
import type { ClinicStore } from './clinic-store.js';
import { recordClinicCreated } from './outbox-store.js';
import { validateProcedureInput } from './procedure-rules.js';
import type { ProcedureStore } from './procedure-store.js';

/** Seeds every demo clinic with its admin and procedures; returns how many clinics (0 when done before). */
export async function seedDemoClinics(clinics: ClinicStore, procedures: ProcedureStore): Promise<number> {
  if ((await clinics.findMany([demoClinics[0]!.id])).length > 0) return 0;
  for (const [clinicIndex, demo] of demoClinics.entries()) {
    // Through the same rules as a real registration, so the demo cannot hold what users could not enter.
    const registration = validateClinicRegistration({
      legalName: demo.legalName,
      tradeName: demo.tradeName,
      cnpj: demo.cnpj,
      address: { street: demo.street, city: demo.city, state: demo.state, postalCode: demo.postalCode },
      specialties: demo.specialties,
    });
    // A demo clinic waiting for review is announced like a real sign-up (the back office hears of it).
    const created = await clinics.create(registration, demo.admin.id, { id: demo.id, status: demo.status }, recordClinicCreated);
    if (created === 'cnpj') throw new Error(`demo clinic ${demo.tradeName}: CNPJ already registered`);
    for (const [procedureIndex, procedure] of demo.procedures.entries()) {
      await procedures.create(demo.id, validateProcedureInput(procedure), demoProcedureId(clinicIndex, procedureIndex));
    }
  }
  return demoClinics.length;
}

/**
 * Sorriso Paulista's NinSaúde account, connected with the token the simulator seeds and its services
 * mapped to the catalog: the first background sync imports its appointments as payment links.
 */
export async function seedDemoPracticeSystem(prisma: PrismaClient, encryption: FieldEncryption): Promise<void> {
  const clinic = demoClinics[demoNinSaude.clinicIndex]!;
  if (await prisma.practiceConnection.findFirst({ where: { clinicId: clinic.id } })) return;
  const procedureMap = Object.fromEntries(demoNinSaude.procedureCodes.map((code, index) => [code, demoProcedureId(demoNinSaude.clinicIndex, index)]));
  await prisma.practiceConnection.create({
    data: {
      id: randomUUID(),
      clinicId: clinic.id,
      kind: 'NINSAUDE',
      accountId: demoNinSaude.accountId,
      accountName: clinic.tradeName,
      credentialsEncrypted: encryption.encrypt(JSON.stringify({ refreshToken: demoNinSaude.refreshToken })),
      procedureMap,
    },
  });
}
