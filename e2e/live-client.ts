// A graphql-ws client for tests, as an app would use one (graphql-ws createClient over `ws`), and a
// graphql-sse one (an event stream per operation), with a recorder of what a subscription receives
// that lets a test wait for it.
import { createClient as createEventStreamClient } from 'graphql-sse';
import { createClient, type Client, type ClientOptions, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export type LiveResult = FormattedExecutionResult<Record<string, unknown>, unknown>;

export class LiveSubscription {
  readonly results: LiveResult[] = [];
  /** what the client reported: a list of GraphQL errors, or the socket's close event */
  error: unknown = undefined;
  completed = false;
  private readonly waiters = new Set<() => void>();

  constructor(
    client: Pick<Client, 'subscribe'>,
    query: string,
    variables: Record<string, unknown> = {},
  ) {
    this.unsubscribe = client.subscribe<Record<string, unknown>>(
      { query, variables },
      {
        next: (result) => this.record(() => this.results.push(result)),
        error: (error) => this.record(() => (this.error = error)),
        complete: () => this.record(() => (this.completed = true)),
      },
    );
  }

  readonly unsubscribe: () => void;

  get ended() {
    return this.completed || this.error !== undefined;
  }

  /** Waits until `done` holds, rechecked at every message; fails with what was received so far. */
  async until(done: (subscription: this) => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    if (done(this)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify({ results: this.results, error: describe(this.error), completed: this.completed })}`));
      }, timeoutMs);
      const check = () => {
        if (!done(this)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  /** The first error code the subscription ended with (from a result or an error message), if any. */
  get errorCode(): string | undefined {
    const fromResults = this.results.flatMap((result) => result.errors ?? [])[0]?.extensions?.code;
    if (typeof fromResults === 'string') return fromResults;
    if (Array.isArray(this.error)) {
      const first: unknown = this.error[0];
      if (first && typeof first === 'object' && 'extensions' in first && first.extensions && typeof first.extensions === 'object' && 'code' in first.extensions) {
        return String(first.extensions.code);
      }
    }
    return undefined;
  }

  /** The close code, when the socket itself was closed on the subscription. */
  get closeCode(): number | undefined {
    return this.error && typeof this.error === 'object' && 'code' in this.error && typeof this.error.code === 'number' ? this.error.code : undefined;
  }

  private record(change: () => void) {
    change();
    for (const waiter of [...this.waiters]) waiter();
  }
}

function describe(error: unknown) {
  if (error && typeof error === 'object' && 'code' in error) return { code: error.code, reason: 'reason' in error ? error.reason : undefined };
  return error;
}

/** A client on the router with the given credentials; no retries unless asked, so failures show at once. */
export function liveClient(url: string, credentials: { token?: string; apiKey?: string } = {}, options: Partial<ClientOptions> = {}): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: {
      ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}),
      ...(credentials.apiKey ? { 'x-api-key': credentials.apiKey } : {}),
    },
    retryAttempts: 0,
    lazy: true,
    ...options,
  });
}

/** A graphql-sse client on the router (distinct connections: one POST event stream per operation). */
export function eventStreamClient(graphqlUrl: string, credentials: { token?: string } = {}): Pick<Client, 'subscribe'> & { dispose: () => void } {
  return createEventStreamClient({
    url: graphqlUrl,
    singleConnection: false,
    headers: credentials.token ? { authorization: `Bearer ${credentials.token}` } : {},
    retryAttempts: 0,
  }) as unknown as Pick<Client, 'subscribe'> & { dispose: () => void };
}

export { eventually } from '@medpay/runtime/testing';
