// Wires the payments subgraph: database, gateway adapter, settlement, worker, background
// reconciliation, outbox relay, schema, the Celcoin webhook endpoint, and the HTTP server (with its
// live subscriptions over graphql-ws).
import { buildSubgraphSchema } from '@apollo/subgraph';
import { clickSignFrom, MalformedWebhookError, WebhookSignatureError } from '@medpay/clicksign';
import {
  AccessLog, CoalescingLoop, createEventBus, createLogger, fieldEncryptionFrom, InternalClient, internalRoutes, Metrics, objectStoreFrom, openDatabase, OutboxRelay, ReEncryption, reportOutboxLag, seedsDemoData,
  sendJson, signedObjectRoute, startSubgraph, type EventBus, type RunningService,
} from '@medpay/runtime';
import { parse } from 'graphql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PaymentAccess } from './payments/access.js';
import { ChargeIssuer } from './money-movement/charges.js';
import { Checkout } from './checkout/checkout.js';
import { CheckoutStore } from './checkout/checkout-store.js';
import { FraudScreen } from './checkout/fraud-screen.js';
import { CreditCheck } from './crediario/credit-check.js';
import { FraudReview } from './payments/fraud-review.js';
import type { PaymentsConfig } from './config.js';
import { encryptedColumns } from './encrypted-columns.js';
import { Directory } from './internal/directory.js';
import { paymentsInternalRoutes } from './internal/internal-routes.js';
import { CelcoinGateway } from './gateway/celcoin-client.js';
import { WebhookRejectedError, type PaymentGateway } from './gateway/payment-gateway.js';
import { PrismaClient } from './generated/prisma/client.js';
import { accountDeletionIntake } from './events/account-deletion.js';
import { paymentsOutbox } from './events/outbox.js';
import { outboxStore } from './events/outbox-store.js';
import { personalDataAccessed } from './events/domain-events.js';
import { PaymentActions } from './money-movement/payment-actions.js';
import { CrediarioContracts } from './crediario/contract-actions.js';
import { PaymentEventFeed } from './events/payment-events.js';
import { PaymentSearch } from './payments/payment-search.js';
import { PersonalDataStore } from './payments/personal-data-store.js';
import { PaymentStore } from './payments/payment-store.js';
import { Reconciliation } from './ledger/reconciliation.js';
import { ReportStore } from './reporting/report-store.js';
import { resolvers, type PaymentsContext } from './resolvers/index.js';
import { seedDemoPayments } from './seed.js';
import { Settlement } from './money-movement/settlement.js';
import { SimulationCounter } from './checkout/simulation-counter.js';
import { PaymentWorker } from './money-movement/worker.js';
import { ContractSigning } from './crediario/contract-signing.js';
import { DocumentFacts, MonthlyStatements, Receipts } from './documents/issuing.js';
import { PaymentDocuments } from './documents/payment-documents.js';
import { PaymentLinks } from './links/payment-links.js';

/** where the directory store's download links are served (through the router) */
export const DOCUMENTS_PATH = '/documents/payments';

/** How long a credit decision may take before payments decides by its own rules. */
const CREDIT_DEADLINE_MS = 2_000;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** how often the plan simulations counted in memory are written (the most a crash can lose) */
const SIMULATIONS_FLUSH_MS = 5_000;
/** how often users' outbox is read for account deletions (embedded mode) */
const DELETION_FEED_POLL_MS = 1_000;
export const paymentsTypeDefs = parse(readFileSync(here('./schema.graphql'), 'utf8'));

export interface PaymentsService extends RunningService {
  metrics: Metrics;
  worker: PaymentWorker;
  relay: OutboxRelay;
  bus: EventBus;
  reconciliation: Reconciliation;
  prisma: PrismaClient;
  gateway: PaymentGateway;
  /** rewrites values under an older data key (re-encryption.ts) */
  reEncryption: ReEncryption;
  /** the sensitive-data access log's writer (tests pause it while counting a read path's statements) */
  accessLog: AccessLog;
}

export async function startPaymentsService(config: PaymentsConfig, options: { gateway?: PaymentGateway } = {}): Promise<PaymentsService> {
  const logger = createLogger('payments', config.LOG_LEVEL);
  const metrics = new Metrics();
  const database = await openDatabase({
    service: 'payments',
    url: config.PAYMENTS_DATABASE_URL ?? config.DATABASE_URL,
    migrationsDir: here('../prisma/migrations'),
    metrics,
    createClient: (adapter) => new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }),
  });
  const prisma = database.prisma;
  const gateway =
    options.gateway ??
    new CelcoinGateway({
      baseUrl: config.CELCOIN_BASE_URL,
      clientId: config.CELCOIN_CLIENT_ID,
      clientSecret: config.CELCOIN_CLIENT_SECRET,
      pixKey: config.CELCOIN_PIX_KEY,
      merchantName: 'MedPay Saude',
      merchantCity: 'Sao Paulo',
      webhookUser: config.CELCOIN_WEBHOOK_USER,
      webhookPassword: config.CELCOIN_WEBHOOK_PASSWORD,
      timeoutMs: config.CELCOIN_TIMEOUT_MS,
      logger,
    });
  const directory = new Directory(config.PROVIDERS_URL, config.USERS_URL, config.INTERNAL_CLAIMS_SECRET);
  const bus = createEventBus(config.REDIS_URL, logger, config.EVENT_STREAM);
  await bus.ready();
  const outbox = paymentsOutbox(prisma);
  const relay = new OutboxRelay(outbox, bus, logger);
  // The worker is created below; settlement and actions reach it through this indirection. Nothing is
  // kicked while the demo history is written: it is settled as it is written, with nothing to carry out.
  let worker: PaymentWorker | undefined;
  let seeding = false;
  const kick = () => {
    if (seeding) return;
    relay.loop.kick();
    worker?.loop.kick();
  };
  const settlement = new Settlement(prisma, logger, config.ESCROW_AUTO_RELEASE_DAYS, kick, metrics);
  const charges = new ChargeIssuer(prisma, gateway, directory, settlement, config.PIX_EXPIRATION_SECONDS, logger, relay.loop.kick);
  worker = new PaymentWorker(prisma, gateway, directory, charges, settlement, logger);
  const encryption = fieldEncryptionFrom(config);
  const checkoutStore = new CheckoutStore(prisma, encryption);
  const personalData = new PersonalDataStore(prisma, encryption);
  const reEncryption = new ReEncryption({
    service: 'payments', sql: prisma, encryption, tables: encryptedColumns, batchSize: config.REENCRYPTION_BATCH_SIZE, pauseMs: config.REENCRYPTION_PAUSE_MS, logger, metrics,
  });
  // The deadline is the client's timeout: past it, checkout goes on by its own rules (fraud-screen.ts).
  const fraud = new FraudScreen(config.FRAUD_SCREEN === 'on' ? new InternalClient(config.AI_URL, 'payments', config.INTERNAL_CLAIMS_SECRET, config.FRAUD_DEADLINE_MS) : null, logger);
  // A credit decision is not on the checkout's hot path of a charge: it may take longer (the offer searches amounts and terms).
  const credit = new CreditCheck(new InternalClient(config.AI_URL, 'payments', config.INTERNAL_CLAIMS_SECRET, CREDIT_DEADLINE_MS), logger);
  const objects = await objectStoreFrom(config, { service: 'payments', publicBaseUrl: config.ROUTER_PUBLIC_URL, downloadPath: DOCUMENTS_PATH });
  const documents = new PaymentDocuments(prisma, objects);
  const facts = new DocumentFacts(prisma, directory, encryption);
  const clicksign = clickSignFrom(config, logger);
  const signing = new ContractSigning(prisma, clicksign, (payment) => facts.contract(payment), documents, charges, encryption, logger, kick);
  const receipts = new Receipts(prisma, facts, documents, logger);
  const statements = new MonthlyStatements(new ReportStore(prisma), directory, documents);
  const documentsLoop = new CoalescingLoop('documents', async () => {
    await signing.pass();
    await receipts.pass();
  }, logger);
  const links = new PaymentLinks(prisma, directory, encryption, config.PATIENT_APP_URL, kick);
  const checkout = new Checkout(checkoutStore, directory, charges, signing, links, { fraud, credit }, config.PLATFORM_FEE_BASIS_POINTS, kick);
  const fraudReview = new FraudReview(prisma, charges, logger, kick);
  const actions = new PaymentActions(prisma, settlement, charges, gateway, kick);
  const crediario = new CrediarioContracts(prisma, charges, gateway, kick);
  if (seedsDemoData(config.SEED_DEMO_DATA, database)) {
    // Before the server listens: a reader of the outbox feed never sees part of the history.
    seeding = true;
    const seeded = await seedDemoPayments({ prisma, checkout: checkoutStore, settlement, actions, platformFeeBasisPoints: config.PLATFORM_FEE_BASIS_POINTS });
    seeding = false;
    if (seeded) logger.info({ seeded }, 'demo payments seeded');
  }
  const store = new PaymentStore(prisma, metrics);
  const search = new PaymentSearch(store, directory);
  const reports = new ReportStore(prisma);
  const events = new PaymentEventFeed(bus, (id) => store.loaders().payment.load(id));
  const reconciliation = new Reconciliation(prisma, gateway, settlement, logger, relay.loop.kick);
  const simulations = new SimulationCounter(async (counted) => {
    await outboxStore.append(prisma, ...counted);
    relay.loop.kick();
  }, logger);

  // The sensitive-data access log: batches of reads written to the outbox in the background.
  const accessLog = new AccessLog(async (accesses) => {
    await outboxStore.append(prisma, personalDataAccessed(accesses));
    relay.loop.kick();
  }, logger, metrics);
  const deletionIntake = accountDeletionIntake({
    prisma,
    personalData,
    usersUrl: config.USERS_URL,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    redisUrl: config.REDIS_URL,
    eventStream: config.EVENT_STREAM,
    pollMs: DELETION_FEED_POLL_MS,
    replica: `payments-${randomUUID().slice(0, 8)}`,
    logger,
  });

  const running = await startSubgraph<PaymentsContext>({
    name: 'payments',
    schema: buildSubgraphSchema({ typeDefs: paymentsTypeDefs, resolvers }),
    host: config.HOST,
    drainNoticeMs: config.DRAIN_NOTICE_MS,
    port: config.PORT,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    metricsToken: config.METRICS_TOKEN,
    logger,
    metrics,
    subscriptions: true,
    createContext: (request) => ({
      ...request,
      access: new PaymentAccess(request.claims, directory),
      checkout,
      checkoutStore,
      credit,
      fraudReview,
      actions,
      crediario,
      signing,
      documents,
      statements,
      links,
      store,
      search,
      personalData,
      reports,
      directory,
      reconciliation,
      loaders: store.loaders(),
      events,
      simulations,
      accesses: accessLog.forRequest(request.claims),
      platformFeeBasisPoints: config.PLATFORM_FEE_BASIS_POINTS,
    }),
    checkHealth: async () => void (await prisma.$queryRaw`SELECT 1`),
    onClose: async () => {
      // The open window's counts are written on the way out; should that fail, they are lost (as on a crash).
      await simulations.close().catch((error: unknown) => logger.error({ err: error }, 'plan simulation counts not written'));
      await reEncryption.stop();
      await accessLog.stop();
      await deletionIntake.stop();
      await reconciliation.loop.stop();
      await documentsLoop.stop();
      await objects.close();
      await worker.loop.stop();
      await relay.loop.stop();
      await bus.close();
      await database.close();
    },
    routes: {
      // Celcoin delivers events here; the adapter checks the credentials on the raw request first.
      'POST /webhooks/celcoin': async (req, res, body) => {
        let events;
        try {
          events = gateway.parseWebhook(body, req.headers);
        } catch (error) {
          if (error instanceof WebhookRejectedError) {
            metrics.increment('gateway_webhooks_total', 1, { result: 'rejected' });
            return sendJson(res, 401, { error: 'unauthorized' });
          }
          throw error;
        }
        metrics.increment('gateway_webhooks_total', 1, { result: 'accepted' });
        for (const event of events) {
          if (event.type === 'CHARGE_PAID') await settlement.chargePaid(event);
          else if (event.type === 'CHARGE_EXPIRED' || event.type === 'CHARGE_CANCELED') await settlement.chargeEnded(event);
          else if (event.type === 'CHARGEBACK') await settlement.chargedBack(event);
          else await settlement.transferEnded({ ...event, confirmed: event.type === 'PAYOUT_CONFIRMED' || event.type === 'REFUND_CONFIRMED' });
        }
        sendJson(res, 200, { received: events.length });
      },
      // ClickSign's webhooks (the router passes each to providers too): the crediário contracts' are acted on here.
      'POST /webhooks/clicksign': async (req, res, body) => {
        let event;
        try {
          event = clicksign.parseWebhook(body, req.headers);
        } catch (error) {
          if (error instanceof WebhookSignatureError) return sendJson(res, 401, { error: 'unauthorized' });
          if (error instanceof MalformedWebhookError) return sendJson(res, 400, { error: 'malformed' });
          throw error;
        }
        await signing.onEvent(event);
        sendJson(res, 200, { received: true });
      },
      [`GET ${DOCUMENTS_PATH}`]: signedObjectRoute(objects, config),
      ...internalRoutes(config.INTERNAL_CLAIMS_SECRET, paymentsInternalRoutes({ prisma, outbox, links })),
    },
  });
  // What operations watch (infra/ dashboards and alarms), read when Prometheus scrapes.
  metrics.gauge('payments', 'payments by status', ['status'], async () =>
    (await prisma.payment.groupBy({ by: ['status'], _count: { _all: true } })).map((row) => ({ labels: { status: row.status }, value: row._count._all })),
  );
  reportOutboxLag(metrics, outbox);
  metrics.gauge('ledger_discrepancies', "discrepancies the last reconciliation found", [], async () => [{ value: reconciliation.lastDiscrepancies }]);
  worker.loop.start(config.WORKER_INTERVAL_MS);
  deletionIntake.start();
  relay.loop.start(Math.min(config.WORKER_INTERVAL_MS, 500));
  simulations.start(SIMULATIONS_FLUSH_MS);
  accessLog.start();
  // Started after the demo seed (above), so a run never meets a half-written history.
  if (config.RECONCILIATION_INTERVAL_MS > 0) reconciliation.loop.start(config.RECONCILIATION_INTERVAL_MS);
  reEncryption.start();
  documentsLoop.start(config.DOCUMENTS_INTERVAL_MS);
  return { ...running, metrics, worker, relay, bus, reconciliation, prisma, gateway, reEncryption, accessLog };
}
