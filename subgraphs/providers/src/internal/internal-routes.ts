// The providers subgraph's internal endpoints (contracts in @medpay/contracts): API-key verification
// and revocations for the router, catalog prices and clinic memberships for payments, a clinic's name
// and team for notifications, its outbox for analytics.
import * as contracts from '@medpay/contracts';
import { internalRoute, isUuid, type InternalRoute, type OutboxFeed } from '@medpay/runtime';
import type { ApiKeyStore } from '../api-key-store.js';
import type { ApiKeys } from '../api-keys.js';
import type { BankAccount } from '../payout-rules.js';
import type { ClinicStore } from '../clinic-store.js';
import type { ProcedureStore } from '../procedure-store.js';

export function providersInternalRoutes(deps: { apiKeys: ApiKeys; apiKeyStore: ApiKeyStore; clinics: ClinicStore; procedures: ProcedureStore; outbox: OutboxFeed }): InternalRoute[] {
  const { apiKeys, apiKeyStore, clinics, procedures, outbox } = deps;
  return [
    // The router asks whether an X-Api-Key is live before it forwards a partner's request.
    internalRoute(contracts.verifyApiKey, ({ key }) => apiKeys.verify(key)),
    // Revoked keys stop working at the router at once, not when its cache of verified keys expires.
    internalRoute(contracts.apiKeyRevocations, async ({ since }) => ({
      revoked: (await apiKeyStore.revokedSince(new Date(since))).map(({ id, at }) => ({ id, at: at.toISOString() })),
    })),
    // The payments subgraph prices a checkout from the catalog, never from what the client sent.
    internalRoute(contracts.procedures, async ({ ids }) => {
      const found = await procedures.findMany(ids);
      const clinicsById = new Map((await clinics.findMany([...new Set(found.map((p) => p.clinicId))])).map((c) => [c.id, c]));
      return {
        procedures: found.map((procedure) => {
          const clinic = clinicsById.get(procedure.clinicId)!;
          return {
            id: procedure.id,
            name: procedure.name,
            priceCentavos: procedure.priceCentavos,
            interestFreeInstallments: procedure.interestFreeInstallments,
            category: procedure.category,
            active: procedure.active,
            clinic: { id: clinic.id, status: clinic.status, tradeName: clinic.tradeName, legalName: clinic.legalName, cnpj: clinic.cnpj, payoutBankAccount: clinic.payoutBankAccount as BankAccount | null },
          };
        }),
      };
    }),
    // Other subgraphs check a person's clinic roles here (payments: who may see a clinic's money).
    internalRoute(contracts.memberships, async ({ userId }) => {
      const memberships = isUuid(userId) ? await clinics.membershipsOf(userId) : [];
      return { memberships: memberships.map(({ clinicId, role }) => ({ clinicId, role })) };
    }),
    // Notifications names the clinic in its messages and tells its team (404: unknown clinic).
    internalRoute(contracts.clinicStaff, async ({ clinicId }) => {
      const clinic = await clinics.findById(clinicId);
      if (!clinic) return null;
      const members = await clinics.members(clinic.id);
      return { clinicId: clinic.id, name: clinic.tradeName, status: clinic.status, staff: members.map(({ userId, role }) => ({ userId, role })) };
    }),
    internalRoute(contracts.clinicParty, async ({ clinicId }) => {
      const clinic = await clinics.findById(clinicId);
      return clinic && { legalName: clinic.legalName, tradeName: clinic.tradeName, cnpj: clinic.cnpj };
    }),
    // Analytics reads what was published here (its feed on the embedded default, and backfills).
    internalRoute(contracts.outboxFeed, (request) => outbox.published(request)),
  ];
}
