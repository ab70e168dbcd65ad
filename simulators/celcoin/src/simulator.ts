// A Celcoin stand-in for development and tests: a real HTTP server speaking the subset of Celcoin's API
// our adapter uses, with in-memory state machines, webhooks with retries, and fault injection.
// With a state file (`npm start`'s), what it holds survives a restart, as a real account would.
// See README.md for every endpoint and control.
import type { Server } from 'node:http';
import type { Logger } from '@medpay/runtime';
import { basicAuthSigner, noFaults, persistedState, startSimulatorServer, WebhookDispatcher, type WebhookTarget } from '@medpay/simulation';
import { authRoutes, hasValidBearer } from './auth-routes.js';
import { boletoRoutes } from './boleto-routes.js';
import { cardRoutes } from './card-routes.js';
import type { SimulatorContext } from './context.js';
import { controlRoutes } from './control-routes.js';
import { escrowRoutes } from './escrow-routes.js';
import { pixRoutes } from './pix-routes.js';
import { SimulatorState, type SavedState } from './state.js';
import { transferRoutes } from './transfer-routes.js';

export interface CelcoinSimulatorOptions {
  /** 4010 by default; 0 picks a free port */
  port?: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  webhookUrl?: string;
  webhookBasicAuth?: { username: string; password: string };
  /** the account's PIX key; collections with another key are refused */
  pixKey?: string;
  /** scheme://host[:port] written into location URLs; the server's own URL by default */
  publicBaseUrl?: string;
  /** first retry delay of a failed webhook, doubled each time (capped at 300×) */
  webhookRetryBaseMs?: number;
  webhookMaxAttempts?: number;
  /** how long payouts and refunds stay PROCESSING */
  settlementDelayMs?: number;
  tokenTtlSeconds?: number;
  boletoBankCode?: string;
  /** where the state is kept across restarts (read at start, written after each change); in memory only without one */
  stateFile?: string;
  logger?: Logger;
}

export interface CelcoinSimulator {
  url: string;
  port: number;
  server: Server;
  state: SimulatorState;
  webhooks: WebhookDispatcher;
  close(): Promise<void>;
}

/** the payments service's default CELCOIN_PIX_KEY, so the two agree out of the box */
export const DEFAULT_PIX_KEY = 'pix@medpay.com.br';
const BODY_LIMIT = 1_000_000;
const MAX_TIMER_MS = 2_147_483_647;

export async function startCelcoinSimulator(options: CelcoinSimulatorOptions): Promise<CelcoinSimulator> {
  const state = new SimulatorState();
  const store = persistedState(options.stateFile);
  const saved = store.load();
  if (saved) state.restore(saved as SavedState);
  const save = () => store.save(() => state.dump());
  const faults = noFaults();
  const timers = new Set<NodeJS.Timeout>();
  const { webhookUrl, webhookBasicAuth } = options;
  const target: WebhookTarget = { ...(webhookUrl ? { url: webhookUrl } : {}), ...(webhookBasicAuth ? { sign: basicAuthSigner(webhookBasicAuth.username, webhookBasicAuth.password) } : {}) };
  const webhooks = new WebhookDispatcher({
    target,
    userAgent: 'celcoin-simulator',
    retryBaseMs: options.webhookRetryBaseMs ?? 1000,
    maxAttempts: options.webhookMaxAttempts ?? 20,
    faults: () => faults,
    onGiveUp: (message) => options.logger?.warn({ deliveryId: message.deliveryId, entity: message.entity }, 'webhook given up after every retry'),
  });
  let publicHost = '';
  const context: SimulatorContext = {
    state,
    webhooks,
    faults,
    settings: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      pixKey: options.pixKey ?? DEFAULT_PIX_KEY,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 2400,
      settlementDelayMs: options.settlementDelayMs ?? 1000,
      boletoBankCode: options.boletoBankCode ?? '509',
    },
    publicHost: () => publicHost,
    later(ms, task) {
      if (ms > MAX_TIMER_MS) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        task();
        save();
      }, ms);
      timer.unref();
      timers.add(timer);
    },
  };

  const server = await startSimulatorServer({
    name: 'celcoin-simulator',
    routes: [...authRoutes(context), ...pixRoutes(context), ...boletoRoutes(context), ...cardRoutes(context), ...escrowRoutes(context), ...transferRoutes(context), ...controlRoutes(context, target)],
    port: options.port ?? 4010,
    host: options.host ?? '127.0.0.1',
    faults,
    authenticate: (headers) => hasValidBearer(context, headers),
    unauthorizedMessage: 'Missing, unknown or expired access token',
    bodyLimit: BODY_LIMIT,
    // Kept in the state (not the server's count): it survives a restart and /_sim/reset clears it.
    onApiCall: () => (state.apiCalls += 1),
    onChange: save,
    onClose: () => {
      webhooks.close();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    ...(options.logger ? { logger: options.logger } : {}),
  });
  publicHost = (options.publicBaseUrl ?? server.url).replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  return { url: server.url, port: server.port, server: server.server, state, webhooks, close: server.close };
}
