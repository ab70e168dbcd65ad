import { addressList, baseConfigShape, loadConfig, repoRoot } from '@medpay/runtime';
import { join } from 'node:path';
import { z } from 'zod';
import { urlList } from './replicas.js';

/** one subgraph's base URL, or its replicas' as a comma-separated list (router/src/replicas.ts) */
const subgraphUrls = z.string().transform(urlList).pipe(z.array(z.string().url()).min(1)).optional();

export const routerConfigShape = {
  ...baseConfigShape,
  ROUTER_PORT: z.coerce.number().int().min(0).default(4000),
  SUPERGRAPH_PATH: z.string().default(join(repoRoot, 'supergraph.graphql')),
  /** base URL of each subgraph (without /graphql), or of its replicas, comma-separated; defaults to the supergraph's routing URLs */
  USERS_URL: subgraphUrls,
  PROVIDERS_URL: subgraphUrls,
  PAYMENTS_URL: subgraphUrls,
  /** the analytics subgraph, which also takes the usage log (POST /internal/graph-usage); default its routing URL, http://127.0.0.1:4004 */
  ANALYTICS_URL: subgraphUrls,
  /** the notifications subgraph; default its routing URL, http://127.0.0.1:4005 */
  NOTIFICATIONS_URL: subgraphUrls,
  /** the ai subgraph (the patient assistant), which also gets a person's own token to ask the graph for them; default its routing URL, http://127.0.0.1:4006 */
  AI_URL: subgraphUrls,
  /** how often each replica of a subgraph given several URLs is health-checked (a replica found down is skipped until it passes) */
  REPLICA_CHECK_MS: z.coerce.number().int().positive().default(2_000),
  /** where access-token keys come from: a JWKS URL, or a JWKS / public JWK as JSON; default the users subgraph's */
  JWT_JWKS: z.string().optional(),
  /** a JWKS URL is fetched again at least this often (a key removed from it stops verifying by then) */
  JWT_JWKS_REFRESH_SECONDS: z.coerce.number().int().positive().default(300),
  /** and at once for a token with an unknown kid, but never sooner than this after the last fetch */
  JWT_JWKS_MIN_REFRESH_SECONDS: z.coerce.number().min(0).default(5),
  /** seconds a verified partner API key is trusted before it is checked again (revocation delay) */
  API_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).default(60),
  /** browser origins allowed to call /graphql (the three apps by default); comma-separated */
  CORS_ORIGINS: z
    .string()
    .default([3000, 3001, 3002].flatMap((port) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`]).join(','))
    .transform((value) => new Set(value.split(',').map((origin) => origin.trim()).filter(Boolean))),
  /** identical queries of one caller in flight at once share one subgraph request (router/src/subgraph-source.ts) */
  MERGE_SUBGRAPH_REQUESTS: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /**
   * a query's fetches to one subgraph at once (parallel branches of its plan) go as one batched request (router/src/subgraph-source.ts);
   * the kit's subgraphs accept batches — turn it off for a subgraph server that does not
   */
  BATCH_SUBGRAPH_REQUESTS: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /**
   * addresses and CIDR ranges of the proxies in front of the router whose X-Forwarded-For is believed
   * (load balancer, the apps' servers); by default this machine's loopback, where the apps run in development
   */
  TRUSTED_PROXIES: z.string().default('127.0.0.0/8, ::1/128').transform((ranges, context) => {
    try {
      return addressList(ranges);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  }),
  /**
   * trusted documents (router/src/trusted-documents.ts): `enforce` accepts from anonymous callers and
   * user sessions only the apps' operation ids, `allow` any document too; `enforce` in production by default
   */
  TRUSTED_DOCUMENTS: z.enum(['enforce', 'allow']).optional(),
  /** the manifest of the apps' operations that codegen writes (sha256 → text) */
  TRUSTED_DOCUMENTS_PATH: z.string().default(join(repoRoot, 'clients/shared/src/graphql/persisted-documents.json')),
  MAX_DEPTH: z.coerce.number().int().positive().default(12),
  MAX_ALIASES: z.coerce.number().int().positive().default(15),
  MAX_DIRECTIVES: z.coerce.number().int().positive().default(50),
  /** demand-control budgets per kind of caller (router/src/demand-control.ts) */
  MAX_COST_ANONYMOUS: z.coerce.number().int().positive().default(1_500),
  MAX_COST_USER: z.coerce.number().int().positive().default(5_000),
  MAX_COST_PARTNER: z.coerce.number().int().positive().default(10_000),
  MAX_COST_ADMIN: z.coerce.number().int().positive().default(20_000),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(100_000),
  /** live subscriptions one WebSocket connection may hold at once */
  MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().positive().default(20),
  /** events one subscription may hold for a client that reads them slower than they come; past it the subscription ends (SUBSCRIPTION_QUEUE_FULL) */
  SUBSCRIPTION_QUEUE_LIMIT: z.coerce.number().int().positive().default(256),
  /** how long the router keeps trying to reach a subgraph that dropped a subscription before telling the client */
  SUBSCRIPTION_RETRY_SECONDS: z.coerce.number().int().positive().default(30),
  /** how often the router reads revoked sessions and API keys (a revocation takes effect within this) */
  REVOCATION_POLL_MS: z.coerce.number().int().positive().default(500),
  /** the usage log (router/src/usage-log.ts): one record per operation, sent to analytics in batches; `off` sends nothing */
  USAGE_LOG: z.enum(['on', 'off']).default('on').transform((value) => value === 'on'),
  /** how often buffered usage records are sent, at the latest */
  USAGE_FLUSH_MS: z.coerce.number().int().positive().default(2_000),
  /** records per batch; a full batch is sent at once (the contract takes at most 1000) */
  USAGE_BATCH_SIZE: z.coerce.number().int().positive().max(1_000).default(500),
  /** records kept waiting at most (analytics slow or down); past it the oldest are dropped and counted */
  USAGE_BUFFER_MAX: z.coerce.number().int().positive().default(10_000),
};

export type RouterConfig = ReturnType<typeof loadRouterConfig>;
export const loadRouterConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(routerConfigShape, env);

/** Trusted documents are enforced in production unless TRUSTED_DOCUMENTS says otherwise. */
export const trustedDocumentsMode = (config: RouterConfig) => config.TRUSTED_DOCUMENTS ?? (config.NODE_ENV === 'production' ? 'enforce' : 'allow');

/** The configured base URLs of a subgraph's replicas, when they override the supergraph's routing URL. */
export function subgraphUrlOverride(config: RouterConfig, name: string): string[] | undefined {
  const key = `${name.toUpperCase()}_URL` as keyof RouterConfig;
  const value = config[key];
  return Array.isArray(value) ? value : undefined;
}
