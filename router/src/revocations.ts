// Credentials revoked before they expire: sessions ended by logout or by a reused refresh token (the
// users subgraph) and partner API keys (providers). The router polls both feeds every
// REVOCATION_POLL_MS and keeps the recent entries in memory, so every request and every WebSocket
// handshake is checked against them at no cost, and open sockets of a revoked credential are closed
// within one poll.
import * as contracts from '@medpay/contracts';
import { InternalClient, type Claims, type Logger } from '@medpay/runtime';

/** Each poll asks again for this much of the past: a revocation committed late, or a clock a little behind, is still seen. */
const OVERLAP_MS = 30_000;
/** How long a revoked session is remembered: longer than any access token lives. */
const SESSION_MEMORY_MS = 2 * 60 * 60 * 1000;
/** A revoked key is also refused by providers itself; the router only needs to outlive its cache of verified keys. */
const KEY_MEMORY_MS = 24 * 60 * 60 * 1000;

interface Feed {
  kind: 'session' | 'key';
  endpoint: typeof contracts.sessionRevocations | typeof contracts.apiKeyRevocations;
  client: InternalClient;
  since: number;
}

/**
 * The revocation entries that would refuse a caller's credential (none: anonymous, no session). A
 * person's token falls with its session, or with every session of theirs at once: the users subgraph
 * records the person's own id in the sessions feed when their account is deleted.
 */
export function revocationIdsOf(claims: Claims | null): string[] {
  if (claims?.kind === 'user' && claims.sid) return [`session:${claims.sid}`, `session:${claims.sub}`];
  if (claims?.kind === 'partner') return [`key:${claims.sub}`];
  return [];
}

export class Revocations {
  /** entry → when to forget it (ms since the epoch) */
  private readonly revoked = new Map<string, number>();
  private readonly watchers = new Map<string, Set<() => void>>();
  private readonly feeds: Feed[];
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(
    sources: { usersUrl: string | (() => string); providersUrl: string | (() => string); internalSecret: string },
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {
    const since = Date.now() - SESSION_MEMORY_MS;
    this.feeds = [
      { kind: 'session', endpoint: contracts.sessionRevocations, client: new InternalClient(sources.usersUrl, 'router', sources.internalSecret, 2_000), since },
      { kind: 'key', endpoint: contracts.apiKeyRevocations, client: new InternalClient(sources.providersUrl, 'router', sources.internalSecret, 2_000), since },
    ];
  }

  /** Reads what was revoked lately, then keeps polling. */
  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  isRevoked(claims: Claims | null): boolean {
    return revocationIdsOf(claims).some((id) => this.revoked.has(id));
  }

  /** Calls `onRevoked` once the credential behind these claims is revoked; returns the function that stops watching. */
  watch(claims: Claims | null, onRevoked: () => void): () => void {
    let fired = false;
    const once = () => {
      if (fired) return;
      fired = true;
      stop();
      onRevoked();
    };
    const stops = revocationIdsOf(claims).map((id) => {
      let callbacks = this.watchers.get(id);
      if (!callbacks) {
        callbacks = new Set();
        this.watchers.set(id, callbacks);
      }
      const set = callbacks;
      set.add(once);
      return () => {
        set.delete(once);
        if (set.size === 0 && this.watchers.get(id) === set) this.watchers.delete(id);
      };
    });
    const stop = () => stops.forEach((unwatch) => unwatch());
    return stop;
  }

  /** One round over both feeds; overlapping calls share the round in progress. */
  poll(): Promise<void> {
    this.polling ??= Promise.all(this.feeds.map((feed) => this.read(feed))).then(() => {
      this.polling = undefined;
      this.forgetOld();
    });
    return this.polling;
  }

  close() {
    clearInterval(this.timer);
  }

  private async read(feed: Feed) {
    const startedAt = Date.now();
    try {
      const answer = await feed.client.call(feed.endpoint, { since: new Date(feed.since).toISOString() });
      const memory = feed.kind === 'session' ? SESSION_MEMORY_MS : KEY_MEMORY_MS;
      for (const { id, at } of answer?.revoked ?? []) {
        const entry = `${feed.kind}:${id}`;
        if (this.revoked.has(entry)) continue;
        this.revoked.set(entry, Date.parse(at) + memory);
        const callbacks = this.watchers.get(entry);
        this.watchers.delete(entry);
        callbacks?.forEach((callback) => callback());
      }
      feed.since = startedAt - OVERLAP_MS;
    } catch (error) {
      // The feed's service is down: what is already known stays refused, and the next round asks
      // again from the same point, so nothing revoked meanwhile is missed.
      this.logger.warn({ err: error, feed: feed.kind }, 'revocations feed unavailable');
    }
  }

  private forgetOld() {
    const now = Date.now();
    for (const [entry, forgetAt] of this.revoked) if (forgetAt <= now) this.revoked.delete(entry);
  }
}
