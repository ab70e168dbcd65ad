// An ES256 key pair for the benchmarks' router, and access tokens signed with it: the router gets
// the public half as JWT_JWKS (JSON), so it verifies every request exactly as in production.
import { AccessTokenIssuer, type Role } from '@medpay/runtime';
import { generateKeyPairSync, randomBytes } from 'node:crypto';

export async function createTokenIssuer(ttlSeconds = 3600) {
  const privateJwk = JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid: 'bench' });
  const issuer = await AccessTokenIssuer.fromJwk(privateJwk, ttlSeconds);
  return {
    privateJwk,
    jwks: JSON.stringify(issuer.jwks),
    issue: async (userId: string, roles: Role[]) => (await issuer.issue(userId, roles, randomBytes(8).toString('hex'))).token,
  };
}
