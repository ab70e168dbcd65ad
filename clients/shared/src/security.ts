// What each app's proxy (src/proxy.ts) does for every page: a Content-Security-Policy with a fresh
// nonce (Next.js puts it on its own scripts when the request carries the policy), scripts only from
// this origin, network only to this origin, the router (HTTP and WebSocket) and the card tokenizer,
// no frames, but ClickSign's signing pages in the patient app.
import { NextResponse, type NextRequest } from 'next/server';
import { clientConfigFromEnv, signingOriginFromEnv } from './server';

/** The origins the browser may connect to besides this one: the router (http and ws) and the tokenizer. */
function connectSources(): string[] {
  const { routerUrl, cardTokenizeUrl } = clientConfigFromEnv();
  const router = new URL(routerUrl);
  const socket = `${router.protocol === 'https:' ? 'wss:' : 'ws:'}//${router.host}`;
  return [router.origin, socket, new URL(cardTokenizeUrl).origin];
}

export function contentSecurityPolicy(nonce: string, frameSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React's style attributes are inline styles; no script can ride on them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connectSources().join(' ')}`,
    `frame-src ${frameSources.length > 0 ? frameSources.join(' ') : "'none'"}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The proxy of the clinic dashboard and the admin panel: they frame nothing. */
export const securityProxy = (request: NextRequest) => respondWithPolicy(request, []);

let signingOrigin: string | undefined;
/** The patient app's: ClickSign's signing page is framed in the payment page (a crediário's contract). */
export const patientSecurityProxy = (request: NextRequest) => respondWithPolicy(request, [(signingOrigin ??= signingOriginFromEnv())]);

function respondWithPolicy(request: NextRequest, frameSources: readonly string[]) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy(nonce, frameSources);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

/**
 * Whether a session request comes from this app's own pages. APP_ORIGINS (set by `npm start` and
 * docker-compose) lists the app's public origins; the Host header is not trusted for it.
 */
export function isOwnOrigin(origin: string | null): boolean {
  if (!origin) return false;
  const allowed = (process.env.APP_ORIGINS ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  return allowed.includes(origin);
}
