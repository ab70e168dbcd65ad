import { describe, expect, it } from '@jest/globals';
import { AccessTokenIssuer, AccessTokenVerifier, createLogger } from '@medpay/runtime';
import { generateKeyPairSync } from 'node:crypto';
import { CallerAuthenticator } from './caller.js';
import { Revocations } from './revocations.js';

const jwk = JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid: 'test' });

async function setUp(ttlSeconds: number) {
  const issuer = await AccessTokenIssuer.fromJwk(jwk, ttlSeconds);
  const logger = createLogger('test', 'silent');
  // Never started: nothing is revoked (the revocation tests run the whole stack, e2e/revocation.test.ts).
  const revocations = new Revocations({ usersUrl: 'http://127.0.0.1:9', providersUrl: 'http://127.0.0.1:9', internalSecret: 'x'.repeat(32) }, 500, logger);
  const authenticator = new CallerAuthenticator(new AccessTokenVerifier(JSON.stringify(issuer.jwks)), 'http://127.0.0.1:9', 'x'.repeat(32), 60_000, revocations, logger);
  const { token } = await issuer.issue('patient-1', ['PATIENT'], 'session-1');
  return { authenticator, bearer: { authorization: `Bearer ${token}` } };
}

describe('CallerAuthenticator', () => {
  it('verifies a token once and hands out the same frozen claims while it lives', async () => {
    const { authenticator, bearer } = await setUp(60);
    const first = await authenticator.authenticate(bearer);
    const second = await authenticator.authenticate(bearer);
    expect(second).toBe(first);
    expect(first).toMatchObject({ sub: 'patient-1', roles: ['PATIENT'], scopes: ['patient'] });
    expect(Object.isFrozen(first) && Object.isFrozen(first!.roles)).toBe(true);
  });

  it('refuses a remembered token once it has expired, and a tampered one always', async () => {
    const { authenticator, bearer } = await setUp(1);
    await authenticator.authenticate(bearer);
    // Change one signature character well inside it (the last one carries padding bits a decoder may ignore).
    const at = bearer.authorization.length - 10;
    const tampered = { authorization: `${bearer.authorization.slice(0, at)}${bearer.authorization[at] === 'A' ? 'B' : 'A'}${bearer.authorization.slice(at + 1)}` };
    await expect(authenticator.authenticate(tampered)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(authenticator.authenticate(bearer)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
