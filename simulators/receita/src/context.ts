// What every group of routes shares: the state, the throttling, the faults and the options.
import type { Faults } from '@medpay/simulation';
import type { RateLimits } from './rate-limit.js';
import type { ReceitaState } from './state.js';

export interface SimulatorSettings {
  consumerKey: string;
  consumerSecret: string;
  tokenTtlSeconds: number;
}

export interface SimulatorContext {
  state: ReceitaState;
  limits: RateLimits;
  faults: Faults;
  settings: SimulatorSettings;
}
