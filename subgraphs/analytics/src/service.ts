// Wires the analytics subgraph: the document store (MongoDB or embedded), the event intake, the
// figures, the router's usage log and the HTTP server.
import { buildSubgraphSchema } from '@apollo/subgraph';
import * as contracts from '@medpay/contracts';
import { openDocumentStore, sweepExpired } from '@medpay/documents';
import { Caller, createLogger, internalRoute, internalRoutes, InternalClient, Metrics, producerOutboxes, reportEventLag, startSubgraph, type EventIntake, type EventSource, type RunningService } from '@medpay/runtime';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { AccessLogReader } from './access-log.js';
import type { AnalyticsConfig } from './config.js';
import { Figures } from './figures.js';
import { feedIntake, reportAccountDeletion, streamIntake } from './intake.js';
import { PersonalFacts } from './personal-data.js';
import { resolvers, type AnalyticsContext } from './resolvers.js';
import { analyticsCollections, type AnalyticsStore } from './store/models.js';
import { recordUsage } from './usage-log.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const analyticsTypeDefs = parse(readFileSync(here('./schema.graphql'), 'utf8'));
const SWEEP_EVERY_MS = 3600_000;

/** The outboxes analytics reads (the embedded feed, and backfills). */
export const eventSources = (config: AnalyticsConfig): EventSource[] => producerOutboxes(config, 'analytics', config.INTERNAL_CLAIMS_SECRET, contracts.outboxFeed);

export type AnalyticsService = RunningService & { store: AnalyticsStore; intake: EventIntake };

export async function startAnalyticsService(config: AnalyticsConfig): Promise<AnalyticsService> {
  const logger = createLogger('analytics', config.LOG_LEVEL);
  const metrics = new Metrics();
  const store = await openDocumentStore(analyticsCollections, config.MONGODB_URL, config.ANALYTICS_DATA_DIR);
  const deletionReports = reportAccountDeletion(new InternalClient(config.USERS_URL, 'analytics', config.INTERNAL_CLAIMS_SECRET, 30_000));
  const intake: EventIntake = config.REDIS_URL
    ? streamIntake(store, config.REDIS_URL, config.EVENT_STREAM, `analytics-${randomBytes(4).toString('hex')}`, logger, deletionReports)
    : feedIntake(store, eventSources(config), config.FEED_POLL_MS, logger, deletionReports);
  reportEventLag(metrics, intake);
  const figures = new Figures(store);
  const accessLog = new AccessLogReader(store);
  const personalFacts = new PersonalFacts(store);
  const providers = new InternalClient(config.PROVIDERS_URL, 'analytics', config.INTERNAL_CLAIMS_SECRET);
  const memberships = async (userId: string) => (await providers.call(contracts.memberships, { userId }))?.memberships ?? [];
  const sweep = () => sweepExpired(store, analyticsCollections).catch((error: unknown) => logger.error({ err: error }, 'retention sweep failed'));
  await sweep();
  const sweeper = setInterval(sweep, SWEEP_EVERY_MS);
  sweeper.unref();

  const running = await startSubgraph<AnalyticsContext>({
    name: 'analytics',
    schema: buildSubgraphSchema({ typeDefs: analyticsTypeDefs, resolvers }),
    host: config.HOST,
    drainNoticeMs: config.DRAIN_NOTICE_MS,
    port: config.PORT,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    metricsToken: config.METRICS_TOKEN,
    logger,
    metrics,
    createContext: (request) => ({ ...request, caller: new Caller(request.claims, memberships), figures, personalFacts, intake, accessLog }),
    checkHealth: async () => void (await store.findById('cursors', 'health')),
    onClose: async () => {
      clearInterval(sweeper);
      await intake.stop();
      await store.close();
    },
    routes: internalRoutes(config.INTERNAL_CLAIMS_SECRET, [internalRoute(contracts.graphUsageBatch, async ({ operations }) => ({ accepted: await recordUsage(store, operations) }))]),
  });
  intake.start();
  return { ...running, store, intake };
}
