// Thin resolvers: read arguments and claims, call the account rules or the store, shape the answer.
import { maskCpf, normalizeCpf } from '@medpay/br-documents';
import { Caller, decodeCursor, forbidden, isPlatformAdmin, notFound, pageSize, toConnection, unauthenticated, type AccessRecorder, type RequestContext } from '@medpay/runtime';
import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { AccountDeletions } from './account-deletions.js';
import type { Accounts } from './accounts.js';
import type { Consents, ConsentStatus } from './consent.js';
import type { DataExports } from './data-exports.js';
import type { User, UserStore } from './user-store.js';
import { UsersError } from './errors.js';
import { opensCredit } from './cpf-checks.js';

export interface UsersContext extends RequestContext {
  accounts: Accounts;
  deletions: AccountDeletions;
  dataExports: DataExports;
  users: UserStore;
  userLoader: DataLoader<string, User | null>;
  consents: Consents;
  consentLoader: DataLoader<string, ConsentStatus>;
  /** this request's reads of other people's data, for the sensitive-data access log */
  accesses: AccessRecorder;
}

/**
 * Personal fields are for the person and for platform admins; an admin's read of someone else's is
 * recorded in the sensitive-data access log (the person's own reads are not).
 */
function personal<T>(field: string, read: (user: User, context: UsersContext) => T) {
  return (user: User, _args: unknown, context: UsersContext, info: GraphQLResolveInfo) => {
    new Caller(context.claims).assertSelfOrPlatformAdmin(user.id);
    context.accesses.read(info, user.id, `User.${field}`);
    return read(user, context);
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const resolvers: Resolvers = {
  Query: {
    me: (_, __, { claims, userLoader }) => (claims?.kind === 'user' ? userLoader.load(claims.sub) : null),
    user: async (_, { id }, { claims, userLoader }) => {
      if (claims?.sub !== id && !isPlatformAdmin(claims)) throw forbidden();
      return (await userLoader.load(id)) ?? Promise.reject(notFound('Usuário'));
    },
    legalTerms: (_, __, { consents }) => consents.current,
    myPersonalData: (_, __, { claims }) => ({ userId: new Caller(claims).requireUser() }),
    myDataExports: (_, __, { claims, dataExports }) => dataExports.list(new Caller(claims).requireUser()),
    myAccountDeletion: (_, __, { claims, deletions }) => deletions.mine(new Caller(claims).requireUser()),
    accountDeletions: (_, { first }, { deletions }) => deletions.list(pageSize(first, 20)),
    users: async (_, args, { users }) => {
      const search = args.filter?.search?.trim() || null;
      const cpf = search ? normalizeCpf(search) : null;
      const page = await users.search({ search, role: args.filter?.role, cpf }, pageSize(args.first, 20), decodeCursor(args.after));
      return { ...toConnection(page), totalCount: page.totalCount };
    },
  },
  Mutation: {
    // The versions accepted are checked before anything is written; the sign-up keeps them, and the
    // account made when it is confirmed gets them as its consent record.
    registerPatient: (_, { input }, { accounts, consents, clientIp }) => {
      if (input.acceptedTerms) consents.assertCurrent(input.acceptedTerms);
      return accounts.registerPatient(input, clientIp);
    },
    confirmSignUp: (_, { token, password }, { accounts }) => accounts.confirmSignUp(token, password),
    login: (_, { input }, { accounts, clientIp }) => accounts.login(input.email, input.password, clientIp),
    refreshSession: (_, { refreshToken }, { accounts }) => accounts.refresh(refreshToken),
    logout: (_, __, { accounts, claims }) => accounts.logout(claims?.sid),
    requestAccountDeletion: (_, { password }, { claims, deletions, clientIp }) => deletions.request(new Caller(claims).requireUser(), password, clientIp),
    requestDataExport: (_, __, { claims, dataExports }) => dataExports.request(new Caller(claims).requireUser()),
    setUserLocked: (_, { id, locked }, { accounts, claims }) => {
      if (claims?.sub === id) throw new UsersError('BAD_USER_INPUT', 'Você não pode bloquear a própria conta.');
      return accounts.setLocked(id, locked);
    },
    acceptTerms: async (_, versions, { claims, consents, consentLoader, clientIp }) => {
      const userId = new Caller(claims).requireUser();
      await consents.accept(userId, versions, clientIp);
      return consentLoader.clear(userId).load(userId);
    },
    setMarketingConsent: async (_, { granted }, { claims, consents, consentLoader, clientIp }) => {
      const userId = new Caller(claims).requireUser();
      await consents.setMarketing(userId, granted, clientIp);
      return consentLoader.clear(userId).load(userId);
    },
  },
  PersonalData: {
    __resolveReference: ({ userId }) => ({ userId }),
    account: async ({ userId }, _, { claims, dataExports, consents }) => {
      new Caller(claims).assertSelf(userId);
      const [account, consentHistory] = await Promise.all([dataExports.accountPart(userId), consents.history(userId)]);
      return account && { ...account, consents: consentHistory.map(({ seq: _seq, userId: _subject, ...record }) => ({ ...record, createdAt: record.createdAt.toISOString() })) };
    },
  },
  AccountDeletion: {
    requestedAt: (row) => row.requestedAt.toISOString(),
    completedAt: (row) => row.completedAt?.toISOString() ?? null,
  },
  AccountDeletionStep: {
    completedAt: (row) => row.completedAt?.toISOString() ?? null,
  },
  DataExport: {
    requestedAt: (row) => row.requestedAt.toISOString(),
    readyAt: (row) => row.readyAt?.toISOString() ?? null,
    expiresAt: (row) => row.expiresAt?.toISOString() ?? null,
  },
  User: {
    __resolveReference: ({ id }, { userLoader }) => userLoader.load(id),
    // A name is shown to whoever deals with the person (clinic staff, colleagues); the rest is private.
    // Staff and admins reading it are logged: the name ties the person to what they are looking at.
    name: (user, _, { claims, accesses }, info) => {
      if (!claims) throw unauthenticated();
      if (claims.kind === 'partner' || claims.roles.includes('CLINIC_STAFF') || isPlatformAdmin(claims)) accesses.read(info, user.id, 'User.name');
      return user.name;
    },
    email: personal('email', (user) => user.email),
    phone: personal('phone', (user) => user.phone),
    cpfMasked: personal('cpfMasked', (user, { users }) => {
      const cpf = users.decryptCpf(user);
      return cpf ? maskCpf(cpf) : null;
    }),
    cpf: personal('cpf', (user, { users }) => users.decryptCpf(user)),
    roles: (user, _, { claims }) => {
      new Caller(claims).assertSelfOrPlatformAdmin(user.id);
      return user.roles;
    },
    locked: (user, _, { claims }) => {
      new Caller(claims).assertSelfOrPlatformAdmin(user.id);
      return user.lockedAt !== null;
    },
    cpfCheck: (user, _, { claims }) => {
      new Caller(claims).assertSelfOrPlatformAdmin(user.id);
      if (!user.cpfStatus) return null;
      const check = { status: user.cpfStatus, checkedAt: user.cpfCheckedAt };
      return { status: check.status, checkedAt: iso(check.checkedAt), opensCredit: opensCredit(check, new Date()) };
    },
    createdAt: (user, _, { claims }) => {
      new Caller(claims).assertSelfOrPlatformAdmin(user.id);
      return user.createdAt.toISOString();
    },
    consent: (user, _, { claims, consentLoader }) => {
      new Caller(claims).assertSelfOrPlatformAdmin(user.id);
      return consentLoader.load(user.id);
    },
  },
  Consent: {
    acceptedAt: (status) => iso(status.acceptedAt),
    marketingUpdatedAt: (status) => iso(status.marketingUpdatedAt),
    history: (status, _, { consents }) => consents.history(status.userId),
  },
  ConsentRecord: {
    at: (record) => record.createdAt.toISOString(),
  },
};
