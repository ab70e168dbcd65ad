// The users subgraph's internal endpoints (contracts in @medpay/contracts): the payer's identity, CPF
// standing and payer search for payments, staff grants for providers, ended sessions for the router, contacts,
// platform admins and sign-up confirmations for notifications, its outbox for analytics.
import { maskCpf, normalizeCpf } from '@medpay/br-documents';
import * as contracts from '@medpay/contracts';
import { internalRoute, isUuid, type InternalRoute, type OutboxFeed } from '@medpay/runtime';
import { normalizeEmail, type Accounts } from '../accounts.js';
import type { AccountDeletionStore } from '../account-deletion-store.js';
import { UsersError } from '../errors.js';
import type { RevocationStore } from '../revocation-store.js';
import type { UserStore } from '../user-store.js';
import { opensCredit, type CpfChecks } from '../cpf-checks.js';

export function usersInternalRoutes(
  store: UserStore,
  revocations: RevocationStore,
  outbox: OutboxFeed,
  deletions: AccountDeletionStore,
  accounts: Pick<Accounts, 'signUpConfirmation'>,
  cpfChecks: Pick<CpfChecks, 'standing'>,
): InternalRoute[] {
  const byId = async (id: string) => (isUuid(id) ? (await store.findMany([id]))[0] : undefined);
  return [
    // The router refuses the access tokens of sessions ended here (router/src/revocations.ts).
    internalRoute(contracts.sessionRevocations, async ({ since }) => ({
      revoked: (await revocations.since(new Date(since))).map(({ id, at }) => ({ id, at: at.toISOString() })),
    })),
    // The payments subgraph names the payer on a gateway charge (Celcoin requires the debtor's
    // name and CPF on boletos); the CPF leaves this service only here, to another service.
    internalRoute(contracts.payerIdentity, async ({ userId }) => {
      const user = await byId(userId);
      const cpf = user ? store.decryptCpf(user) : null;
      return user && cpf ? { name: user.name, cpf } : null;
    }),
    // Payments grants crediário only on a recent REGULAR check (made again here when stale).
    internalRoute(contracts.cpfStanding, async ({ userId }) => {
      const check = isUuid(userId) ? await cpfChecks.standing(userId) : null;
      return check && { status: check.status, checkedAt: check.checkedAt?.toISOString() ?? null, opensCredit: opensCredit(check, new Date()) };
    }),
    // The payments subgraph searches a clinic's payments by patient: which of the given payers match
    // a whole CPF (blind index) or a name fragment. Only ids come back, and only among those sent.
    internalRoute(contracts.payerSearch, async ({ search, among }) => {
      const cpf = normalizeCpf(search);
      const userIds = await store.matchAmong(among.filter(isUuid), cpf ? { cpf } : { name: search.trim() });
      return { userIds };
    }),
    // The providers subgraph makes an existing account clinic staff when a clinic adds it to its
    // team (by e-mail) or when the account registers a clinic (by id).
    internalRoute(contracts.staffGrants, async (target) => {
      const user = 'userId' in target ? await byId(target.userId) : await store.findByEmail(normalizeEmail(target.email));
      if (!user) return null;
      await store.addRole(user.id, 'CLINIC_STAFF');
      return { userId: user.id, name: user.name };
    }),
    // Notifications reaches people at their own addresses; the CPF leaves masked as the apps show it
    // (users' cpfMasked). Unknown ids are left out; the answer keeps the order asked.
    internalRoute(contracts.contacts, async ({ userIds }) => {
      const ids = [...new Set(userIds.filter(isUuid).map((id) => id.toLowerCase()))];
      const found = new Map((await store.findMany(ids)).map((user) => [user.id, user]));
      const users = ids.flatMap((id) => found.get(id) ?? []);
      return {
        contacts: users.map((user) => {
          const cpf = store.decryptCpf(user);
          return { userId: user.id, name: user.name, email: user.email, phone: user.phone, maskedCpf: cpf ? maskCpf(cpf) : null };
        }),
      };
    }),
    // Notifications tells the platform admins of discrepancies, failing payouts and clinics to review;
    // a locked account hears nothing.
    internalRoute(contracts.platformAdmins, async () => ({ userIds: await store.platformAdminIds() })),
    // Each service reports its own part of an account deletion done (again: nothing changes).
    internalRoute(contracts.accountDeletionSteps, async ({ deletionId, service }, claims) => {
      if (claims.sub !== service) throw new UsersError('FORBIDDEN', 'Cada serviço informa só a própria etapa da exclusão.');
      const deletion = isUuid(deletionId) ? await deletions.completeStep(deletionId, service, new Date()) : null;
      return deletion && { status: deletion.status };
    }),
    // Notifications sends a sign-up's e-mail: the address, and a confirmation token minted for this
    // sending (never in an event, never stored in clear). Only notifications may ask: it is a live secret.
    internalRoute(contracts.signUpConfirmation, async ({ signUpId }) => {
      const confirmation = isUuid(signUpId) ? await accounts.signUpConfirmation(signUpId) : null;
      return confirmation && { ...confirmation, expiresAt: confirmation.expiresAt.toISOString() };
    }),
    // Analytics reads what was published here (its feed on the embedded default, and backfills).
    internalRoute(contracts.outboxFeed, (request) => outbox.published(request)),
  ];
}
