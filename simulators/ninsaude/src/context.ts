// What every group of routes shares: the live data, the settings, the faults, the rate limiter, a clock
// and the save that persists the data.
import type { Faults, RateLimiter } from '@medpay/simulation';
import type { NinSaudeData } from './state.js';

export interface NinSaudeSettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** how long a rotated refresh token may be replayed (a retry after a lost answer) while its successor is unused */
  refreshReuseGraceSeconds: number;
}

export interface NinSaudeContext {
  data: NinSaudeData;
  settings: NinSaudeSettings;
  faults: Faults;
  rateLimiter: RateLimiter;
  now(): number;
  save(): void;
}
