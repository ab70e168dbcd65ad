// The router: verifies who is calling, enforces the auth directives and the request limits before
// any subgraph is called, plans and executes through the gateway, serves live subscriptions over
// graphql-ws on the same /graphql, and serves the sandbox.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  AccessTokenVerifier, answerFailure, AppError, clientIpOf, createErrorFormatter, createLogger, executeApollo, isPlatformAdmin, listen, Metrics,
  OperationAuthorizer, readBody, sendJson, type RunningService,
} from '@medpay/runtime';
import { buildASTSchema, GraphQLError, Kind, parse, visit, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { CallerAuthenticator } from './caller.js';
import { subgraphUrlOverride, type RouterConfig } from './config.js';
import { createGateway, type RouterContext } from './gateway.js';
import { sandboxPage } from './graphiql.js';
import { assertEnforcementActive, assertSubscriptionEnforcementActive } from './self-test.js';
import { SessionWatch } from './session-watch.js';
import { SharedSubscriptions } from './shared-subscriptions.js';
import { SubgraphLinks } from './subgraph-links.js';
import { createPreparer, serveRouterSubscriptions } from './subscription-server.js';
import { SubscriptionPlanner } from './subscription-plans.js';

/** The subgraphs named in the supergraph, with the base URL the router uses for each. */
export function subgraphsOf(supergraphSdl: string, config: RouterConfig): { name: string; baseUrl: string }[] {
  const graphs = /enum join__Graph \{([^}]*)\}/.exec(supergraphSdl)?.[1] ?? '';
  return [...graphs.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(([, name, url]) => ({
    name: name!,
    baseUrl: subgraphUrlOverride(config, name!) ?? url!.replace(/\/graphql$/, ''),
  }));
}

const introspectionCache = new WeakMap<DocumentNode, boolean>();
function isIntrospection(document: DocumentNode): boolean {
  let found = introspectionCache.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.FIELD]: (node) => {
        if (node.name.value === '__schema' || node.name.value === '__type') found = true;
      },
    });
    introspectionCache.set(document, found);
  }
  return found;
}

export async function startRouter(config: RouterConfig): Promise<RunningService & { metrics: Metrics }> {
  const logger = createLogger('router', config.LOG_LEVEL);
  const metrics = new Metrics();
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const subgraphs = subgraphsOf(supergraphSdl, config);
  const baseUrlOf = (name: string) => subgraphs.find((s) => s.name === name)?.baseUrl;

  const authorizer = new OperationAuthorizer(buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true }));
  const unknownPolicies = authorizer.unknownPolicies();
  if (unknownPolicies.length) throw new Error(`Supergraph uses policies with no rule: ${unknownPolicies.join(', ')}`);

  const authenticator = new CallerAuthenticator(
    new AccessTokenVerifier(config.JWT_JWKS ?? `${baseUrlOf('users')}/.well-known/jwks.json`),
    baseUrlOf('providers')!,
    config.INTERNAL_CLAIMS_SECRET,
    config.API_KEY_CACHE_SECONDS * 1000,
    logger,
  );

  const authorization: ApolloServerPlugin<RouterContext> = {
    async requestDidStart() {
      metrics.increment('graphql_requests_total');
      return {
        async didResolveOperation({ document, contextValue, operation }) {
          const { claims } = contextValue;
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Assinaturas usam WebSocket (graphql-ws) em /graphql.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          // Introspection: open in development; in production only for admins and partner systems.
          if (config.NODE_ENV === 'production' && isIntrospection(document) && !(isPlatformAdmin(claims) || claims?.kind === 'partner')) {
            throw claims
              ? new AppError('FORBIDDEN', 'Introspecção disponível apenas para administradores e parceiros.')
              : new AppError('UNAUTHENTICATED', 'Entre para explorar o schema.');
          }
          const denied = authorizer.authorize(document, claims);
          if (denied) {
            metrics.increment('operations_denied_total');
            throw denied;
          }
        },
      };
    },
  };

  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH },
    maxAliases: { n: config.MAX_ALIASES },
    costLimit: { maxCost: config.MAX_COST },
    maxDirectives: { n: 50 },
    maxTokens: { n: 2000 },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();

  const { gateway, dataSources, closeConnections } = createGateway({
    supergraphSdl,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    urlOverrides: Object.fromEntries(subgraphs.map((s) => [s.name, s.baseUrl])),
    mergeIdenticalQueries: config.MERGE_SUBGRAPH_REQUESTS,
  });
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    formatError: createErrorFormatter(logger, { passThroughCodes: true }),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), authorization, ...(protection.plugins as ApolloServerPlugin<RouterContext>[])],
  });
  await apollo.start();
  await assertEnforcementActive(apollo, authorizer);

  const planner = new SubscriptionPlanner(supergraphSdl, dataSources, logger);
  const links = new SubgraphLinks({ baseUrlOf, internalSecret: config.INTERNAL_CLAIMS_SECRET, retryBudgetMs: config.SUBSCRIPTION_RETRY_SECONDS * 1000, logger });
  const subscriptions = new SharedSubscriptions(planner, links, logger, metrics);
  const subscriptionOptions = { apollo, authenticator, authorizer, planner, subscriptions, validationRules: protection.validationRules, logger, metrics };
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
      const body = await readBody(req, config.BODY_LIMIT_BYTES);
      const claims = await authenticator.authenticate(req.headers);
      const context: RouterContext = { claims, clientIp: clientIpOf(req), subgraphCalls: 0 };
      await executeApollo(apollo, req, res, body, async () => context);
    } catch (error) {
      answerFailure(res, error, logger);
    }
  });
  const sessions = config.REDIS_URL ? SessionWatch.connect(config.REDIS_URL, config.SESSION_CHECK_SECONDS * 1000, logger) : null;
  const live = serveRouterSubscriptions({
    ...subscriptionOptions,
    server,
    sessions,
    maxSubscriptionsPerConnection: config.MAX_SUBSCRIPTIONS_PER_CONNECTION,
    maxPayloadBytes: config.BODY_LIMIT_BYTES,
  });
  const running = await listen(server, config.HOST, config.ROUTER_PORT, async () => {
    await subscriptions.close();
    await sessions?.close();
    await apollo.stop();
    await closeConnections();
  });
  // WebSockets outlive server.close(): end them first, or closing would wait for every subscriber.
  return { ...running, metrics, close: () => live.close().then(() => running.close()) };
}
