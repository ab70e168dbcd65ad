// NinSaúde's OAuth2 token endpoint (POST /v1/oauth2/token, as public integrations call it): the password
// grant (account, username, password, accountUnit) starts a token family; the refresh grant rotates the
// refresh token on every use. A retry of a refresh whose answer was lost gets the same new pair while
// that pair is unused (and within the grace period); any other use of a spent refresh token is taken as
// theft and revokes the whole family (OAuth 2.0 Security BCP, refresh token rotation).
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { json, type Reply, type Route, type SimRequest } from '@medpay/simulation';
import type { NinSaudeContext } from './context.js';
import type { Account, AccessTokenRecord } from './state.js';

function bearer(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization && /^bearer\s+/i.test(authorization)) return authorization.replace(/^bearer\s+/i, '').trim();
  const header = headers['x-access-token'];
  return typeof header === 'string' ? header : undefined;
}

function liveAccessToken(context: NinSaudeContext, headers: IncomingHttpHeaders): AccessTokenRecord | undefined {
  const token = bearer(headers);
  const record = token ? context.data.accessTokens[token] : undefined;
  if (!record || record.expiresAt <= context.now() || context.data.revokedFamilies.includes(record.familyId)) return undefined;
  return context.data.accounts[record.account] ? record : undefined;
}

export const hasValidAccessToken = (context: NinSaudeContext) => (headers: IncomingHttpHeaders) => liveAccessToken(context, headers) !== undefined;

/** The account a valid access token opens; its first use retires the refresh token it was exchanged for. */
export function accountOf(context: NinSaudeContext, request: SimRequest): Account {
  const record = liveAccessToken(context, request.headers)!;
  const parent = record.parent ? context.data.refreshTokens[record.parent] : undefined;
  if (parent && !parent.successorUsed) {
    parent.successorUsed = true;
    context.save();
  }
  return context.data.accounts[record.account]!;
}

const refused = (context: NinSaudeContext, error: string, description: string): Reply => {
  context.data.stats.refusedTokenRequests += 1;
  return json(400, { error, error_description: description });
};

function tokenRequest(request: SimRequest): URLSearchParams {
  const text = request.body.toString('utf8');
  if (!String(request.headers['content-type'] ?? '').includes('application/json')) return new URLSearchParams(text);
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    return new URLSearchParams(Object.entries(body).map(([key, value]): [string, string] => [key, String(value)]));
  } catch {
    return new URLSearchParams();
  }
}

export function authRoutes(context: NinSaudeContext): Route[] {
  const { data, settings } = context;

  const issue = (account: string, familyId: string, parent?: string) => {
    const now = context.now();
    for (const [token, record] of Object.entries(data.accessTokens)) if (record.expiresAt < now - 86_400_000) delete data.accessTokens[token];
    const refreshToken = `nsr_${randomBytes(24).toString('base64url')}`;
    const accessToken = `nsa_${randomBytes(32).toString('hex')}`;
    data.refreshTokens[refreshToken] = { account, familyId, expiresAt: now + settings.refreshTokenTtlSeconds * 1000, successorUsed: false, ...(parent ? { parent } : {}) };
    data.accessTokens[accessToken] = { account, familyId, expiresAt: now + settings.accessTokenTtlSeconds * 1000, ...(parent ? { parent } : {}) };
    return { refreshToken, accessToken };
  };

  const answer = (pair: { refreshToken: string; accessToken: string }) => {
    const expiresAt = data.accessTokens[pair.accessToken]?.expiresAt ?? 0;
    return json(200, { access_token: pair.accessToken, refresh_token: pair.refreshToken, token_type: 'bearer', expires_in: Math.max(0, Math.ceil((expiresAt - context.now()) / 1000)) });
  };

  const passwordGrant = (form: URLSearchParams): Reply => {
    const account = data.accounts[form.get('account') ?? ''];
    const user = account?.users.find((candidate) => candidate.username === form.get('username') && candidate.password === form.get('password'));
    if (!account || !user) return refused(context, 'invalid_grant', 'Conta, usuário ou senha inválidos');
    if (Number(form.get('accountUnit') ?? account.unit.id) !== account.unit.id) return refused(context, 'invalid_grant', 'Unidade inexistente nesta conta');
    data.stats.passwordGrants += 1;
    return answer(issue(account.account, randomUUID()));
  };

  const refreshGrant = (form: URLSearchParams): Reply => {
    const token = form.get('refresh_token') ?? '';
    const record = data.refreshTokens[token];
    const now = context.now();
    if (!record || !data.accounts[record.account]) return refused(context, 'invalid_grant', 'Refresh token desconhecido');
    if (data.revokedFamilies.includes(record.familyId)) return refused(context, 'invalid_grant', 'Refresh token revogado');
    if (record.expiresAt <= now) return refused(context, 'invalid_grant', 'Refresh token expirado');
    if (record.successor) {
      const replayable = !record.successorUsed && now - record.successor.rotatedAt <= settings.refreshReuseGraceSeconds * 1000;
      if (replayable) {
        data.stats.refreshReplays += 1;
        return answer(record.successor);
      }
      data.revokedFamilies.push(record.familyId);
      data.stats.reuseDetections += 1;
      return refused(context, 'invalid_grant', 'Refresh token já utilizado: todos os tokens desta autorização foram revogados');
    }
    const pair = issue(record.account, record.familyId, token);
    record.successor = { ...pair, rotatedAt: now };
    // Exchanging this token is the first use of its own pair: the token before it can no longer be replayed.
    const parent = record.parent ? data.refreshTokens[record.parent] : undefined;
    if (parent) parent.successorUsed = true;
    data.stats.refreshGrants += 1;
    return answer(pair);
  };

  return [
    {
      method: 'POST',
      pattern: '/v1/oauth2/token',
      api: true,
      handler: (request) => {
        const form = tokenRequest(request);
        const grant = form.get('grant_type') ?? (typeof request.headers['x-grant-type'] === 'string' ? request.headers['x-grant-type'] : undefined);
        if (grant === 'password') return passwordGrant(form);
        if (grant === 'refresh_token') return refreshGrant(form);
        return refused(context, 'unsupported_grant_type', 'grant_type deve ser password ou refresh_token');
      },
    },
  ];
}
