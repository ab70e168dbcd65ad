// Who is calling: a user with an access token (Authorization: Bearer), a partner system with an API
// key (X-Api-Key, checked with the providers subgraph and cached briefly), or nobody.
import { verifyApiKey } from '@medpay/contracts';
import { AccessTokenVerifier, AppError, InternalClient, type Claims, type Logger } from '@medpay/runtime';
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Revocations } from './revocations.js';

export const API_KEY_HEADER = 'x-api-key';

/** Cached claims are shared by every request of a token (and signed once): none may change them. */
const freeze = (claims: Claims): Claims => Object.freeze({ ...claims, roles: Object.freeze([...claims.roles]) as Claims['roles'], scopes: Object.freeze([...claims.scopes]) as string[] });

const invalidToken = () => new AppError('UNAUTHENTICATED', 'Sessão inválida ou expirada. Entre novamente.');
const invalidKey = () => new AppError('INVALID_API_KEY', 'Chave de API inválida ou revogada.');

/** Verified access tokens kept at once; past it the oldest are forgotten (and verified again if seen). */
const VERIFIED_TOKENS_KEPT = 10_000;

export class CallerAuthenticator {
  private readonly apiKeys = new Map<string, { claims: Claims | null; until: number }>();
  /**
   * Tokens already verified, by their exact text: the signature of a given text verifies once and for
   * all, so only the expiry is checked again (ES256 verification is the costliest step of a request).
   */
  private readonly verifiedTokens = new Map<string, Claims>();

  private readonly providers: InternalClient;

  constructor(
    private readonly tokens: AccessTokenVerifier,
    providersUrl: string | (() => string),
    internalSecret: string,
    private readonly apiKeyCacheMs: number,
    private readonly revocations: Revocations,
    private readonly logger: Logger,
  ) {
    this.providers = new InternalClient(providersUrl, 'router', internalSecret);
  }

  /** The caller's claims, null for anonymous; throws for credentials that do not verify or were revoked. */
  async authenticate(headers: IncomingHttpHeaders): Promise<Claims | null> {
    const claims = await this.identify(headers);
    if (this.revocations.isRevoked(claims)) throw claims?.kind === 'partner' ? invalidKey() : invalidToken();
    return claims;
  }

  private async identify(headers: IncomingHttpHeaders): Promise<Claims | null> {
    const authorization = headers.authorization;
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw invalidToken();
      const known = this.verifiedTokens.get(token);
      if (known && known.exp * 1000 > Date.now()) return known;
      let claims: Claims;
      try {
        claims = freeze(await this.tokens.verify(token));
      } catch {
        if (known) this.verifiedTokens.delete(token);
        throw invalidToken();
      }
      this.verifiedTokens.set(token, claims);
      if (this.verifiedTokens.size > VERIFIED_TOKENS_KEPT) this.verifiedTokens.delete(this.verifiedTokens.keys().next().value!);
      return claims;
    }
    const apiKey = headers[API_KEY_HEADER];
    if (typeof apiKey === 'string' && apiKey) return this.partner(apiKey);
    return null;
  }

  private async partner(key: string): Promise<Claims> {
    const id = createHash('sha256').update(key).digest('hex');
    const cached = this.apiKeys.get(id);
    if (cached && cached.until > Date.now()) {
      if (!cached.claims) throw invalidKey();
      return cached.claims;
    }
    let found: { apiKeyId: string; clinicId: string; scopes: string[] } | null;
    try {
      found = await this.providers.call(verifyApiKey, { key });
    } catch (error) {
      this.logger.error({ err: error }, 'API key verification failed');
      throw new AppError('INTERNAL_SERVER_ERROR', 'Não foi possível verificar a chave de API agora.');
    }
    const expires = Date.now() + this.apiKeyCacheMs;
    const claims: Claims | null = found
      ? { sub: found.apiKeyId, kind: 'partner', roles: [], scopes: ['clinic', 'partner', ...found.scopes], clinicId: found.clinicId, exp: Math.floor(expires / 1000) + 60 }
      : null;
    // Unknown keys are remembered for a shorter time, so a key created a moment ago works soon.
    this.apiKeys.set(id, { claims, until: found ? expires : Date.now() + Math.min(this.apiKeyCacheMs, 5_000) });
    if (this.apiKeys.size > 10_000) this.apiKeys.delete(this.apiKeys.keys().next().value!);
    if (!claims) throw invalidKey();
    return claims;
  }
}
