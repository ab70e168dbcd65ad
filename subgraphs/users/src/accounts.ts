// Account rules: registration, login, session refresh and logout.
import { normalizeCpf } from '@medpay/br-documents';
import type { AccessTokenIssuer } from '@medpay/runtime';
import type { RegisterPatientInput } from './__generated__/resolvers-types.js';
import { assertStrongPassword, DECOY_HASH, hashPassword, verifyPassword } from './passwords.js';
import type { LoginThrottle, SessionStore } from './sessions.js';
import type { User, UserStore } from './user-store.js';
import { UsersError } from './errors.js';
import { recordPatientRegistered } from './outbox-store.js';

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
  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly tokens: AccessTokenIssuer,
    /** tells the outbox relay there is something to publish */
    private readonly published: () => void = () => {},
  ) {}

  /** `address`: the client's (sign-ups are limited per address). */
  async registerPatient(input: RegisterPatientInput, address: string): Promise<AuthResult> {
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

    const created = await this.users.create({ name, email, cpf, phone, passwordHash: await hashPassword(input.password), roles: ['PATIENT'] }, recordPatientRegistered);
    if (created === 'email') throw new UsersError('EMAIL_TAKEN', 'Já existe uma conta com este e-mail.', { field: 'email' });
    if (created === 'cpf') throw new UsersError('CPF_TAKEN', 'Já existe uma conta com este CPF.', { field: 'cpf' });
    this.published();
    return this.startSession(created);
  }

  /** `address`: the client's, as the router saw it (login attempts are limited per address too). */
  async login(emailInput: string, password: string, address: string): Promise<AuthResult> {
    const email = emailInput.trim().toLowerCase();
    await this.throttle.begin(email, address);
    const user = await this.users.findByEmail(email);
    // Verify against a decoy when the account does not exist: the answer takes as long either way.
    const valid = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
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
