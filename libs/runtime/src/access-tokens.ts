// Access tokens: ES256 JWTs issued by the users subgraph, verified by the router against the users
// subgraph's JWKS (or a configured key). The payload maps one-to-one onto Claims. Keys are found by
// `kid`, so the signing key can be rotated while tokens signed by the previous one stay valid: the
// JWKS serves both during the overlap, and the verifier fetches it again when it meets a new kid.
import {
  createLocalJWKSet, errors, importJWK, jwtVerify, SignJWT, type CompactJWSHeaderParameters, type FlattenedJWSInput, type JSONWebKeySet, type JWK, type JWTPayload,
} from 'jose';
import { scopesForRoles, type Claims, type Role } from './claims.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

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

  private otherKeys: JWK[] = [];

  /**
   * `otherPublicJwksJson`: public keys served in the JWKS beside the signing key's (a JSON array or a
   * JWKS): the previous signing keys while their tokens may still be alive, and the next one ahead of
   * a rotation across several replicas. Each needs its own kid; private halves are refused.
   */
  static async fromJwk(privateJwkJson: string, ttlSeconds: number, otherPublicJwksJson = '[]') {
    const jwk = JSON.parse(privateJwkJson) as JWK;
    if (!jwk.kid) throw new Error('JWT_PRIVATE_JWK needs a kid');
    const { d: _private, ...publicJwk } = jwk;
    const key = (await importJWK({ ...jwk, alg: 'ES256' }, 'ES256'));
    const issuer = new AccessTokenIssuer(key, jwk.kid, { ...publicJwk, alg: 'ES256', use: 'sig' }, ttlSeconds);
    issuer.otherKeys = await publicKeysOf(otherPublicJwksJson, jwk.kid);
    return issuer;
  }

  get kidInUse() {
    return this.kid;
  }

  get jwks(): JSONWebKeySet {
    return { keys: [this.publicJwk, ...this.otherKeys] };
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

/** The public keys of JWT_EXTRA_PUBLIC_JWKS, checked: ES256 public keys, each with a kid of its own. */
async function publicKeysOf(json: string, signingKid: string): Promise<JWK[]> {
  const parsed = JSON.parse(json) as JWK[] | JSONWebKeySet;
  const keys = Array.isArray(parsed) ? parsed : parsed.keys;
  if (!Array.isArray(keys)) throw new Error('JWT_EXTRA_PUBLIC_JWKS must be a JSON array of public JWKs (or a JWKS)');
  const kids = new Set([signingKid]);
  return Promise.all(
    keys.map(async (key) => {
      if (!key.kid) throw new Error('JWT_EXTRA_PUBLIC_JWKS: every key needs a kid');
      if (kids.has(key.kid)) throw new Error(`JWT_EXTRA_PUBLIC_JWKS: kid ${key.kid} is used twice (or is the signing key's)`);
      if ('d' in key) throw new Error(`JWT_EXTRA_PUBLIC_JWKS: key ${key.kid} holds a private half; give its public half only`);
      kids.add(key.kid);
      await importJWK({ ...key, alg: 'ES256' }, 'ES256');
      return { ...key, alg: 'ES256', use: 'sig' };
    }),
  );
}

export interface RemoteKeySetOptions {
  /** how often the key set is fetched again, at the latest (keys removed from the JWKS stop verifying by then) */
  refreshIntervalMs: number;
  /** fetches for unknown kids are at least this far apart, so forged kids cannot make the verifier hammer users */
  minRefreshGapMs: number;
  logger?: Logger;
  metrics?: Metrics;
}

/**
 * The users subgraph's JWKS, fetched once and kept. A token whose kid is not in it causes one more
 * fetch, at most one per `minRefreshGapMs` whatever the number of such tokens: a token arriving in
 * the gap waits for the next fetch (shared by all waiting) rather than being refused, so the first
 * tokens of a new key pass however soon they come. A kid still unknown after it is refused.
 */
export class RemoteKeySet {
  private keys: ReturnType<typeof createLocalJWKSet> | null = null;
  private kids = new Set<string>();
  private lastAttempt = 0;
  private lastSuccess = 0;
  /** fetches begun, and the number of the last one finished: a token waits for a fetch begun after it came */
  private fetchesBegun = 0;
  private fetchesDone = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    private readonly options: RemoteKeySetOptions,
  ) {}

  /** jose's key lookup: by kid, fetching again for a kid it does not know */
  getKey = async (header: CompactJWSHeaderParameters, token: FlattenedJWSInput) => {
    const arrived = this.fetchesBegun;
    if (!this.keys) await this.refresh();
    else if (Date.now() - this.lastSuccess > this.options.refreshIntervalMs) void this.refresh();
    // A fetch already under way when the token came may have read the JWKS before its key was in it
    // (users restarting with a new key): the token waits for one begun after it.
    while (header.kid !== undefined && !this.kids.has(header.kid) && this.fetchesDone <= arrived) await this.refresh();
    if (!this.keys) throw new errors.JWKSNoMatchingKey();
    return this.keys(header, token);
  };

  /** One fetch at a time, and never sooner than the gap after the last one began (waiting until then). */
  refresh(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const wait = Math.max(0, this.lastAttempt + this.options.minRefreshGapMs - Date.now());
    this.inFlight = (async () => {
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.lastAttempt = Date.now();
      const number = ++this.fetchesBegun;
      this.options.metrics?.increment('jwks_fetches');
      try {
        const response = await fetch(this.url, { signal: AbortSignal.timeout(5_000) });
        if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
        const jwks = (await response.json()) as JSONWebKeySet;
        if (!Array.isArray(jwks.keys)) throw new Error('JWKS without keys');
        this.keys = createLocalJWKSet(jwks);
        const kids = new Set(jwks.keys.flatMap((key) => (key.kid ? [key.kid] : [])));
        if ([...kids].join() !== [...this.kids].join()) this.options.logger?.info({ kids: [...kids] }, 'access-token keys changed');
        this.kids = kids;
        this.lastSuccess = Date.now();
      } catch (error) {
        // The keys known so far keep verifying; the next unknown kid or interval tries again.
        this.options.metrics?.increment('jwks_fetch_failures');
        this.options.logger?.warn({ err: error }, 'access-token keys could not be fetched');
      }
      this.fetchesDone = number;
    })().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }
}

export class AccessTokenVerifier {
  private readonly keys: RemoteKeySet['getKey'] | ReturnType<typeof createLocalJWKSet>;

  /** `source`: the JWKS URL (fetched as RemoteKeySet says), or a JWKS / public JWK as JSON */
  constructor(source: string, remote: RemoteKeySetOptions = { refreshIntervalMs: 300_000, minRefreshGapMs: 5_000 }) {
    if (source.startsWith('http')) {
      this.keys = new RemoteKeySet(source, remote).getKey;
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
