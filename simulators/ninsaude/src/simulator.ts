// A NinSaúde stand-in for development and tests: a real HTTP server speaking the part of NinSaúde's API
// MedPay uses (OAuth2 with rotating refresh tokens, services, patients, appointments, contas a receber),
// with a rate limit, fault injection and test controls. With a state file, what the accounts hold
// (tokens included) survives a restart. See README.md for every endpoint and control.
import type { Server } from 'node:http';
import type { Logger } from '@medpay/runtime';
import { noFaults, persistedState, RateLimiter, startSimulatorServer, type Faults, type RateLimitSettings } from '@medpay/simulation';
import { apiRoutes, errorBody } from './api-routes.js';
import { authRoutes, hasValidAccessToken } from './auth-routes.js';
import type { NinSaudeContext } from './context.js';
import { controlRoutes } from './control-routes.js';
import { emptyData, seedDemo } from './seed.js';
import { isNinSaudeData, type NinSaudeData } from './state.js';

export { NINSAUDE_DEMO, DEMO_PATIENTS as NINSAUDE_DEMO_PATIENTS } from './seed.js';
export type { NinSaudeData } from './state.js';

export interface NinSaudeSimulatorOptions {
  /** 4016 by default; 0 picks a free port */
  port?: number;
  host?: string;
  /** NinSaúde's access tokens live 15 minutes */
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** how long a retry of a refresh whose answer was lost gets the same new tokens (while they are unused); 60 s */
  refreshReuseGraceSeconds?: number;
  /** per account; 120 requests a minute by default */
  rateLimit?: RateLimitSettings;
  /** where the state is kept across restarts; in memory only without one */
  stateFile?: string;
  now?: () => number;
  logger?: Logger;
}

export interface NinSaudeSimulator {
  url: string;
  port: number;
  server: Server;
  /** the live state (accounts, tokens, stats) */
  state: NinSaudeData;
  faults: Faults;
  close(): Promise<void>;
}

export async function startNinSaudeSimulator(options: NinSaudeSimulatorOptions = {}): Promise<NinSaudeSimulator> {
  const now = options.now ?? Date.now;
  const store = persistedState(options.stateFile);
  const loaded = store.load();
  const data: NinSaudeData = isNinSaudeData(loaded) ? loaded : emptyData();
  if (!isNinSaudeData(loaded)) seedDemo(data, now());
  const save = () => store.save(() => data);
  save();

  const faults = noFaults();
  let apiCalls = () => 0;
  const context: NinSaudeContext = {
    data,
    faults,
    settings: {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 900,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 30 * 86_400,
      refreshReuseGraceSeconds: options.refreshReuseGraceSeconds ?? 60,
    },
    rateLimiter: new RateLimiter(options.rateLimit ?? { requests: 120, windowMs: 60_000 }, now),
    now,
    save,
  };

  const server = await startSimulatorServer({
    name: 'ninsaude-simulator',
    routes: [...authRoutes(context), ...apiRoutes(context), ...controlRoutes(context, () => apiCalls())],
    port: options.port ?? 4016,
    ...(options.host ? { host: options.host } : {}),
    faults,
    authenticate: hasValidAccessToken(context),
    errorBody,
    onChange: save,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  apiCalls = server.apiCalls;
  return { url: server.url, port: server.port, server: server.server, state: data, faults, close: server.close };
}
