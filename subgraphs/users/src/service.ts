// Wires the users subgraph: database, stores, rules, schema, and the HTTP server.
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  AccessLog, AccessTokenIssuer, CoalescingLoop, createEventBus, createKeyValueStore, createLoader, createLogger, fieldEncryptionFrom, internalRoutes, Metrics,
  openDatabase, OutboxRelay, ReEncryption, reportOutboxLag, seedsDemoData, sendJson, startSubgraph, type RunningService,
} from '@medpay/runtime';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AccountDeletionStore } from './account-deletion-store.js';
import { AccountDeletions } from './account-deletions.js';
import { Accounts } from './accounts.js';
import { Consents } from './consent.js';
import { CpfChecks } from './cpf-checks.js';
import { receitaFederalFrom } from '@medpay/receita-federal';
import { ConsentStore } from './consent-store.js';
import { dataExportRoutes } from './data-export-routes.js';
import { DataExportStore } from './data-export-store.js';
import { DataExports } from './data-exports.js';
import type { UsersConfig } from './config.js';
import { encryptedColumns } from './encrypted-columns.js';
import { recordDataAccesses, usersOutbox } from './outbox-store.js';
import { PrismaClient } from './generated/prisma/client.js';
import { usersInternalRoutes } from './internal/internal-routes.js';
import { resolvers, type UsersContext } from './resolvers.js';
import { RevocationStore } from './revocation-store.js';
import { RouterAsPerson } from './router-as-person.js';
import { seedDemoUsers } from './seed.js';
import { LoginThrottle, SessionStore } from './sessions.js';
import { SignUpStore } from './sign-up-store.js';
import { UserStore } from './user-store.js';
import DataLoader from 'dataloader';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** the relay is kicked after each registration; the interval catches what a crash left behind */
const RELAY_INTERVAL_MS = 2_000;
/** a token the service uses as a person (router-as-person.ts) lives long enough for one query */
const PERSON_TOKEN_TTL_SECONDS = 120;
/** sign-ups are forgotten a day after their link expired (until then a late click hears "expired") */
const SIGN_UP_SWEEP_INTERVAL_MS = 3600_000;
const SIGN_UP_KEPT_AFTER_EXPIRY_MS = 24 * 3600_000;
export const usersTypeDefs = parse(readFileSync(here('./schema.graphql'), 'utf8'));

export async function startUsersService(config: UsersConfig): Promise<RunningService & { metrics: Metrics; reEncryption: ReEncryption }> {
  const logger = createLogger('users', config.LOG_LEVEL);
  const metrics = new Metrics();
  const database = await openDatabase({
    service: 'users',
    url: config.USERS_DATABASE_URL ?? config.DATABASE_URL,
    migrationsDir: here('../prisma/migrations'),
    metrics,
    createClient: (adapter) => new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }),
  });
  const encryption = fieldEncryptionFrom(config);
  const store = new UserStore(database.prisma, encryption);
  const reEncryption = new ReEncryption({
    service: 'users', sql: database.prisma, encryption, tables: encryptedColumns, batchSize: config.REENCRYPTION_BATCH_SIZE, pauseMs: config.REENCRYPTION_PAUSE_MS, logger, metrics,
  });
  const consentStore = new ConsentStore(database.prisma);
  const signUps = new SignUpStore(database.prisma, encryption, consentStore);
  const consents = new Consents(consentStore, {
    termsVersion: config.TERMS_VERSION,
    termsDate: config.TERMS_DATE,
    privacyPolicyVersion: config.PRIVACY_POLICY_VERSION,
    privacyPolicyDate: config.PRIVACY_POLICY_DATE,
  });
  if (seedsDemoData(config.SEED_DEMO_DATA, database)) {
    const seeded = await seedDemoUsers(store, consents);
    if (seeded) logger.info({ seeded }, 'demo users seeded');
  }
  const kv = createKeyValueStore(config.REDIS_URL, config.SESSION_KEY_PREFIX);
  const tokens = await AccessTokenIssuer.fromJwk(config.JWT_PRIVATE_JWK, config.ACCESS_TOKEN_TTL_SECONDS, config.JWT_EXTRA_PUBLIC_JWKS);
  const bus = createEventBus(config.REDIS_URL, logger, config.EVENT_STREAM);
  await bus.ready();
  const outbox = usersOutbox(database.prisma);
  const relay = new OutboxRelay(outbox, bus, logger);
  reportOutboxLag(metrics, outbox);
  const revocations = new RevocationStore(database.prisma);
  const accessLog = new AccessLog(async (entries) => {
    await recordDataAccesses(database.prisma, entries);
    relay.loop.kick();
  }, logger, metrics);
  const throttle = new LoginThrottle(kv);
  const receita = receitaFederalFrom(config, 'users', logger);
  const cpfChecks = new CpfChecks(receita.client, database.prisma, store, logger);
  const cpfQueue = new CoalescingLoop('cpf checks', () => cpfChecks.pass().then(() => undefined), logger);
  const accounts = new Accounts(store, signUps, new SessionStore(kv, config.REFRESH_TOKEN_TTL_SECONDS * 1000, revocations), throttle, tokens, cpfChecks, {
    signUpTtlMs: config.SIGN_UP_CONFIRMATION_TTL_SECONDS * 1000,
    published: relay.loop.kick,
  });
  const routerAsPerson = new RouterAsPerson(config.ROUTER_URL, await AccessTokenIssuer.fromJwk(config.JWT_PRIVATE_JWK, PERSON_TOKEN_TTL_SECONDS), revocations);
  const deletionStore = new AccountDeletionStore(database.prisma);
  const deletions = new AccountDeletions(deletionStore, store, throttle, routerAsPerson, relay.loop.kick);
  let exportLoop: CoalescingLoop | null = null;
  const dataExports = new DataExports(
    new DataExportStore(database.prisma),
    store,
    routerAsPerson,
    {
      publicRouterUrl: config.ROUTER_PUBLIC_URL,
      linkSecret: config.DATA_EXPORT_LINK_SECRET,
      linkTtlSeconds: config.DATA_EXPORT_LINK_TTL_SECONDS,
      retentionHours: config.DATA_EXPORT_RETENTION_HOURS,
      perDay: config.DATA_EXPORTS_PER_DAY,
    },
    logger,
    () => exportLoop?.kick(),
  );
  exportLoop = new CoalescingLoop('data-exports', () => dataExports.pass(), logger);
  const sweep = new CoalescingLoop('sign-up sweep', async () => {
    const forgotten = await signUps.forgetExpired(new Date(Date.now() - SIGN_UP_KEPT_AFTER_EXPIRY_MS));
    if (forgotten) logger.info({ forgotten }, 'expired sign-ups forgotten');
  }, logger);

  const running = await startSubgraph<UsersContext>({
    name: 'users',
    schema: buildSubgraphSchema({ typeDefs: usersTypeDefs, resolvers }),
    host: config.HOST,
    drainNoticeMs: config.DRAIN_NOTICE_MS,
    port: config.PORT,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    metricsToken: config.METRICS_TOKEN,
    logger,
    metrics,
    createContext: (request) => ({
      ...request,
      accounts,
      deletions,
      dataExports,
      users: store,
      userLoader: createLoader('user', metrics, (ids) => store.findMany(ids)),
      consents,
      consentLoader: new DataLoader((ids: readonly string[]) => consents.statusesOf(ids)),
      accesses: accessLog.forRequest(request.claims),
    }),
    checkHealth: async () => void (await database.prisma.$queryRaw`SELECT 1`),
    onClose: async () => {
      await exportLoop?.stop();
      await reEncryption.stop();
      await accessLog.stop();
      await sweep.stop();
      await cpfQueue.stop();
      await receita.close();
      await relay.loop.stop();
      await bus.close();
      await kv.close();
      await database.close();
    },
    routes: {
      'GET /.well-known/jwks.json': async (_req, res) => sendJson(res, 200, tokens.jwks, { 'cache-control': 'public, max-age=300' }),
      ...dataExportRoutes(dataExports),
      ...internalRoutes(config.INTERNAL_CLAIMS_SECRET, usersInternalRoutes(store, revocations, outbox, deletionStore, accounts, cpfChecks)),
    },
  });
  relay.loop.start(RELAY_INTERVAL_MS);
  reEncryption.start();
  accessLog.start();
  exportLoop.start(config.DATA_EXPORT_INTERVAL_MS);
  sweep.start(SIGN_UP_SWEEP_INTERVAL_MS);
  cpfQueue.start(config.CPF_CHECK_INTERVAL_MS);
  return { ...running, metrics, reEncryption };
}
