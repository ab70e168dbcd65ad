// Account rules: sign-up with e-mail confirmation, login, session refresh and logout.
//
// A sign-up never says whether its e-mail or CPF already has an account: every valid one is answered
// with the same message, after the same work (the password is hashed either way), and the rest
// happens by e-mail. A new e-mail gets a link that makes the account (with the password chosen, which
// the link asks for again); the owner of an existing account is told someone tried to sign up with
// their data. Nothing is an account, or can log in, until its e-mail is confirmed.
import { normalizeCpf } from '@medpay/br-documents';
import type { AccessTokenIssuer } from '@medpay/runtime';
import type { RegisterPatientInput } from './__generated__/resolvers-types.js';
import { assertStrongPassword, DECOY_HASH, hashPassword, verifyPassword } from './passwords.js';
import type { LoginThrottle, SessionStore } from './sessions.js';
import type { SignUpRecord, SignUpStore } from './sign-up-store.js';
import type { User, UserStore } from './user-store.js';
import type { CpfChecks } from './cpf-checks.js';
import { UsersError } from './errors.js';
import { recordPatientRegistered, type AccountMatch } from './outbox-store.js';

/** What every valid sign-up is answered, whatever its e-mail and CPF. */
export const SIGN_UP_MESSAGE = 'Enviamos um e-mail para continuar o cadastro.';

export interface SignUpAnswer {
  message: string;
}

/** What the e-mail of a sign-up says: its confirmation token, or null when its CPF already has an account. */
export interface SignUpConfirmation {
  email: string;
  name: string;
  token: string | null;
  expiresAt: Date;
}

export interface AccountsOptions {
  /** how long a sign-up's confirmation link works */
  signUpTtlMs: number;
  /** tells the outbox relay there is something to publish */
  published?: () => void;
  now?: () => Date;
}

const linkInvalid = () =>
  new UsersError('CONFIRMATION_LINK_INVALID', 'Este link de confirmação não vale mais: ele já foi usado, foi cancelado ou não existe. Se você já confirmou seu cadastro, é só entrar com seu e-mail e senha.');
const linkExpired = () => new UsersError('CONFIRMATION_LINK_EXPIRED', 'Este link de confirmação expirou. Faça o cadastro de novo para receber outro.');

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (!EMAIL.test(normalized) || normalized.length > 254) throw new UsersError('BAD_USER_INPUT', 'Informe um e-mail válido.', { field: 'email' });
  return normalized;
}

function normalizePhone(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/\D/g, '');
  const national = digits.startsWith('55') && digits.length >= 12 ? digits.slice(2) : digits;
  if (!/^\d{2}9?\d{8}$/.test(national)) throw new UsersError('BAD_USER_INPUT', 'Informe um telefone com DDD, como (11) 98765-4321.', { field: 'phone' });
  return `+55${national}`;
}

export class Accounts {
  private readonly published: () => void;
  private readonly now: () => Date;

  constructor(
    private readonly users: UserStore,
    private readonly signUps: SignUpStore,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly tokens: AccessTokenIssuer,
    private readonly cpfChecks: Pick<CpfChecks, 'atSignUp'>,
    private readonly options: AccountsOptions,
  ) {
    this.published = options.published ?? (() => {});
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Starts a patient's sign-up. `address`: the client's (sign-ups are limited per address). The answer
   * is SIGN_UP_MESSAGE whether the e-mail and CPF are new or have an account, and no session is opened.
   */
  async registerPatient(input: RegisterPatientInput, address: string): Promise<SignUpAnswer> {
    await this.throttle.beginSignUp(address);
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (name.length < 3 || name.length > 120 || !name.includes(' ')) {
      throw new UsersError('BAD_USER_INPUT', 'Informe seu nome completo.', { field: 'name' });
    }
    const email = normalizeEmail(input.email);
    const cpf = normalizeCpf(input.cpf);
    if (!cpf) throw new UsersError('INVALID_CPF', 'CPF inválido. Confira os números digitados.', { field: 'cpf' });
    const phone = normalizePhone(input.phone);
    assertStrongPassword(input.password, email);
    // The Receita's answer depends on the CPF alone, never on whether it has an account here.
    const cpfCheck = await this.cpfChecks.atSignUp(cpf, name);

    // Hashed whatever comes next, so that an e-mail or CPF with an account is answered no faster.
    const passwordHash = await hashPassword(input.password);
    const [byEmail, byCpf] = await Promise.all([this.users.findByEmail(email), this.users.findByCpf(cpf)]);
    const now = this.now();
    const matches = new Map<string, AccountMatch[]>();
    if (byEmail) matches.set(byEmail.id, ['EMAIL']);
    if (byCpf) matches.set(byCpf.id, [...(matches.get(byCpf.id) ?? []), 'CPF']);
    const record: SignUpRecord = {
      // An e-mail with an account gets no second one: its owner hears of the attempt instead. A CPF with
      // an account does not stop the sign-up here: its e-mail then tells the CPF is taken (the owner is told too).
      signUp: byEmail
        ? null
        : {
            name, email, cpf, phone, passwordHash, expiresAt: new Date(now.getTime() + this.options.signUpTtlMs),
            termsVersion: input.acceptedTerms?.termsVersion ?? null, privacyPolicyVersion: input.acceptedTerms?.privacyPolicyVersion ?? null, ipAddress: address,
            cpfStatus: cpfCheck.status, cpfCheckedAt: cpfCheck.checkedAt,
          },
      existingAccounts: [],
    };
    if (record.signUp && !(await this.throttle.maySendSignUpMessage(`email:${email}`))) record.signUp = null;
    for (const [userId, matched] of matches) {
      if (await this.throttle.maySendSignUpMessage(`user:${userId}`)) record.existingAccounts.push({ userId, matched });
    }
    if (record.signUp || record.existingAccounts.length > 0) {
      await this.signUps.record(record, now);
      this.published();
    }
    return { message: SIGN_UP_MESSAGE };
  }

  /**
   * What the e-mail of an open sign-up says, with a confirmation token minted now (only its hash is kept,
   * and it replaces the last one); null when there is nothing to send: the sign-up is unknown,
   * confirmed, voided or expired, or its e-mail has had an account made since.
   */
  async signUpConfirmation(signUpId: string): Promise<SignUpConfirmation | null> {
    const now = this.now();
    const signUp = await this.signUps.open(signUpId, now);
    if (!signUp || (await this.users.findByEmail(signUp.email))) return null;
    const base = { email: signUp.email, name: signUp.name, expiresAt: signUp.expiresAt };
    // The CPF has an account (made before this sign-up, or confirmed first since): no link to a sure failure.
    if (await this.users.findByCpfIndex(signUp.cpfBlindIndex)) return { ...base, token: null };
    const minted = await this.signUps.mint(signUpId, now);
    return minted ? { ...base, token: minted.token } : null;
  }

  /**
   * Makes the account of a sign-up from its e-mail's link, once, and opens its session. The link alone
   * is not enough: whoever opens it must know the password chosen at sign-up, so that a sign-up
   * someone else made with your e-mail never becomes an account they can enter. Several sign-ups may
   * name one e-mail or CPF; the first confirmed makes the account, and a CPF with an account never
   * gets a second one.
   */
  async confirmSignUp(token: string, password: string): Promise<AuthResult> {
    const now = this.now();
    const signUp = token.length > 0 && token.length <= 256 ? await this.signUps.byToken(token) : null;
    if (!signUp || signUp.closedAt) throw linkInvalid();
    if (signUp.expiresAt.getTime() <= now.getTime()) throw linkExpired();
    if (!(await this.throttle.beginConfirmation(signUp.id, this.options.signUpTtlMs))) {
      await this.signUps.close(signUp.id, now);
      throw linkInvalid();
    }
    if (!(await verifyPassword(password, signUp.passwordHash))) {
      throw new UsersError('INVALID_CREDENTIALS', 'Senha incorreta. Use a senha que você escolheu no cadastro.', { field: 'password' });
    }
    const confirmed = await this.signUps.confirm(signUp, now, async (tx, cpf) => {
      const user = await this.users.insert(tx, {
        name: signUp.name, email: signUp.email, cpf, phone: signUp.phone ?? undefined, passwordHash: signUp.passwordHash, roles: ['PATIENT'],
        cpfCheck: { status: signUp.cpfStatus, checkedAt: signUp.cpfCheckedAt },
      });
      await recordPatientRegistered(tx, user);
      return user;
    });
    if (confirmed === 'closed') throw linkInvalid();
    if (confirmed === 'email') throw new UsersError('EMAIL_TAKEN', 'Este e-mail já tem uma conta. Entre com seu e-mail e senha.');
    if (confirmed === 'cpf') {
      // Another sign-up with this CPF was confirmed first: its owner hears of this one too.
      const owner = await this.users.findByCpfIndex(signUp.cpfBlindIndex);
      if (owner && (await this.throttle.maySendSignUpMessage(`user:${owner.id}`))) {
        await this.signUps.record({ signUp: null, existingAccounts: [{ userId: owner.id, matched: ['CPF'] }] }, now);
        this.published();
      }
      throw new UsersError('CPF_TAKEN', 'Este CPF já tem uma conta na MedPay. Se a conta é sua, entre com seu e-mail e senha; se você não a reconhece, fale com o suporte da MedPay.');
    }
    this.published();
    return this.startSession(confirmed);
  }

  /** `address`: the client's, as the router saw it (login attempts are limited per address too). */
  async login(emailInput: string, password: string, address: string): Promise<AuthResult> {
    const email = emailInput.trim().toLowerCase();
    await this.throttle.begin(email, address);
    const user = await this.users.findByEmail(email);
    // Verify against a decoy when the account does not exist: the answer takes as long either way.
    const valid = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (user && !valid) {
      await this.users.loginFailed(user.id, this.now());
      this.published();
    }
    if (!user || !valid) throw new UsersError('INVALID_CREDENTIALS', 'E-mail ou senha incorretos.');
    if (user.lockedAt) throw new UsersError('ACCOUNT_LOCKED', 'Esta conta está bloqueada. Fale com o suporte da MedPay.');
    await this.throttle.succeeded(email, address);
    return this.startSession(user);
  }

  async refresh(refreshToken: string): Promise<AuthResult> {
    const rotated = await this.sessions.rotate(refreshToken);
    const [user] = await this.users.findMany([rotated.userId]);
    if (!user || user.lockedAt) {
      await this.sessions.revoke(rotated.sessionId);
      throw new UsersError('INVALID_REFRESH_TOKEN', 'Sua sessão expirou. Entre novamente.');
    }
    const access = await this.tokens.issue(user.id, user.roles, rotated.sessionId);
    return { accessToken: access.token, expiresIn: access.expiresIn, refreshToken: rotated.refreshToken, user };
  }

  async logout(sessionId: string | undefined): Promise<boolean> {
    if (sessionId) await this.sessions.revoke(sessionId);
    return true;
  }

  async setLocked(userId: string, locked: boolean) {
    const user = await this.users.setLocked(userId, locked);
    if (!user) throw new UsersError('NOT_FOUND', 'Usuário não encontrado.');
    return user;
  }

  private async startSession(user: User): Promise<AuthResult> {
    const session = await this.sessions.open(user.id);
    const access = await this.tokens.issue(user.id, user.roles, session.sessionId);
    return { accessToken: access.token, expiresIn: access.expiresIn, refreshToken: session.refreshToken, user };
  }
}
