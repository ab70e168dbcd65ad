// The HTTP server every simulator runs: routing, fault injection on the provider's endpoints, the
// provider's authentication check, the provider's error shape, CORS for browser-facing routes, and a
// save after every request that may have changed the state.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { BodyTooLargeError, listen, readBody, sendJson, type Logger } from '@medpay/runtime';
import { noFaults, type Faults } from './faults.js';
import { Router, SimError, type Reply, type Route } from './http-router.js';

export interface SimulatorServerOptions {
  /** names the simulator in logs */
  name: string;
  routes: Route[];
  port: number;
  host?: string;
  faults?: Faults;
  /** whether an `authenticated` route's caller presented valid credentials */
  authenticate?: (headers: IncomingHttpHeaders) => boolean;
  /** the message of the 401 an `authenticated` route answers without them */
  unauthorizedMessage?: string;
  /** the largest request body accepted (413 past it); 5 MB by default */
  bodyLimit?: number;
  /** the provider's error body; { errorCode, message } by default */
  errorBody?: (code: string, message: string) => unknown;
  /** after a request that may have changed the state (anything but GET) */
  onChange?: () => void;
  /** on every API call, before any fault (for a simulator that keeps the count in its own state) */
  onApiCall?: () => void;
  onClose?: () => void | Promise<void>;
  logger?: Logger;
}

export interface SimulatorServer {
  url: string;
  port: number;
  server: Server;
  faults: Faults;
  /** API calls answered so far (control routes aside) */
  apiCalls(): number;
  close(): Promise<void>;
}

const DEFAULT_BODY_LIMIT = 5_000_000;
// A preflight (OPTIONS) is answered for the path's POST route: POST is what a browser is let to send.
const CORS_HEADERS = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' };

export async function startSimulatorServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const faults = options.faults ?? noFaults();
  const errorBody = options.errorBody ?? ((errorCode: string, message: string) => ({ errorCode, message }));
  const unauthorizedMessage = options.unauthorizedMessage ?? 'Missing, unknown or expired credentials';
  const router = new Router();
  router.add(...options.routes);
  let apiCalls = 0;

  const answer = async (route: Route, req: IncomingMessage, path: string, params: Record<string, string>, query: URLSearchParams): Promise<Reply | 'withhold'> => {
    const body = await readBody(req, options.bodyLimit ?? DEFAULT_BODY_LIMIT);
    if (route.api) {
      apiCalls += 1;
      options.onApiCall?.();
      if (faults.latencyMs) await sleep(faults.latencyMs);
      if (faults.failNext > 0 && path.includes(faults.faultPath)) {
        faults.failNext -= 1;
        return { status: 503, body: errorBody('SERVICE_UNAVAILABLE', 'Simulated outage (failNext)') };
      }
    }
    let reply: Reply;
    if (route.authenticated && !options.authenticate?.(req.headers)) {
      reply = { status: 401, body: errorBody('UNAUTHORIZED', unauthorizedMessage) };
    } else {
      try {
        reply = await route.handler({ method: route.method, path, params, query, headers: req.headers, body });
      } catch (error) {
        if (!(error instanceof SimError)) throw error;
        reply = { status: error.status, body: errorBody(error.code, error.message) };
      }
    }
    // A lost response: the work is done, the client never hears back.
    if (route.api && faults.timeoutNext > 0 && path.includes(faults.faultPath)) {
      faults.timeoutNext -= 1;
      return 'withhold';
    }
    return reply;
  };

  const send = (res: ServerResponse, reply: Reply, extra: Record<string, string>) => {
    if (reply.html !== undefined || reply.bytes) {
      const [contentType, data] = reply.bytes ? [reply.bytes.contentType, reply.bytes.data] : ['text/html; charset=utf-8', Buffer.from(reply.html!)];
      res.writeHead(reply.status, { 'content-type': contentType, 'content-length': data.length, ...extra, ...reply.headers });
      return res.end(data);
    }
    sendJson(res, reply.status, reply.body ?? {}, { ...extra, ...reply.headers });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const match = router.match(method === 'OPTIONS' ? 'POST' : method, url.pathname);
    if (!match.route) {
      if (match.allowed.length) return sendJson(res, 405, errorBody('METHOD_NOT_ALLOWED', `Use ${match.allowed.join(' or ')}`), { allow: match.allowed.join(', ') });
      return sendJson(res, 404, errorBody('NOT_FOUND', `No route for ${method} ${url.pathname}`));
    }
    const cors = match.route.cors ? CORS_HEADERS : {};
    if (method === 'OPTIONS') {
      res.writeHead(match.route.cors ? 204 : 405, cors);
      return res.end();
    }
    try {
      const reply = await answer(match.route, req, url.pathname, match.params, url.searchParams);
      if (method !== 'GET') options.onChange?.();
      if (reply === 'withhold') return;
      send(res, reply, cors);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, errorBody('PAYLOAD_TOO_LARGE', 'Request body too large'), cors);
      options.logger?.error({ err: error, path: url.pathname, simulator: options.name }, 'simulator handler failed');
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_ERROR', error instanceof Error ? error.message : 'Internal error'), cors);
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  const running = await listen(server, options.host ?? '127.0.0.1', options.port, async () => {
    await options.onClose?.();
  });
  return { url: running.url, port: running.port, server, faults, apiCalls: () => apiCalls, close: running.close };
}
