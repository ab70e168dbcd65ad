// Generic resilience for calls to an outside service: retries with exponential backoff and jitter, and a
// circuit breaker that stops hammering a service that keeps failing. Nothing here knows about Celcoin.
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** attempts after the first */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  isRetryable: (error: unknown) => boolean;
  /** the least this error asks us to wait (a provider's Retry-After); the backoff applies when it is longer */
  minDelayMs?: (error: unknown) => number | undefined;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** [0, 1); injectable for tests */
  random?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * The delay before retry number `attempt` (1-based): exponential, capped, with "equal jitter" (half fixed,
 * half random) so that clients failing together do not retry together.
 */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Runs `operation` until it succeeds, fails with a non-retryable error, or the retries run out (last error thrown). */
export async function retry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const wait = options.wait ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= options.retries || !options.isRetryable(error)) throw error;
      const delay = Math.max(backoffDelay(attempt + 1, options.baseDelayMs, options.maxDelayMs, options.random), options.minDelayMs?.(error) ?? 0);
      options.onRetry?.(error, attempt + 1, delay);
      await wait(delay);
    }
  }
}

export class CircuitOpenError extends Error {}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** consecutive failures that open the circuit */
  failureThreshold: number;
  /** how long an open circuit refuses calls before letting one trial through */
  coolDownMs: number;
  now?: () => number;
  onStateChange?: (state: CircuitState) => void;
}

/**
 * Closed: calls go through, consecutive failures are counted. Open: calls fail fast with CircuitOpenError
 * until the cool-down passes. Half-open: one trial call goes through (the others fail fast); its success
 * closes the circuit, its failure opens it again. Only errors `isFailure` accepts count: a service that
 * answers "no" (a 4xx) is up.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private current: CircuitState = 'closed';
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.options.coolDownMs) return 'half-open';
    return this.current;
  }

  async execute<T>(operation: () => Promise<T>, isFailure: (error: unknown) => boolean = () => true): Promise<T> {
    const state = this.state;
    if (state === 'open') throw new CircuitOpenError(`Circuit open: ${this.failures} consecutive failures; retrying after the cool-down`);
    const trial = state === 'half-open';
    if (trial) {
      if (this.trialInFlight) throw new CircuitOpenError('Circuit half-open: a trial call is already in flight');
      this.trialInFlight = true;
      this.transition('half-open');
    }
    try {
      const result = await operation();
      this.succeeded();
      return result;
    } catch (error) {
      if (isFailure(error)) this.failed(trial);
      else this.succeeded();
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private succeeded() {
    this.failures = 0;
    this.transition('closed');
  }

  private failed(trial: boolean) {
    this.failures += 1;
    if (trial || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      this.transition('open');
    }
  }

  private transition(next: CircuitState) {
    if (this.current === next) return;
    this.current = next;
    this.options.onStateChange?.(next);
  }
}

/**
 * What a background pass failed on, left out of the next passes for a growing while (30 s, doubling, at most
 * an hour), so that a few items that keep failing do not fill every batch and starve the rest. Per process:
 * a restart retries them at once, which the passes' idempotence makes harmless.
 */
export class FailureBackoff {
  private readonly failures = new Map<string, { count: number; until: number }>();
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;

  constructor(options: { baseDelayMs?: number; maxDelayMs?: number; now?: () => number } = {}) {
    this.baseDelayMs = options.baseDelayMs ?? 30_000;
    this.maxDelayMs = options.maxDelayMs ?? 3_600_000;
    this.now = options.now ?? Date.now;
  }

  /** the ids to leave out of a batch now (an id not seen for a whole maximum wait is forgotten: it was dealt with elsewhere) */
  waiting(): string[] {
    const now = this.now();
    for (const [id, failure] of this.failures) if (failure.until + this.maxDelayMs <= now) this.failures.delete(id);
    return [...this.failures].filter(([, failure]) => failure.until > now).map(([id]) => id);
  }

  /** Does the work for one id; a failure is reported and backs the id off instead of ending the pass. */
  async run(id: string, work: () => Promise<unknown>, reportFailure: (error: unknown) => void): Promise<boolean> {
    try {
      await work();
      this.failures.delete(id);
      return true;
    } catch (error) {
      const count = (this.failures.get(id)?.count ?? 0) + 1;
      // backoffDelay's ceiling (random = 1): a pass is not a crowd of clients, it needs no jitter
      this.failures.set(id, { count, until: this.now() + backoffDelay(count, this.baseDelayMs, this.maxDelayMs, () => 1) });
      reportFailure(error);
      return false;
    }
  }
}
