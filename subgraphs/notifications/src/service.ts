// Wires the notifications subgraph: its database, the event intake, the dispatcher and the channel
// workers on the job queues, partner webhooks, the live bell and the HTTP server.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { accountDeletionSteps, outboxFeed, readEvent } from '@medpay/contracts';
import {
  Caller, createEventBus, createLogger, FeedIntake, fieldEncryptionFrom, InternalClient, Metrics, openDatabase, outboxSource, prismaFeedCursors, ReEncryption, reportEventLag, startSubgraph, StreamIntake,
  type DomainEvent, type EventIntake, type EventSource, type RunningService,
} from '@medpay/runtime';
import { parse } from 'graphql';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createChannelAdapters } from './channels/index.js';
import { receiptRoutes } from './channels/receipts.js';
import type { NotificationsConfig } from './config.js';
import { encryptedColumns } from './encrypted-columns.js';
import { Directory } from './directory.js';
import { Dispatcher, queueOf } from './dispatcher.js';
import { PrismaClient } from './generated/prisma/client.js';
import { LiveNotifications } from './live.js';
import { exponentialBackoff } from './queue/job-queue.js';
import { openJobQueue } from './queue/open-queue.js';
import { resolvers, type NotificationsContext } from './resolvers.js';
import { MessageSender } from './sender.js';
import { NotificationStore } from './store.js';
import { UrlPolicy, Webhooks } from './webhooks/index.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const notificationsTypeDefs = parse(readFileSync(here('./schema.graphql'), 'utf8'));
export const STREAM_GROUP = 'notifications';

/** Per channel: how many at once, the provider's rate limit, attempts before the dead letter. */
const CHANNEL_LIMITS = {
  IN_APP: { concurrency: 8, attempts: 10 },
  EMAIL: { concurrency: 4, attempts: 8, rateLimit: { max: 20, durationMs: 1000 } },
  SMS: { concurrency: 4, attempts: 8, rateLimit: { max: 10, durationMs: 1000 } },
  WHATSAPP: { concurrency: 4, attempts: 8, rateLimit: { max: 20, durationMs: 1000 } },
  PUSH: { concurrency: 4, attempts: 5, rateLimit: { max: 50, durationMs: 1000 } },
} as const;

export type NotificationsService = RunningService & { metrics: Metrics; intake: EventIntake; store: NotificationStore; dispatcher: Dispatcher; reEncryption: ReEncryption };

export async function startNotificationsService(config: NotificationsConfig): Promise<NotificationsService> {
  const logger = createLogger('notifications', config.LOG_LEVEL);
  const metrics = new Metrics();
  const database = await openDatabase({
    service: 'notifications',
    url: config.NOTIFICATIONS_DATABASE_URL ?? config.DATABASE_URL,
    migrationsDir: here('../prisma/migrations'),
    metrics,
    createClient: (adapter) => new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }),
  });
  const { prisma } = database;
  const encryption = fieldEncryptionFrom(config);
  const reEncryption = new ReEncryption({
    service: 'notifications', sql: prisma, encryption, tables: encryptedColumns, batchSize: config.REENCRYPTION_BATCH_SIZE, pauseMs: config.REENCRYPTION_PAUSE_MS, logger, metrics,
  });
  const store = new NotificationStore(prisma, encryption);
  const client = (url: string) => new InternalClient(url, 'notifications', config.INTERNAL_CLAIMS_SECRET, 30_000);
  const clients = { users: client(config.USERS_URL), providers: client(config.PROVIDERS_URL), payments: client(config.PAYMENTS_URL) };
  const directory = new Directory(clients);
  const queue = await openJobQueue({ redisUrl: config.REDIS_URL, prefix: `${config.EVENT_STREAM}:notifications`, prisma, logger, metrics });
  // The bell's live updates only: pub/sub across replicas, no Stream.
  const bus = createEventBus(config.REDIS_URL, logger, `${config.EVENT_STREAM}:notifications`, { durable: false });
  await bus.ready();
  const live = new LiveNotifications(bus, logger);
  const dispatcher = new Dispatcher(store, directory, queue, { confirmationReminderDays: config.CONFIRMATION_REMINDER_DAYS, maxLateMs: config.MAX_LATE_HOURS * 3600_000 }, logger);
  const sender = new MessageSender(store, directory, createChannelAdapters(config), live, { patient: config.PATIENT_APP_URL, clinic: config.PROVIDER_APP_URL, admin: config.ADMIN_APP_URL }, logger, config.QUIET_HOURS);
  for (const [channel, limits] of Object.entries(CHANNEL_LIMITS) as Array<[keyof typeof CHANNEL_LIMITS, (typeof CHANNEL_LIMITS)[keyof typeof CHANNEL_LIMITS]]>) {
    queue.work(queueOf(channel), { ...limits, backoffMs: exponentialBackoff(config.RETRY_BASE_MS, 3600_000), handle: sender.handle, onExhausted: sender.exhausted });
  }

  const webhooks = new Webhooks({
    prisma,
    metrics,
    queue,
    encryption,
    policy: new UrlPolicy({ production: config.NODE_ENV === 'production' }),
    concurrency: config.WEBHOOK_CONCURRENCY,
    logger,
    // The back office hears of a partner's endpoint that has failed every delivery for an hour, once per streak.
    onEndpointFailing: (endpoint) =>
      dispatcher.dispatch([
        { kind: 'admin.webhook_failing', key: `webhook:${endpoint.id}:${endpoint.failingSince?.getTime() ?? 0}`, audience: 'admins', data: { clinicId: endpoint.clinicId, endpointUrl: endpoint.url }, at: new Date() },
      ]),
  });
  const apply = async (event: DomainEvent) => {
    await dispatcher.apply(event);
    await webhooks.onEvent(event);
    // A deleted account: forget the person here, then say so (a failed report redelivers the event; forgetting again changes nothing).
    const deletion = readEvent('account.deletion_requested', event);
    if (deletion) {
      await store.forgetRecipient(deletion.userId);
      await clients.users.call(accountDeletionSteps, { deletionId: deletion.deletionId, service: 'notifications' });
    }
  };
  const intake: EventIntake = config.REDIS_URL
    ? new StreamIntake(config.REDIS_URL, config.EVENT_STREAM, STREAM_GROUP, `notifications-${randomBytes(4).toString('hex')}`, apply, logger)
    : new FeedIntake(feedSources(clients), prismaFeedCursors(prisma.feedCursor), apply, config.FEED_POLL_MS, logger);
  reportEventLag(metrics, intake);

  const running = await startSubgraph<NotificationsContext>({
    name: 'notifications',
    schema: buildSubgraphSchema({ typeDefs: notificationsTypeDefs, resolvers }),
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
      caller: new Caller(request.claims, (userId) => directory.memberships(userId)),
      store,
      live,
      dispatcher,
      webhooks,
      webPushPublicKey: config.VAPID_PUBLIC_KEY,
      pushEndpoints: config.WEB_PUSH_ENDPOINT_ALLOWLIST,
    }),
    checkHealth: async () => void (await prisma.$queryRaw`SELECT 1`),
    onClose: async () => {
      await reEncryption.stop();
      await intake.stop();
      await webhooks.stop();
      await queue.close();
      await bus.close();
      await database.close();
    },
    routes: receiptRoutes(config, (receipts) => Promise.all(receipts.map((receipt) => store.markDelivered(receipt))).then(() => undefined)),
  });
  await dispatcher.requeueUnqueued();
  webhooks.start();
  intake.start();
  reEncryption.start();
  return { ...running, metrics, intake, store, dispatcher, reEncryption };
}

const feedSources = (clients: Record<'users' | 'providers' | 'payments', InternalClient>): EventSource[] =>
  Object.entries(clients).map(([name, client]) => outboxSource(name, client, outboxFeed));
