// The caller's verified identity, as the router forwards it to subgraphs. The header value is the
// JSON claims and an HMAC-SHA256 over them with INTERNAL_CLAIMS_SECRET, so a subgraph called
// directly cannot be handed forged claims.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from './errors.js';

export const CLAIMS_HEADER = 'x-medpay-claims';

export type Role = 'PATIENT' | 'CLINIC_STAFF' | 'PLATFORM_ADMIN';

export interface Claims {
  /** user id, or the API key id for a partner system */
  sub: string;
  kind: 'user' | 'partner' | 'service' | 'anonymous';
  roles: Role[];
  scopes: string[];
  /** the session (refresh-token family) the access token belongs to */
  sid?: string;
  /** for partner keys: the one clinic the key acts for */
  clinicId?: string;
  /** expiry, seconds since the epoch */
  exp: number;
}

/** The one test of "is this caller a platform admin" (subgraphs, the router, the policies). */
export const isPlatformAdmin = (claims: Pick<Claims, 'roles'> | null | undefined): boolean => claims?.roles.includes('PLATFORM_ADMIN') === true;

/**
 * What a clinic can do through the graph, scope by scope. Clinic staff hold every one (their roles and
 * the policies decide which clinic); a partner key holds the ones chosen when it was created.
 */
export const PARTNER_SCOPES = ['payments:read', 'payments:refund', 'payments:confirm', 'catalog:write', 'events:subscribe', 'payment-links:write'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/** Scopes follow from roles; a token never carries more than its roles give. */
export function scopesForRoles(roles: Role[]): string[] {
  const scopes = new Set<string>();
  for (const role of roles) {
    if (role === 'PATIENT') scopes.add('patient');
    if (role === 'CLINIC_STAFF') ['clinic', ...PARTNER_SCOPES].forEach((scope) => scopes.add(scope));
    if (role === 'PLATFORM_ADMIN') scopes.add('admin');
  }
  return [...scopes];
}

const hmac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function signClaims(claims: Claims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${hmac(secret, payload)}`;
}

/** Verified claims, null for an anonymous request (no header), or an INVALID_CLAIMS error. */
export function verifyClaims(header: string | undefined, secret: string, now = Date.now()): Claims | null {
  if (header === undefined || header === '') return null;
  const invalid = () => new AppError('INVALID_CLAIMS', 'Credenciais internas inválidas.');
  const [payload, signature, extra] = header.split('.');
  if (!payload || !signature || extra !== undefined) throw invalid();
  const expected = Buffer.from(hmac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) throw invalid();
  return claims;
}

/**
 * What the router forwards for a caller with no credentials. Subgraphs answer only signed claims, so
 * even an anonymous request proves it came through the router (and its limits).
 */
export function anonymousClaims(ttlSeconds = 300): Claims {
  return { sub: 'anonymous', kind: 'anonymous', roles: [], scopes: [], exp: Math.floor(Date.now() / 1000) + ttlSeconds };
}

/**
 * The caller behind a request that reached a subgraph: the router's signed claims are required (a
 * request without them did not come through the router); anonymous callers come back as null.
 */
export function verifyRouterClaims(header: string | undefined, secret: string, now = Date.now()): Claims | null {
  const claims = verifyClaims(header, secret, now);
  if (!claims) throw new AppError('INVALID_CLAIMS', 'Este serviço atende apenas chamadas do roteador.');
  return claims.kind === 'anonymous' ? null : claims;
}

/** Claims one of our services presents to another's internal endpoints. */
export function serviceClaims(service: string, ttlSeconds = 60): Claims {
  return { sub: service, kind: 'service', roles: [], scopes: ['internal'], exp: Math.floor(Date.now() / 1000) + ttlSeconds };
}

/** Verifies that an internal endpoint is called by one of our services. */
export function assertServiceCall(header: string | string[] | undefined, secret: string): Claims {
  const claims = verifyClaims(typeof header === 'string' ? header : undefined, secret);
  if (claims?.kind !== 'service') throw new AppError('FORBIDDEN', 'Endpoint interno.');
  return claims;
}
