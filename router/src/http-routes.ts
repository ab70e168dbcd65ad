// The router's HTTP routes: health (every subgraph answers), Prometheus metrics (for the scraper), and
// /graphql with CORS for the apps, the offline sandbox for browsers, operations through Apollo
// Server — queries by GET or POST, JSON posts only, one operation per request — and event streams
// (graphql-sse, event-stream.ts) for a POST that accepts text/event-stream.
import type { ApolloServer } from '@apollo/server';
import { answerFailure, clientIpOf, DEVICE_HEADER, deviceIdOf, executeApollo, mayReadMetrics, readBody, sendGraphQLError, sendJson, type Logger, type Metrics } from '@medpay/runtime';
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

/** where the users subgraph serves data export downloads (its export-links.ts) */
const DATA_EXPORT_DOWNLOAD_PATH = '/data-exports/download';

const isJsonRequest = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

export function httpRoutes({ config, subgraphs, apollo, authenticator, trusted, eventStreams, metrics, logger }: HttpRoutesOptions) {
  const sandbox = sandboxPage();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
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
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        // Memory too: the subscription benchmark reports it per live subscription.
        const { heapUsed, rss } = process.memoryUsage();
        res.end(`${metrics.render('router')}medpay_process_heap_used_bytes{service="router"} ${heapUsed}\nmedpay_process_resident_memory_bytes{service="router"} ${rss}\n`);
        return;
      }
      // A data export's download (a signed link, made by the users subgraph): forwarded as it is, the one
      // subgraph route browsers reach — the subgraphs themselves are never published.
      if (req.method === 'GET' && path === DATA_EXPORT_DOWNLOAD_PATH) {
        const users = subgraphs.find(({ name }) => name === 'users');
        if (!users) return sendJson(res, 404, { error: 'not found' });
        const upstream = await fetch(`${users.pick()}${req.url}`, { signal: AbortSignal.timeout(30_000) });
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'content-disposition', 'cache-control', 'referrer-policy']) {
          const value = upstream.headers.get(name);
          if (value) headers[name] = value;
        }
        res.writeHead(upstream.status, headers);
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
}
