import { baseConfigShape, dataDir, loadConfig } from '@medpay/runtime';
import { join } from 'node:path';
import { z } from 'zod';

export const analyticsConfigShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).default(4004),
  /** MongoDB (a replica set in production); unset, the embedded store under ANALYTICS_DATA_DIR */
  MONGODB_URL: z.string().optional(),
  /** the embedded store's directory; `memory` keeps it in memory (tests) */
  ANALYTICS_DATA_DIR: z.string().default(() => join(dataDir(), 'analytics')),
  /** the services whose outboxes feed analytics (read directly in the embedded mode and by backfills) */
  USERS_URL: z.string().url().default('http://127.0.0.1:4001'),
  PROVIDERS_URL: z.string().url().default('http://127.0.0.1:4002'),
  PAYMENTS_URL: z.string().url().default('http://127.0.0.1:4003'),
  /** how often the embedded feed reader asks the sources for new events */
  FEED_POLL_MS: z.coerce.number().int().min(50).default(1000),
};

export type AnalyticsConfig = ReturnType<typeof loadAnalyticsConfig>;
export const loadAnalyticsConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(analyticsConfigShape, env);
