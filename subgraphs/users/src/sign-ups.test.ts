// Sign-up with e-mail confirmation, on a real (embedded) PostgreSQL and the Receita Federal's simulator:
// only a REGULAR CPF with its own name signs up (a Receita down lets it in, unverified), a sign-up never
// tells whether its e-mail or CPF has an account, nothing can log in before its e-mail is confirmed, and
// a confirmation link makes one account, once, before it expires — with the password chosen at sign-up.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ReceitaFederalClient } from '@medpay/receita-federal';
import { startReceitaSimulator, type ReceitaSimulator } from '@medpay/receita-simulator';
import { AccessTokenIssuer, createLogger, FieldEncryption, MemoryStore, type Database } from '@medpay/runtime';
import { cpfFromBase } from '@medpay/br-documents';
import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { Accounts, SIGN_UP_MESSAGE } from './accounts.js';
import { ConsentStore } from './consent-store.js';
import { CpfChecks, opensCredit } from './cpf-checks.js';
import { PrismaClient } from './generated/prisma/client.js';
import { hashPassword } from './passwords.js';
import { LoginThrottle, SessionStore } from './sessions.js';
import { SignUpStore } from './sign-up-store.js';
import { UserStore } from './user-store.js';
import { openUsersDatabase } from './testing.js';

const TTL_MS = 24 * 3600_000;
const PASSWORD = 'Consulta2026';

let database: Database<PrismaClient>;
let users: UserStore;
let signUps: SignUpStore;
let consents: ConsentStore;
let tokens: AccessTokenIssuer;
let clock: Date;
let accounts: Accounts;
let kv: MemoryStore;
let receita: ReceitaSimulator;
let cpfChecks: CpfChecks;

beforeAll(async () => {
  database = await openUsersDatabase();
  const encryption = new FieldEncryption(randomBytes(32).toString('base64'), randomBytes(32).toString('base64'));
  users = new UserStore(database.prisma, encryption);
  consents = new ConsentStore(database.prisma);
  signUps = new SignUpStore(database.prisma, encryption, consents);
  const jwk = JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid: 'test' });
  tokens = await AccessTokenIssuer.fromJwk(jwk, 900);
  receita = await startReceitaSimulator({ port: 0, consumerKey: 'medpay-test', consumerSecret: 'receita-secret', requestsPerSecond: 1000 });
  const client = new ReceitaFederalClient({
    baseUrl: receita.url, consumerKey: 'medpay-test', consumerSecret: 'receita-secret', cache: new MemoryStore(), cacheKeySecret: randomBytes(32).toString('hex'),
    requestsPerSecond: 1000, retries: 1, retryBaseDelayMs: 1, circuitBreaker: { failureThreshold: 1000 },
  });
  cpfChecks = new CpfChecks(client, database.prisma, users, createLogger('users-test', 'silent'));
}, 60_000);
afterAll(async () => {
  await receita?.close();
  await database?.close();
});

beforeEach(() => {
  clock = new Date();
  kv = new MemoryStore();
  const sessions = new SessionStore(kv, 60_000, { record: async () => undefined });
  accounts = new Accounts(users, signUps, sessions, new LoginThrottle(kv), tokens, cpfChecks, { signUpTtlMs: TTL_MS, now: () => clock });
});

const code = async (promise: Promise<unknown>) => promise.then(() => 'OK', (error: { extensions?: { code?: string } }) => error.extensions?.code ?? String(error));
const uniqueCpf = () => cpfFromBase(String(randomInt(100_000_000, 999_999_999)));
const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${randomInt(1e9)}@exemplo.com.br`;
const address = () => `203.0.113.${randomInt(1, 254)}`;
const input = (overrides: Partial<{ name: string; email: string; cpf: string; password: string }> = {}) => ({
  name: 'Marina Costa',
  email: uniqueEmail('marina'),
  cpf: uniqueCpf(),
  password: PASSWORD,
  acceptedTerms: { termsVersion: '3', privacyPolicyVersion: '2' },
  ...overrides,
});

/** The outbox events written since `since` (their types and payloads). */
async function eventsSince(since: Date) {
  const rows = await database.prisma.outboxEvent.findMany({ where: { createdAt: { gte: since } }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => ({ type: row.type, payload: row.payload as Record<string, unknown> }));
}

/** An account as the demo data makes one: confirmed. */
async function existingPatient() {
  const data = { name: 'Dona Conta', email: uniqueEmail('dona'), cpf: uniqueCpf(), passwordHash: await hashPassword(PASSWORD), roles: ['PATIENT' as const] };
  const created = await users.create(data);
  if (typeof created === 'string') throw new Error(created);
  return { ...data, id: created.id };
}

/** Signs up and returns the sign-up's id (from its event) and the token its e-mail would carry. */
async function signUp(fields = input(), from = address()) {
  const before = new Date(Date.now() - 1);
  expect(await accounts.registerPatient(fields, from)).toEqual({ message: SIGN_UP_MESSAGE });
  const requested = (await eventsSince(before)).find((event) => event.type === 'sign_up.requested');
  const signUpId = requested!.payload.signUpId as string;
  const confirmation = await accounts.signUpConfirmation(signUpId);
  return { signUpId, token: confirmation!.token!, fields };
}

describe('registerPatient', () => {
  it('answers a new sign-up, a taken e-mail and a taken CPF alike, opens no session, and tells the owner of the account', async () => {
    const owner = await existingPatient();
    const since = new Date(Date.now() - 1);
    const fresh = await accounts.registerPatient(input(), address());
    const takenEmail = await accounts.registerPatient(input({ email: owner.email.toUpperCase() }), address());
    const takenCpf = await accounts.registerPatient(input({ cpf: owner.cpf }), address());
    const takenBoth = await accounts.registerPatient(input({ email: owner.email, cpf: owner.cpf }), address());
    for (const answer of [fresh, takenEmail, takenCpf, takenBoth]) expect(answer).toEqual({ message: 'Enviamos um e-mail para continuar o cadastro.' });

    const events = await eventsSince(since);
    // The new e-mail gets a link; the taken e-mail none (its owner is told); a new e-mail with a taken
    // CPF gets an e-mail too (which says the CPF has an account), and the CPF's owner is told.
    expect(events.map((event) => event.type)).toEqual([
      'sign_up.requested',
      'sign_up.existing_account',
      'sign_up.requested',
      'sign_up.existing_account',
      'sign_up.existing_account',
    ]);
    expect(events.filter((event) => event.type === 'sign_up.existing_account').map((event) => [event.payload.userId, event.payload.matched])).toEqual([
      [owner.id, ['EMAIL']],
      [owner.id, ['CPF']],
      [owner.id, ['EMAIL', 'CPF']],
    ]);
    // Nothing became an account.
    expect(await database.prisma.user.count({ where: { name: 'Marina Costa' } })).toBe(0);
  });

  it('takes as long for a taken e-mail as for a new one: the password is hashed either way', async () => {
    const owner = await existingPatient();
    const time = async (fields: ReturnType<typeof input>) => {
      const started = performance.now();
      await accounts.registerPatient(fields, address());
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const fresh: number[] = [];
    const taken: number[] = [];
    for (let i = 0; i < 5; i++) {
      fresh.push(await time(input()));
      taken.push(await time(input({ email: owner.email, cpf: uniqueCpf() })));
    }
    // scrypt dominates both; skipping it for a taken e-mail would make that path ten times faster.
    expect(median(taken)).toBeGreaterThan(median(fresh) * 0.4);
  });

  it('still checks the input first: a bad CPF or a weak password is said plainly', async () => {
    expect(await code(accounts.registerPatient(input({ cpf: '529.982.247-24' }), address()))).toBe('INVALID_CPF');
    expect(await code(accounts.registerPatient(input({ password: 'curta1' }), address()))).toBe('WEAK_PASSWORD');
  });

  it('sends one person at most five sign-up e-mails an hour, silently: the answer is the same', async () => {
    const email = uniqueEmail('caixa');
    const since = new Date(Date.now() - 1);
    const answers = [];
    for (let i = 0; i < LoginThrottle.MAX_SIGN_UP_MESSAGES_PER_RECIPIENT + 2; i++) answers.push(await accounts.registerPatient(input({ email }), address()));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect((await eventsSince(since)).filter((event) => event.type === 'sign_up.requested')).toHaveLength(LoginThrottle.MAX_SIGN_UP_MESSAGES_PER_RECIPIENT);
  });

  it('refuses sign-ups from one address past the limit, even when they arrive all at once', async () => {
    const from = '198.51.100.77';
    const results = await Promise.all(Array.from({ length: LoginThrottle.MAX_SIGN_UPS_PER_ADDRESS + 3 }, () => code(accounts.registerPatient(input(), from))));
    expect(results.filter((result) => result === 'OK')).toHaveLength(LoginThrottle.MAX_SIGN_UPS_PER_ADDRESS);
    expect(results.filter((result) => result === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
  });
});

describe('confirmSignUp', () => {
  it('makes the account once, with the password chosen and the consent given on the form; nothing logs in before', async () => {
    const { signUpId, token, fields } = await signUp(input(), '203.0.113.7');
    expect(await code(accounts.login(fields.email, PASSWORD, address()))).toBe('INVALID_CREDENTIALS');
    expect(await code(accounts.confirmSignUp(token, 'Outra2026senha'))).toBe('INVALID_CREDENTIALS');

    const since = new Date(Date.now() - 1);
    const session = await accounts.confirmSignUp(token, PASSWORD);
    expect(session).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), user: { email: fields.email, name: 'Marina Costa', roles: ['PATIENT'] } });
    expect(users.decryptCpf(session.user)).toBe(fields.cpf);
    expect((await eventsSince(since)).map((event) => [event.type, event.payload.userId])).toEqual([['patient.registered', session.user.id]]);
    expect(await consents.history(session.user.id)).toMatchObject([{ kind: 'TERMS_ACCEPTED', termsVersion: '3', privacyPolicyVersion: '2', ipAddress: '203.0.113.7' }]);

    expect(await code(accounts.confirmSignUp(token, PASSWORD))).toBe('CONFIRMATION_LINK_INVALID');
    expect(await accounts.signUpConfirmation(signUpId)).toBeNull();
    expect((await accounts.login(fields.email, PASSWORD, address())).user.id).toBe(session.user.id);
  });

  it('makes one account of two confirmations at once', async () => {
    const { token } = await signUp();
    const results = await Promise.all([code(accounts.confirmSignUp(token, PASSWORD)), code(accounts.confirmSignUp(token, PASSWORD))]);
    expect(results.sort()).toEqual(['CONFIRMATION_LINK_INVALID', 'OK']);
  });

  it('refuses an expired link, and sends no e-mail for an expired sign-up', async () => {
    const { signUpId, token } = await signUp();
    clock = new Date(clock.getTime() + TTL_MS + 1000);
    expect(await code(accounts.confirmSignUp(token, PASSWORD))).toBe('CONFIRMATION_LINK_EXPIRED');
    expect(await accounts.signUpConfirmation(signUpId)).toBeNull();
  });

  it('refuses a token never minted, and one replaced by a newer e-mail', async () => {
    const { signUpId, token } = await signUp();
    expect(await code(accounts.confirmSignUp(randomBytes(32).toString('base64url'), PASSWORD))).toBe('CONFIRMATION_LINK_INVALID');
    expect(await code(accounts.confirmSignUp('', PASSWORD))).toBe('CONFIRMATION_LINK_INVALID');
    const newer = (await accounts.signUpConfirmation(signUpId))!.token!;
    expect(await code(accounts.confirmSignUp(token, PASSWORD))).toBe('CONFIRMATION_LINK_INVALID');
    expect(await code(accounts.confirmSignUp(newer, PASSWORD))).toBe('OK');
  });

  it('voids the link after five wrong passwords (a leaked link is no way to guess one)', async () => {
    const { token } = await signUp();
    const wrong = await Promise.all(Array.from({ length: LoginThrottle.MAX_CONFIRMATION_ATTEMPTS + 2 }, (_, i) => code(accounts.confirmSignUp(token, `Errada${i}2026`))));
    expect(wrong.filter((result) => result === 'INVALID_CREDENTIALS')).toHaveLength(LoginThrottle.MAX_CONFIRMATION_ATTEMPTS);
    expect(await code(accounts.confirmSignUp(token, PASSWORD))).toBe('CONFIRMATION_LINK_INVALID');
  });

  it('gives a CPF to the first sign-up confirmed: a later one is refused, and the owner is told', async () => {
    const cpf = uniqueCpf();
    const victim = await signUp(input({ cpf, email: uniqueEmail('vitima') }));
    const squatter = await signUp(input({ cpf, email: uniqueEmail('intruso') }));
    const session = await accounts.confirmSignUp(victim.token, PASSWORD);
    const since = new Date(Date.now() - 1);
    expect(await code(accounts.confirmSignUp(squatter.token, PASSWORD))).toBe('CPF_TAKEN');
    expect((await eventsSince(since)).map((event) => [event.type, event.payload.userId, event.payload.matched])).toEqual([['sign_up.existing_account', session.user.id, ['CPF']]]);
    // The losing sign-up is voided, and its e-mail (were it sent again) says the CPF has an account.
    expect(await code(accounts.confirmSignUp(squatter.token, PASSWORD))).toBe('CONFIRMATION_LINK_INVALID');
    expect(await database.prisma.user.count({ where: { email: squatter.fields.email } })).toBe(0);
  });

  it('answers a sign-up whose CPF has an account with an e-mail that says so, and no link', async () => {
    const owner = await existingPatient();
    const since = new Date(Date.now() - 1);
    await accounts.registerPatient(input({ cpf: owner.cpf }), address());
    const signUpId = (await eventsSince(since)).find((event) => event.type === 'sign_up.requested')!.payload.signUpId as string;
    expect(await accounts.signUpConfirmation(signUpId)).toMatchObject({ token: null, name: 'Marina Costa' });
  });

  it('sends nothing more for a sign-up whose e-mail got its account through another sign-up', async () => {
    const email = uniqueEmail('duas.vezes');
    const first = await signUp(input({ email }));
    const second = await signUp(input({ email }));
    await accounts.confirmSignUp(first.token, PASSWORD);
    expect(await accounts.signUpConfirmation(second.signUpId)).toBeNull();
    expect(await code(accounts.confirmSignUp(second.token, PASSWORD))).toBe('EMAIL_TAKEN');
  });

  it('writes no token, e-mail, CPF or name to the event log', async () => {
    const since = new Date(Date.now() - 1);
    const owner = await existingPatient();
    const { token, fields } = await signUp();
    await accounts.registerPatient(input({ email: owner.email }), address());
    await accounts.confirmSignUp(token, PASSWORD);
    const log = JSON.stringify(await eventsSince(since));
    for (const secret of [token, fields.email, fields.cpf, owner.email, owner.cpf, 'Marina']) expect(log).not.toContain(secret);
  });
});

describe('the CPF at the Receita Federal', () => {
  /** The simulator's fixed records (simulators/receita/README.md). */
  const MARIA = { cpf: '40442820135', name: 'Maria José da Silva Santos' };
  const refusedCpfs = { PENDENTE_DE_REGULARIZACAO: '07691852312', SUSPENSA: '40532176871', CANCELADA: '31675842035', TITULAR_FALECIDO: '05137518743', NULA: '98302514705' };
  const sim = (path: string, body: unknown) => fetch(`${receita.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it.each(Object.entries(refusedCpfs))('refuses a sign-up whose CPF is %s, with the status and nothing written', async (status, cpf) => {
    const since = new Date(Date.now() - 1);
    const error = await accounts.registerPatient(input({ cpf }), address()).catch((caught: { extensions: Record<string, unknown> }) => caught);
    expect(error).toMatchObject({ extensions: { code: 'CPF_IRREGULAR', cpfStatus: status, field: 'cpf' } });
    expect(await eventsSince(since)).toEqual([]);
  });

  it('refuses a CPF the Receita does not know', async () => {
    expect(await code(accounts.registerPatient(input({ cpf: '40404040411' }), address()))).toBe('CPF_IRREGULAR');
  });

  it('takes the name on record loosely (accents, case, a middle name left out) and refuses another name', async () => {
    expect(await code(accounts.registerPatient(input({ cpf: MARIA.cpf, name: 'maria jose santos' }), address()))).toBe('OK');
    expect(await code(accounts.registerPatient(input({ cpf: MARIA.cpf, name: 'Maria José da Silva Santos' }), address()))).toBe('OK');
    expect(await code(accounts.registerPatient(input({ cpf: MARIA.cpf, name: 'Mariana Souza Santos' }), address()))).toBe('CPF_NAME_MISMATCH');
  });

  it('lets a valid CPF in while the Receita is down: the account is UNVERIFIED, closes credit, and the queue checks it when the Receita is back', async () => {
    await sim('/_sim/outage', { down: true });
    let account;
    try {
      const { token } = await signUp();
      account = (await accounts.confirmSignUp(token, PASSWORD)).user;
    } finally {
      await sim('/_sim/outage', { down: false });
    }
    expect(account).toMatchObject({ cpfStatus: 'UNVERIFIED', cpfCheckedAt: null });
    expect(opensCredit({ status: account.cpfStatus!, checkedAt: account.cpfCheckedAt }, new Date())).toBe(false);

    expect(await cpfChecks.pass()).toBeGreaterThanOrEqual(1);
    const [checked] = await users.findMany([account.id]);
    expect(checked).toMatchObject({ cpfStatus: 'REGULAR', cpfNextCheckAt: null });
    expect(opensCredit({ status: checked!.cpfStatus!, checkedAt: checked!.cpfCheckedAt }, new Date())).toBe(true);
  });

  it('checks a stale CPF again when credit asks (standing), and reports one that stopped being REGULAR', async () => {
    const { token, fields } = await signUp();
    const { user } = await accounts.confirmSignUp(token, PASSWORD);
    expect(user.cpfStatus).toBe('REGULAR');
    // 31 days later the check no longer opens credit; the Receita now says the CPF is suspended.
    await database.prisma.user.update({ where: { id: user.id }, data: { cpfCheckedAt: new Date(Date.now() - 31 * 86_400_000) } });
    await sim('/_sim/cpfs', { cpf: fields.cpf, status: 'SUSPENSA' });
    const standing = await new CpfChecks(
      new ReceitaFederalClient({ baseUrl: receita.url, consumerKey: 'medpay-test', consumerSecret: 'receita-secret', cache: new MemoryStore(), cacheKeySecret: randomBytes(32).toString('hex'), requestsPerSecond: 1000 }),
      database.prisma, users, createLogger('users-test', 'silent'),
    ).standing(user.id);
    expect(standing).toMatchObject({ status: 'SUSPENSA' });
  });
});
