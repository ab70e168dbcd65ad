// Thin resolvers: read arguments and claims, call the clinic, catalog and key rules, shape the answer.
import { formatCnpj } from '@medpay/br-documents';
import { isUuid, notFound, pageSize, toConnection, type Page, type RequestContext } from '@medpay/runtime';
import type DataLoader from 'dataloader';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { Viewer } from './access.js';
import { scopeName, scopeOf, type ApiKeys } from './api-keys.js';
import type { Agreements } from './agreements.js';
import type { PracticeSystems } from './practice-systems.js';
import { ProvidersError } from './errors.js';
import type { Clinics } from './clinic-service.js';
import type { StoredCnpjRecord } from './cnpj-checks.js';
import type { Clinic } from './clinic-store.js';
import type { Catalog } from './procedure-service.js';
import type { ClinicCatalogKey, Procedure } from './procedure-store.js';
import { BANKS } from './payout-rules.js';

export interface ProvidersContext extends RequestContext {
  viewer: Viewer;
  clinics: Clinics;
  agreements: Pick<Agreements, 'latest' | 'documentLink'>;
  practiceSystems: PracticeSystems;
  catalog: Catalog;
  apiKeys: ApiKeys;
  clinicLoader: DataLoader<string, Clinic | null>;
  procedureLoader: DataLoader<string, Procedure | null>;
  clinicCatalogLoader: DataLoader<ClinicCatalogKey, Page<Procedure>, string>;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A clinic by id, or null when the caller may not see it (not ACTIVE and not theirs). */
async function visibleClinic(id: string, { clinicLoader, viewer }: ProvidersContext): Promise<Clinic | null> {
  const clinic = await clinicLoader.load(id);
  return clinic && (await viewer.canSeeClinic(clinic)) ? clinic : null;
}

/** A clinic another subgraph refers to, or null for a caller who may not see it (see maySeeReferencedClinic). */
async function referencedClinic(id: string, { clinicLoader, viewer }: ProvidersContext): Promise<Clinic | null> {
  const clinic = await clinicLoader.load(id);
  return clinic && (await viewer.canSeeReferencedClinic(clinic)) ? clinic : null;
}

async function clinicOf(procedure: Procedure, { clinicLoader }: ProvidersContext): Promise<Clinic> {
  const clinic = await clinicLoader.load(procedure.clinicId);
  if (!clinic) throw new Error(`procedure ${procedure.id} has no clinic`);
  return clinic;
}

export const resolvers: Resolvers = {
  Query: {
    banks: () => Object.entries(BANKS).map(([ispb, name]) => ({ ispb, name })),
    clinics: async (_, args, { clinics, viewer }) =>
      toConnection(await clinics.browse(viewer, args.filter ?? {}, args.first, args.after)),
    clinic: (_, { id }, context) => visibleClinic(id, context),
    procedures: async (_, args, { catalog, viewer }) =>
      toConnection(await catalog.browse(viewer, args.filter ?? {}, args.first, args.after)),
    procedure: async (_, { id }, context) => {
      const procedure = await context.procedureLoader.load(id);
      return procedure && (await visibleClinic(procedure.clinicId, context)) ? procedure : null;
    },
  },
  Mutation: {
    registerClinic: (_, { input }, { clinics, viewer }) => clinics.register(viewer, input),
    createProcedure: (_, { clinicId, input }, { catalog, viewer }) => catalog.create(viewer, clinicId, input),
    updateProcedure: (_, { id, input }, { catalog, viewer }) => catalog.update(viewer, id, input),
    addClinicStaff: (_, args, { clinics, viewer }) => clinics.addStaff(viewer, args.clinicId, args.email, args.role),
    removeClinicStaff: (_, args, { clinics, viewer }) => clinics.removeStaff(viewer, args.clinicId, args.userId),
    createApiKey: (_, args, { apiKeys, viewer }) => apiKeys.create(viewer, args.clinicId, args.name, args.scopes.map(scopeOf)),
    revokeApiKey: (_, { id }, { apiKeys, viewer }) => apiKeys.revoke(viewer, id),
    setClinicStatus: (_, args, { clinics, viewer }) => clinics.setStatus(viewer, args.id, args.status, args.reason),
    checkClinicCnpj: (_, { id }, { clinics, viewer }) => clinics.checkCnpj(viewer, id),
    sendClinicAgreement: (_, { id }, { clinics, viewer }) => clinics.sendAgreement(viewer, id),
    // The clinic's own systems: its admins connect and configure them.
    connectPracticeSystem: async (_, { clinicId, kind, credentials }, { viewer, practiceSystems }) => {
      await viewer.assertCanManageClinic(clinicId);
      return practiceSystems.connect(clinicId, kind, credentials);
    },
    mapPracticeProcedure: async (_, { connectionId, code, procedureId }, context) => {
      const connection = await managedConnection(connectionId, context);
      if (procedureId && (await context.procedureLoader.load(procedureId))?.clinicId !== connection.clinicId) {
        throw new ProvidersError('BAD_USER_INPUT', 'Escolha um procedimento do catálogo desta clínica.', { field: 'procedureId' });
      }
      return context.practiceSystems.map(connection, code, procedureId ?? null);
    },
    setPracticeSync: async (_, { connectionId, syncAppointments, writeBack }, context) =>
      context.practiceSystems.setSync(await managedConnection(connectionId, context), syncAppointments, writeBack),
    syncPracticeSystem: async (_, { connectionId }, context) => {
      const connection = await managedConnection(connectionId, context);
      await context.practiceSystems.syncNow(connection.id);
      return (await context.practiceSystems.byId(connection.id))!;
    },
    disconnectPracticeSystem: async (_, { connectionId }, context) => context.practiceSystems.disconnect(await managedConnection(connectionId, context)),
    setClinicPayoutAccount: (_, args, { clinics, viewer }) => clinics.setPayoutAccount(viewer, args.clinicId, args.method, args.bankAccount),
  },
  Clinic: {
    // Other subgraphs reference clinics they already relate the caller to (a payment, an appointment):
    // a suspended clinic still names itself, one never active only to its own (maySeeReferencedClinic);
    // private fields check the caller themselves.
    __resolveReference: ({ id }, context) => referencedClinic(id, context),
    cnpj: (clinic) => formatCnpj(clinic.cnpj),
    address: (clinic) => ({ street: clinic.street, city: clinic.city, state: clinic.state, postalCode: clinic.postalCode }),
    statusReason: async (clinic, _, { viewer }) => {
      await viewer.assertCanReadPrivate(clinic.id);
      return clinic.statusReason;
    },
    procedures: async (clinic, args, { catalog, viewer, clinicCatalogLoader }) =>
      toConnection(await catalog.clinicPage(viewer, clinicCatalogLoader, clinic.id, args.first, args.after)),
    staff: (clinic, _, { clinics, viewer }) => clinics.members(viewer, clinic.id),
    apiKeys: (clinic, _, { apiKeys, viewer }) => apiKeys.list(viewer, clinic.id),
    payoutAccount: (clinic, _, { clinics, viewer }) => clinics.payoutAccount(viewer, clinic),
    practiceSystems: async (clinic, _, { viewer, practiceSystems }) => {
      await viewer.assertCanReadPrivate(clinic.id);
      return practiceSystems.ofClinic(clinic.id);
    },
    agreement: async (clinic, _, { viewer, agreements }) => {
      await viewer.assertCanReadPrivate(clinic.id);
      const agreement = await agreements.latest(clinic.id);
      if (!agreement) return null;
      const link = await agreements.documentLink(agreement);
      return {
        status: agreement.status,
        sentAt: agreement.createdAt.toISOString(),
        expiresAt: agreement.expiresAt.toISOString(),
        signedAt: agreement.signedAt?.toISOString() ?? null,
        documentUrl: link?.url ?? null,
        documentSha256: agreement.signedSha256 ?? agreement.documentSha256,
      };
    },
    receitaFederal: async (clinic, _, { viewer }) => {
      await viewer.assertCanReadPrivate(clinic.id);
      if (!clinic.cnpjStatus || !clinic.cnpjCheckedAt) return null;
      const record = clinic.cnpjRecord as unknown as StoredCnpjRecord;
      const { street, number, complement, district, city, state, zipCode } = record.address;
      return {
        status: clinic.cnpjStatus,
        legalName: record.legalName,
        tradeName: record.tradeName ?? null,
        mainCnaeCode: record.mainCnae.code,
        mainCnaeDescription: record.mainCnae.description,
        address: [[street, number, complement].filter(Boolean).join(', '), district, `${city}/${state}`, zipCode].filter(Boolean).join(' — '),
        checkedAt: clinic.cnpjCheckedAt.toISOString(),
      };
    },
  },
  ClinicMember: {
    user: (member) => ({ __typename: 'User', id: member.userId }),
    since: (member) => member.createdAt.toISOString(),
  },
  PracticeConnection: {
    accountName: (connection) => connection.accountName,
    connectedAt: (connection) => connection.createdAt.toISOString(),
    lastSyncedAt: (connection) => connection.lastSyncedAt?.toISOString() ?? null,
    procedures: async (connection, _, { practiceSystems, procedureLoader }) => {
      const listed = await practiceSystems.externalProcedures(connection);
      return Promise.all(listed.map(async ({ code, name, priceCentavos }) => ({ code, name, priceCentavos: priceCentavos ?? null, procedure: await mappedProcedure(connection, code, procedureLoader) })));
    },
    syncLog: async (connection, { first }, { practiceSystems }) =>
      (await practiceSystems.syncLog(connection.id, pageSize(first, 10))).map((run) => ({
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt?.toISOString() ?? null,
        imported: run.imported,
        linked: run.linked,
        writtenBack: run.writtenBack,
        errors: run.errors as string[],
      })),
    appointments: async (connection, { first }, { practiceSystems, procedureLoader }) => {
      return Promise.all(
        (await practiceSystems.appointments(connection.id, pageSize(first, 50))).map(async (appointment) => ({
          externalId: appointment.externalId,
          startsAt: appointment.startsAt.toISOString(),
          status: appointment.status,
          procedure: await mappedProcedure(connection, appointment.procedureCode, procedureLoader),
          patientName: practiceSystems.patientOf(appointment).name,
          paymentLinkToken: appointment.paymentLinkToken,
          writtenBackStatus: appointment.writtenBack.at(-1) ?? null,
        })),
      );
    },
  },
  Procedure: {
    __resolveReference: async ({ id }, context) => {
      const procedure = await context.procedureLoader.load(id);
      return procedure && (await referencedClinic(procedure.clinicId, context)) ? procedure : null;
    },
    clinic: (procedure, _, context) => clinicOf(procedure, context),
  },
  PersonalData: {
    __resolveReference: ({ userId }) => ({ userId }),
    clinicMemberships: async ({ userId }, _, { clinics, apiKeys, viewer }) => ({
      memberships: await clinics.personalMemberships(viewer, userId),
      apiKeysCreated: await apiKeys.createdBy(viewer, userId),
    }),
    soleAdminOf: ({ userId }, _, { clinics, viewer }) => clinics.soleAdminOf(viewer, userId),
  },
  User: {
    __resolveReference: ({ id }) => ({ id }),
    clinics: (user, _, { clinics, viewer }) => clinics.membershipsOf(viewer, user.id),
  },
  ApiKey: {
    scopes: (key) => key.scopes.map(scopeName),
    createdAt: (key) => key.createdAt.toISOString(),
    lastUsedAt: (key) => iso(key.lastUsedAt),
    revokedAt: (key) => iso(key.revokedAt),
  },
};

/** A connection of a clinic the caller administers (NOT_FOUND otherwise: another clinic's is none of theirs). */
async function managedConnection(connectionId: string, { viewer, practiceSystems }: ProvidersContext) {
  const connection = isUuid(connectionId) ? await practiceSystems.byId(connectionId) : null;
  if (!connection || connection.status === 'DISCONNECTED' || !(await viewer.roleIn(connection.clinicId).then((role) => role === 'ADMIN'))) throw notFound('Conexão');
  return connection;
}

/** The catalog procedure a system's procedure code is mapped to (null: unmapped). */
function mappedProcedure(connection: { procedureMap: unknown }, code: string | null, loader: DataLoader<string, Procedure | null>) {
  const procedureId = code ? (connection.procedureMap as Record<string, string>)[code] : undefined;
  return procedureId ? loader.load(procedureId) : null;
}
