// Wires the router: the caller check, the authorization plugin and the request limits in front of the
// gateway, the HTTP routes (http-routes.ts), live subscriptions over graphql-ws on the same /graphql,
// and the usage log sent to analytics (usage-log.ts, usage-sender.ts).
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { AccessTokenVerifier, createLogger, InternalClient, listen, Metrics, OperationAuthorizer, operationMetricsPlugin, tracingPlugin, type RunningService } from '@medpay/runtime';
import { buildASTSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { authorizationPlugin } from './authorization-plugin.js';
import { CallerAuthenticator } from './caller.js';
import { createRouterErrorFormatter } from './client-errors.js';
import { DemandControl } from './demand-control.js';
import { edgeCachePlugin } from './edge-cache.js';
import { createOperationPolicy, MAX_TOKENS } from './operation-policy.js';
import { Replicas } from './replicas.js';
import { Revocations } from './revocations.js';
import { subgraphUrlOverride, trustedDocumentsMode, type RouterConfig } from './config.js';
import { createGateway, type RouterContext } from './gateway.js';
import { httpRoutes } from './http-routes.js';
import { assertEnforcementActive, assertSubscriptionEnforcementActive } from './self-test.js';
import { createEventStreams } from './event-stream.js';
import { SharedSubscriptions } from './shared-subscriptions.js';
import { SubgraphLinks } from './subgraph-links.js';
import { createAdmission, createPreparer, createResultFormatter, serveRouterSubscriptions } from './subscription-server.js';
import { SubscriptionPlanner } from './subscription-plans.js';
import { TrustedDocuments } from './trusted-documents.js';
import { UsageLog, usageLogPlugin } from './usage-log.js';
import { graphUsageSender, UsageSender } from './usage-sender.js';

/** Where the usage log goes when neither ANALYTICS_URL nor the supergraph says (analytics' embedded port). */
const DEFAULT_ANALYTICS_URL = 'http://127.0.0.1:4004';

/** The subgraphs named in the supergraph, each with the replicas the router calls (the configured URLs, or its routing URL). */
export function subgraphsOf(supergraphSdl: string, config: RouterConfig): Replicas[] {
  const graphs = /enum join__Graph \{([^}]*)\}/.exec(supergraphSdl)?.[1] ?? '';
  return [...graphs.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(
    ([, name, url]) => new Replicas(name!, subgraphUrlOverride(config, name!) ?? [url!.replace(/\/graphql$/, '')], config.REPLICA_CHECK_MS),
  );
}

export async function startRouter(config: RouterConfig): Promise<RunningService & { metrics: Metrics }> {
  const logger = createLogger('router', config.LOG_LEVEL);
  const metrics = new Metrics();
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const subgraphs = subgraphsOf(supergraphSdl, config);
  for (const replicas of subgraphs) replicas.start();
  const replicasOf = (name: string) => subgraphs.find((s) => s.name === name);
  // The router's own calls (revocations, API keys, usage log, subscriptions) go to a replica in turn too.
  const baseUrlOf = (name: string) => replicasOf(name)?.pick();
  const urlOf = (name: string) => () => baseUrlOf(name)!;

  // The supergraph as a schema, directive applications included: authorization and demand control read them.
  const supergraphSchema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const authorizer = new OperationAuthorizer(supergraphSchema);
  const unknownPolicies = authorizer.unknownPolicies();
  if (unknownPolicies.length) throw new Error(`Supergraph uses policies with no rule: ${unknownPolicies.join(', ')}`);

  const trusted = TrustedDocuments.fromFile(config.TRUSTED_DOCUMENTS_PATH, trustedDocumentsMode(config));
  logger.info({ mode: trusted.mode, documents: trusted.size }, 'trusted documents loaded');

  const revocations = new Revocations({ usersUrl: urlOf('users'), providersUrl: urlOf('providers'), internalSecret: config.INTERNAL_CLAIMS_SECRET }, config.REVOCATION_POLL_MS, logger);
  await revocations.start();
  const authenticator = new CallerAuthenticator(
    new AccessTokenVerifier(config.JWT_JWKS ?? `${baseUrlOf('users')}/.well-known/jwks.json`, {
      refreshIntervalMs: config.JWT_JWKS_REFRESH_SECONDS * 1000,
      minRefreshGapMs: config.JWT_JWKS_MIN_REFRESH_SECONDS * 1000,
      logger,
      metrics,
    }),
    urlOf('providers'),
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

  const { gateway, dataSources, closeConnections } = createGateway({
    supergraphSdl,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    replicas: subgraphs,
    mergeIdenticalQueries: config.MERGE_SUBGRAPH_REQUESTS,
    batchQueries: config.BATCH_SUBGRAPH_REQUESTS,
    metrics,
  });
  const planner = new SubscriptionPlanner(supergraphSdl, dataSources, logger);

  const usageSender = config.USAGE_LOG
    ? new UsageSender({
        send: graphUsageSender(new InternalClient(replicasOf('analytics') ? urlOf('analytics') : DEFAULT_ANALYTICS_URL, 'router', config.INTERNAL_CLAIMS_SECRET)),
        flushMs: config.USAGE_FLUSH_MS,
        batchSize: config.USAGE_BATCH_SIZE,
        maxBuffered: config.USAGE_BUFFER_MAX,
        logger,
        metrics,
      })
    : undefined;
  // Fields are read against the API schema, the one clients' documents are validated against.
  const usage = usageSender && new UsageLog(planner.apiSchema, usageSender, logger);

  const apollo = new ApolloServer<RouterContext>({
    gateway,
    formatError: createRouterErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Callers authenticate with headers (bearer tokens, API keys), never cookies, so a cross-site page
    // cannot act as anyone; GET serves queries only, and POST takes only JSON (http-routes.ts).
    csrfPrevention: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    allowBatchedHttpRequests: false,
    // Operation ids come only from the apps' manifest (trusted-documents.ts), never registered at run time.
    persistedQueries: false,
    // edge-cache.ts writes Cache-Control itself, from the policy the subgraphs' answers set
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControl({ calculateHttpHeaders: false }), tracingPlugin(), operationMetricsPlugin(metrics), edgeCachePlugin(), authorizationPlugin(policy, metrics), ...(usage ? [usageLogPlugin(usage)] : [])],
  });
  await apollo.start();
  await assertEnforcementActive(apollo, authorizer);

  const links = new SubgraphLinks({ baseUrlOf, internalSecret: config.INTERNAL_CLAIMS_SECRET, retryBudgetMs: config.SUBSCRIPTION_RETRY_SECONDS * 1000, logger });
  const subscriptions = new SharedSubscriptions(planner, links, logger, metrics, config.SUBSCRIPTION_QUEUE_LIMIT);
  const subscriptionOptions = { apollo, authenticator, policy, planner, subscriptions, logger, metrics, usage };
  assertSubscriptionEnforcementActive(createPreparer(subscriptionOptions), authorizer, planner.apiSchema, subscriptions);

  const eventStreams = createEventStreams({
    admit: createAdmission({ ...subscriptionOptions, trusted }),
    format: createResultFormatter(logger),
    planner,
    authenticator,
    revocations,
    trustedProxies: config.TRUSTED_PROXIES,
    metrics,
  });
  const server = createServer(httpRoutes({ config, subgraphs, apollo, authenticator, trusted, eventStreams, metrics, logger }));
  const live = serveRouterSubscriptions({
    ...subscriptionOptions,
    server,
    revocations,
    trusted,
    maxSubscriptionsPerConnection: config.MAX_SUBSCRIPTIONS_PER_CONNECTION,
    maxPayloadBytes: config.BODY_LIMIT_BYTES,
    trustedProxies: config.TRUSTED_PROXIES,
  });
  const running = await listen(server, config.HOST, config.ROUTER_PORT, async () => {
    await subscriptions.close();
    revocations.close();
    await apollo.stop();
    // The last operations' records go out before the process ends (or are dropped after a few seconds).
    await usageSender?.close();
    await closeConnections();
    for (const replicas of subgraphs) replicas.close();
  });
  // WebSockets outlive server.close(): end them first, or closing would wait for every subscriber.
  return { ...running, metrics, close: () => live.close().then(() => running.close()) };
}
