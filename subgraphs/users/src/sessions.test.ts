import { describe, expect, it } from '@jest/globals';
import { MemoryStore } from '@medpay/runtime';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.js';
import { LoginThrottle, SessionStore } from './sessions.js';

const code = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error: { extensions?: { code?: string } }) => error.extensions?.code);

const revoked: string[] = [];
const revocations = { record: async (sessionId: string) => void revoked.push(sessionId) };

describe('SessionStore', () => {
  it('rotates: each refresh token works once and yields the next', async () => {
    const sessions = new SessionStore(new MemoryStore(), 60_000, revocations);
    const { sessionId, refreshToken } = await sessions.open('user-1');
    const next = await sessions.rotate(refreshToken);
    expect(next).toMatchObject({ sessionId, userId: 'user-1' });
    expect((await sessions.rotate(next.refreshToken)).sessionId).toBe(sessionId);
  });

  it('revokes the family when a spent token is presented again', async () => {
    const sessions = new SessionStore(new MemoryStore(), 60_000, revocations);
    const { sessionId, refreshToken } = await sessions.open('user-1');
    const next = await sessions.rotate(refreshToken);
    expect(await code(sessions.rotate(refreshToken))).toBe('REFRESH_TOKEN_REUSED');
    expect(await sessions.isActive(sessionId)).toBe(false);
    expect(revoked).toContain(sessionId);
    expect(await code(sessions.rotate(next.refreshToken))).toBe('INVALID_REFRESH_TOKEN');
  });

  it('lets only one of two concurrent refreshes with the same token through', async () => {
    const sessions = new SessionStore(new MemoryStore(), 60_000, revocations);
    const { refreshToken } = await sessions.open('user-1');
    const results = await Promise.all([code(sessions.rotate(refreshToken)), code(sessions.rotate(refreshToken))]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
  });

  it('refuses unknown tokens', async () => {
    const sessions = new SessionStore(new MemoryStore(), 60_000, revocations);
    expect(await code(sessions.rotate('nope.nope'))).toBe('INVALID_REFRESH_TOKEN');
  });
});

describe('LoginThrottle', () => {
  it('allows MAX_FAILURES wrong passwords on an account, then waits; a success does not count', async () => {
    const throttle = new LoginThrottle(new MemoryStore());
    for (let i = 0; i < 3; i++) {
      await throttle.begin('a@b.com', '10.0.0.1');
      await throttle.succeeded('a@b.com', '10.0.0.1');
    }
    for (let i = 0; i < LoginThrottle.MAX_FAILURES; i++) expect(await code(throttle.begin('a@b.com', '10.0.0.1'))).toBe('ok');
    expect(await code(throttle.begin('a@b.com', '10.0.0.2'))).toBe('TOO_MANY_ATTEMPTS');
    expect(await code(throttle.begin('other@b.com', '10.0.0.2'))).toBe('ok');
  });

  it('holds when the attempts arrive all at once: no more than MAX_FAILURES get a look at the password', async () => {
    const throttle = new LoginThrottle(new MemoryStore());
    const results = await Promise.all(Array.from({ length: 20 }, () => code(throttle.begin('a@b.com', '10.0.0.1'))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(LoginThrottle.MAX_FAILURES);
  });

  it('slows one address trying many accounts (password spraying), but not its successful logins', async () => {
    const throttle = new LoginThrottle(new MemoryStore());
    for (let i = 0; i < 3; i++) {
      await throttle.begin('owner@b.com', '10.0.0.9');
      await throttle.succeeded('owner@b.com', '10.0.0.9');
    }
    const sprayed = [];
    for (let i = 0; i < 12; i++) sprayed.push(await code(throttle.begin(`victim${i}@b.com`, '10.0.0.9')));
    expect(sprayed.slice(0, LoginThrottle.MAX_FAILURES_PER_ADDRESS).every((r) => r === 'ok')).toBe(true);
    expect(sprayed.slice(LoginThrottle.MAX_FAILURES_PER_ADDRESS)).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
    expect(await code(throttle.begin('victim0@b.com', '10.0.0.10'))).toBe('ok');
  });
});

describe('sign-ups', () => {
  it('are limited per address, and another address is not held back', async () => {
    const throttle = new LoginThrottle(new MemoryStore());
    const results = await Promise.all(Array.from({ length: LoginThrottle.MAX_SIGN_UPS_PER_ADDRESS + 3 }, () => code(throttle.beginSignUp('10.0.0.1'))));
    expect(results.filter((r) => r === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
    expect(await code(throttle.beginSignUp('10.0.0.2'))).toBe('ok');
  });
});

describe('passwords', () => {
  it('verify only the password they were hashed from, with a fresh salt each time', async () => {
    const hash = await hashPassword('MedPay@2026');
    expect(hash).not.toBe(await hashPassword('MedPay@2026'));
    expect(await verifyPassword('MedPay@2026', hash)).toBe(true);
    expect(await verifyPassword('MedPay@2027', hash)).toBe(false);
    expect(await verifyPassword('MedPay@2026', 'garbage')).toBe(false);
  });

  it('must be at least 8 characters with letters and digits, not common, not the e-mail', () => {
    const strength = (password: string) => {
      try {
        assertStrongPassword(password, 'maria.silva@exemplo.com');
        return 'ok';
      } catch (error) {
        return (error as { extensions: { code: string } }).extensions.code;
      }
    };
    expect(strength('MedPay@2026')).toBe('ok');
    for (const weak of ['abc123', 'somenteletras', '1234567890', 'senha123', 'maria.silva2026']) expect(strength(weak)).toBe('WEAK_PASSWORD');
  });
});
