// OAuth2 client credentials, as Celcoin's POST /v5/token: credentials in a Basic header (or the form),
// an opaque bearer token back. Every other Celcoin endpoint checks that token.
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { json, type Route } from '@medpay/simulation';
import type { SimulatorContext } from './context.js';

function clientCredentials(headers: IncomingHttpHeaders, form: URLSearchParams): { id: string; secret: string } | null {
  const header = headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : null;
}

export function hasValidBearer(context: SimulatorContext, headers: IncomingHttpHeaders): boolean {
  const header = headers.authorization;
  if (!header?.startsWith('Bearer ')) return false;
  const expiresAt = context.state.tokens.get(header.slice(7));
  return expiresAt !== undefined && expiresAt > Date.now();
}

export function authRoutes(context: SimulatorContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v5/token',
      api: true,
      handler: (request) => {
        const form = new URLSearchParams(request.body.toString('utf8'));
        if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' });
        const credentials = clientCredentials(request.headers, form);
        if (!credentials || credentials.id !== context.settings.clientId || credentials.secret !== context.settings.clientSecret) {
          return json(401, { error: 'invalid_client', error_description: 'Unknown client or wrong secret' });
        }
        const accessToken = randomBytes(32).toString('base64url');
        context.state.tokens.set(accessToken, Date.now() + context.settings.tokenTtlSeconds * 1000);
        context.state.tokenRequests += 1;
        return json(200, { access_token: accessToken, expires_in: context.settings.tokenTtlSeconds, token_type: 'Bearer' });
      },
    },
  ];
}
