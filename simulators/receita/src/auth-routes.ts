// OAuth2 client credentials as Serpro's API gateway (WSO2 API Manager) does it: `POST /token` with the
// consumer key and secret as Basic credentials and `grant_type=client_credentials` in the form; an
// opaque bearer token back, which every consultation must carry.
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { json, parseForm, type Route } from '@medpay/simulation';
import type { SimulatorContext } from './context.js';

const digest = (value: string) => createHash('sha256').update(value).digest();
const same = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

function basicCredentials(headers: IncomingHttpHeaders): { key: string; secret: string } | null {
  const header = headers.authorization;
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) } : null;
}

/** The client application a valid bearer token was issued to, or null. */
export function bearerClient(context: SimulatorContext, headers: IncomingHttpHeaders): string | null {
  const header = headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  const grant = context.state.tokens.get(header.slice(7));
  return grant && grant.expiresAt > Date.now() ? grant.clientId : null;
}

export function authRoutes(context: SimulatorContext): Route[] {
  const { state, settings } = context;
  return [
    {
      method: 'POST',
      pattern: '/token',
      api: true,
      handler: (request) => {
        const credentials = basicCredentials(request.headers);
        if (!credentials || !same(credentials.key, settings.consumerKey) || !same(credentials.secret, settings.consumerSecret)) {
          return json(401, { error: 'invalid_client', error_description: 'Client Authentication failed.' });
        }
        if (parseForm(request).get('grant_type') !== 'client_credentials') {
          return json(400, { error: 'unsupported_grant_type', error_description: 'Unsupported grant_type value' });
        }
        const accessToken = randomBytes(16).toString('hex');
        state.tokens.set(accessToken, { clientId: credentials.key, expiresAt: Date.now() + settings.tokenTtlSeconds * 1000 });
        state.tokenRequests += 1;
        return json(200, { scope: 'am_application_scope default', token_type: 'Bearer', expires_in: settings.tokenTtlSeconds, access_token: accessToken });
      },
    },
  ];
}
