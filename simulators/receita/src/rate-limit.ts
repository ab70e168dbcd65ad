// The API gateway's throttling, per client application: at most `requestsPerSecond` consultations
// admitted in any sliding second; the rest answered 429 with Retry-After. It also keeps what tests
// assert on: how many were throttled, and the most requests that arrived within one second.

const WINDOW_MS = 1000;

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

export class RateLimits {
  private readonly admitted = new Map<string, number[]>();
  private readonly arrivals = new Map<string, number[]>();
  throttled = 0;
  /** the most requests (admitted or not) one client sent within any 1-second window */
  peakPerSecond = 0;

  requestsPerSecond: number;

  constructor(private readonly configured: number) {
    this.requestsPerSecond = configured;
  }

  admit(client: string, now = Date.now()): Admission {
    const arrivals = recent(this.arrivals, client, now);
    arrivals.push(now);
    this.peakPerSecond = Math.max(this.peakPerSecond, arrivals.length);
    const admitted = recent(this.admitted, client, now);
    if (admitted.length < this.requestsPerSecond) {
      admitted.push(now);
      return { admitted: true };
    }
    this.throttled += 1;
    // The oldest admitted request leaves the window first; Retry-After is whole seconds.
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((admitted[0]! + WINDOW_MS - now) / 1000)) };
  }

  snapshot() {
    return { requestsPerSecond: this.requestsPerSecond, throttled: this.throttled, peakPerSecond: this.peakPerSecond };
  }

  /** Forgets the windows and the counts; `toConfigured` also puts the limit back to the simulator's option. */
  reset(toConfigured = false) {
    if (toConfigured) this.requestsPerSecond = this.configured;
    this.admitted.clear();
    this.arrivals.clear();
    this.throttled = 0;
    this.peakPerSecond = 0;
  }
}

/** The client's timestamps still inside the window ending now (older ones dropped). */
function recent(log: Map<string, number[]>, client: string, now: number): number[] {
  const times = log.get(client) ?? [];
  while (times.length && times[0]! <= now - WINDOW_MS) times.shift();
  log.set(client, times);
  return times;
}
