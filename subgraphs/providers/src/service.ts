// Wires the providers subgraph: database, stores, rules, schema, and the HTTP server.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { clickSignFrom, MalformedWebhookError, WebhookSignatureError } from '@medpay/clicksign';
import { receitaFederalFrom } from '@medpay/receita-federal';
import {
  CoalescingLoop, createEventBus, createLoader, createLogger, fieldEncryptionFrom, InternalClient, internalRoutes, Metrics, ReEncryption, objectStoreFrom, openDatabase, OutboxRelay, reportOutboxLag, seedsDemoData, sendJson, signedObjectRoute, startSubgraph,
  type RunningService,
} from '@medpay/runtime';
import { parse } from 'graphql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Viewer } from './access.js';
import { Agreements } from './agreements.js';
import { CnpjChecks } from './cnpj-checks.js';
import { encryptedColumns } from './encrypted-columns.js';
import { PracticeSystems } from './practice-systems.js';
import { accountDeletionIntake } from './account-deletion.js';
import { ApiKeyStore } from './api-key-store.js';
import { ApiKeys } from './api-keys.js';
import { Clinics } from './clinic-service.js';
import { ClinicStore } from './clinic-store.js';
import type { ProvidersConfig } from './config.js';
import { providersOutbox } from './outbox-store.js';
import { PrismaClient } from './generated/prisma/client.js';
import { Catalog } from './procedure-service.js';
import { providersInternalRoutes } from './internal/internal-routes.js';
import { createClinicCatalogLoader, ProcedureStore } from './procedure-store.js';
import { resolvers, type ProvidersContext } from './resolvers.js';
import { seedDemoClinics, seedDemoPracticeSystem } from './seed.js';
import { UsersClient } from './users-client.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** the relay is kicked after each change; the interval catches what a crash left behind */
const RELAY_INTERVAL_MS = 2_000;
/** how often users' outbox is read for account deletions (embedded mode) */
const DELETION_FEED_POLL_MS = 1_000;
/** where the directory store's download links are served (through the router) */
export const DOCUMENTS_PATH = '/documents/providers';
export const providersTypeDefs = parse(readFileSync(here('./schema.graphql'), 'utf8'));

export type ProvidersService = RunningService & { metrics: Metrics; prisma: PrismaClient };

export async function startProvidersService(config: ProvidersConfig): Promise<ProvidersService> {
  const logger = createLogger('providers', config.LOG_LEVEL);
  const metrics = new Metrics();
  const database = await openDatabase({
    service: 'providers',
    url: config.PROVIDERS_DATABASE_URL ?? config.DATABASE_URL,
    migrationsDir: here('../prisma/migrations'),
    metrics,
    createClient: (adapter) => new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }),
  });
  const clinicStore = new ClinicStore(database.prisma);
  const procedureStore = new ProcedureStore(database.prisma);
  const encryption = fieldEncryptionFrom(config);
  if (seedsDemoData(config.SEED_DEMO_DATA, database)) {
    const seeded = await seedDemoClinics(clinicStore, procedureStore);
    if (seeded) logger.info({ seeded }, 'demo clinics seeded');
    await seedDemoPracticeSystem(database.prisma, encryption);
  }
  const bus = createEventBus(config.REDIS_URL, logger, config.EVENT_STREAM);
  await bus.ready();
  const outbox = providersOutbox(database.prisma);
  const relay = new OutboxRelay(outbox, bus, logger);
  reportOutboxLag(metrics, outbox);
  const users = new UsersClient(config.USERS_URL, config.INTERNAL_CLAIMS_SECRET);
  const receita = receitaFederalFrom(config, 'providers', logger);
  const cnpjChecks = new CnpjChecks(receita.client, database.prisma, clinicStore, logger, relay.loop.kick);
  const objects = await objectStoreFrom(config, { service: 'providers', publicBaseUrl: config.ROUTER_PUBLIC_URL, downloadPath: DOCUMENTS_PATH });
  const clicksign = clickSignFrom(config, logger);
  const agreements = new Agreements(database.prisma, clinicStore, clicksign, objects, users, config, logger, relay.loop.kick);
  const clinics = new Clinics(clinicStore, users, cnpjChecks, agreements, relay.loop.kick);
  const reEncryption = new ReEncryption({
    service: 'providers', sql: database.prisma, encryption, tables: encryptedColumns, batchSize: config.REENCRYPTION_BATCH_SIZE, pauseMs: config.REENCRYPTION_PAUSE_MS, logger, metrics,
  });
  const practiceSystems = new PracticeSystems(
    database.prisma,
    new InternalClient(config.PAYMENTS_URL, 'providers', config.INTERNAL_CLAIMS_SECRET),
    encryption,
    { baseUrls: { HELENA: config.HELENA_BASE_URL, NINSAUDE: config.NINSAUDE_BASE_URL }, providerAppUrl: config.PROVIDER_APP_URL, syncIntervalMs: config.PRACTICE_SYNC_INTERVAL_MS },
    logger,
  );
  const background = new CoalescingLoop('providers background', async () => {
    await cnpjChecks.pass();
    await agreements.pass();
    await practiceSystems.pass();
  }, logger);
  const catalog = new Catalog(clinicStore, procedureStore, relay.loop.kick);
  const apiKeyStore = new ApiKeyStore(database.prisma);
  const apiKeys = new ApiKeys(apiKeyStore);

  const deletionIntake = accountDeletionIntake({
    prisma: database.prisma,
    clinics: clinicStore,
    usersUrl: config.USERS_URL,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    redisUrl: config.REDIS_URL,
    eventStream: config.EVENT_STREAM,
    pollMs: DELETION_FEED_POLL_MS,
    replica: `providers-${randomUUID().slice(0, 8)}`,
    logger,
  });

  const running = await startSubgraph<ProvidersContext>({
    name: 'providers',
    schema: buildSubgraphSchema({ typeDefs: providersTypeDefs, resolvers }),
    host: config.HOST,
    drainNoticeMs: config.DRAIN_NOTICE_MS,
    port: config.PORT,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    metricsToken: config.METRICS_TOKEN,
    logger,
    metrics,
    createContext: (request) => ({
      ...request,
      viewer: new Viewer(request.claims, (userId) => clinicStore.membershipsOf(userId)),
      clinics,
      agreements,
      practiceSystems,
      catalog,
      apiKeys,
      clinicLoader: createLoader('clinic', metrics, (ids) => clinicStore.findMany(ids)),
      procedureLoader: createLoader('procedure', metrics, (ids) => procedureStore.findMany(ids)),
      clinicCatalogLoader: createClinicCatalogLoader(procedureStore, metrics),
    }),
    checkHealth: async () => void (await database.prisma.$queryRaw`SELECT 1`),
    onClose: async () => {
      await background.stop();
      await reEncryption.stop();
      await deletionIntake.stop();
      await receita.close();
      await objects.close();
      await relay.loop.stop();
      await bus.close();
      await database.close();
    },
    routes: {
      // ClickSign's webhooks (the router passes each to payments too): the clinics' agreements are acted on here.
      'POST /webhooks/clicksign': async (req, res, body) => {
        let event;
        try {
          event = clicksign.parseWebhook(body, req.headers);
        } catch (error) {
          if (error instanceof WebhookSignatureError) return sendJson(res, 401, { error: 'unauthorized' });
          if (error instanceof MalformedWebhookError) return sendJson(res, 400, { error: 'malformed' });
          throw error;
        }
        await agreements.onEvent(event);
        sendJson(res, 200, { received: true });
      },
      [`GET ${DOCUMENTS_PATH}`]: signedObjectRoute(objects, config),
      // Helena says an appointment changed: its connection syncs now (the webhook is verified by the connection's secret).
      'POST /webhooks/helena': async (req, res, body) => {
        const connection = await practiceSystems.webhookConnection(body, req.headers);
        if (!connection) return sendJson(res, 401, { error: 'unauthorized' });
        void practiceSystems.sync(connection.id).catch((error: unknown) => logger.warn({ err: error }, 'sync after a Helena webhook failed'));
        sendJson(res, 200, { received: true });
      },
      ...internalRoutes(config.INTERNAL_CLAIMS_SECRET, providersInternalRoutes({ apiKeys, apiKeyStore, clinics: clinicStore, procedures: procedureStore, outbox })),
    },
  });
  relay.loop.start(RELAY_INTERVAL_MS);
  deletionIntake.start();
  background.start(config.BACKGROUND_INTERVAL_MS);
  reEncryption.start();
  return { ...running, metrics, prisma: database.prisma };
}
