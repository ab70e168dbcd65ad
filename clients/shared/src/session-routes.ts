// Server side of the session (Next route handlers under /api/session/[action]). The refresh token
// lives only in an httpOnly, SameSite=Strict cookie scoped to /api/session: page scripts never see it,
// so an XSS cannot carry a session away. The browser keeps only the short-lived access token, in
// memory, and asks these handlers for a new one (silent refresh) when it nears expiry or on reload.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { LoginMutation, Role } from './graphql/graphql';
import { ConfirmSignUpDocument, LoginDocument, LogoutDocument, RefreshSessionDocument, RegisterPatientDocument } from './operations';
import { isOwnOrigin } from './security';
import { persistedQueryOf } from './trusted-documents';

export interface SessionRoutesOptions {
  /** cookie name: one per app, because browsers share cookies across ports of a host */
  app: 'patient' | 'provider' | 'admin';
  /** roles allowed into the app; a login without any of them is refused and its session ended */
  roles?: Role[];
  /**
   * whether the app signs patients up (the patient app only): /api/session/register starts a sign-up
   * (no session: the account waits for its e-mail to be confirmed) and /api/session/confirm confirms
   * it with the e-mail's token and the password, opening the session
   */
  registration?: boolean;
  /** message shown when a login lacks the roles */
  forbiddenMessage?: string;
}

export type SessionUser = NonNullable<LoginMutation['login']>['user'];

export interface SessionBody {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

/** What /api/session/register answers: the same for every valid sign-up. */
export interface SignUpBody {
  message: string;
}

interface GraphQLFailure {
  message: string;
  extensions?: { code?: string };
}

class SessionFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const statusOf: Record<string, number> = {
  UNAUTHENTICATED: 401, INVALID_CREDENTIALS: 401, INVALID_REFRESH_TOKEN: 401, REFRESH_TOKEN_REUSED: 401,
  FORBIDDEN: 403, ACCOUNT_LOCKED: 403, TOO_MANY_ATTEMPTS: 429,
};

const routerUrl = () => `${process.env.ROUTER_URL ?? 'http://127.0.0.1:4000'}/graphql`;

async function callRouter<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables, request: Request, accessToken?: string): Promise<Result> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  // The router throttles logins by client address: pass on the browser's, not ours.
  const forwarded = request.headers.get('x-forwarded-for');
  if (forwarded) headers['x-forwarded-for'] = forwarded;
  let response: Response;
  try {
    // The operation's id, as the apps' pages send theirs (trusted-documents.ts).
    const body = JSON.stringify({ variables, extensions: { persistedQuery: persistedQueryOf(document) } });
    response = await fetch(routerUrl(), { method: 'POST', headers, body, cache: 'no-store' });
  } catch {
    throw new SessionFailure(503, 'SERVICE_UNAVAILABLE', 'Serviço indisponível. Tente novamente em instantes.');
  }
  const body = (await response.json().catch(() => ({}))) as { data?: Result; errors?: GraphQLFailure[] };
  const error = body.errors?.[0];
  if (error || !body.data) {
    const code = error?.extensions?.code ?? 'INTERNAL';
    const status = statusOf[code] ?? (response.status >= 500 ? 502 : 400);
    throw new SessionFailure(status, code, error?.message ?? 'Não foi possível concluir. Tente novamente.');
  }
  return body.data;
}

function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function setCookie(response: Response, request: Request, name: string, value: string, maxAgeSeconds: number) {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  response.headers.append('set-cookie', `${name}=${encodeURIComponent(value)}; Path=/api/session; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`);
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

/** `export const { POST } = createSessionRoutes({...})` in app/api/session/[action]/route.ts */
export function createSessionRoutes(options: SessionRoutesOptions) {
  const cookie = `medpay_${options.app}_refresh`;
  const refreshMaxAge = 30 * 24 * 3600;

  async function open(request: Request, payload: { accessToken: string; refreshToken: string; expiresIn: number; user: SessionUser }) {
    if (options.roles && !payload.user.roles.some((role) => options.roles!.includes(role))) {
      await callRouter(LogoutDocument, {}, request, payload.accessToken).catch(() => undefined);
      throw new SessionFailure(403, 'FORBIDDEN', options.forbiddenMessage ?? 'Sua conta não tem acesso a esta área.');
    }
    const response = json(200, { accessToken: payload.accessToken, expiresIn: payload.expiresIn, user: payload.user } satisfies SessionBody);
    setCookie(response, request, cookie, payload.refreshToken, refreshMaxAge);
    return response;
  }

  /** The versions of the legal texts the person accepted on the sign-up page (LGPD consent), passed on as sent. */
  function acceptedTermsOf(value: unknown): { termsVersion: string; privacyPolicyVersion: string } | null {
    if (!value || typeof value !== 'object') return null;
    const { termsVersion, privacyPolicyVersion } = value as Record<string, unknown>;
    return { termsVersion: String(termsVersion ?? ''), privacyPolicyVersion: String(privacyPolicyVersion ?? '') };
  }

  async function handle(request: Request, action: string): Promise<Response> {
    // CSRF: the cookie is SameSite=Strict, and these handlers answer only JSON posts from the app's own
    // origins (compared exactly, never against the request's own Host header).
    if (!isOwnOrigin(request.headers.get('origin'))) throw new SessionFailure(403, 'FORBIDDEN', 'Origem não permitida.');
    const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') throw new SessionFailure(415, 'BAD_REQUEST', 'Envie JSON.');
    const input = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    switch (action) {
      case 'login': {
        const { login } = await callRouter(LoginDocument, { input: { email: String(input.email ?? ''), password: String(input.password ?? '') } }, request);
        return open(request, login!);
      }
      case 'register': {
        if (!options.registration) break;
        const { registerPatient } = await callRouter(
          RegisterPatientDocument,
          { input: { name: String(input.name ?? ''), email: String(input.email ?? ''), password: String(input.password ?? ''), cpf: String(input.cpf ?? ''), phone: input.phone ? String(input.phone) : null, acceptedTerms: acceptedTermsOf(input.acceptedTerms) } },
          request,
        );
        return json(200, { message: registerPatient!.message } satisfies SignUpBody);
      }
      case 'confirm': {
        if (!options.registration) break;
        const { confirmSignUp } = await callRouter(ConfirmSignUpDocument, { token: String(input.token ?? ''), password: String(input.password ?? '') }, request);
        return open(request, confirmSignUp!);
      }
      case 'refresh': {
        const refreshToken = cookieOf(request, cookie);
        if (!refreshToken) throw new SessionFailure(401, 'UNAUTHENTICATED', 'Sessão encerrada.');
        try {
          const { refreshSession } = await callRouter(RefreshSessionDocument, { refreshToken }, request);
          return await open(request, refreshSession!);
        } catch (error) {
          const failure = error instanceof SessionFailure ? error : new SessionFailure(401, 'UNAUTHENTICATED', 'Sessão encerrada.');
          const response = json(failure.status, { error: { code: failure.code, message: failure.message } });
          // A refused token is gone for good; keep it only through an outage.
          if (failure.status < 500) setCookie(response, request, cookie, '', 0);
          return response;
        }
      }
      case 'logout': {
        const accessToken = request.headers.get('authorization')?.replace(/^Bearer /, '');
        if (accessToken) await callRouter(LogoutDocument, {}, request, accessToken).catch(() => undefined);
        const response = json(200, { ok: true });
        setCookie(response, request, cookie, '', 0);
        return response;
      }
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'Não encontrado.' } });
  }

  return {
    async POST(request: Request, { params }: { params: Promise<{ action: string }> }) {
      try {
        return await handle(request, (await params).action);
      } catch (error) {
        const failure = error instanceof SessionFailure ? error : new SessionFailure(500, 'INTERNAL', 'Não foi possível concluir. Tente novamente.');
        return json(failure.status, { error: { code: failure.code, message: failure.message } });
      }
    },
  };
}
