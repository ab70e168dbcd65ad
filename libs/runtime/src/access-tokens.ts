// Access tokens: ES256 JWTs issued by the users subgraph, verified by the router against the users
// subgraph's JWKS (or a configured key). The payload maps one-to-one onto Claims.
import { createLocalJWKSet, createRemoteJWKSet, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { scopesForRoles, type Claims, type Role } from './claims.js';

export const TOKEN_ISSUER = 'medpay-users';
export const TOKEN_AUDIENCE = 'medpay';

interface AccessTokenPayload extends JWTPayload {
  roles: Role[];
  sid: string;
}

export class AccessTokenIssuer {
  private constructor(
    private readonly key: Awaited<ReturnType<typeof importJWK>>,
    private readonly kid: string,
    readonly publicJwk: JWK,
    private readonly ttlSeconds: number,
  ) {}

  static async fromJwk(privateJwkJson: string, ttlSeconds: number) {
    const jwk = JSON.parse(privateJwkJson) as JWK;
    if (!jwk.kid) throw new Error('JWT_PRIVATE_JWK needs a kid');
    const { d: _private, ...publicJwk } = jwk;
    const key = (await importJWK({ ...jwk, alg: 'ES256' }, 'ES256'));
    return new AccessTokenIssuer(key, jwk.kid, { ...publicJwk, alg: 'ES256', use: 'sig' }, ttlSeconds);
  }

  get jwks() {
    return { keys: [this.publicJwk] };
  }

  async issue(userId: string, roles: Role[], sessionId: string): Promise<{ token: string; expiresIn: number }> {
    const token = await new SignJWT({ roles, sid: sessionId } satisfies Omit<AccessTokenPayload, keyof JWTPayload>)
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'at+jwt' })
      .setSubject(userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
    return { token, expiresIn: this.ttlSeconds };
  }
}

export class AccessTokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;

  /** `source`: the JWKS URL, or a JWKS / public JWK as JSON */
  constructor(source: string) {
    if (source.startsWith('http')) {
      this.keys = createRemoteJWKSet(new URL(source), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    } else {
      const parsed = JSON.parse(source) as JWK | { keys: JWK[] };
      this.keys = createLocalJWKSet('keys' in parsed ? parsed : { keys: [parsed] });
    }
  }

  /** Verified claims; throws (jose's errors) for a bad, expired or foreign token. */
  async verify(token: string): Promise<Claims> {
    const { payload } = await jwtVerify<AccessTokenPayload>(token, this.keys, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['ES256'], typ: 'at+jwt' });
    if (!payload.sub || !Array.isArray(payload.roles) || typeof payload.exp !== 'number') throw new Error('malformed access token');
    return { sub: payload.sub, kind: 'user', roles: payload.roles, scopes: scopesForRoles(payload.roles), sid: payload.sid, exp: payload.exp };
  }
}
