// A live connection (a WebSocket, an event stream) lasts as long as the credentials it opened with:
// it ends when the access token expires (a partner's API key is checked again instead, and the
// connection goes on while the key is valid), and at once when the session or the key is revoked.
import type { Claims } from '@medpay/runtime';
import type { IncomingHttpHeaders } from 'node:http';
import type { CallerAuthenticator } from './caller.js';
import type { Revocations } from './revocations.js';

/** setTimeout's longest delay; a later expiry is scheduled in steps */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface LiveCredentials {
  claims: Claims | null;
  credentials: IncomingHttpHeaders;
  authenticator: CallerAuthenticator;
  revocations: Revocations;
  /** a partner's key checked again and still valid: its fresh claims */
  renewed?: (claims: Claims) => void;
  /** the connection must end, for this reason (pt-BR) */
  end: (reason: string) => void;
}

/** Watches the credentials until they lapse (then `end`) or the returned function is called. */
export function watchCredentials({ claims, credentials, authenticator, revocations, renewed, end }: LiveCredentials): () => void {
  let timer: NodeJS.Timeout | undefined;
  const schedule = (current: Claims | null) => {
    if (!current) return;
    const delay = current.exp * 1000 - Date.now();
    timer = setTimeout(async () => {
      if (current.exp * 1000 > Date.now()) return schedule(current);
      if (current.kind !== 'partner') return end('Token expirado');
      try {
        const fresh = await authenticator.authenticate(credentials);
        if (fresh) renewed?.(fresh);
        schedule(fresh);
      } catch {
        end('Chave de API revogada');
      }
    }, Math.max(0, Math.min(delay, MAX_TIMER_MS)));
    timer.unref();
  };
  schedule(claims);
  const unwatch = revocations.watch(claims, () => end(claims?.kind === 'partner' ? 'Chave de API revogada' : 'Sessão encerrada'));
  return () => {
    clearTimeout(timer);
    unwatch();
  };
}
