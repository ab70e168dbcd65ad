// The router's graphql-ws connections to the subgraphs: one per (subgraph, caller identity),
// carrying that caller's subscriptions, opened with the caller's signed claims, kept alive with
// pings, and re-established with backoff for a bounded time (graphql-ws re-sends the subscriptions
// after a reconnect). Past that time the subscriptions fail and the caller is told.
import { anonymousClaims, CLAIMS_HEADER, signClaims, type Claims, type Logger } from '@medpay/runtime';
import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client, type FormattedExecutionResult, type Sink, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';

const KEEPALIVE_MS = 15_000;
const PONG_TIMEOUT_MS = 10_000;
/** The router ends client connections at token expiry; the claims it signs only vouch for the handshake. */
const HANDSHAKE_CLAIMS_SECONDS = 300;

/** Who is calling, as far as a subgraph can tell: the same identity may share one upstream. */
export function identityOf(claims: Claims | null): string {
  if (!claims) return 'anonymous';
  return JSON.stringify([claims.kind, claims.sub, [...claims.roles].sort(), [...claims.scopes].sort(), claims.clinicId ?? null]);
}

/** What a caller may do, whoever the person is: callers with the same may share a broadcast subscription. */
export function accessClassOf(claims: Claims | null): string {
  if (!claims) return 'anonymous';
  return JSON.stringify([claims.kind, [...claims.roles].sort(), [...claims.scopes].sort(), claims.clinicId ?? null]);
}

/** graphql-ws hands a subgraph's refusal of a subscribe over as its list of errors. */
export const isGraphQLErrorList = (value: unknown): value is GraphQLFormattedError[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => item && typeof item === 'object' && typeof item.message === 'string');

/** Waits between reconnection attempts: doubling from 250 ms up to 5 s, until the budget is spent. */
export function retryDelays(budgetMs: number): number[] {
  const delays: number[] = [];
  for (let total = 0; total < budgetMs; ) {
    const delay = Math.min(250 * 2 ** delays.length, 5_000, budgetMs - total);
    delays.push(delay);
    total += delay;
  }
  return delays;
}

interface Link {
  client: Client;
  users: number;
  /** ends it: no subscription uses it any more */
  end: () => void | Promise<void>;
}

export class SubgraphLinks {
  private readonly links = new Map<string, Link>();
  private readonly delays: number[];

  constructor(
    private readonly options: {
      /** a base URL (http) of the subgraph — one of its replicas in turn — or undefined for an unknown name */
      baseUrlOf: (subgraph: string) => string | undefined;
      internalSecret: string;
      retryBudgetMs: number;
      logger: Logger;
    },
  ) {
    this.delays = retryDelays(options.retryBudgetMs);
  }

  /** Subscribes on the subgraph as the caller; returns the function that unsubscribes. */
  subscribe(subgraph: string, claims: Claims | null, request: SubscribePayload, sink: Sink<FormattedExecutionResult>): () => void {
    const key = `${subgraph}\n${identityOf(claims)}`;
    let link = this.links.get(key);
    if (!link) {
      let gone = false;
      const client = this.connect(subgraph, claims, () => gone);
      const fresh: Link = { client, users: 0, end: () => ((gone = true), client.dispose()) };
      this.links.set(key, fresh);
      link = fresh;
    }
    const current = link;
    current.users += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      current.users -= 1;
      if (current.users === 0) {
        if (this.links.get(key) === current) this.links.delete(key);
        void current.end();
      }
    };
    const unsubscribe = current.client.subscribe<Record<string, unknown>, Record<string, unknown>>(request, {
      next: (value) => sink.next(value),
      error: (error) => {
        release();
        sink.error(error);
      },
      complete: () => {
        release();
        sink.complete();
      },
    });
    return () => {
      unsubscribe();
      release();
    };
  }

  /**
   * Whether the subgraph lets the caller subscribe: its directives and the field's own subscribe check
   * run, and no event is sent (`extensions.checkOnly`). Null when it does, else its errors; rejects
   * when the subgraph cannot be reached.
   */
  check(subgraph: string, claims: Claims | null, request: SubscribePayload): Promise<GraphQLFormattedError[] | null> {
    return new Promise((resolve, reject) => {
      let refusal: GraphQLFormattedError[] | null = null;
      this.subscribe(subgraph, claims, { ...request, extensions: { ...request.extensions, checkOnly: true } }, {
        next: (result) => (refusal = [...(result.errors ?? [{ message: 'Evento inesperado.' }])]),
        error: (error) => (isGraphQLErrorList(error) ? resolve(error) : reject(error)),
        complete: () => resolve(refusal),
      });
    });
  }

  /** Connections open now (for metrics and tests). */
  get size() {
    return this.links.size;
  }

  async close() {
    const links = [...this.links.values()];
    this.links.clear();
    await Promise.allSettled(links.map((link) => link.end()));
  }

  private connect(subgraph: string, claims: Claims | null, gone: () => boolean): Client {
    if (!this.options.baseUrlOf(subgraph)) throw new Error(`unknown subgraph ${subgraph}`);
    // Asked at each (re)connection: a link whose replica went away reconnects to another one.
    const url = () => `${this.options.baseUrlOf(subgraph)!.replace(/^http/, 'ws')}/graphql`;
    const { logger, internalSecret } = this.options;
    const delays = this.delays;
    let pongTimer: NodeJS.Timeout | undefined;
    const client: Client = createClient({
      url,
      webSocketImpl: WebSocket,
      // Signed at each (re)connection, so a reconnect long after the first handshake still verifies.
      connectionParams: () => {
        const { sid: _session, ...identity } = claims ?? anonymousClaims();
        return { [CLAIMS_HEADER]: signClaims({ ...identity, exp: Math.floor(Date.now() / 1000) + HANDSHAKE_CLAIMS_SECONDS }, internalSecret) };
      },
      lazy: true,
      keepAlive: KEEPALIVE_MS,
      retryAttempts: delays.length,
      // A link whose last subscription left while it waited never wakes: graphql-ws would then reject
      // a promise nobody holds ("All Subscriptions Gone"), an unhandled rejection that ends the process.
      retryWait: (retries) =>
        new Promise((resolve) => setTimeout(() => gone() || resolve(), (delays[retries] ?? 5_000) * (0.8 + Math.random() * 0.4))),
      // Refused connections (the subgraph restarting) are retried too, within the same budget.
      shouldRetry: () => true,
      on: {
        // A subgraph that stops answering pings is as gone as one that closed the socket.
        ping: (received) => {
          if (!received) pongTimer = setTimeout(() => client.terminate(), PONG_TIMEOUT_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
        closed: (event) => {
          clearTimeout(pongTimer);
          logger.debug({ subgraph, event: describeClose(event) }, 'subscription link closed');
        },
        connected: (_socket, _payload, wasRetry) => {
          if (wasRetry) logger.info({ subgraph }, 'subscription link re-established');
        },
      },
    });
    return client;
  }
}

/** A close event or error, as a short text for logs and messages. */
export function describeClose(event: unknown): string {
  if (event && typeof event === 'object' && 'code' in event) {
    const reason = 'reason' in event && typeof event.reason === 'string' && event.reason ? ` ${event.reason}` : '';
    return `${String(event.code)}${reason}`;
  }
  if (event instanceof Error) return event.message;
  return 'connection failed';
}
