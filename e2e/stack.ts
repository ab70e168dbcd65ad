// Starts the graph for a test: every subgraph and the router in this process, each on its own port,
// talking real HTTP (and WebSockets for subscriptions). Mode 'embedded' uses in-memory PGlite and no
// Redis; mode 'postgres' uses a fresh database on TEST_DATABASE_URL's server and Redis at
// TEST_REDIS_URL. Tests may restart the users, payments and notifications subgraphs (with changed
// configuration, as a key rotation does), or add payments replicas and routers.
import { loadAiConfig, startAiService, type AiService } from '@medpay/ai';
import { loadAnalyticsConfig, startAnalyticsService, type AnalyticsService } from '@medpay/analytics';
import { startMessagingSimulator, type MessagingSimulator } from '@medpay/messaging-simulator';
import { loadNotificationsConfig, startNotificationsService, type NotificationsService } from '@medpay/notifications';
import { AccessTokenIssuer, anonymousClaims, signClaims, type Claims, type Metrics, type Role, type RunningService } from '@medpay/runtime';
import { eventually, freshPostgresDatabase } from '@medpay/runtime/testing';
import { startCelcoinSimulator, type CelcoinSimulator } from '@medpay/celcoin-simulator';
import { actAsSigner, startClickSignSimulator, type ClickSignSimulator } from '@medpay/clicksign-simulator';
import { startReceitaSimulator, type ReceitaSimulator } from '@medpay/receita-simulator';
import { loadPaymentsConfig, startPaymentsService, type PaymentsService } from '@medpay/payments';
import { loadProvidersConfig, startProvidersService, type ProvidersService } from '@medpay/providers';
import { startHelenaSimulator, type HelenaSimulator } from '@medpay/helena-simulator';
import { startNinSaudeSimulator, type NinSaudeSimulator } from '@medpay/ninsaude-simulator';
import { loadRouterConfig, startRouter } from '@medpay/router';
import { loadUsersConfig, startUsersService } from '@medpay/users';
import { generateKeyPairSync, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';

/** The apps' trusted documents (codegen's manifest: `sha256:<hex>` → text), as the router loads them. */
const trustedManifest = JSON.parse(readFileSync(new URL('../clients/shared/src/graphql/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>;

/** An app's operation by its name, with the id the apps send for it (`extensions.persistedQuery.sha256Hash`). */
export function appOperation(name: string): { sha256Hash: string; text: string } {
  const found = Object.entries(trustedManifest).find(([, text]) => new RegExp(`^(query|mutation|subscription) ${name}\\b`).test(text));
  if (!found) throw new Error(`No app operation named ${name} in the trusted documents`);
  return { sha256Hash: found[0].slice('sha256:'.length), text: found[1] };
}

export type Mode = 'embedded' | 'postgres';
type UsersService = Awaited<ReturnType<typeof startUsersService>>;

const postgresUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;

/** The modes this machine can run; says so when PostgreSQL + Redis mode is skipped. */
export function availableModes(): Mode[] {
  if (postgresUrl && redisUrl) return ['embedded', 'postgres'];
  console.warn('PostgreSQL + Redis mode skipped: set TEST_DATABASE_URL and TEST_REDIS_URL (.ci/run does) to run it.');
  return ['embedded'];
}

const handedOut = new Set<number>();
/** this Jest worker's own share of the range, so that two workers' stacks never pick the same port */
const WORKER_SLICE = 3_000;
const sliceStart = 20_000 + ((Number(process.env.JEST_WORKER_ID ?? 1) - 1) % 4) * WORKER_SLICE;

/**
 * A port for a service others must know before it starts (the router's: users assembles data exports
 * through it; ai's: payments asks it). It is picked below Linux's ephemeral range (32768–60999), where
 * neither an outgoing connection nor a listener on port 0 — of this stack or of another test's running
 * at once — can take it in the time before the service binds it; and it is free right now.
 */
async function freePort(): Promise<number> {
  for (;;) {
    // Never twice in this process: a port handed out may not be bound yet (payments starts after providers).
    const port = sliceStart + randomInt(WORKER_SLICE);
    if (handedOut.has(port)) continue;
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      handedOut.add(port);
      return port;
    }
  }
}

export interface Stack {
  routerUrl: string;
  /** the database every subgraph keeps its schema in (a PostgreSQL URL, or `pglite:memory`) */
  databaseUrl: string;
  /** the router's graphql-ws endpoint */
  wsUrl: string;
  users: UsersService;
  providers: ProvidersService;
  payments: PaymentsService;
  analytics: AnalyticsService;
  /** the patient assistant (no database: always started, the router composes with it) */
  ai: AiService;
  /** with `{ notifications: true }` only: the notifications subgraph and the messaging simulator it sends through */
  notifications: NotificationsService | null;
  messaging: MessagingSimulator | null;
  celcoin: CelcoinSimulator;
  receita: ReceitaSimulator;
  clicksign: ClickSignSimulator;
  ninsaude: NinSaudeSimulator;
  helena: HelenaSimulator;
  router: RunningService & { metrics: Metrics };
  secret: string;
  /** the Redis Stream this stack's services publish their events to (postgres mode) */
  eventStream: string;
  /** sends a GraphQL operation through the router */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } }>;
  /** sends an app's operation by its id, as the apps do (trusted documents) */
  appOperation<T = Record<string, unknown>>(name: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } }>;
  /** sends a GraphQL operation straight to a subgraph with the given claims, signed (anonymous ones when none are given) */
  direct(service: RunningService, query: string, claims?: Claims | null, variables?: Record<string, unknown>, secret?: string): Promise<{ status: number; body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] } }>;
  login(email: string, password?: string): Promise<{ accessToken: string; refreshToken: string; userId: string }>;
  /** an access token signed with the users subgraph's key, for a caller that need not exist (benchmarks) */
  issueAccessToken(userId: string, roles: Role[]): Promise<string>;
  /** stops the users subgraph and starts it again on the same port (same database), its environment plus `overrides` */
  restartUsers(overrides?: Record<string, string>): Promise<UsersService>;
  /** stops the payments subgraph and starts it again on the same port (same database), its environment plus `overrides` */
  restartPayments(overrides?: Record<string, string>): Promise<PaymentsService>;
  /** the same for notifications (with `{ notifications: true }`) */
  restartNotifications(overrides?: Record<string, string>): Promise<NotificationsService>;
  /** one more payments replica on the same database (and Redis, in postgres mode), its environment plus `overrides` */
  startPaymentsReplica(overrides?: Record<string, string>): Promise<PaymentsService>;
  /** one more replica of a subgraph (notifications: with `{ notifications: true }`), on the same database (and Redis, in postgres mode) */
  startReplica(subgraph: 'users' | 'providers' | 'payments' | 'analytics' | 'notifications' | 'ai'): Promise<RunningService>;
  /** signs (or refuses) as the person behind `email` the newest envelope waiting for them at ClickSign */
  signAs(email: string, action?: 'sign' | 'refuse'): Promise<void>;
  /** has the Celcoin simulator deliver its webhooks to the given payments replica */
  pointWebhooksAt(payments: RunningService): Promise<void>;
  /** one more router, sending payments traffic to the given replica */
  startRouter(paymentsUrl: string, overrides?: Record<string, string>): Promise<RunningService & { metrics: Metrics }>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** start the notifications subgraph (and the messaging simulator); most suites need neither */
  notifications?: boolean;
  /** its environment on top of the stack's (retry timings, production mode) */
  notificationsEnv?: Record<string, string>;
}

export async function startStack(mode: Mode, overrides: Record<string, string> = {}, options: StackOptions = {}): Promise<Stack> {
  const secret = randomBytes(32).toString('base64url');
  const eventStream = `test:${randomBytes(4).toString('hex')}:events`;
  const databaseUrl = mode === 'postgres' ? await freshPostgresDatabase() : 'pglite:memory';
  const routerPort = await freePort();
  const integrationSecrets = { receita: randomBytes(16).toString('hex'), clicksignToken: randomBytes(16).toString('hex'), clicksignWebhook: randomBytes(16).toString('hex') };
  const receita = await startReceitaSimulator({ port: 0, consumerKey: 'medpay-test', consumerSecret: integrationSecrets.receita, requestsPerSecond: 1000 });
  const clicksign = await startClickSignSimulator({ port: 0, accessToken: integrationSecrets.clicksignToken, webhookSecret: integrationSecrets.clicksignWebhook, webhookRetryBaseMs: 50 });
  const ninsaude = await startNinSaudeSimulator({ port: 0 });
  const helena = await startHelenaSimulator({ port: 0, webhookRetryBaseMs: 50 });
  // providers makes payment links at payments, which starts after it: payments' address is chosen first.
  const paymentsPort = await freePort();
  const common = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    INTERNAL_CLAIMS_SECRET: secret,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    BLIND_INDEX_KEY: randomBytes(32).toString('base64url'),
    SEED_DEMO_DATA: 'true',
    RECEITA_BASE_URL: receita.url,
    RECEITA_CONSUMER_KEY: 'medpay-test',
    RECEITA_CONSUMER_SECRET: integrationSecrets.receita,
    RECEITA_REQUESTS_PER_SECOND: '1000',
    RECEITA_CIRCUIT_COOL_DOWN_MS: '100',
    CLICKSIGN_BASE_URL: clicksign.url,
    CLICKSIGN_ACCESS_TOKEN: integrationSecrets.clicksignToken,
    CLICKSIGN_WEBHOOK_SECRET: integrationSecrets.clicksignWebhook,
    NINSAUDE_BASE_URL: ninsaude.url,
    HELENA_BASE_URL: helena.url,
    // Documents are linked through the router (their signed links), and looked after often.
    ROUTER_PUBLIC_URL: `http://127.0.0.1:${routerPort}`,
    DOCUMENTS_INTERVAL_MS: '200',
    BACKGROUND_INTERVAL_MS: '200',
    // Stacks running at once share the test Redis: each publishes its events to a Stream of its own.
    ...(mode === 'postgres' ? { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl!, EVENT_STREAM: eventStream } : { DATABASE_URL: databaseUrl }),
  };
  // payments asks ai to assess each checkout, and ai reads payments' outbox: ai's address is chosen first.
  const aiPort = await freePort();
  const jwk = JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid: 'test' });
  // Stacks running at once share the test Redis: each keeps its sessions and login counters apart.
  const sessionKeyPrefix = `test:${randomBytes(4).toString('hex')}:users:`;
  const usersEnv = (port: number | string, extra: Record<string, string> = {}) =>
    loadUsersConfig({
      ...common, PORT: String(port), JWT_PRIVATE_JWK: jwk, SESSION_KEY_PREFIX: sessionKeyPrefix,
      ROUTER_URL: `http://127.0.0.1:${routerPort}`, ROUTER_PUBLIC_URL: `http://127.0.0.1:${routerPort}`, DATA_EXPORT_INTERVAL_MS: '500', ...overrides, ...extra,
    });
  const users = await startUsersService(usersEnv(0));
  const providersEnv = (port: number | string) => loadProvidersConfig({ ...common, PORT: String(port), USERS_URL: users.url, PAYMENTS_URL: `http://127.0.0.1:${paymentsPort}`, ...overrides });
  const providers = await startProvidersService(providersEnv(0));
  const celcoinSecret = randomBytes(16).toString('hex');
  const webhookPassword = randomBytes(16).toString('hex');
  const celcoin = await startCelcoinSimulator({ port: 0, clientId: 'medpay-test', clientSecret: celcoinSecret, pixKey: 'pix@medpay.com.br', webhookRetryBaseMs: 50, settlementDelayMs: 50 });
  const paymentsEnv = (port: number | string, extra: Record<string, string> = {}) =>
    loadPaymentsConfig({
      ...common,
      PORT: String(port),
      USERS_URL: users.url,
      PROVIDERS_URL: providers.url,
      CELCOIN_BASE_URL: celcoin.url,
      AI_URL: `http://127.0.0.1:${aiPort}`,
      CELCOIN_CLIENT_ID: 'medpay-test',
      CELCOIN_CLIENT_SECRET: celcoinSecret,
      CELCOIN_PIX_KEY: 'pix@medpay.com.br',
      CELCOIN_WEBHOOK_USER: 'celcoin',
      CELCOIN_WEBHOOK_PASSWORD: webhookPassword,
      WORKER_INTERVAL_MS: '200',
      // These suites' dozens of checkouts per patient would read as velocity: anti-fraud's own suite turns it on.
      FRAUD_SCREEN: 'off',
      ...overrides,
      ...extra,
      // These suites assert exact figures and balances from an empty ledger: no demo payment history.
      SEED_DEMO_DATA: 'false',
    });
  const payments = await startPaymentsService(paymentsEnv(paymentsPort));
  const pointWebhooksAt = async (target: RunningService) => {
    await fetch(`${celcoin.url}/_sim/webhook`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${target.url}/webhooks/celcoin`, username: 'celcoin', password: webhookPassword }),
    });
  };
  await pointWebhooksAt(payments);
  const analyticsEnv = (port: number | string) =>
    loadAnalyticsConfig({ ...common, PORT: String(port), ANALYTICS_DATA_DIR: 'memory', FEED_POLL_MS: '100', USERS_URL: users.url, PROVIDERS_URL: providers.url, PAYMENTS_URL: payments.url, ...overrides });
  const analytics = await startAnalyticsService(analyticsEnv(0));
  const channelSecrets = { zenviaToken: randomBytes(16).toString('hex'), whatsappToken: randomBytes(16).toString('hex'), whatsappAppSecret: randomBytes(16).toString('hex') };
  // Delivery receipts are not sent back here (the channel adapters' own tests cover them).
  const messaging = options.notifications ? await startMessagingSimulator({ httpPort: 0, smtpPort: 0, ...channelSecrets }) : null;
  const notificationsEnv = (simulator: MessagingSimulator, port: number | string, extra: Record<string, string> = {}) =>
    loadNotificationsConfig({
      ...common,
      PORT: String(port),
      FEED_POLL_MS: '100',
      RETRY_BASE_MS: '100',
      // SMS and WhatsApp go at any hour: a suite passes or fails the same at night (quiet hours: sender.test.ts)
      QUIET_HOURS: 'off',
      USERS_URL: users.url,
      PROVIDERS_URL: providers.url,
      PAYMENTS_URL: payments.url,
      SMTP_URL: `smtp://127.0.0.1:${simulator.smtpPort}`,
      ZENVIA_URL: simulator.httpUrl,
      ZENVIA_API_TOKEN: channelSecrets.zenviaToken,
      WHATSAPP_URL: simulator.httpUrl,
      WHATSAPP_TOKEN: channelSecrets.whatsappToken,
      WHATSAPP_APP_SECRET: channelSecrets.whatsappAppSecret,
      WEB_PUSH_ENDPOINT_ALLOWLIST: simulator.httpUrl,
      ...overrides,
      ...options.notificationsEnv,
      ...extra,
    });
  const notifications = messaging ? await startNotificationsService(notificationsEnv(messaging, 0)) : null;
  // ai asks the router for a patient's own data: it needs the router's address, known before it starts.
  const aiEnv = (port: number | string) =>
    loadAiConfig({ ...common, PORT: String(port), AI_DATA_DIR: 'memory', ROUTER_URL: `http://127.0.0.1:${routerPort}`, USERS_URL: users.url, PROVIDERS_URL: providers.url, PAYMENTS_URL: payments.url, FEED_POLL_MS: '100', ...overrides });
  const ai = await startAiService(aiEnv(aiPort));
  const routerEnv = (paymentsUrl: string, extra: Record<string, string> = {}) =>
    loadRouterConfig({
      ...common,
      ROUTER_PORT: '0',
      USERS_URL: users.url,
      PROVIDERS_URL: providers.url,
      PAYMENTS_URL: paymentsUrl,
      ANALYTICS_URL: analytics.url,
      ...(notifications ? { NOTIFICATIONS_URL: notifications.url } : {}),
      AI_URL: ai.url,
      ...overrides,
      ...extra,
    });
  const router = await startRouter(routerEnv(payments.url, { ROUTER_PORT: String(routerPort) }));
  // ClickSign's webhooks come through the router, which hands each to payments and providers.
  await fetch(`${clicksign.url}/_sim/webhook`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${router.url}/webhooks/clicksign` }) });
  const extras: RunningService[] = [];

  const send = async (url: string, request: Record<string, unknown>, headers: Record<string, string>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(request) });
    return { status: response.status, body: (await response.json()) as never };
  };
  const post = (url: string, query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) => send(url, { query, variables }, headers);

  const stack: Stack = {
    routerUrl: `${router.url}/graphql`,
    databaseUrl: overrides.DATABASE_URL ?? databaseUrl,
    wsUrl: `${router.url.replace(/^http/, 'ws')}/graphql`,
    users,
    providers,
    payments,
    analytics,
    ai,
    notifications,
    messaging,
    celcoin,
    receita,
    clicksign,
    ninsaude,
    helena,
    router,
    secret,
    eventStream,
    graphql: (query, variables, headers = {}) => post(`${router.url}/graphql`, query, variables, headers),
    appOperation: (name, variables, headers = {}) =>
      send(`${router.url}/graphql`, { variables, extensions: { persistedQuery: { version: 1, sha256Hash: appOperation(name).sha256Hash } } }, headers),
    direct: (service, query, claims, variables, signingSecret = secret) =>
      post(`${service.url}/graphql`, query, variables, { 'x-medpay-claims': signClaims(claims ?? anonymousClaims(), signingSecret) }),
    async signAs(email, action = 'sign') {
      // The envelope is made right after checkout (or by the next background pass).
      await eventually(() => actAsSigner(clicksign.url, email, action), (signer) => signer !== null, `an envelope for ${email} to ${action}`, 30_000);
    },
    async login(email, password = 'MedPay@2026') {
      // The apps' own login (by its id), so suites can log in whatever the router's trusted-documents mode.
      const { body } = await stack.appOperation<{ login: { accessToken: string; refreshToken: string; user: { id: string } } }>('Login', { input: { email, password } });
      if (!body.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(body.errors)}`);
      return { accessToken: body.data.login.accessToken, refreshToken: body.data.login.refreshToken, userId: body.data.login.user.id };
    },
    async issueAccessToken(userId, roles) {
      const issuer = await AccessTokenIssuer.fromJwk(jwk, 3600);
      return (await issuer.issue(userId, roles, randomBytes(8).toString('hex'))).token;
    },
    async restartUsers(extra) {
      await stack.users.close();
      stack.users = await startUsersService(usersEnv(stack.users.port, extra));
      return stack.users;
    },
    async restartPayments(extra) {
      await stack.payments.close();
      stack.payments = await startPaymentsService(paymentsEnv(stack.payments.port, extra));
      return stack.payments;
    },
    async restartNotifications(extra) {
      if (!stack.notifications || !messaging) throw new Error('this stack runs without notifications');
      await stack.notifications.close();
      stack.notifications = await startNotificationsService(notificationsEnv(messaging, stack.notifications.port, extra));
      return stack.notifications;
    },
    async startPaymentsReplica(extra) {
      const replica = await startPaymentsService(paymentsEnv(0, extra));
      extras.push(replica);
      return replica;
    },
    async startReplica(subgraph) {
      if (subgraph === 'payments') return stack.startPaymentsReplica();
      const starts = {
        users: () => startUsersService(usersEnv(0)),
        providers: () => startProvidersService(providersEnv(0)),
        analytics: () => startAnalyticsService(analyticsEnv(0)),
        ai: () => startAiService(aiEnv(0)),
        notifications: () => {
          if (!messaging) throw new Error('this stack runs without notifications');
          return startNotificationsService(notificationsEnv(messaging, 0));
        },
      };
      const replica = await starts[subgraph]();
      extras.push(replica);
      return replica;
    },
    pointWebhooksAt,
    async startRouter(paymentsUrl, extra) {
      const another = await startRouter(routerEnv(paymentsUrl, extra));
      extras.unshift(another);
      return another;
    },
    async close() {
      for (const service of extras) await service.close();
      await router.close();
      await stack.notifications?.close();
      await messaging?.close();
      await ai.close();
      await analytics.close();
      await stack.payments.close();
      await celcoin.close();
      await providers.close();
      await stack.users.close();
      await Promise.all([receita.close(), clicksign.close(), ninsaude.close(), helena.close()]);
    },
  };
  return stack;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export type Session = Awaited<ReturnType<Stack['login']>>;

/**
 * The demo accounts the suites act as, logged in, and what they buy: "Clareamento dental" at Sorriso
 * Paulista (the clinic of `clinicAdmin`; `otherClinicAdmin` runs Olhos Carioca).
 */
export async function demoCast(stack: Stack) {
  const [patient, otherPatient, clinicAdmin, otherClinicAdmin, admin] = await Promise.all(
    ['paciente', 'joao.pereira', 'clinica', 'olhos.carioca', 'admin'].map((name) => stack.login(`${name}@demo.medpay.com.br`)),
  );
  // The patient app's search, by its id: it runs whatever the router's trusted-documents mode.
  const { body } = await stack.appOperation<{ procedures: { edges: { node: { id: string; clinic: { id: string } } }[] } }>('SearchProcedures', {
    filter: { search: 'Clareamento' },
    first: 10,
  });
  const procedure = body.data!.procedures.edges[0]!.node;
  return { patient: patient!, otherPatient: otherPatient!, clinicAdmin: clinicAdmin!, otherClinicAdmin: otherClinicAdmin!, admin: admin!, procedureId: procedure.id, clinicId: procedure.clinic.id };
}

/** A payment's status as a platform admin reads it (undefined when the graph does not answer it). */
export async function paymentStatus(stack: Stack, adminToken: string, id: string): Promise<string | undefined> {
  return (await stack.graphql<{ payment: { status: string } }>('query($id: ID!) { payment(id: $id) { status } }', { id }, bearer(adminToken))).body.data?.payment.status;
}

/**
 * A crediário's contract signed at ClickSign by its payer (`email`, logged in as `token`): the first
 * installment's payment instructions, once payable.
 */
export async function signCrediario(stack: Stack, paymentId: string, email: string, token: string): Promise<{ pix: { copiaECola: string } | null; boleto: { line: string } | null }> {
  await stack.signAs(email);
  const read = async () =>
    (await stack.graphql<{ payment: { status: string; pix: { copiaECola: string } | null; boleto: { line: string } | null } }>('query($id: ID!) { payment(id: $id) { status pix { copiaECola } boleto { line } } }', { id: paymentId }, bearer(token))).body.data?.payment;
  const payable = await eventually(read, (payment) => payment?.status === 'AWAITING_PAYMENT' && (payment.pix !== null || payment.boleto !== null), "the signed contract's first charge", 30_000);
  return payable!;
}

/** `who` checks out `procedureId` by PIX and the simulated bank pays it; the payment's id, once in escrow. */
export async function payByPix(stack: Stack, who: Session, procedureId: string, adminToken: string): Promise<string> {
  const { body } = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
    'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
    { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
    bearer(who.accessToken),
  );
  if (!body.data?.checkout) throw new Error(JSON.stringify(body.errors));
  const paid = await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: body.data.checkout.pix.copiaECola }) });
  if (paid.status !== 200) throw new Error(`the simulated bank answered ${paid.status} to the PIX payment`);
  const id = body.data.checkout.id;
  await eventually(() => paymentStatus(stack, adminToken, id), (status) => status === 'IN_ESCROW', 'the payment in escrow');
  return id;
}

/** An e-mail as the messaging simulator's inbox shows it. */
export interface InboxEmail {
  to: string;
  subject?: string;
  text: string;
  html?: string;
}

/** The e-mails the stack's notifications sent to `to` (needs `{ notifications: true }`). */
export async function emailsTo(stack: Stack, to: string): Promise<InboxEmail[]> {
  if (!stack.messaging) throw new Error('start the stack with { notifications: true } to read e-mails');
  const query = new URLSearchParams({ channel: 'email', to });
  return (await (await fetch(`${stack.messaging.httpUrl}/_sim/messages?${query}`)).json()) as InboxEmail[];
}

/** The token of the confirmation link e-mailed to `to`, once it arrives (the newest, if several). */
export async function confirmationToken(stack: Stack, to: string): Promise<string> {
  const linked = (emails: InboxEmail[]) => emails.map((email) => /\/cadastro\/confirmar\?token=([\w-]+)/.exec(email.text)?.[1]).filter((token): token is string => Boolean(token));
  const emails = await eventually(() => emailsTo(stack, to), (found) => linked(found).length > 0, `the confirmation e-mail to ${to}`, 30_000);
  return linked(emails).at(-1)!;
}

export const SIGN_UP = 'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { message } }';
export const CONFIRM_SIGN_UP = 'mutation($token: String!, $password: String!) { confirmSignUp(token: $token, password: $password) { accessToken refreshToken expiresIn user { id name email roles } } }';

/**
 * A patient account made as a person makes one: signs up through the router (from `address`, as the
 * router's trusted proxies say it), opens the link e-mailed through the messaging simulator and
 * confirms it with the password. Needs `{ notifications: true }`.
 */
export async function signUpPatient(
  stack: Stack,
  input: { name: string; email: string; password: string; cpf: string; phone?: string; acceptedTerms?: { termsVersion: string; privacyPolicyVersion: string } },
  address = '198.51.100.10',
): Promise<Session> {
  const headers = { 'x-forwarded-for': address };
  const registered = await stack.graphql(SIGN_UP, { input }, headers);
  if (registered.body.errors) throw new Error(`sign-up failed: ${JSON.stringify(registered.body.errors)}`);
  const token = await confirmationToken(stack, input.email.toLowerCase());
  const { body } = await stack.graphql<{ confirmSignUp: { accessToken: string; refreshToken: string; user: { id: string } } }>(CONFIRM_SIGN_UP, { token, password: input.password }, headers);
  if (!body.data?.confirmSignUp) throw new Error(`confirmation failed for ${input.email}: ${JSON.stringify(body.errors)}`);
  return { accessToken: body.data.confirmSignUp.accessToken, refreshToken: body.data.confirmSignUp.refreshToken, userId: body.data.confirmSignUp.user.id };
}
