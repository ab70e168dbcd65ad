// Fault injection per channel: the next `count` calls of a channel fail with `status` (an HTTP status;
// SMTP answers 451, a temporary failure, for 5xx and 550, a permanent one, for 4xx). For retry tests.
import { z } from 'zod';
import { CHANNELS, type Channel } from './store.js';

export const faultRequest = z.strictObject({
  channel: z.enum(CHANNELS as [Channel, ...Channel[]]),
  status: z.number().int().min(400).max(599),
  count: z.number().int().min(1).max(1000).default(1),
});

export type Fault = { status: number; remaining: number };

export class Faults {
  private readonly pending = new Map<Channel, Fault>();

  set(channel: Channel, status: number, count: number) {
    this.pending.set(channel, { status, remaining: count });
  }

  /** The status the next call of `channel` must fail with, if a fault is armed (and counts it). */
  take(channel: Channel): number | null {
    const fault = this.pending.get(channel);
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.delete(channel);
    return fault.status;
  }

  clear() {
    this.pending.clear();
  }

  snapshot(): Partial<Record<Channel, Fault>> {
    return Object.fromEntries(this.pending);
  }
}
