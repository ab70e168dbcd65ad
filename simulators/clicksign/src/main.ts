// Runs the ClickSign simulator as its own process: `npx tsx simulators/clicksign/src/main.ts`.
// The access token and webhook secret default to development secrets in .data/dev-secrets.json under
// the same names the services read, so both started with no environment talk to each other.
import { baseConfigShape, createLogger, dataDir, devSecret, loadConfig, runService } from '@medpay/runtime';
import { join } from 'node:path';
import { z } from 'zod';
import { startClickSignSimulator } from './simulator.js';

const config = loadConfig({
  NODE_ENV: baseConfigShape.NODE_ENV,
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  HOST: baseConfigShape.HOST,
  CLICKSIGN_SIM_PORT: z.coerce.number().int().min(0).max(65_535).default(4021),
  /** scheme://host[:port] written into signing and download links, when the simulator is reached by another name */
  CLICKSIGN_SIM_PUBLIC_URL: z.string().url().optional(),
  CLICKSIGN_SIM_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1000),
  CLICKSIGN_ACCESS_TOKEN: z.string().min(1).default(() => devSecret('CLICKSIGN_ACCESS_TOKEN')),
  /** where webhooks go; empty to only keep them (undeliverable) */
  CLICKSIGN_WEBHOOK_URL: z.union([z.literal(''), z.string().url()]).default(''),
  CLICKSIGN_WEBHOOK_SECRET: z.string().min(1).default(() => devSecret('CLICKSIGN_WEBHOOK_SECRET')),
  /** what the simulated account holds, kept across restarts; `memory` keeps nothing */
  CLICKSIGN_SIM_STATE_FILE: z.string().default(() => join(dataDir(), 'clicksign-simulator.json')),
});

const logger = createLogger('clicksign-simulator', config.LOG_LEVEL);

await runService('clicksign-simulator', () =>
  startClickSignSimulator({
    host: config.HOST,
    port: config.CLICKSIGN_SIM_PORT,
    accessToken: config.CLICKSIGN_ACCESS_TOKEN,
    webhookSecret: config.CLICKSIGN_WEBHOOK_SECRET,
    webhookRetryBaseMs: config.CLICKSIGN_SIM_WEBHOOK_RETRY_BASE_MS,
    logger,
    ...(config.CLICKSIGN_WEBHOOK_URL ? { webhookUrl: config.CLICKSIGN_WEBHOOK_URL } : {}),
    ...(config.CLICKSIGN_SIM_PUBLIC_URL ? { publicBaseUrl: config.CLICKSIGN_SIM_PUBLIC_URL } : {}),
    ...(config.CLICKSIGN_SIM_STATE_FILE === 'memory' ? {} : { stateFile: config.CLICKSIGN_SIM_STATE_FILE }),
  }),
);
