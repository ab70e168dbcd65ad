import { describe, expect, it } from '@jest/globals';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('admits `requests` per window and key, then says how many whole seconds are left', () => {
    let now = 0;
    const limiter = new RateLimiter({ requests: 2, windowMs: 10_000 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([0, 0, 0]);
    now = 2_500;
    expect(limiter.take('a')).toBe(8);
    now = 9_999;
    expect(limiter.take('a')).toBe(1);
    now = 10_000;
    expect(limiter.take('a')).toBe(0);
  });

  it('starts new windows under new settings', () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 60_000 }, () => 0);
    limiter.take('a');
    expect(limiter.take('a')).toBe(60);
    limiter.update({ requests: 5, windowMs: 1_000 });
    expect(limiter.settings).toEqual({ requests: 5, windowMs: 1_000 });
    expect(limiter.take('a')).toBe(0);
    // The same settings again still start afresh: only a cleared window admits 'a' now.
    limiter.update({ requests: 1, windowMs: 60_000 });
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(60);
  });
});
