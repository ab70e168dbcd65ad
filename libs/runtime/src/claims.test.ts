import { describe, expect, it } from '@jest/globals';
import { AccessTokenIssuer, AccessTokenVerifier } from './access-tokens.js';
import { scopesForRoles, signClaims, verifyClaims, type Claims } from './claims.js';
import { generateKeyPairSync } from 'node:crypto';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const claims: Claims = { sub: 'u1', kind: 'user', roles: ['PATIENT'], scopes: ['patient'], exp: Math.floor(Date.now() / 1000) + 60 };
const newJwk = (kid: string) => JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid });

describe('forwarded claims', () => {
  it('round-trip when signed with the shared secret; no header means anonymous', () => {
    expect(verifyClaims(signClaims(claims, secret), secret)).toEqual(claims);
    expect(verifyClaims(undefined, secret)).toBeNull();
  });
  it('are refused when forged, tampered with or expired', () => {
    const code = (header: string) => {
      try {
        verifyClaims(header, secret);
        return 'accepted';
      } catch (error) {
        return (error as { extensions: { code: string } }).extensions.code;
      }
    };
    expect(code(signClaims(claims, 'another-secret-of-thirty-two-characters'))).toBe('INVALID_CLAIMS');
    const [, signature] = signClaims(claims, secret).split('.');
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ['PLATFORM_ADMIN'], scopes: ['admin'] })).toString('base64url');
    expect(code(`${elevated}.${signature}`)).toBe('INVALID_CLAIMS');
    expect(code(signClaims({ ...claims, exp: Math.floor(Date.now() / 1000) - 1 }, secret))).toBe('INVALID_CLAIMS');
    expect(code('garbage')).toBe('INVALID_CLAIMS');
  });
  it('derive scopes from roles only', () => {
    expect(scopesForRoles(['PATIENT', 'CLINIC_STAFF'])).toEqual(['patient', 'clinic', 'payments:read', 'payments:refund', 'payments:confirm', 'catalog:write', 'events:subscribe', 'payment-links:write']);
    expect(scopesForRoles(['PLATFORM_ADMIN'])).toEqual(['admin']);
  });
});

describe('access tokens', () => {
  it('issued by the users key verify against its public JWKS, with roles, scopes and session', async () => {
    const issuer = await AccessTokenIssuer.fromJwk(newJwk('k1'), 900);
    expect(JSON.stringify(issuer.jwks)).not.toContain('"d"');
    const verifier = new AccessTokenVerifier(JSON.stringify(issuer.jwks));
    const { token, expiresIn } = await issuer.issue('user-1', ['CLINIC_STAFF'], 'session-1');
    expect(expiresIn).toBe(900);
    const verified = await verifier.verify(token);
    expect(verified).toMatchObject({ sub: 'user-1', kind: 'user', roles: ['CLINIC_STAFF'], scopes: ['clinic', 'payments:read', 'payments:refund', 'payments:confirm', 'catalog:write', 'events:subscribe', 'payment-links:write'], sid: 'session-1' });
  });
  it('from another key, tampered with, or expired are refused', async () => {
    const issuer = await AccessTokenIssuer.fromJwk(newJwk('k1'), 900);
    const stranger = await AccessTokenIssuer.fromJwk(newJwk('k1'), 900);
    const verifier = new AccessTokenVerifier(JSON.stringify(issuer.jwks));
    await expect(verifier.verify((await stranger.issue('u', ['PATIENT'], 's')).token)).rejects.toThrow();
    const [header, payload, signature] = (await issuer.issue('u', ['PATIENT'], 's')).token.split('.');
    const elevated = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['PLATFORM_ADMIN'] })).toString('base64url');
    await expect(verifier.verify(`${header}.${elevated}.${signature}`)).rejects.toThrow();
    const shortLived = await AccessTokenIssuer.fromJwk(newJwk('k2'), 1);
    const token = (await shortLived.issue('u', ['PATIENT'], 's')).token;
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(new AccessTokenVerifier(JSON.stringify(shortLived.jwks)).verify(token)).rejects.toThrow();
  });
});
