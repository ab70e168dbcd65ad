'use client';
// Client side of the session: the access token in memory only, restored and renewed through the app's
// /api/session handlers (which hold the refresh token in an httpOnly cookie). Renewals are serialized
// across tabs with the Web Locks API, since a refresh token is single-use and a reused one ends the
// session.
import { usePathname, useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionBody, SessionUser, SignUpBody } from './session-routes';

export class SessionError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'authenticated'; user: SessionUser };

interface SessionApi {
  state: SessionState;
  user: SessionUser | null;
  /** the current access token, for the GraphQL links (read at each request) */
  accessToken(): string | null;
  login(email: string, password: string): Promise<SessionUser>;
  /**
   * starts a sign-up: no session until its e-mail is confirmed; the message to show. `acceptedTerms`:
   * the versions of the terms and privacy policy the person accepted (LGPD consent).
   */
  register(input: { name: string; email: string; password: string; cpf: string; phone?: string; acceptedTerms?: { termsVersion: string; privacyPolicyVersion: string } }): Promise<string>;
  /** confirms a sign-up with its e-mail's token and the password chosen, and opens the session */
  confirmSignUp(token: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

async function post<Body = SessionBody>(action: string, body: unknown, accessToken?: string | null): Promise<Body> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  let response: Response;
  try {
    response = await fetch(`/api/session/${action}`, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new SessionError('NETWORK', 'Sem conexão. Verifique sua internet e tente novamente.');
  }
  const payload = (await response.json().catch(() => ({}))) as Body & { error?: { code: string; message: string } };
  if (!response.ok) throw new SessionError(payload.error?.code ?? 'INTERNAL', payload.error?.message ?? 'Não foi possível concluir. Tente novamente.');
  return payload;
}

const withRefreshLock = async (task: () => Promise<SessionBody>): Promise<SessionBody> =>
  typeof navigator !== 'undefined' && navigator.locks ? await navigator.locks.request('medpay-session-refresh', task) : task();

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const token = useRef<{ value: string; expiresAt: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const adopt = useCallback((session: SessionBody | null) => {
    clearTimeout(timer.current);
    if (!session) {
      token.current = null;
      setState({ status: 'anonymous' });
      return;
    }
    token.current = { value: session.accessToken, expiresAt: Date.now() + session.expiresIn * 1000 };
    setState((previous) => (previous.status === 'authenticated' && previous.user.id === session.user.id ? previous : { status: 'authenticated', user: session.user }));
    // Renew a minute before expiry (or halfway, for very short tokens).
    const renewIn = Math.max(session.expiresIn * 1000 - 60_000, (session.expiresIn * 1000) / 2);
    timer.current = setTimeout(() => void renew(), renewIn);
  }, []);

  const renew = useCallback(
    () =>
      withRefreshLock(() => post('refresh', {}))
        .then(adopt)
        .catch((error: unknown) => {
          // An outage keeps the session; a refused refresh ends it.
          if (error instanceof SessionError && (error.code === 'NETWORK' || error.code === 'SERVICE_UNAVAILABLE')) {
            timer.current = setTimeout(() => void renew(), 15_000);
            if (!token.current) setState({ status: 'anonymous' });
          } else adopt(null);
        }),
    [adopt],
  );

  useEffect(() => {
    void renew();
    return () => clearTimeout(timer.current);
  }, [renew]);

  const api = useMemo<SessionApi>(
    () => ({
      state,
      user: state.status === 'authenticated' ? state.user : null,
      accessToken: () => (token.current && token.current.expiresAt > Date.now() ? token.current.value : null),
      async login(email, password) {
        const session = await post('login', { email, password });
        adopt(session);
        return session.user;
      },
      async register(input) {
        return (await post<SignUpBody>('register', input)).message;
      },
      async confirmSignUp(token, password) {
        const session = await post('confirm', { token, password });
        adopt(session);
        return session.user;
      },
      async logout() {
        await post('logout', {}, token.current?.value).catch(() => undefined);
        adopt(null);
      },
    }),
    [state, adopt],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Renders its children for a logged-in user; sends anyone else to the login page and back. */
export function RequireSession({ children, loginPath = '/entrar' }: { children: ReactNode; loginPath?: string }) {
  const { state } = useSession();
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    if (state.status === 'anonymous') router.replace(`${loginPath}?voltar=${encodeURIComponent(pathname)}`);
  }, [state.status, router, pathname, loginPath]);
  if (state.status !== 'authenticated') return <p role="status" className="muted">Carregando…</p>;
  return <>{children}</>;
}

/** Ends the session and goes to `then` (the app's home or login page). */
export function LogoutButton({ then }: { then: string }) {
  const { logout } = useSession();
  const router = useRouter();
  return (
    <button
      type="button"
      className="link"
      onClick={async () => {
        await logout();
        router.push(then);
      }}
    >
      Sair
    </button>
  );
}
