// A Serpro stand-in for the Receita Federal's registries, for development and tests: a real HTTP server
// speaking the part of Serpro's API our adapter uses (OAuth2 client credentials, Consulta CPF v2,
// Consulta CNPJ v2 /basica), with the gateway's per-client throttling, fixed test records, fault
// injection and an outage switch. With a state file, registered records and tokens survive a restart.
// See README.md for every endpoint, control and test number.
import type { Server } from 'node:http';
import type { Logger } from '@medpay/runtime';
import { noFaults, persistedState, startSimulatorServer, type Faults } from '@medpay/simulation';
import { authRoutes, bearerClient } from './auth-routes.js';
import { consultaRoutes } from './consulta-routes.js';
import type { SimulatorContext } from './context.js';
import { controlRoutes } from './control-routes.js';
import { RateLimits } from './rate-limit.js';
import { ReceitaState } from './state.js';

export interface ReceitaSimulatorOptions {
  /** 4030 by default; 0 picks a free port */
  port?: number;
  host?: string;
  /** the OAuth2 client's consumer key and secret (Serpro's Área do Cliente issues them per contract) */
  consumerKey: string;
  consumerSecret: string;
  /** access token lifetime; Serpro's is an hour */
  tokenTtlSeconds?: number;
  /** consultations admitted per client in any sliding second (429 above); 5 by default */
  requestsPerSecond?: number;
  /** where registered records and issued tokens are kept across restarts; in memory only without one */
  stateFile?: string;
  logger?: Logger;
}

export interface ReceitaSimulator {
  url: string;
  port: number;
  server: Server;
  state: ReceitaState;
  limits: RateLimits;
  faults: Faults;
  close(): Promise<void>;
}

export const DEFAULT_RECEITA_SIM_PORT = 4030;

/** The Serpro gateway's error shape for refused credentials (WSO2); the APIs' own errors as { codigo, mensagem }. */
const errorBody = (code: string, message: string) =>
  code === 'UNAUTHORIZED'
    ? { fault: { code: 900901, message: 'Invalid Credentials', description: 'Invalid Credentials. Make sure you have provided the correct security credentials' } }
    : { codigo: code, mensagem: message };

export async function startReceitaSimulator(options: ReceitaSimulatorOptions): Promise<ReceitaSimulator> {
  const state = new ReceitaState();
  const storage = persistedState(options.stateFile);
  const saved = storage.load();
  if (saved !== undefined) state.restore(saved);
  const faults = noFaults();
  const limits = new RateLimits(options.requestsPerSecond ?? 5);
  const context: SimulatorContext = {
    state,
    limits,
    faults,
    settings: { consumerKey: options.consumerKey, consumerSecret: options.consumerSecret, tokenTtlSeconds: options.tokenTtlSeconds ?? 3600 },
  };
  const server = await startSimulatorServer({
    name: 'receita-simulator',
    routes: [...authRoutes(context), ...consultaRoutes(context), ...controlRoutes(context)],
    port: options.port ?? DEFAULT_RECEITA_SIM_PORT,
    ...(options.host ? { host: options.host } : {}),
    faults,
    authenticate: (headers) => bearerClient(context, headers) !== null,
    errorBody,
    onChange: () => storage.save(() => state.dump()),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { url: server.url, port: server.port, server: server.server, state, limits, faults, close: server.close };
}
