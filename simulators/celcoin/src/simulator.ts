// A Celcoin stand-in for development and tests: a real HTTP server speaking the subset of Celcoin's API
// our adapter uses, with in-memory state machines, webhooks with retries, and fault injection.
// With a state file (`npm start`'s), what it holds survives a restart, as a real account would.
// See README.md for every endpoint and control.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BodyTooLargeError, listen, readBody, sendJson, type Logger } from '@medpay/runtime';
import { authRoutes, hasValidBearer } from './auth-routes.js';
import { boletoRoutes } from './boleto-routes.js';
import { cardRoutes } from './card-routes.js';
import type { SimulatorContext } from './context.js';
import { controlRoutes } from './control-routes.js';
import { escrowRoutes } from './escrow-routes.js';
import { noFaults } from './faults.js';
import { Router, SimError, type Reply, type Route } from './http-router.js';
import { pixRoutes } from './pix-routes.js';
import { SimulatorState } from './state.js';
import { transferRoutes } from './transfer-routes.js';
import { WebhookDispatcher, type WebhookTarget } from './webhooks.js';

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
const CORS_HEADERS = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' };

export async function startCelcoinSimulator(options: CelcoinSimulatorOptions): Promise<CelcoinSimulator> {
  const state = new SimulatorState();
  const { stateFile } = options;
  if (stateFile && existsSync(stateFile)) state.restore(readFileSync(stateFile, 'utf8'));
  // Written whole and renamed into place: a crash mid-write leaves the previous state, never half of one.
  const save = () => {
    if (!stateFile) return;
    mkdirSync(dirname(stateFile), { recursive: true });
    writeFileSync(`${stateFile}.tmp`, state.dump());
    renameSync(`${stateFile}.tmp`, stateFile);
  };
  const faults = noFaults();
  const timers = new Set<NodeJS.Timeout>();
  const target: WebhookTarget = { ...(options.webhookUrl ? { url: options.webhookUrl } : {}), ...(options.webhookBasicAuth ? { basicAuth: options.webhookBasicAuth } : {}) };
  const webhooks = new WebhookDispatcher({
    target,
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

  const router = new Router();
  router.add(...authRoutes(context), ...pixRoutes(context), ...boletoRoutes(context), ...cardRoutes(context), ...escrowRoutes(context), ...transferRoutes(context), ...controlRoutes(context, target));

  /** Answers a route: faults first (Celcoin endpoints only), then the bearer check, then the handler. */
  const answer = async (route: Route, req: IncomingMessage, path: string, params: Record<string, string>, query: URLSearchParams): Promise<Reply | 'withhold'> => {
    const body = await readBody(req, BODY_LIMIT);
    if (route.api) {
      state.apiCalls += 1;
      if (faults.latencyMs) await sleep(faults.latencyMs);
      if (faults.failNext > 0) {
        faults.failNext -= 1;
        return { status: 503, body: { errorCode: 'SERVICE_UNAVAILABLE', message: 'Simulated outage (failNext)' } };
      }
    }
    let reply: Reply;
    if (route.bearer && !hasValidBearer(context, req.headers)) {
      reply = { status: 401, body: { errorCode: 'UNAUTHORIZED', message: 'Missing, unknown or expired access token' } };
    } else {
      try {
        reply = await route.handler({ method: route.method, path, params, query, headers: req.headers, body });
      } catch (error) {
        if (!(error instanceof SimError)) throw error;
        reply = { status: error.status, body: { errorCode: error.code, message: error.message } };
      }
    }
    // A lost response: the work is done, the client never hears back.
    if (route.api && faults.timeoutNext > 0) {
      faults.timeoutNext -= 1;
      return 'withhold';
    }
    return reply;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const match = router.match(method === 'OPTIONS' ? 'POST' : method, url.pathname);
    if (!match.route) {
      if (match.allowed.length) return sendJson(res, 405, { errorCode: 'METHOD_NOT_ALLOWED', message: `Use ${match.allowed.join(' or ')}` }, { allow: match.allowed.join(', ') });
      return sendJson(res, 404, { errorCode: 'NOT_FOUND', message: `No route for ${method} ${url.pathname}` });
    }
    const cors = match.route.cors ? CORS_HEADERS : {};
    if (method === 'OPTIONS') {
      res.writeHead(match.route.cors ? 204 : 405, cors);
      return res.end();
    }
    try {
      const reply = await answer(match.route, req, url.pathname, match.params, url.searchParams);
      if (method !== 'GET') save();
      if (reply === 'withhold') return;
      sendJson(res, reply.status, reply.body ?? {}, { ...cors, ...reply.headers });
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { errorCode: 'PAYLOAD_TOO_LARGE', message: 'Request body too large' }, cors);
      options.logger?.error({ err: error, path: url.pathname }, 'simulator handler failed');
      if (!res.headersSent) sendJson(res, 500, { errorCode: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : 'Internal error' }, cors);
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  const running = await listen(server, options.host ?? '127.0.0.1', options.port ?? 4010, async () => {
    webhooks.close();
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  });
  publicHost = (options.publicBaseUrl ?? running.url).replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  return { url: running.url, port: running.port, server, state, webhooks, close: running.close };
}
