// Thin resolvers: read arguments and claims, call the clinic, catalog and key rules, shape the answer.
import { formatCnpj } from '@medpay/br-documents';
import { toConnection, type Page, type RequestContext } from '@medpay/runtime';
import type DataLoader from 'dataloader';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { Viewer } from './access.js';
import { scopeName, scopeOf, type ApiKeys } from './api-keys.js';
import type { Agreements } from './agreements.js';
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
