// Every service as ECS runs it: the one image's entry point, port, configuration and secrets, after
// docker-compose.yml (the source of truth for what each service reads) and the config loaders.
import type { Integrations } from './settings.js';

export type SubgraphName = 'users' | 'providers' | 'payments' | 'analytics' | 'notifications' | 'ai';
export type AppName = 'patient' | 'provider' | 'admin';
export type ServiceName = SubgraphName | 'router' | `${AppName}-app`;

/** The subgraphs with a PostgreSQL database: each reads its own URL, and the migrate task all of them. */
export const POSTGRES_SUBGRAPHS = ['users', 'providers', 'payments', 'notifications'] as const satisfies readonly SubgraphName[];
export type PostgresSubgraph = (typeof POSTGRES_SUBGRAPHS)[number];
export const isPostgresSubgraph = (name: string): name is PostgresSubgraph => (POSTGRES_SUBGRAPHS as readonly string[]).includes(name);
/** The variable its config loader reads the database URL from: USERS_DATABASE_URL… */
export const databaseUrlVariable = (name: PostgresSubgraph) => `${name.toUpperCase()}_DATABASE_URL`;

/** The subgraphs with MongoDB collections: each reads its own MONGODB_URL. */
export const MONGODB_SUBGRAPHS = ['analytics', 'ai'] as const satisfies readonly SubgraphName[];
export type MongodbSubgraph = (typeof MONGODB_SUBGRAPHS)[number];
export const isMongodbSubgraph = (name: string): name is MongodbSubgraph => (MONGODB_SUBGRAPHS as readonly string[]).includes(name);

/**
 * The secrets the services read, and how each gets its value: generated at creation when MedPay makes
 * it (in the shape its config loader checks), or put by the operator when a provider or a tool issues
 * it (infra/README.md).
 */
export const SECRET_SOURCES = {
  INTERNAL_CLAIMS_SECRET: { length: 64 },
  // 43 base64url characters decode to the 32-byte keys field encryption takes.
  DATA_ENCRYPTION_KEY: { length: 43 },
  BLIND_INDEX_KEY: { length: 43 },
  DATA_EXPORT_LINK_SECRET: { length: 64 },
  CELCOIN_WEBHOOK_USER: { length: 24 },
  CELCOIN_WEBHOOK_PASSWORD: { length: 48 },
  ZENVIA_WEBHOOK_TOKEN: { length: 48 },
  WHATSAPP_VERIFY_TOKEN: { length: 48 },
  // the HMAC key of the Receita cache's CPF keys (its loader asks for at least 32 characters)
  RECEITA_CACHE_KEY_SECRET: { length: 64 },
  JWT_PRIVATE_JWK: { putBy: 'the operator: an ES256 private JWK with a kid' },
  CELCOIN_CLIENT_ID: { putBy: 'the operator, from Celcoin' },
  CELCOIN_CLIENT_SECRET: { putBy: 'the operator, from Celcoin' },
  SMTP_URL: { putBy: 'the operator: smtps://user:password@host:465 of the e-mail provider' },
  ZENVIA_API_TOKEN: { putBy: 'the operator, from Zenvia' },
  WHATSAPP_TOKEN: { putBy: 'the operator, from Meta' },
  WHATSAPP_APP_SECRET: { putBy: 'the operator, from Meta' },
  VAPID_PUBLIC_KEY: { putBy: 'the operator: npx web-push generate-vapid-keys' },
  VAPID_PRIVATE_KEY: { putBy: 'the operator: npx web-push generate-vapid-keys' },
  RECEITA_CONSUMER_KEY: { putBy: 'the operator, from Serpro' },
  RECEITA_CONSUMER_SECRET: { putBy: 'the operator, from Serpro' },
  CLICKSIGN_ACCESS_TOKEN: { putBy: 'the operator, from ClickSign' },
  CLICKSIGN_WEBHOOK_SECRET: { putBy: 'the operator, from ClickSign (the webhook\'s HMAC secret)' },
} satisfies Record<string, { length: number } | { putBy: string }>;

/** A Secrets Manager secret read under its variable's name (the stores' URLs, one per service, are apart). */
export type SecretName = keyof typeof SECRET_SOURCES;

/** Stores beside the subgraph's own database (PostgreSQL or MongoDB, by the lists above). */
export type Store = 'redis' | 'documents';

export interface ServiceSpec {
  name: ServiceName;
  kind: 'subgraph' | 'router' | 'app';
  port: number;
  command: string[];
  /** the services it calls: each gives it a `<NAME>_URL` and lets it through the callee's security group */
  calls: Array<SubgraphName | 'router'>;
  /** plain configuration; secrets never go here */
  environment: Record<string, string>;
  secrets: SecretName[];
  stores: Store[];
  /** GET /health statuses that mean the process is alive and needs no replacing */
  aliveStatuses: number[];
  size: { cpu: number; memoryMiB: number; minTasks: number; maxTasks: number };
  /** how the public load balancer reaches it: by path on every host, or by its app's host */
  entry?: { paths: string[] } | { app: AppName };
}

/** Each app's host under the domain. */
export const APP_HOSTS: Record<AppName, string> = { patient: 'app', provider: 'clinicas', admin: 'admin' };
export const APP_NAMES = Object.keys(APP_HOSTS) as AppName[];

/**
 * The router's public paths: the graph, and what it forwards to subgraphs (router/src/http-routes.ts,
 * FORWARDED_ROUTES): data export downloads, payments' and providers' document links, the providers'
 * webhooks. A load balancer rule takes at most five values.
 */
export const ROUTER_PATHS = ['/graphql', '/data-exports/download', '/documents/*', '/webhooks/*'];

export interface CatalogInputs {
  /** each app's public origin, e.g. https://app.medpay.com.br */
  appOrigins: Record<AppName, string>;
  integrations: Integrations;
  /** the VPC's range: the load balancer and the apps' servers forward callers' addresses to the router */
  trustedProxies: string;
}

/** Half a vCPU and 1 GB; at least two tasks, so losing one zone leaves one running; ten at most. */
const DEFAULT_SIZE = { cpu: 512, memoryMiB: 1024, minTasks: 2, maxTasks: 10 };
const FIELD_ENCRYPTION: SecretName[] = ['DATA_ENCRYPTION_KEY', 'BLIND_INDEX_KEY'];
/** The Receita Federal through Serpro (libs/receita-federal): users checks CPFs, providers CNPJs. */
const RECEITA: SecretName[] = ['RECEITA_CONSUMER_KEY', 'RECEITA_CONSUMER_SECRET', 'RECEITA_CACHE_KEY_SECRET'];
/** ClickSign (libs/clicksign): payments' crediário contracts, providers' service agreements. */
const CLICKSIGN: SecretName[] = ['CLICKSIGN_ACCESS_TOKEN', 'CLICKSIGN_WEBHOOK_SECRET'];

type SubgraphOptions = Pick<ServiceSpec, 'calls' | 'stores'> & Partial<Pick<ServiceSpec, 'environment' | 'secrets' | 'size'>>;

const subgraph = (name: SubgraphName, port: number, { calls, stores, environment = {}, secrets = [], size = DEFAULT_SIZE }: SubgraphOptions): ServiceSpec => ({
  name,
  kind: 'subgraph',
  port,
  command: ['node', '--import', 'tsx', `subgraphs/${name}/src/main.ts`],
  calls,
  environment: { PORT: String(port), ...environment },
  // Every subgraph verifies the claims the router signs.
  secrets: ['INTERNAL_CLAIMS_SECRET', ...secrets],
  stores,
  aliveStatuses: [200],
  size,
});

const app = (name: AppName, port: number, appOrigin: string, environment: Record<string, string> = {}): ServiceSpec => ({
  name: `${name}-app`,
  kind: 'app',
  port,
  command: ['node', 'node_modules/next/dist/bin/next', 'start', `clients/${name}`, '--port', String(port), '--hostname', '0.0.0.0'],
  calls: ['router'],
  // The router answers on every app host, so each app's pages call it on their own origin.
  environment: { APP_ORIGINS: appOrigin, ROUTER_PUBLIC_URL: appOrigin, ...environment },
  secrets: [],
  stores: [],
  aliveStatuses: [200],
  size: DEFAULT_SIZE,
  entry: { app: name },
});

export function serviceCatalog({ appOrigins, integrations, trustedProxies }: CatalogInputs): ServiceSpec[] {
  return [
    subgraph('users', 4001, {
      calls: ['router'],
      // users keeps no documents (data export packages stay in its database): no bucket
      stores: ['redis'],
      environment: {
        // data export download links point at the router as browsers reach it
        ROUTER_PUBLIC_URL: appOrigins.patient,
        RECEITA_BASE_URL: integrations.receitaBaseUrl,
      },
      secrets: ['JWT_PRIVATE_JWK', ...FIELD_ENCRYPTION, 'DATA_EXPORT_LINK_SECRET', ...RECEITA],
    }),
    subgraph('providers', 4002, {
      // payments: payment links for the appointments of the clinics' systems
      calls: ['users', 'payments'],
      stores: ['redis', 'documents'],
      environment: {
        RECEITA_BASE_URL: integrations.receitaBaseUrl,
        CLICKSIGN_BASE_URL: integrations.clicksignBaseUrl,
        NINSAUDE_BASE_URL: integrations.ninsaudeBaseUrl,
        HELENA_BASE_URL: integrations.helenaBaseUrl,
        // a payment written back to a clinic's system points at the clinic dashboard
        PROVIDER_APP_URL: appOrigins.provider,
        // the clinic dashboard's host: where agreement links point when documents are kept in a directory
        ROUTER_PUBLIC_URL: appOrigins.provider,
      },
      secrets: [...FIELD_ENCRYPTION, ...RECEITA, ...CLICKSIGN],
    }),
    subgraph('payments', 4003, {
      calls: ['users', 'providers', 'ai'],
      stores: ['redis', 'documents'],
      environment: {
        CELCOIN_BASE_URL: integrations.celcoinBaseUrl,
        CELCOIN_PIX_KEY: integrations.celcoinPixKey,
        CLICKSIGN_BASE_URL: integrations.clicksignBaseUrl,
        // payment links open in the patient app
        PATIENT_APP_URL: appOrigins.patient,
        ROUTER_PUBLIC_URL: appOrigins.patient,
      },
      secrets: [...FIELD_ENCRYPTION, 'CELCOIN_CLIENT_ID', 'CELCOIN_CLIENT_SECRET', 'CELCOIN_WEBHOOK_USER', 'CELCOIN_WEBHOOK_PASSWORD', ...CLICKSIGN],
    }),
    subgraph('analytics', 4004, { calls: ['users', 'providers', 'payments'], stores: ['redis'] }),
    subgraph('notifications', 4005, {
      calls: ['users', 'providers', 'payments'],
      stores: ['redis'],
      environment: {
        ZENVIA_URL: integrations.zenviaUrl,
        WHATSAPP_URL: integrations.whatsappUrl,
        WHATSAPP_PHONE_NUMBER_ID: integrations.whatsappPhoneNumberId,
        PATIENT_APP_URL: appOrigins.patient,
        PROVIDER_APP_URL: appOrigins.provider,
        ADMIN_APP_URL: appOrigins.admin,
      },
      secrets: [
        ...FIELD_ENCRYPTION, 'SMTP_URL', 'ZENVIA_API_TOKEN', 'ZENVIA_WEBHOOK_TOKEN', 'WHATSAPP_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN', 'VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY',
      ],
    }),
    // The fraud and credit models are held in memory.
    subgraph('ai', 4006, { calls: ['router', 'users', 'providers', 'payments'], stores: ['redis'], size: { ...DEFAULT_SIZE, cpu: 1024, memoryMiB: 2048 } }),
    {
      name: 'router',
      kind: 'router',
      port: 4000,
      command: ['node', '--import', 'tsx', 'router/src/main.ts'],
      calls: ['users', 'providers', 'payments', 'analytics', 'notifications', 'ai'],
      environment: { ROUTER_PORT: '4000', CORS_ORIGINS: Object.values(appOrigins).join(','), TRUSTED_PROXIES: trustedProxies },
      secrets: ['INTERNAL_CLAIMS_SECRET'],
      stores: ['redis'],
      // /health also reports the subgraphs (503 while one is down): replacing routers would not bring it back.
      aliveStatuses: [200, 503],
      size: { cpu: 1024, memoryMiB: 2048, minTasks: 2, maxTasks: 20 },
      entry: { paths: ROUTER_PATHS },
    },
    app('patient', 3000, appOrigins.patient, { CARD_TOKENIZE_URL: integrations.cardTokenizeUrl }),
    app('provider', 3001, appOrigins.provider),
    app('admin', 3002, appOrigins.admin),
  ];
}

/** The variable a caller reads a service's base URL from: USERS_URL, ROUTER_URL… */
export const urlVariable = (name: SubgraphName | 'router') => `${name.toUpperCase()}_URL`;
