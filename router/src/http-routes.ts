// The router's HTTP routes: health (every subgraph answers), Prometheus metrics (for the scraper), and
// /graphql with CORS for the apps, the offline sandbox for browsers, operations through Apollo
// Server — queries by GET or POST, JSON posts only, one operation per request — and event streams
// (graphql-sse, event-stream.ts) for a POST that accepts text/event-stream.
import type { ApolloServer } from '@apollo/server';
import { traceCall, traceRequest, answerFailure, CLAIMS_HEADER, clientIpOf, DEVICE_HEADER, deviceIdOf, executeApollo, mayReadMetrics, readBody, sendGraphQLError, sendJson, type Logger, type Metrics } from '@medpay/runtime';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallerAuthenticator } from './caller.js';
import { REQUEST_REFUSALS } from './client-errors.js';
import type { RouterConfig } from './config.js';
import { wantsEventStream, type createEventStreams } from './event-stream.js';
import type { RouterContext } from './gateway.js';
import type { Replicas } from './replicas.js';
import { sandboxPage } from './graphiql.js';
import type { TrustedDocuments } from './trusted-documents.js';
import { clientIdentityOf } from './usage-log.js';

export interface HttpRoutesOptions {
  config: Pick<RouterConfig, 'CORS_ORIGINS' | 'BODY_LIMIT_BYTES' | 'METRICS_TOKEN' | 'TRUSTED_PROXIES'>;
  subgraphs: Replicas[];
  apollo: ApolloServer<RouterContext>;
  authenticator: CallerAuthenticator;
  trusted: TrustedDocuments;
  eventStreams: ReturnType<typeof createEventStreams>;
  metrics: Metrics;
  logger: Logger;
}

/**
 * The subgraph routes the outside reaches, through the router (the subgraphs themselves are never
 * published): a data export's download (a signed link, users' export-links.ts) and the providers'
 * webhooks, each checked by its subgraph on the raw request (Celcoin's Basic credentials, Zenvia's
 * token, WhatsApp's signature). Forwarded as they are, without anything of the router's own.
 */
/**
 * Requests passed on as they came to the subgraphs that serve them. A webhook several subgraphs follow
 * (ClickSign's: payments' contracts, providers' agreements) goes to each, and is answered 2xx only when
 * every one took it, so the provider retries what one of them missed (each ignores what is not its own).
 */
const FORWARDED_ROUTES: Record<string, { subgraphs: string[]; methods: string[]; signedByHeaders?: true }> = {
  // signed links: nothing of the browser's (its bearer token included) goes on
  '/data-exports/download': { subgraphs: ['users'], methods: ['GET'] },
  '/documents/payments': { subgraphs: ['payments'], methods: ['GET'] },
  '/documents/providers': { subgraphs: ['providers'], methods: ['GET'] },
  '/webhooks/celcoin': { subgraphs: ['payments'], methods: ['POST'], signedByHeaders: true },
  '/webhooks/clicksign': { subgraphs: ['payments', 'providers'], methods: ['POST'], signedByHeaders: true },
  '/webhooks/helena': { subgraphs: ['providers'], methods: ['POST'], signedByHeaders: true },
  '/webhooks/zenvia': { subgraphs: ['notifications'], methods: ['POST'], signedByHeaders: true },
  '/webhooks/whatsapp': { subgraphs: ['notifications'], methods: ['GET', 'POST'], signedByHeaders: true },
};
/** request headers a webhook's are never passed on with: the connection's own, and those only the router may set */
const UNFORWARDED_HEADERS = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', CLAIMS_HEADER, 'x-forwarded-for', 'x-request-id', 'traceparent', 'tracestate']);
const FORWARDED_ANSWER_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'referrer-policy'];

const isJsonRequest = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

export function httpRoutes({ config, subgraphs, apollo, authenticator, trusted, eventStreams, metrics, logger }: HttpRoutesOptions) {
  const sandbox = sandboxPage();
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (req.method === 'GET' && path === '/health') {
        // A subgraph serves while one of its replicas does (the router then stays healthy); replicas down are named.
        await Promise.all(subgraphs.map((replicas) => replicas.check(2_000)));
        const results = subgraphs.map((replicas) => [replicas.name, replicas.status().some(({ up }) => up) ? 'ok' : 'unavailable'] as const);
        const down = subgraphs.flatMap((replicas) => (replicas.count > 1 ? replicas.status().filter(({ up }) => !up).map(({ url }) => ({ subgraph: replicas.name, url })) : []));
        const healthy = results.every(([, status]) => status === 'ok');
        return sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'degraded', subgraphs: Object.fromEntries(results), ...(down.length ? { replicasDown: down } : {}) });
      }
      if (req.method === 'GET' && path === '/metrics') {
        if (!mayReadMetrics(req, config.METRICS_TOKEN)) return sendJson(res, 403, { error: 'FORBIDDEN' });
        const body = await metrics.render('router');
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(body);
        return;
      }
      const forwarded = FORWARDED_ROUTES[path!];
      if (forwarded) {
        const targets = subgraphs.filter(({ name }) => forwarded.subgraphs.includes(name));
        if (targets.length !== forwarded.subgraphs.length) return sendJson(res, 404, { error: 'not found' });
        if (!forwarded.methods.includes(req.method ?? '')) return sendJson(res, 405, { error: 'method not allowed' }, { allow: forwarded.methods.join(', ') });
        const incoming: Record<string, string> = {};
        if (forwarded.signedByHeaders) {
          for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && !UNFORWARDED_HEADERS.has(name)) incoming[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        const body = req.method === 'POST' ? new Uint8Array(await readBody(req, config.BODY_LIMIT_BYTES)) : undefined;
        const answers = await Promise.all(
          targets.map((target) => {
            const headers = { ...incoming };
            return traceCall(`router → ${target.name} ${path}`, { 'medpay.subgraph': target.name }, headers, () =>
              fetch(`${target.pick()}${req.url}`, { method: req.method, headers, body, signal: AbortSignal.timeout(30_000) }),
            );
          }),
        );
        const upstream = answers.find((answer) => !answer.ok) ?? answers[0]!;
        await Promise.all(answers.filter((answer) => answer !== upstream).map((answer) => answer.arrayBuffer()));
        const answerHeaders: Record<string, string> = {};
        for (const name of FORWARDED_ANSWER_HEADERS) {
          const value = upstream.headers.get(name);
          if (value) answerHeaders[name] = value;
        }
        res.writeHead(upstream.status, answerHeaders);
        res.end(Buffer.from(await upstream.arrayBuffer()));
        return;
      }
      if (path !== '/graphql') return sendJson(res, 404, { error: 'not found' });
      // The apps call the router from the browser with bearer tokens (no cookies): CORS for the listed origins only.
      const origin = req.headers.origin;
      if (origin && config.CORS_ORIGINS.has(origin)) {
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('vary', 'origin');
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST',
          // The apps may name themselves for the usage log (usage-log.ts).
          'access-control-allow-headers': `authorization, content-type, x-api-key, apollo-require-preflight, apollographql-client-name, apollographql-client-version, ${DEVICE_HEADER}`,
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
      if (req.method === 'GET' && req.headers.accept?.includes('text/html')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(sandbox);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'POST') return sendGraphQLError(res, REQUEST_REFUSALS.methodNotAllowed, { allow: 'GET, POST, OPTIONS' });
      // Only JSON posts: a form or text/plain post (what a cross-site page sends without a preflight) never runs.
      if (req.method === 'POST' && !isJsonRequest(req.headers['content-type'])) return sendGraphQLError(res, REQUEST_REFUSALS.unsupportedMediaType);
      // A GET carries its operation in the URL: whatever content type it claims is beside the point.
      if (req.method === 'GET') delete req.headers['content-type'];
      // A batch (a JSON array) is refused by Apollo Server itself, answered as BATCHING_NOT_SUPPORTED (client-errors.ts).
      const body = await readBody(req, config.BODY_LIMIT_BYTES);
      const claims = await authenticator.authenticate(req.headers);
      if (wantsEventStream(req)) return await eventStreams(req, res, body, claims);
      // A person's own token goes on to the subgraphs that ask the graph for them (gateway.ts, TOKEN_RECIPIENTS).
      const authorization = claims?.kind === 'user' ? req.headers.authorization : undefined;
      const deviceId = deviceIdOf(req.headers);
      const context: RouterContext = { claims, clientIp: clientIpOf(req, config.TRUSTED_PROXIES), client: clientIdentityOf(req.headers), subgraphCalls: 0, ...(authorization ? { authorization } : {}), ...(deviceId ? { deviceId } : {}) };
      // The apps send their operations' ids (trusted-documents.ts): the manifest's text runs for them.
      await executeApollo(apollo, req, res, body, async () => context, (request) => trusted.resolveHttp(request, claims));
    } catch (error) {
      answerFailure(res, error, logger);
    }
  };
  // Each request continues its caller's trace and gets a request id, returned in `x-request-id` (tracing.ts in the kit).
  return (req: IncomingMessage, res: ServerResponse) => traceRequest('router', req, res, () => answer(req, res));
}
