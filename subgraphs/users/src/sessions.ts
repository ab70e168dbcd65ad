// Refresh-token sessions in the key-value store (Redis or embedded). Tokens are opaque and stored
// hashed; each refresh spends one and issues the next in the same family, and spending one twice
// revokes the family (a stolen token and its owner cannot both keep going).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { KeyValueStore } from '@medpay/runtime';
import { UsersError } from './errors.js';
import type { RevocationLog } from './revocation-store.js';

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

interface RefreshRecord {
  familyId: string;
  userId: string;
}

export class SessionStore {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly ttlMs: number,
    private readonly revocations: RevocationLog,
  ) {}

  /** Opens a session; returns its id and first refresh token. */
  async open(userId: string): Promise<{ sessionId: string; refreshToken: string }> {
    const sessionId = randomUUID();
    await this.kv.set(`family:${sessionId}`, userId, this.ttlMs);
    return { sessionId, refreshToken: await this.mint({ familyId: sessionId, userId }) };
  }

  /** Spends a refresh token and returns the next one. */
  async rotate(refreshToken: string): Promise<{ sessionId: string; userId: string; refreshToken: string }> {
    const key = hash(refreshToken);
    const stored = await this.kv.get(`refresh:${key}`);
    const invalid = () => new UsersError('INVALID_REFRESH_TOKEN', 'Sua sessão expirou. Entre novamente.');
    if (!stored) throw invalid();
    const record = JSON.parse(stored) as RefreshRecord;
    if (!(await this.isActive(record.familyId))) throw invalid();
    if (!(await this.kv.setIfAbsent(`spent:${key}`, '1', this.ttlMs))) {
      await this.revoke(record.familyId);
      throw new UsersError('REFRESH_TOKEN_REUSED', 'Esta sessão foi encerrada por segurança. Entre novamente.');
    }
    return { sessionId: record.familyId, userId: record.userId, refreshToken: await this.mint(record) };
  }

  async isActive(sessionId: string): Promise<boolean> {
    return (await this.kv.get(`family:${sessionId}`)) !== null;
  }

  /** Ends the session: its refresh tokens at once here, its access tokens at the router (which reads the record). */
  async revoke(sessionId: string): Promise<void> {
    await this.revocations.record(sessionId);
    await this.kv.delete(`family:${sessionId}`);
  }

  private async mint(record: RefreshRecord): Promise<string> {
    const token = `${record.familyId}.${randomBytes(32).toString('base64url')}`;
    await this.kv.set(`refresh:${hash(token)}`, JSON.stringify(record), this.ttlMs);
    return token;
  }
}

/**
 * Slows guessing. Each login attempt takes its place in two counters before the password is checked:
 * the account's (MAX_FAILURES wrong passwords, then wait out the window) and the client address's
 * (MAX_FAILURES_PER_ADDRESS across any accounts: password spraying). Taking the place first, with one
 * atomic increment, is what makes the limit hold when attempts arrive all at once. A success gives
 * both places back: only wrong passwords count.
 */
export class LoginThrottle {
  static readonly MAX_FAILURES = 5;
  static readonly MAX_FAILURES_PER_ADDRESS = 10;
  static readonly WINDOW_MS = 15 * 60 * 1000;
  /** Sign-ups from one address in SIGN_UP_WINDOW_MS: a family or a clinic's front desk, not a script. */
  static readonly MAX_SIGN_UPS_PER_ADDRESS = 20;
  static readonly SIGN_UP_WINDOW_MS = 60 * 60 * 1000;

  constructor(private readonly kv: KeyValueStore) {}

  /** E-mails one mailbox (or one account's owner) gets from sign-ups in SIGN_UP_WINDOW_MS, whoever asks. */
  static readonly MAX_SIGN_UP_MESSAGES_PER_RECIPIENT = 5;
  /** Wrong passwords a confirmation link takes before it is voided. */
  static readonly MAX_CONFIRMATION_ATTEMPTS = 5;

  /**
   * Counts a sign-up from this address, before anything else is looked at; throws TOO_MANY_ATTEMPTS
   * past the limit (bulk accounts, and probing which e-mails and CPFs have accounts by the e-mails sent).
   */
  async beginSignUp(address: string): Promise<void> {
    if ((await this.kv.increment(`sign-ups-from:${address}`, LoginThrottle.SIGN_UP_WINDOW_MS)) > LoginThrottle.MAX_SIGN_UPS_PER_ADDRESS) {
      throw new UsersError('TOO_MANY_ATTEMPTS', 'Muitos cadastros feitos deste endereço. Tente novamente mais tarde.');
    }
  }

  /**
   * Counts an e-mail a sign-up would send to `recipient` (a mailbox, or an account's owner); false past
   * the limit. Silent: the sign-up is answered the same either way, so a flood of sign-ups from many
   * addresses naming one person fills nobody's inbox.
   */
  async maySendSignUpMessage(recipient: string): Promise<boolean> {
    return (await this.kv.increment(`sign-up-messages-to:${recipient}`, LoginThrottle.SIGN_UP_WINDOW_MS)) <= LoginThrottle.MAX_SIGN_UP_MESSAGES_PER_RECIPIENT;
  }

  /** Counts a password tried on a sign-up's confirmation link; false past the limit (the link is then voided). */
  async beginConfirmation(signUpId: string, ttlMs: number): Promise<boolean> {
    return (await this.kv.increment(`sign-up-confirmations:${signUpId}`, ttlMs)) <= LoginThrottle.MAX_CONFIRMATION_ATTEMPTS;
  }

  /** Counts an attempt; throws TOO_MANY_ATTEMPTS when it is over either limit. */
  async begin(email: string, address: string): Promise<void> {
    const [forAccount, forAddress] = await Promise.all([
      this.kv.increment(`login-attempts:${email}`, LoginThrottle.WINDOW_MS),
      this.kv.increment(`login-attempts-from:${address}`, LoginThrottle.WINDOW_MS),
    ]);
    if (forAccount > LoginThrottle.MAX_FAILURES || forAddress > LoginThrottle.MAX_FAILURES_PER_ADDRESS) {
      throw new UsersError('TOO_MANY_ATTEMPTS', 'Muitas tentativas de acesso. Aguarde 15 minutos ou redefina sua senha.');
    }
  }

  /** The attempt logged in: it was no guess. */
  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([
      this.kv.increment(`login-attempts:${email}`, LoginThrottle.WINDOW_MS, -1),
      this.kv.increment(`login-attempts-from:${address}`, LoginThrottle.WINDOW_MS, -1),
    ]);
  }
}
