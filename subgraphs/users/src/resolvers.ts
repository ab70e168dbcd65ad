// Thin resolvers: read arguments and claims, call the account rules or the store, shape the answer.
import { maskCpf, normalizeCpf } from '@medpay/br-documents';
import { Caller, decodeCursor, forbidden, isPlatformAdmin, notFound, pageSize, toConnection, unauthenticated, type RequestContext } from '@medpay/runtime';
import type DataLoader from 'dataloader';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { Accounts } from './accounts.js';
import type { User, UserStore } from './user-store.js';
import { UsersError } from './errors.js';

export interface UsersContext extends RequestContext {
  accounts: Accounts;
  users: UserStore;
  userLoader: DataLoader<string, User | null>;
}

/** Personal fields are for the person and for platform admins. */
function personal<T>(read: (user: User, context: UsersContext) => T) {
  return (user: User, _args: unknown, context: UsersContext) => {
    new Caller(context.claims).assertSelfOrPlatformAdmin(user.id);
    return read(user, context);
  };
}

export const resolvers: Resolvers = {
  Query: {
    me: (_, __, { claims, userLoader }) => (claims?.kind === 'user' ? userLoader.load(claims.sub) : null),
    user: async (_, { id }, { claims, userLoader }) => {
      if (claims?.sub !== id && !isPlatformAdmin(claims)) throw forbidden();
      return (await userLoader.load(id)) ?? Promise.reject(notFound('Usuário'));
    },
    users: async (_, args, { users }) => {
      const search = args.filter?.search?.trim() || null;
      const cpf = search ? normalizeCpf(search) : null;
      const page = await users.search({ search, role: args.filter?.role, cpf }, pageSize(args.first, 20), decodeCursor(args.after));
      return { ...toConnection(page), totalCount: page.totalCount };
    },
  },
  Mutation: {
    registerPatient: (_, { input }, { accounts, clientIp }) => accounts.registerPatient(input, clientIp),
    confirmSignUp: (_, { token, password }, { accounts }) => accounts.confirmSignUp(token, password),
    login: (_, { input }, { accounts, clientIp }) => accounts.login(input.email, input.password, clientIp),
    refreshSession: (_, { refreshToken }, { accounts }) => accounts.refresh(refreshToken),
    logout: (_, __, { accounts, claims }) => accounts.logout(claims?.sid),
    setUserLocked: (_, { id, locked }, { accounts, claims }) => {
      if (claims?.sub === id) throw new UsersError('BAD_USER_INPUT', 'Você não pode bloquear a própria conta.');
      return accounts.setLocked(id, locked);
    },
  },
  User: {
    __resolveReference: ({ id }, { userLoader }) => userLoader.load(id),
    // A name is shown to whoever deals with the person (clinic staff, colleagues); the rest is private.
    name: (user, _, { claims }) => {
      if (!claims) throw unauthenticated();
      return user.name;
    },
    email: personal((user) => user.email),
    phone: personal((user) => user.phone),
    cpfMasked: personal((user, { users }) => {
      const cpf = users.decryptCpf(user);
      return cpf ? maskCpf(cpf) : null;
    }),
    roles: personal((user) => user.roles),
    locked: personal((user) => user.lockedAt !== null),
    createdAt: personal((user) => user.createdAt.toISOString()),
  },
};
