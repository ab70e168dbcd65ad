// One bootstrap for every subgraph: Apollo Server on node:http, verified claims in the context,
// the auth directives enforced on the subgraph's own schema, one error mapper, /health and /metrics.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BlockList, isIP, isIPv6 } from 'node:net';
import type { AddressInfo } from 'node:net';
import { OperationAuthorizer } from './authorization.js';
import { CLAIMS_HEADER, verifyRouterClaims, type Claims } from './claims.js';
import { createErrorFormatter } from './errors.js';
import { answerFailure, executeApollo, readBody, sendJson, type RouteHandler } from './http.js';
import type { Logger } from './logger.js';
import { operationMetricsPlugin, type Metrics } from './metrics.js';
import { checkOperationLimits, SUBGRAPH_OPERATION_LIMITS } from './operation-limits.js';
import { checkInputText } from './text-input.js';
import { serveSubgraphSubscriptions } from './subgraph-subscriptions.js';
import { startTracing, traceRequest, tracingPlugin } from './tracing.js';

/** What every resolver gets; services extend it with their stores and DataLoaders. */
export interface RequestContext {
  claims: Claims | null;
  /** the end user's address as the router saw it, for audit records */
  clientIp: string;
  logger: Logger;
  /**
   * The caller's own `Authorization` header, which the router passes on only to the subgraphs that ask
   * the graph again on the caller's behalf (ai). Identity still comes from the claims; this is only
   * handed back to the router, which verifies it again.
   */
  authorization?: string;
  /** the app's device id (DEVICE_HEADER) as the router passed it on: a fraud signal, never an identity */
  deviceId?: string;
  /**
   * A subscription taken up again after the router lost its connection: the bus position of the last
   * event it received (subgraph-subscriptions.ts). The field's source replays what came after it.
   */
  resumeAfter?: string;
}

/** The id an app keeps in its local storage and sends with every request: anti-fraud counts checkouts per device. */
export const DEVICE_HEADER = 'x-medpay-device';

/** The request's device id when it is well formed (8–64 letters, digits, - and _); anything else counts as none. */
export function deviceIdOf(headers: IncomingMessage['headers']): string | undefined {
  const value = headers[DEVICE_HEADER];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value) ? value : undefined;
}

export interface SubgraphOptions<Context extends RequestContext> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  port: number;
  internalSecret: string;
  logger: Logger;
  metrics: Metrics;
  createContext: (request: RequestContext) => Context;
  /** extra endpoints, keyed "METHOD /path" */
  routes?: Record<string, RouteHandler>;
  /** throws when a dependency (database, Redis) does not answer */
  checkHealth: () => Promise<void>;
  bodyLimitBytes?: number;
  /** releases what the service holds (database, Redis) after the server stops */
  onClose?: () => Promise<void>;
  /** serve the schema's Subscription fields over graphql-ws on /graphql */
  subscriptions?: boolean;
  /** bearer token Prometheus presents for /metrics; without one, /metrics answers loopback callers only */
  metricsToken?: string;
  /** how long a closing service keeps answering, its /health saying 503, before it stops taking connections (listen) */
  drainNoticeMs?: number;
}

export interface RunningService {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * The end user's address: the socket's peer, unless that peer is a trusted proxy (a load balancer, the
 * apps' own servers), in which case the address it appended to X-Forwarded-For, and so on leftwards
 * while the hops are trusted. What a client wrote into the header itself is never taken. Without a
 * list every hop is trusted: subgraphs take the router's one-entry header as it is (only the router's
 * signed calls reach them).
 */
export function clientIpOf(req: IncomingMessage, trustedProxies?: BlockList): string {
  const forwarded = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  let address = req.socket.remoteAddress ?? '';
  while (chain.length > 0 && (!trustedProxies || isTrusted(trustedProxies, address))) address = chain.pop()!;
  return address;
}

const isTrusted = (list: BlockList, address: string) => {
  const plain = address.replace(/^::ffff:(?=\d+\.)/, '');
  return list.check(plain, isIPv6(plain) ? 'ipv6' : 'ipv4');
};

/** A list of addresses and CIDR ranges ("127.0.0.1/8, ::1/128, 10.0.0.0/16") as a BlockList. */
export function addressList(ranges: string): BlockList {
  const list = new BlockList();
  for (const range of ranges.split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const [address, prefix] = range.split('/');
    const type = isIPv6(address!) ? 'ipv6' : 'ipv4';
    if (!isIP(address!)) throw new Error(`not an address: ${range}`);
    list.addSubnet(address!, prefix === undefined ? (type === 'ipv6' ? 128 : 32) : Number(prefix), type);
  }
  return list;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** /metrics is for the scraper, not the public: its bearer token, or a caller on this machine. */
export function mayReadMetrics(req: IncomingMessage, token: string | undefined): boolean {
  if (token) {
    const digest = (text: string) => createHash('sha256').update(text).digest();
    return timingSafeEqual(digest(req.headers.authorization ?? ''), digest(`Bearer ${token}`));
  }
  return LOOPBACK.test(req.socket.remoteAddress ?? '') && !req.headers['x-forwarded-for'];
}

export async function startSubgraph<Context extends RequestContext>(options: SubgraphOptions<Context>): Promise<RunningService> {
  const { logger, metrics } = options;
  const authorizer = new OperationAuthorizer(options.schema);
  const unknown = authorizer.unknownPolicies();
  if (unknown.length) throw new Error(`Schema uses policies with no rule: ${unknown.join(', ')}`);

  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // A second line behind the router's token limit: parsing a huge document is work too.
    parseOptions: { maxTokens: 5_000 },
    // The router sends one query's parallel fetches to a subgraph as one batch (its subgraph-source.ts);
    // each operation is authorized and limited as if it came alone.
    allowBatchedHttpRequests: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      tracingPlugin(),
      operationMetricsPlugin(metrics),
      {
        async requestDidStart() {
          metrics.increment('graphql_requests_total');
          return {
            async didResolveOperation({ document, operation, request, contextValue }) {
              const denied = authorizer.authorize(document, contextValue.claims);
              if (denied) throw denied;
              const excessive = operation && checkOperationLimits(document, operation, request.variables, SUBGRAPH_OPERATION_LIMITS);
              if (excessive) throw excessive;
              const dirty = checkInputText(document, request.variables);
              if (dirty) throw dirty;
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const limit = options.bodyLimitBytes ?? 1_000_000;
  const server = createServer((req, res) => void traceRequest(options.name, req, res, () => answer(req, res)));
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (req.method === 'GET' && path === '/health') {
        if (draining.has(server)) return sendJson(res, 503, { status: 'draining', service: options.name });
        try {
          await options.checkHealth();
          return sendJson(res, 200, { status: 'ok', service: options.name });
        } catch (error) {
          logger.warn({ err: error }, 'health check failed');
          return sendJson(res, 503, { status: 'unavailable', service: options.name });
        }
      }
      if (req.method === 'GET' && path === '/metrics') {
        if (!mayReadMetrics(req, options.metricsToken)) return sendJson(res, 403, { error: 'FORBIDDEN' });
        const body = await metrics.render(options.name);
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        return res.end(body);
      }
      const body = await readBody(req, limit);
      const route = options.routes?.[`${req.method} ${path}`];
      if (route) return await route(req, res, body);
      if (path !== '/graphql' && path !== '/') return sendJson(res, 404, { error: 'not found' });
      const claims = verifyRouterClaims(req.headers[CLAIMS_HEADER] as string | undefined, options.internalSecret);
      const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
      const deviceId = deviceIdOf(req.headers);
      const context = options.createContext({ claims, clientIp: clientIpOf(req), logger, ...(authorization ? { authorization } : {}), ...(deviceId ? { deviceId } : {}) });
      await executeApollo(apollo, req, res, body, async () => context);
    } catch (error) {
      answerFailure(res, error, logger);
    }
  };
  const live = options.subscriptions ? serveSubgraphSubscriptions({ server, schema: options.schema, authorizer, internalSecret: options.internalSecret, logger, metrics, createContext: options.createContext }) : null;
  const running = await listen(
    server,
    options.host,
    options.port,
    async () => {
      await apollo.stop();
      await options.onClose?.();
    },
    options.drainNoticeMs,
  );
  // WebSockets outlive server.close(): end them first, or closing would wait for every subscriber.
  return live ? { ...running, close: () => live.close().then(() => running.close()) } : running;
}

/** how long a closing server lets the requests it is answering finish before it cuts them */
const DRAIN_MS = 10_000;

/** Servers on their way out: their /health answers 503 and their answers close the connection. */
const draining = new WeakSet<Server>();

/**
 * Listens. close() lets a replica leave without failing a call (a deploy, a scale-in, Ctrl-C):
 * for `drainNoticeMs` it keeps answering while its /health says 503, so that callers choosing among
 * replicas (the router's health checks, a load balancer's) stop sending to it; each answer meanwhile
 * closes its connection, so no caller reuses a socket the server is about to close. Then it stops
 * taking connections, lets the requests in flight finish (cut after DRAIN_MS), and runs onClose.
 */
export async function listen(server: Server, host: string, port: number, onClose: () => Promise<void>, drainNoticeMs = 0): Promise<RunningService> {
  server.keepAliveTimeout = 65_000;
  server.prependListener('request', (_req, res) => draining.has(server) && res.setHeader('connection', 'close'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    server,
    close() {
      closing ??= (async () => {
        draining.add(server);
        if (drainNoticeMs > 0) await new Promise((resolve) => setTimeout(resolve, drainNoticeMs));
        await new Promise<void>((resolve) => {
          const idle = setInterval(() => server.closeIdleConnections(), 20);
          const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
          server.close(() => {
            clearInterval(idle);
            clearTimeout(cut);
            resolve();
          });
          server.closeIdleConnections();
        });
        await onClose();
      })();
      return closing;
    },
  };
}

/** Runs a service as its own process: starts it, says where it listens, stops cleanly on a signal. */
export async function runService(name: string, start: () => Promise<RunningService>) {
  const tracing = startTracing(name);
  let running: RunningService;
  try {
    running = await start();
  } catch (error) {
    console.error(`${name} failed to start:`, error instanceof Error ? error.message : error);
    process.exit(1);
  }
  console.log(`${name} listening on ${running.url}`);
  const stop = async () => {
    await running.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
