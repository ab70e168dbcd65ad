// Wires the router: the caller check, the authorization plugin and the request limits in front of the
// gateway, the HTTP routes (http-routes.ts), and live subscriptions over graphql-ws on the same /graphql.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { AccessTokenVerifier, createErrorFormatter, createLogger, listen, Metrics, OperationAuthorizer, type RunningService } from '@medpay/runtime';
import { buildASTSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { authorizationPlugin } from './authorization-plugin.js';
import { CallerAuthenticator } from './caller.js';
import { subgraphUrlOverride, type RouterConfig } from './config.js';
import { createGateway, type RouterContext } from './gateway.js';
import { httpRoutes } from './http-routes.js';
import { assertEnforcementActive, assertSubscriptionEnforcementActive } from './self-test.js';
import { SessionWatch } from './session-watch.js';
import { SharedSubscriptions } from './shared-subscriptions.js';
import { SubgraphLinks } from './subgraph-links.js';
import { createPreparer, serveSubscriptions } from './subscription-server.js';
import { SubscriptionPlanner } from './subscription-plans.js';

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
    plugins: [ApolloServerPluginLandingPageDisabled(), authorizationPlugin(authorizer, metrics, config), ...(protection.plugins as ApolloServerPlugin<RouterContext>[])],
  });
  await apollo.start();
  await assertEnforcementActive(apollo, authorizer);

  const planner = new SubscriptionPlanner(supergraphSdl, dataSources, logger);
  const links = new SubgraphLinks({ baseUrlOf, internalSecret: config.INTERNAL_CLAIMS_SECRET, retryBudgetMs: config.SUBSCRIPTION_RETRY_SECONDS * 1000, logger });
  const subscriptions = new SharedSubscriptions(planner, links, logger, metrics);
  const subscriptionOptions = { apollo, authenticator, authorizer, planner, subscriptions, validationRules: protection.validationRules, logger, metrics };
  assertSubscriptionEnforcementActive(createPreparer(subscriptionOptions), authorizer, planner.apiSchema, subscriptions);

  const server = createServer(httpRoutes({ config, subgraphs, apollo, authenticator, metrics, logger }));
  const sessions = config.REDIS_URL ? SessionWatch.connect(config.REDIS_URL, config.SESSION_CHECK_SECONDS * 1000, logger) : null;
  const live = serveSubscriptions({
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
