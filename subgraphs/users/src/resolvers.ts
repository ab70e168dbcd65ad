// Thin resolvers: read arguments and claims, call the account rules or the store, shape the answer.
import { maskCpf, normalizeCpf } from '@medpay/br-documents';
import { Caller, decodeCursor, forbidden, isPlatformAdmin, notFound, pageSize, toConnection, unauthenticated, type RequestContext } from '@medpay/runtime';
import type DataLoader from 'dataloader';
import type { Accounts, AuthResult, RegisterPatientInput } from './accounts.js';
import type { Role } from './generated/prisma/client.js';
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

const authPayload = (result: AuthResult) => result;

export const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, { claims, userLoader }: UsersContext) => (claims?.kind === 'user' ? userLoader.load(claims.sub) : null),
    user: async (_: unknown, { id }: { id: string }, { claims, userLoader }: UsersContext) => {
      if (claims?.sub !== id && !isPlatformAdmin(claims)) throw forbidden();
      return (await userLoader.load(id)) ?? Promise.reject(notFound('Usuário'));
    },
    users: async (_: unknown, args: { filter?: { search?: string | null; role?: Role | null } | null; first?: number | null; after?: string | null }, { users }: UsersContext) => {
      const search = args.filter?.search?.trim() || null;
      const cpf = search ? normalizeCpf(search) : null;
      const page = await users.search({ search, role: args.filter?.role, cpf }, pageSize(args.first, 20), decodeCursor(args.after));
      return { ...toConnection(page), totalCount: page.totalCount };
    },
  },
  Mutation: {
    registerPatient: async (_: unknown, { input }: { input: RegisterPatientInput }, { accounts }: UsersContext) => authPayload(await accounts.registerPatient(input)),
    login: async (_: unknown, { input }: { input: { email: string; password: string } }, { accounts }: UsersContext) => authPayload(await accounts.login(input.email, input.password)),
    refreshSession: async (_: unknown, { refreshToken }: { refreshToken: string }, { accounts }: UsersContext) => authPayload(await accounts.refresh(refreshToken)),
    logout: (_: unknown, __: unknown, { accounts, claims }: UsersContext) => accounts.logout(claims?.sid),
    setUserLocked: (_: unknown, { id, locked }: { id: string; locked: boolean }, { accounts, claims }: UsersContext) => {
      if (claims?.sub === id) throw new UsersError('BAD_USER_INPUT', 'Você não pode bloquear a própria conta.');
      return accounts.setLocked(id, locked);
    },
  },
  User: {
    __resolveReference: ({ id }: { id: string }, { userLoader }: UsersContext) => userLoader.load(id),
    // A name is shown to whoever deals with the person (clinic staff, colleagues); the rest is private.
    name: (user: User, _: unknown, { claims }: UsersContext) => {
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
