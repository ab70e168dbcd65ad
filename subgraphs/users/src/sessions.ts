// Refresh-token sessions in the key-value store (Redis or embedded). Tokens are opaque and stored
// hashed; each refresh spends one and issues the next in the same family, and spending one twice
// revokes the family (a stolen token and its owner cannot both keep going).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { KeyValueStore } from '@medpay/runtime';
import { UsersError } from './errors.js';

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

interface RefreshRecord {
  familyId: string;
  userId: string;
}

export class SessionStore {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly ttlMs: number,
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

  async revoke(sessionId: string): Promise<void> {
    await this.kv.delete(`family:${sessionId}`);
  }

  private async mint(record: RefreshRecord): Promise<string> {
    const token = `${record.familyId}.${randomBytes(32).toString('base64url')}`;
    await this.kv.set(`refresh:${hash(token)}`, JSON.stringify(record), this.ttlMs);
    return token;
  }
}

/** Slows guessing: after MAX_FAILURES wrong passwords for one e-mail, logins wait out the window. */
export class LoginThrottle {
  static readonly MAX_FAILURES = 5;
  static readonly WINDOW_MS = 15 * 60 * 1000;

  constructor(private readonly kv: KeyValueStore) {}

  async assertAllowed(email: string) {
    if (Number(await this.kv.get(`login-failures:${email}`)) >= LoginThrottle.MAX_FAILURES) {
      throw new UsersError('TOO_MANY_ATTEMPTS', 'Muitas tentativas de acesso. Aguarde 15 minutos ou redefina sua senha.');
    }
  }

  async recordFailure(email: string) {
    await this.kv.increment(`login-failures:${email}`, LoginThrottle.WINDOW_MS);
  }

  async reset(email: string) {
    await this.kv.delete(`login-failures:${email}`);
  }
}
