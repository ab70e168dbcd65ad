// Keeps our calls under a provider's rate limit: at most `limit` calls start within any window, and the
// others wait their turn in arrival order (a burst of sign-ups queues instead of collecting 429s).
import { setTimeout as sleep } from 'node:timers/promises';

export class SlidingWindowRateLimiter {
  private readonly starts: number[] = [];
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('The rate limit must be a positive integer');
  }

  /** Resolves when a call may start; the call counts from then. */
  acquire(): Promise<void> {
    const mine = this.turn.then(() => this.slot());
    this.turn = mine;
    return mine;
  }

  private async slot(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.starts.length && this.starts[0]! <= now - this.windowMs) this.starts.shift();
      if (this.starts.length < this.limit) {
        this.starts.push(now);
        return;
      }
      await sleep(this.starts[0]! + this.windowMs - now);
    }
  }
}
