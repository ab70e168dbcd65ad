// The router: verifies who is calling, enforces the auth directives and the request limits before
// any subgraph is called, plans and executes through the gateway, serves live subscriptions over
// graphql-ws on the same /graphql, and serves the sandbox.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  AccessTokenVerifier, answerFailure, AppError, clientIpOf, createLogger, executeApollo, listen, mayReadMetrics, Metrics,
  OperationAuthorizer, readBody, sendGraphQLError, sendJson, type RunningService,
} from '@medpay/runtime';
import { buildASTSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { CallerAuthenticator } from './caller.js';
import { createRouterErrorFormatter, isClientMistake, REQUEST_REFUSALS } from './client-errors.js';
import { DemandControl } from './demand-control.js';
import { createOperationPolicy, MAX_TOKENS } from './operation-policy.js';
import { Revocations } from './revocations.js';
import { subgraphUrlOverride, type RouterConfig } from './config.js';
import { createGateway, type RouterContext } from './gateway.js';
import { sandboxPage } from './graphiql.js';
import { assertEnforcementActive, assertSubscriptionEnforcementActive } from './self-test.js';
import { SharedSubscriptions } from './shared-subscriptions.js';
import { SubgraphLinks } from './subgraph-links.js';
import { createPreparer, serveSubscriptions } from './subscription-server.js';
import { SubscriptionPlanner } from './subscription-plans.js';

const isJsonRequest = (contentType: string | undefined) => {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json' || mediaType === 'application/graphql-response+json';
};

/** The subgraphs named in the supergraph, with the base URL the router uses for each. */
export function subgraphsOf(supergraphSdl: string, config: RouterConfig): { name: string; baseUrl: string }[] {
  const graphs = /enum join__Graph \{([^}]*)\}/.exec(supergraphSdl)?.[1] ?? '';
  return [...graphs.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(([, name, url]) => ({
    name: name!,
    baseUrl: subgraphUrlOverride(config, name!) ?? url!.replace(/\/graphql$/, ''),
  }));
}

export async function startRouter(config: RouterConfig): Promise<RunningService & { metrics: Metrics }> {
  const logger = createLogger('router', config.LOG_LEVEL);
  const metrics = new Metrics();
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const subgraphs = subgraphsOf(supergraphSdl, config);
  const baseUrlOf = (name: string) => subgraphs.find((s) => s.name === name)?.baseUrl;

  // The supergraph as a schema, directive applications included: authorization and demand control read them.
  const supergraphSchema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const authorizer = new OperationAuthorizer(supergraphSchema);
  const unknownPolicies = authorizer.unknownPolicies();
  if (unknownPolicies.length) throw new Error(`Supergraph uses policies with no rule: ${unknownPolicies.join(', ')}`);

  const revocations = new Revocations({ usersUrl: baseUrlOf('users')!, providersUrl: baseUrlOf('providers')!, internalSecret: config.INTERNAL_CLAIMS_SECRET }, config.REVOCATION_POLL_MS, logger);
  await revocations.start();
  const authenticator = new CallerAuthenticator(
    new AccessTokenVerifier(config.JWT_JWKS ?? `${baseUrlOf('users')}/.well-known/jwks.json`),
    baseUrlOf('providers')!,
    config.INTERNAL_CLAIMS_SECRET,
    config.API_KEY_CACHE_SECONDS * 1000,
    revocations,
    logger,
  );

  const policy = createOperationPolicy({
    authorizer,
    demand: new DemandControl(supergraphSchema),
    budgets: {
      maxDepth: config.MAX_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxDirectives: config.MAX_DIRECTIVES,
      maxCost: { anonymous: config.MAX_COST_ANONYMOUS, user: config.MAX_COST_USER, partner: config.MAX_COST_PARTNER, admin: config.MAX_COST_ADMIN },
    },
    production: config.NODE_ENV === 'production',
    metrics,
  });
  const authorization: ApolloServerPlugin<RouterContext> = {
    async requestDidStart() {
      metrics.increment('graphql_requests_total');
      return {
        async didResolveOperation({ document, contextValue, operation, request }) {
          if (operation?.operation === 'subscription') {
            throw new AppError('BAD_REQUEST', 'Assinaturas usam WebSocket (graphql-ws) em /graphql.', { http: { status: 400 } });
          }
          if (!operation) {
            throw request.operationName
              ? new AppError('BAD_REQUEST', 'Não há no documento uma operação com esse `operationName`.', { http: { status: 400 } })
              : new AppError('OPERATION_NAME_REQUIRED', 'O documento tem mais de uma operação: informe qual executar em `operationName`.', { http: { status: 400 } });
          }
          contextValue.cost = policy(document, operation, request.variables, contextValue.claims);
        },
        async willSendResponse({ response, contextValue, errors }) {
          if (response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          // The estimate and the budget it was held to, for partners tuning their queries.
          if (contextValue.cost) singleResult.extensions = { ...singleResult.extensions, cost: contextValue.cost };
          // A request that never ran (no data) for the client's own mistake is a 4xx, never a 500.
          if (!('data' in singleResult) && errors?.length && (response.http.status ?? 200) >= 500 && errors.every((error) => isClientMistake(error))) response.http.status = 400;
        },
      };
    },
  };

  const { gateway, dataSources, closeConnections } = createGateway({
    supergraphSdl,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    urlOverrides: Object.fromEntries(subgraphs.map((s) => [s.name, s.baseUrl])),
    mergeIdenticalQueries: config.MERGE_SUBGRAPH_REQUESTS,
  });
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    formatError: createRouterErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Callers authenticate with headers (bearer tokens, API keys), never cookies, so a cross-site page
    // cannot act as anyone; GET serves queries only, and POST takes only JSON (checked below).
    csrfPrevention: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    allowBatchedHttpRequests: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), authorization],
  });
  await apollo.start();
  await assertEnforcementActive(apollo, authorizer);

  const planner = new SubscriptionPlanner(supergraphSdl, dataSources, logger);
  const links = new SubgraphLinks({ baseUrlOf, internalSecret: config.INTERNAL_CLAIMS_SECRET, retryBudgetMs: config.SUBSCRIPTION_RETRY_SECONDS * 1000, logger });
  const subscriptions = new SharedSubscriptions(planner, links, logger, metrics);
  const subscriptionOptions = { apollo, authenticator, policy, planner, subscriptions, logger, metrics };
  assertSubscriptionEnforcementActive(createPreparer(subscriptionOptions), authorizer, planner.apiSchema, subscriptions);

  const sandbox = sandboxPage();
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (req.method === 'GET' && path === '/health') {
        const results = await Promise.all(
          subgraphs.map(async ({ name, baseUrl }) => {
            const ok = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
            return [name, ok ? 'ok' : 'unavailable'] as const;
          }),
        );
        const healthy = results.every(([, status]) => status === 'ok');
        return sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'degraded', subgraphs: Object.fromEntries(results) });
      }
      if (req.method === 'GET' && path === '/metrics') {
        if (!mayReadMetrics(req, config.METRICS_TOKEN)) return sendJson(res, 403, { error: 'FORBIDDEN' });
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        // Memory too: the subscription benchmark reports it per live subscription.
        const { heapUsed, rss } = process.memoryUsage();
        return res.end(`${metrics.render('router')}medpay_process_heap_used_bytes{service="router"} ${heapUsed}\nmedpay_process_resident_memory_bytes{service="router"} ${rss}\n`);
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
          'access-control-allow-headers': 'authorization, content-type, x-api-key, apollo-require-preflight',
          'access-control-max-age': '600',
        });
        return res.end();
      }
      if (req.method === 'GET' && req.headers.accept?.includes('text/html')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(sandbox);
      }
      if (req.method !== 'GET' && req.method !== 'POST') return sendGraphQLError(res, REQUEST_REFUSALS.methodNotAllowed, { allow: 'GET, POST, OPTIONS' });
      if (req.method === 'POST' && !isJsonRequest(req.headers['content-type'])) return sendGraphQLError(res, REQUEST_REFUSALS.unsupportedMediaType);
      // A GET carries its operation in the URL: whatever content type it claims is beside the point.
      if (req.method === 'GET') delete req.headers['content-type'];
      const body = await readBody(req, config.BODY_LIMIT_BYTES);
      if (body[0] === 0x5b /* [ */) return sendGraphQLError(res, REQUEST_REFUSALS.batching);
      const claims = await authenticator.authenticate(req.headers);
      const context: RouterContext = { claims, clientIp: clientIpOf(req, config.TRUSTED_PROXIES), subgraphCalls: 0 };
      await executeApollo(apollo, req, res, body, async () => context);
    } catch (error) {
      answerFailure(res, error, logger);
    }
  });
  const live = serveSubscriptions({
    ...subscriptionOptions,
    server,
    revocations,
    maxSubscriptionsPerConnection: config.MAX_SUBSCRIPTIONS_PER_CONNECTION,
    maxPayloadBytes: config.BODY_LIMIT_BYTES,
    trustedProxies: config.TRUSTED_PROXIES,
  });
  const running = await listen(server, config.HOST, config.ROUTER_PORT, async () => {
    await subscriptions.close();
    revocations.close();
    await apollo.stop();
    await closeConnections();
  });
  // WebSockets outlive server.close(): end them first, or closing would wait for every subscriber.
  return { ...running, metrics, close: () => live.close().then(() => running.close()) };
}
