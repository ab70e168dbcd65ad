// Thin resolvers: read arguments and claims, call the clinic, catalog and key rules, shape the answer.
import { formatCnpj } from '@medpay/br-documents';
import { toConnection, type Page, type RequestContext } from '@medpay/runtime';
import type DataLoader from 'dataloader';
import type { Viewer } from './access.js';
import type { ApiKey } from './api-key-store.js';
import type { ApiKeys } from './api-keys.js';
import type { Catalog, ProcedureFilter } from './catalog.js';
import type { RegisterClinicInput } from './clinic-rules.js';
import type { Clinic, ClinicMember, ClinicStatus, StaffRole } from './clinic-store.js';
import type { ClinicFilter, Clinics } from './clinics.js';
import type { ProcedureInput, ProcedureUpdate } from './procedure-rules.js';
import type { ClinicCatalogKey, Procedure } from './procedure-store.js';

export interface ProvidersContext extends RequestContext {
  viewer: Viewer;
  clinics: Clinics;
  catalog: Catalog;
  apiKeys: ApiKeys;
  clinicLoader: DataLoader<string, Clinic | null>;
  procedureLoader: DataLoader<string, Procedure | null>;
  clinicCatalogLoader: DataLoader<ClinicCatalogKey, Page<Procedure>, string>;
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A clinic by id, or null when the caller may not see it (not ACTIVE and not theirs). */
async function visibleClinic(id: string, { clinicLoader, viewer }: ProvidersContext): Promise<Clinic | null> {
  const clinic = await clinicLoader.load(id);
  return clinic && (await viewer.canSeeClinic(clinic)) ? clinic : null;
}

async function clinicOf(procedure: Procedure, { clinicLoader }: ProvidersContext): Promise<Clinic> {
  const clinic = await clinicLoader.load(procedure.clinicId);
  if (!clinic) throw new Error(`procedure ${procedure.id} has no clinic`);
  return clinic;
}

export const resolvers = {
  Query: {
    clinics: async (_: unknown, args: PageArgs & { filter?: ClinicFilter | null }, { clinics, viewer }: ProvidersContext) =>
      toConnection(await clinics.browse(viewer, args.filter ?? {}, args.first, args.after)),
    clinic: (_: unknown, { id }: { id: string }, context: ProvidersContext) => visibleClinic(id, context),
    procedures: async (_: unknown, args: PageArgs & { filter?: ProcedureFilter | null }, { catalog, viewer }: ProvidersContext) =>
      toConnection(await catalog.browse(viewer, args.filter ?? {}, args.first, args.after)),
    procedure: async (_: unknown, { id }: { id: string }, context: ProvidersContext) => {
      const procedure = await context.procedureLoader.load(id);
      return procedure && (await visibleClinic(procedure.clinicId, context)) ? procedure : null;
    },
  },
  Mutation: {
    registerClinic: (_: unknown, { input }: { input: RegisterClinicInput }, { clinics, viewer }: ProvidersContext) => clinics.register(viewer, input),
    createProcedure: (_: unknown, { clinicId, input }: { clinicId: string; input: ProcedureInput }, { catalog, viewer }: ProvidersContext) =>
      catalog.create(viewer, clinicId, input),
    updateProcedure: (_: unknown, { id, input }: { id: string; input: ProcedureUpdate }, { catalog, viewer }: ProvidersContext) => catalog.update(viewer, id, input),
    addClinicStaff: (_: unknown, args: { clinicId: string; email: string; role: StaffRole }, { clinics, viewer }: ProvidersContext) =>
      clinics.addStaff(viewer, args.clinicId, args.email, args.role),
    removeClinicStaff: (_: unknown, args: { clinicId: string; userId: string }, { clinics, viewer }: ProvidersContext) =>
      clinics.removeStaff(viewer, args.clinicId, args.userId),
    createApiKey: (_: unknown, args: { clinicId: string; name: string }, { apiKeys, viewer }: ProvidersContext) => apiKeys.create(viewer, args.clinicId, args.name),
    revokeApiKey: (_: unknown, { id }: { id: string }, { apiKeys, viewer }: ProvidersContext) => apiKeys.revoke(viewer, id),
    setClinicStatus: (_: unknown, args: { id: string; status: ClinicStatus; reason?: string | null }, { clinics, viewer }: ProvidersContext) =>
      clinics.setStatus(viewer, args.id, args.status, args.reason),
  },
  Clinic: {
    // Other subgraphs reference clinics they already relate the caller to (a payment, an appointment):
    // the public fields resolve whatever the status; private fields check the caller themselves.
    __resolveReference: ({ id }: { id: string }, { clinicLoader }: ProvidersContext) => clinicLoader.load(id),
    cnpj: (clinic: Clinic) => formatCnpj(clinic.cnpj),
    address: (clinic: Clinic) => ({ street: clinic.street, city: clinic.city, state: clinic.state, postalCode: clinic.postalCode }),
    statusReason: async (clinic: Clinic, _: unknown, { viewer }: ProvidersContext) => {
      await viewer.assertCanReadPrivate(clinic.id);
      return clinic.statusReason;
    },
    procedures: async (clinic: Clinic, args: PageArgs, { catalog, viewer, clinicCatalogLoader }: ProvidersContext) =>
      toConnection(await catalog.clinicPage(viewer, clinicCatalogLoader, clinic.id, args.first, args.after)),
    staff: (clinic: Clinic, _: unknown, { clinics, viewer }: ProvidersContext) => clinics.members(viewer, clinic.id),
    apiKeys: (clinic: Clinic, _: unknown, { apiKeys, viewer }: ProvidersContext) => apiKeys.list(viewer, clinic.id),
  },
  ClinicMember: {
    user: (member: ClinicMember) => ({ __typename: 'User', id: member.userId }),
    since: (member: ClinicMember) => member.createdAt.toISOString(),
  },
  Procedure: {
    __resolveReference: ({ id }: { id: string }, { procedureLoader }: ProvidersContext) => procedureLoader.load(id),
    clinic: (procedure: Procedure, _: unknown, context: ProvidersContext) => clinicOf(procedure, context),
  },
  User: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    clinics: (user: { id: string }, _: unknown, { clinics, viewer }: ProvidersContext) => clinics.membershipsOf(viewer, user.id),
  },
  ApiKey: {
    createdAt: (key: ApiKey) => key.createdAt.toISOString(),
    lastUsedAt: (key: ApiKey) => iso(key.lastUsedAt),
    revokedAt: (key: ApiKey) => iso(key.revokedAt),
  },
};
