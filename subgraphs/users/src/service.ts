// Wires the users subgraph: database, stores, rules, schema, and the HTTP server.
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  AccessTokenIssuer, CoalescingLoop, createEventBus, createKeyValueStore, createLoader, createLogger, FieldEncryption, internalRoutes, Metrics,
  openDatabase, OutboxRelay, seedsDemoData, sendJson, startSubgraph, type RunningService,
} from '@medpay/runtime';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Accounts } from './accounts.js';
import type { UsersConfig } from './config.js';
import { usersOutbox } from './outbox-store.js';
import { PrismaClient } from './generated/prisma/client.js';
import { usersInternalRoutes } from './internal/internal-routes.js';
import { resolvers, type UsersContext } from './resolvers.js';
import { RevocationStore } from './revocation-store.js';
import { seedDemoUsers } from './seed.js';
import { LoginThrottle, SessionStore } from './sessions.js';
import { SignUpStore } from './sign-up-store.js';
import { UserStore } from './user-store.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** the relay is kicked after each registration; the interval catches what a crash left behind */
const RELAY_INTERVAL_MS = 2_000;
/** sign-ups are forgotten a day after their link expired (until then a late click hears "expired") */
const SIGN_UP_SWEEP_INTERVAL_MS = 3600_000;
const SIGN_UP_KEPT_AFTER_EXPIRY_MS = 24 * 3600_000;
export const usersTypeDefs = parse(readFileSync(here('./schema.graphql'), 'utf8'));

export async function startUsersService(config: UsersConfig): Promise<RunningService & { metrics: Metrics }> {
  const logger = createLogger('users', config.LOG_LEVEL);
  const metrics = new Metrics();
  const database = await openDatabase({
    service: 'users',
    url: config.USERS_DATABASE_URL ?? config.DATABASE_URL,
    migrationsDir: here('../prisma/migrations'),
    metrics,
    createClient: (adapter) => new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }),
  });
  const encryption = new FieldEncryption(config.DATA_ENCRYPTION_KEY, config.BLIND_INDEX_KEY);
  const store = new UserStore(database.prisma, encryption);
  const signUps = new SignUpStore(database.prisma, encryption);
  if (seedsDemoData(config.SEED_DEMO_DATA, database)) {
    const seeded = await seedDemoUsers(store);
    if (seeded) logger.info({ seeded }, 'demo users seeded');
  }
  const kv = createKeyValueStore(config.REDIS_URL, config.SESSION_KEY_PREFIX);
  const tokens = await AccessTokenIssuer.fromJwk(config.JWT_PRIVATE_JWK, config.ACCESS_TOKEN_TTL_SECONDS);
  const bus = createEventBus(config.REDIS_URL, logger, config.EVENT_STREAM);
  await bus.ready();
  const outbox = usersOutbox(database.prisma);
  const relay = new OutboxRelay(outbox, bus, logger);
  const revocations = new RevocationStore(database.prisma);
  const accounts = new Accounts(store, signUps, new SessionStore(kv, config.REFRESH_TOKEN_TTL_SECONDS * 1000, revocations), new LoginThrottle(kv), tokens, {
    signUpTtlMs: config.SIGN_UP_CONFIRMATION_TTL_SECONDS * 1000,
    published: relay.loop.kick,
  });
  const sweep = new CoalescingLoop('sign-up sweep', async () => {
    const forgotten = await signUps.forgetExpired(new Date(Date.now() - SIGN_UP_KEPT_AFTER_EXPIRY_MS));
    if (forgotten) logger.info({ forgotten }, 'expired sign-ups forgotten');
  }, logger);

  const running = await startSubgraph<UsersContext>({
    name: 'users',
    schema: buildSubgraphSchema({ typeDefs: usersTypeDefs, resolvers }),
    host: config.HOST,
    port: config.PORT,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    metricsToken: config.METRICS_TOKEN,
    logger,
    metrics,
    createContext: (request) => ({ ...request, accounts, users: store, userLoader: createLoader('user', metrics, (ids) => store.findMany(ids)) }),
    checkHealth: async () => void (await database.prisma.$queryRaw`SELECT 1`),
    onClose: async () => {
      await sweep.stop();
      await relay.loop.stop();
      await bus.close();
      await kv.close();
      await database.close();
    },
    routes: {
      'GET /.well-known/jwks.json': async (_req, res) => sendJson(res, 200, tokens.jwks, { 'cache-control': 'public, max-age=300' }),
      ...internalRoutes(config.INTERNAL_CLAIMS_SECRET, usersInternalRoutes(store, revocations, outbox, accounts)),
    },
  });
  relay.loop.start(RELAY_INTERVAL_MS);
  sweep.start(SIGN_UP_SWEEP_INTERVAL_MS);
  return { ...running, metrics };
}
