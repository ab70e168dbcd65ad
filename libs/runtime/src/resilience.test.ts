import { describe, expect, it } from '@jest/globals';
import { backoffDelay, CircuitBreaker, CircuitOpenError, FailureBackoff, retry, type CircuitState } from './resilience.js';

class Retryable extends Error {}
class Fatal extends Error {}

const noWait = () => Promise.resolve();

describe('backoffDelay', () => {
  it('doubles per attempt up to the cap, with half of it random', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelay(1, 100, 10_000, () => 0.999999)).toBe(100);
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(200);
    expect(backoffDelay(3, 100, 10_000, () => 0.999999)).toBe(400);
    expect(backoffDelay(20, 100, 1000, () => 0.5)).toBe(750);
  });
});

describe('retry', () => {
  it('retries retryable errors and returns the first success', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await retry(
      async (attempt) => {
        calls += 1;
        if (attempt < 2) throw new Retryable(`attempt ${attempt}`);
        return 'ok';
      },
      { retries: 3, baseDelayMs: 100, maxDelayMs: 1000, isRetryable: (error) => error instanceof Retryable, random: () => 0, wait: noWait, onRetry: (_error, _attempt, delay) => delays.push(delay) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(delays).toEqual([50, 100]);
  });

  it('stops at once on an error that is not retryable', async () => {
    let calls = 0;
    const failing = retry(
      async () => {
        calls += 1;
        throw new Fatal('no');
      },
      { retries: 5, baseDelayMs: 1, maxDelayMs: 1, isRetryable: (error) => error instanceof Retryable, wait: noWait },
    );
    await expect(failing).rejects.toBeInstanceOf(Fatal);
    expect(calls).toBe(1);
  });

  it('gives up after the retries with the last error', async () => {
    let calls = 0;
    const failing = retry(
      async () => {
        calls += 1;
        throw new Retryable(`call ${calls}`);
      },
      { retries: 2, baseDelayMs: 1, maxDelayMs: 1, isRetryable: () => true, wait: noWait },
    );
    await expect(failing).rejects.toThrow('call 3');
    expect(calls).toBe(3);
  });
});

describe('CircuitBreaker', () => {
  const setup = (failureThreshold = 3, coolDownMs = 1000) => {
    let now = 0;
    const states: CircuitState[] = [];
    const breaker = new CircuitBreaker({ failureThreshold, coolDownMs, now: () => now, onStateChange: (state) => states.push(state) });
    return { breaker, states, advance: (ms: number) => (now += ms) };
  };
  const fail = () => Promise.reject(new Retryable('down'));
  const succeed = () => Promise.resolve('up');

  it('opens after N consecutive failures and then fails fast without calling', async () => {
    const { breaker, states } = setup(3);
    for (let i = 0; i < 3; i++) await expect(breaker.execute(fail)).rejects.toBeInstanceOf(Retryable);
    expect(breaker.state).toBe('open');
    let called = false;
    await expect(breaker.execute(async () => (called = true))).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    expect(states).toEqual(['open']);
  });

  it('counts only consecutive failures: a success in between resets the count', async () => {
    const { breaker } = setup(3);
    await expect(breaker.execute(fail)).rejects.toThrow();
    await expect(breaker.execute(fail)).rejects.toThrow();
    await breaker.execute(succeed);
    await expect(breaker.execute(fail)).rejects.toThrow();
    await expect(breaker.execute(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('ignores errors that are not failures of the service (a 4xx means it is up)', async () => {
    const { breaker } = setup(1);
    await expect(breaker.execute(() => Promise.reject(new Fatal('bad request')), (error) => error instanceof Retryable)).rejects.toBeInstanceOf(Fatal);
    expect(breaker.state).toBe('closed');
  });

  it('half-opens after the cool-down: one trial, whose success closes the circuit', async () => {
    const { breaker, states, advance } = setup(1, 1000);
    await expect(breaker.execute(fail)).rejects.toThrow();
    advance(999);
    expect(breaker.state).toBe('open');
    advance(1);
    expect(breaker.state).toBe('half-open');
    let release!: () => void;
    const trial = breaker.execute(() => new Promise<string>((resolve) => (release = () => resolve('up'))));
    await expect(breaker.execute(succeed)).rejects.toThrow(/trial call is already in flight/);
    release();
    await expect(trial).resolves.toBe('up');
    expect(breaker.state).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('reopens for another cool-down when the trial fails', async () => {
    const { breaker, advance } = setup(5, 1000);
    for (let i = 0; i < 5; i++) await expect(breaker.execute(fail)).rejects.toThrow();
    advance(1000);
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(Retryable);
    expect(breaker.state).toBe('open');
    advance(500);
    await expect(breaker.execute(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    advance(500);
    await expect(breaker.execute(succeed)).resolves.toBe('up');
  });
});

describe('FailureBackoff', () => {
  it('leaves a failing id out for 30 s, then twice as long each time it fails again, and forgets it once it succeeds', async () => {
    let now = 0;
    const backoff = new FailureBackoff({ now: () => now });
    const failures: unknown[] = [];
    const fail = () => Promise.reject(new Error('fora do ar'));
    expect(await backoff.run('a', fail, (error) => failures.push(error))).toBe(false);
    expect(await backoff.run('b', async () => {}, (error) => failures.push(error))).toBe(true);
    expect(failures).toHaveLength(1);
    expect(backoff.waiting()).toEqual(['a']);
    now = 30_000;
    expect(backoff.waiting()).toEqual([]);
    await backoff.run('a', fail, () => {});
    now = 89_999;
    expect(backoff.waiting()).toEqual(['a']);
    now = 90_000;
    expect(backoff.waiting()).toEqual([]);
    await backoff.run('a', async () => {}, () => {});
    await backoff.run('a', fail, () => {});
    now += 30_000;
    expect(backoff.waiting()).toEqual([]);
  });

  it('waits at most the cap however often an id fails', async () => {
    let now = 0;
    const backoff = new FailureBackoff({ now: () => now, baseDelayMs: 1_000, maxDelayMs: 5_000 });
    for (let i = 0; i < 10; i++) await backoff.run('a', () => Promise.reject(new Error('x')), () => {});
    now = 5_000;
    expect(backoff.waiting()).toEqual([]);
  });

  it('forgets an id that failed and was not seen again for a whole maximum wait (dealt with elsewhere)', async () => {
    let now = 0;
    const backoff = new FailureBackoff({ now: () => now, baseDelayMs: 1_000, maxDelayMs: 5_000 });
    for (let i = 0; i < 4; i++) await backoff.run('a', () => Promise.reject(new Error('x')), () => {});
    // Forgotten, its next failure waits the first delay again, not the cap.
    now = 10_000;
    expect(backoff.waiting()).toEqual([]);
    await backoff.run('a', () => Promise.reject(new Error('x')), () => {});
    now = 11_000;
    expect(backoff.waiting()).toEqual([]);
  });
});
