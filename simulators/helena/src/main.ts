// Runs the Helena CRM simulator as its own process: `npx tsx simulators/helena/src/main.ts`.
// The demo account's API token is HELENA_DEMO (seed.ts, README); the webhook secret is the shared
// development secret HELENA_WEBHOOK_SECRET in .data/dev-secrets.json unless set.
import { baseConfigShape, createLogger, dataDir, devSecret, loadConfig, runService } from '@medpay/runtime';
import { join } from 'node:path';
import { z } from 'zod';
import { startHelenaSimulator } from './simulator.js';

const config = loadConfig({
  NODE_ENV: baseConfigShape.NODE_ENV,
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  HOST: baseConfigShape.HOST,
  HELENA_SIM_PORT: z.coerce.number().int().min(0).max(65_535).default(4017),
  /** where appointment webhooks go; empty: they are only recorded (GET /_sim/webhooks) */
  HELENA_WEBHOOK_URL: z.union([z.literal(''), z.url()]).default(''),
  HELENA_WEBHOOK_SECRET: z.string().min(16).default(() => devSecret('HELENA_WEBHOOK_SECRET')),
  HELENA_SIM_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1000),
  /** requests per minute per account */
  HELENA_SIM_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** what the simulated accounts hold, kept across restarts; `memory` keeps nothing */
  HELENA_SIM_STATE_FILE: z.string().default(() => join(dataDir(), 'helena-simulator.json')),
});

const logger = createLogger('helena-simulator', config.LOG_LEVEL);

await runService('helena-simulator', () =>
  startHelenaSimulator({
    host: config.HOST,
    port: config.HELENA_SIM_PORT,
    webhookSecret: config.HELENA_WEBHOOK_SECRET,
    webhookRetryBaseMs: config.HELENA_SIM_WEBHOOK_RETRY_BASE_MS,
    rateLimit: { requests: config.HELENA_SIM_RATE_LIMIT, windowMs: 60_000 },
    ...(config.HELENA_WEBHOOK_URL ? { webhookUrl: config.HELENA_WEBHOOK_URL } : {}),
    ...(config.HELENA_SIM_STATE_FILE === 'memory' ? {} : { stateFile: config.HELENA_SIM_STATE_FILE }),
    logger,
  }),
);
