import { describe, expect, it } from '@jest/globals';
import { SlidingWindowRateLimiter } from './rate-limiter.js';

describe('SlidingWindowRateLimiter', () => {
  it('lets at most `limit` calls start within any window, in the order they asked', async () => {
    const limiter = new SlidingWindowRateLimiter(3, 150);
    const started: Array<{ call: number; at: number }> = [];
    const began = Date.now();
    await Promise.all(Array.from({ length: 8 }, (_, call) => limiter.acquire().then(() => started.push({ call, at: Date.now() }))));
    expect(started.map((start) => start.call)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (let i = 0; i + 3 < started.length; i++) expect(started[i + 3]!.at - started[i]!.at).toBeGreaterThanOrEqual(150);
    // the first three at once, then two more windows
    expect(started[2]!.at - began).toBeLessThan(100);
    expect(started[7]!.at - began).toBeGreaterThanOrEqual(300);
  });

  it('does not hold back calls spread wider than the window', async () => {
    const limiter = new SlidingWindowRateLimiter(1, 30);
    await limiter.acquire();
    await new Promise((resolve) => setTimeout(resolve, 40));
    const before = Date.now();
    await limiter.acquire();
    expect(Date.now() - before).toBeLessThan(15);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new SlidingWindowRateLimiter(0, 1000)).toThrow();
    expect(() => new SlidingWindowRateLimiter(2.5, 1000)).toThrow();
  });
});
