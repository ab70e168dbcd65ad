// Ends live connections whose session was revoked (logout, a reused refresh token). An HTTP request
// lives seconds, so the router only verifies its token; a WebSocket lives until the token expires, so
// with REDIS_URL the router also checks, every SESSION_CHECK_SECONDS, that each connection's session
// is still open. Sessions are the users subgraph's records in the same Redis (subgraphs/users
// SessionStore: `family:<session id>` under the users store's prefix), read here and never written.
import type { Logger } from '@medpay/runtime';
import { Redis } from 'ioredis';

export const SESSION_KEY_PREFIX = 'medpay:users:family:';

export class SessionWatch {
  private readonly watched = new Map<string, Set<() => void>>();
  private readonly timer: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly redis: Redis,
    intervalMs: number,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  static connect(redisUrl: string, intervalMs: number, logger: Logger) {
    return new SessionWatch(new Redis(redisUrl, { maxRetriesPerRequest: 3 }), intervalMs, logger);
  }

  /** Calls `onRevoked` once the session is found closed; returns the function that stops watching. */
  watch(sessionId: string, onRevoked: () => void): () => void {
    let callbacks = this.watched.get(sessionId);
    if (!callbacks) {
      callbacks = new Set();
      this.watched.set(sessionId, callbacks);
    }
    callbacks.add(onRevoked);
    return () => {
      callbacks.delete(onRevoked);
      if (callbacks.size === 0 && this.watched.get(sessionId) === callbacks) this.watched.delete(sessionId);
    };
  }

  async check() {
    if (this.checking || this.watched.size === 0) return;
    this.checking = true;
    try {
      const sessions = [...this.watched.keys()];
      for (let start = 0; start < sessions.length; start += 500) {
        const batch = sessions.slice(start, start + 500);
        const found = await this.redis.mget(batch.map((id) => SESSION_KEY_PREFIX + id));
        batch.forEach((id, index) => {
          if (found[index] !== null) return;
          const callbacks = this.watched.get(id);
          this.watched.delete(id);
          callbacks?.forEach((callback) => callback());
        });
      }
    } catch (error) {
      // Redis unreachable: connections stay until their tokens expire, as HTTP callers do.
      this.logger.warn({ err: error }, 'session check failed');
    } finally {
      this.checking = false;
    }
  }

  async close() {
    clearInterval(this.timer);
    await this.redis.quit().catch(() => undefined);
  }
}
