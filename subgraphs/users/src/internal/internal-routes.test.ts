// The users subgraph's endpoints for notifications on a real (embedded) PostgreSQL: how to reach
// people (the CPF only masked, as the apps show it), who the platform admins are, and a sign-up's
// confirmation e-mail (to notifications only). Each is run as the kit's internalRoutes runs it: the
// body parsed with the contract's request schema.
import { AccountDeletionStore } from '../account-deletion-store.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as contracts from '@medpay/contracts';
import { FieldEncryption, serviceClaims, type Database, type InternalRoute } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { PrismaClient } from '../generated/prisma/client.js';
import { usersOutbox } from '../outbox-store.js';
import { RevocationStore } from '../revocation-store.js';
import { UserStore, type NewUser } from '../user-store.js';
import { usersInternalRoutes } from './internal-routes.js';
import { openUsersDatabase } from '../testing.js';

let database: Database<PrismaClient>;
let store: UserStore;
let routes: InternalRoute[];
const PENDING = randomUUID();
beforeAll(async () => {
  database = await openUsersDatabase();
  store = new UserStore(database.prisma, new FieldEncryption(randomBytes(32).toString('base64'), randomBytes(32).toString('base64')));
  routes = usersInternalRoutes(store, new RevocationStore(database.prisma), usersOutbox(database.prisma), new AccountDeletionStore(database.prisma), {
    signUpConfirmation: async (id) => (id === PENDING ? { email: 'nova@example.com', name: 'Nova Pessoa', token: 'fresh-token', expiresAt: new Date('2026-12-05T12:00:00.000Z') } : null),
  }, { standing: async () => null });
}, 60_000);
afterAll(() => database?.close());

/** What the route answers to `body` (null: 404), as notifications would call it. */
async function call(path: string, body: unknown): Promise<unknown> {
  const outcome = await routes.find((route) => route.path === path)!.run(body, serviceClaims('notifications'));
  if ('invalid' in outcome) throw new Error(`refused: ${JSON.stringify(outcome.invalid)}`);
  return outcome.answer;
}

async function newUser(user: Omit<NewUser, 'passwordHash'>) {
  const created = await store.create({ ...user, passwordHash: 'x' });
  if (typeof created === 'string') throw new Error(created);
  return created;
}

describe('contacts (/internal/contacts)', () => {
  it("answers each known person's name, e-mail, phone and masked CPF, in the order asked, on the contract", async () => {
    const maria = await newUser({ name: 'Maria Souza', email: 'maria.contato@example.com', cpf: '52998224725', phone: '+5511987654321', roles: ['PATIENT'] });
    const clinica = await newUser({ name: 'Carlos Clínica', email: 'carlos.contato@example.com', roles: ['CLINIC_STAFF'] });
    const answer = await call(contracts.contacts.path, { userIds: [clinica.id, randomUUID(), 'not-a-uuid', maria.id.toUpperCase(), clinica.id] });
    expect(contracts.contacts.response.parse(answer)).toEqual(answer);
    expect(answer).toEqual({
      contacts: [
        { userId: clinica.id, name: 'Carlos Clínica', email: 'carlos.contato@example.com', phone: null, maskedCpf: null },
        // The mask of the apps' cpfMasked (maskCpf): never the whole number.
        { userId: maria.id, name: 'Maria Souza', email: 'maria.contato@example.com', phone: '+5511987654321', maskedCpf: '***.982.247-**' },
      ],
    });
    expect(JSON.stringify(answer)).not.toContain('52998224725');
  });

  it('answers an empty list for ids it does not know, and refuses a request off the contract', async () => {
    expect(await call(contracts.contacts.path, { userIds: [randomUUID()] })).toEqual({ contacts: [] });
    const outcome = await routes.find((route) => route.path === contracts.contacts.path)!.run({ userIds: Array.from({ length: 501 }, randomUUID) }, serviceClaims('notifications'));
    expect('invalid' in outcome).toBe(true);
  });
});

describe('platform admins (/internal/platform-admins)', () => {
  it('answers the ids of the platform admins whose accounts are not locked', async () => {
    const admin = await newUser({ name: 'Ana Admin', email: 'ana.admin@example.com', roles: ['PLATFORM_ADMIN'] });
    const locked = await newUser({ name: 'Bruno Admin', email: 'bruno.admin@example.com', roles: ['PLATFORM_ADMIN'] });
    await newUser({ name: 'Paciente', email: 'paciente.admin@example.com', roles: ['PATIENT'] });
    await store.setLocked(locked.id, true);
    const answer = await call(contracts.platformAdmins.path, {});
    expect(contracts.platformAdmins.response.parse(answer)).toEqual(answer);
    expect(answer).toEqual({ userIds: [admin.id] });
    await store.setLocked(locked.id, false);
    const { userIds } = (await call(contracts.platformAdmins.path, {})) as { userIds: string[] };
    expect(userIds.sort()).toEqual([admin.id, locked.id].sort());
  });
});

describe('sign-up confirmations (/internal/sign-up-confirmation)', () => {
  const route = () => routes.find((candidate) => candidate.path === contracts.signUpConfirmation.path)!;

  it("answers notifications the sign-up's address and the token minted for this e-mail, on the contract", async () => {
    const answer = await call(contracts.signUpConfirmation.path, { signUpId: PENDING });
    expect(contracts.signUpConfirmation.response.parse(answer)).toEqual(answer);
    expect(answer).toEqual({ email: 'nova@example.com', name: 'Nova Pessoa', token: 'fresh-token', expiresAt: '2026-12-05T12:00:00.000Z' });
    expect(await call(contracts.signUpConfirmation.path, { signUpId: randomUUID() })).toBeNull();
    expect(await call(contracts.signUpConfirmation.path, { signUpId: 'not-a-uuid' })).toBeNull();
  });

  it('refuses any other service: the token is a live secret', async () => {
    for (const service of ['payments', 'analytics', 'providers', 'router']) {
      await expect(route().run({ signUpId: PENDING }, serviceClaims(service))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
  });
});
