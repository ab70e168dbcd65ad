// One way to call an outside provider's HTTP API (ClickSign, the Receita's, the clinics' systems):
// credentials from a token source renewed before they expire and once more when refused, retries with
// backoff on what may succeed next time, a circuit breaker that stops hammering a provider that keeps
// failing, a timeout per attempt, and a span per call. The adapters on top only map their API.
import { CircuitBreaker, CircuitOpenError, retry } from './resilience.js';
import { traceCall } from './tracing.js';
import type { Logger } from './logger.js';

/** The provider did not answer usefully after every retry, or its circuit is open: try again later. */
export class ProviderUnavailableError extends Error {
  readonly code = 'PROVIDER_UNAVAILABLE';
  constructor(
    readonly provider: string,
    message: string,
  ) {
    super(message);
  }
}

/** The provider answered, and the answer is no (a 4xx other than 408 and 429). */
export class ProviderRejectedError extends Error {
  constructor(
    readonly provider: string,
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
  }
}

/** Retry-After in milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface ProviderResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * Headers that authenticate a call. `invalidate` is told which headers the provider refused, so that
 * the next `headers()` fetches new credentials (a revoked token, a provider that restarted).
 */
export interface CredentialSource {
  headers(): Promise<Record<string, string>>;
  invalidate?(refused: Record<string, string>): void;
}

export const staticCredentials = (headers: Record<string, string>): CredentialSource => ({ headers: async () => headers });

/** Renew this long before the provider says a token expires, so no call carries a token that dies in flight. */
const TOKEN_RENEWAL_MARGIN_MS = 60_000;

/**
 * A bearer token fetched by `fetchToken` (OAuth2 client credentials, a refresh token grant), cached until
 * shortly before it expires; concurrent callers share the request in flight.
 */
export class CachedToken implements CredentialSource {
  private token: { value: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly fetchToken: () => Promise<{ accessToken: string; expiresInSeconds: number }>) {}

  async headers(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.current()}` };
  }

  invalidate(refused: Record<string, string>) {
    if (this.token && refused.authorization === `Bearer ${this.token.value}`) this.token = undefined;
  }

  private current(): Promise<string> {
    if (this.token && Date.now() < this.token.renewAt) return Promise.resolve(this.token.value);
    this.pending ??= this.fetchToken()
      .then(({ accessToken, expiresInSeconds }) => {
        const lifetimeMs = expiresInSeconds * 1000;
        this.token = { value: accessToken, renewAt: Date.now() + lifetimeMs - Math.min(TOKEN_RENEWAL_MARGIN_MS, lifetimeMs / 10) };
        return accessToken;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }
}

export interface ProviderClientOptions {
  /** names the provider in errors, logs, spans and metrics */
  provider: string;
  baseUrl: string;
  credentials?: CredentialSource;
  /** per HTTP attempt; 5000 by default */
  timeoutMs?: number;
  /** attempts after the first on network errors, timeouts, 408, 429 and 5xx; 3 by default */
  retries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** opens after `failureThreshold` consecutive failed attempts (5), half-opens after `coolDownMs` (30 s) */
  circuitBreaker?: { failureThreshold?: number; coolDownMs?: number };
  /** waited on before every HTTP attempt, retries included: keeps us under the provider's rate limit */
  rateLimiter?: { acquire(): Promise<void> };
  logger?: Pick<Logger, 'warn' | 'error'>;
}

export interface ProviderRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** the path as spans and error messages show it, when `path` holds personal data (a CPF); `path` without its query otherwise */
  pathInLogs?: string;
  /** JSON unless it is a string (sent as is, with the content type given in `headers`) */
  body?: unknown;
  headers?: Record<string, string>;
  /** names the call in errors and logs */
  operation: string;
  /** skip the credential source (the token request itself) */
  anonymous?: boolean;
}

/**
 * A failure worth another attempt: network, timeout, 408, 429, 5xx. All but 429 count against the circuit
 * (a provider that throttles us is up). `retryAfterMs`: the provider's Retry-After, the least we wait.
 */
class TransientError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
/** Our credentials were refused: fetch new ones and try again. */
class StaleCredentialsError extends Error {}

export class ProviderClient {
  private readonly baseUrl: string;
  private readonly breaker: CircuitBreaker;

  constructor(private readonly options: ProviderClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const { provider, logger } = options;
    this.breaker = new CircuitBreaker({
      failureThreshold: options.circuitBreaker?.failureThreshold ?? 5,
      coolDownMs: options.circuitBreaker?.coolDownMs ?? 30_000,
      onStateChange: (state) => (state === 'open' ? logger?.error({ provider }, 'circuit opened: the provider keeps failing') : logger?.warn({ provider, state }, 'circuit state changed')),
    });
  }

  get circuitState() {
    return this.breaker.state;
  }

  /** The 2xx answer's JSON body; ProviderRejectedError for a refusal, ProviderUnavailableError when retries run out. */
  async json<T = unknown>(request: ProviderRequest): Promise<T> {
    return (await this.send(request)).body as T;
  }

  /** The whole 2xx answer (for providers that page by headers). */
  async send(request: ProviderRequest): Promise<ProviderResponse> {
    const { provider } = this.options;
    const maxDelayMs = this.options.retryMaxDelayMs ?? 5000;
    try {
      return await retry(() => this.attempt(request), {
        retries: this.options.retries ?? 3,
        baseDelayMs: this.options.retryBaseDelayMs ?? 200,
        maxDelayMs,
        // A Retry-After beyond what we would back off anyway is not waited for: the caller hears "unavailable" now.
        isRetryable: (error) => (error instanceof TransientError && (error.retryAfterMs ?? 0) <= maxDelayMs) || error instanceof StaleCredentialsError,
        minDelayMs: (error) => (error instanceof TransientError ? error.retryAfterMs : undefined),
        onRetry: (error, attempt, delayMs) => this.options.logger?.warn({ provider, operation: request.operation, attempt, delayMs, reason: (error as Error).message }, 'retrying provider call'),
      });
    } catch (error) {
      if (error instanceof CircuitOpenError) throw new ProviderUnavailableError(provider, `${provider} ${request.operation}: ${error.message}`);
      if (error instanceof TransientError) throw new ProviderUnavailableError(provider, `${provider} ${request.operation} failed after retries: ${error.message}`);
      if (error instanceof StaleCredentialsError) throw new ProviderRejectedError(provider, 401, undefined, `${error.message} even after renewing them`);
      throw error;
    }
  }

  private async attempt(request: ProviderRequest): Promise<ProviderResponse> {
    const credentials = request.anonymous || !this.options.credentials ? {} : await this.options.credentials.headers();
    await this.options.rateLimiter?.acquire();
    return this.breaker.execute(async () => {
      const response = await this.exchange(request, credentials);
      if (response.status === 401 && !request.anonymous && this.options.credentials) {
        this.options.credentials.invalidate?.(credentials);
        throw new StaleCredentialsError(`${this.options.provider} refused our credentials for ${request.operation}`);
      }
      if (response.status >= 200 && response.status < 300) return response;
      if (response.status >= 500 || response.status === 408 || response.status === 429) {
        throw new TransientError(`${request.operation}: HTTP ${response.status}`, response.status, retryAfterMs(response.headers.get('retry-after')));
      }
      const detail = typeof response.body === 'object' && response.body ? JSON.stringify(response.body).slice(0, 300) : String(response.body ?? '').slice(0, 300);
      throw new ProviderRejectedError(this.options.provider, response.status, response.body, `${this.options.provider} refused ${request.operation} (HTTP ${response.status}): ${detail}`);
    }, (error) => error instanceof TransientError && error.status !== 429);
  }

  private async exchange(request: ProviderRequest, credentials: Record<string, string>): Promise<ProviderResponse> {
    const { provider } = this.options;
    const timeoutMs = this.options.timeoutMs ?? 5000;
    const shownPath = request.pathInLogs ?? request.path.split('?')[0];
    const json = request.body !== undefined && typeof request.body !== 'string';
    const headers: Record<string, string> = { accept: 'application/json', ...(json ? { 'content-type': 'application/json' } : {}), ...request.headers, ...credentials };
    const body = request.body === undefined ? undefined : json ? JSON.stringify(request.body) : (request.body as string);
    let response: Response;
    let text: string;
    try {
      [response, text] = await traceCall(`${provider} ${request.method} ${shownPath}`, { 'medpay.provider': provider, 'http.request.method': request.method }, headers, async () => {
        const answer = await fetch(this.baseUrl + request.path, { method: request.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
        return [answer, await answer.text()] as const;
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new TransientError(`${request.method} ${shownPath}: ${reason}`);
    }
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (response.ok) throw new TransientError(`${request.operation}: answered ${response.status} with a body that is not JSON`);
        parsed = text;
      }
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }
}
