// The provider's rate limit: a fixed window of `requests` per `windowMs` per account; past it, 429 with
// Retry-After (whole seconds until the window turns over).
export interface RateLimitSettings {
  requests: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    public settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the call may go on; otherwise the seconds the caller must wait. */
  take(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.settings.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count < this.settings.requests) {
      window.count += 1;
      return 0;
    }
    return Math.max(1, Math.ceil((window.startedAt + this.settings.windowMs - now) / 1000));
  }

  update(settings: RateLimitSettings) {
    this.settings = settings;
    this.windows.clear();
  }
}
