// Runs the Celcoin simulator as its own process: `npx tsx simulators/celcoin/src/main.ts`.
// Defaults match the payments service's (same variable names, same development secrets from
// .data/dev-secrets.json), so both started with no environment talk to each other.
import { baseConfigShape, createLogger, dataDir, devSecret, loadConfig, runService } from '@medpay/runtime';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PIX_KEY, startCelcoinSimulator } from './simulator.js';

const config = loadConfig({
  NODE_ENV: baseConfigShape.NODE_ENV,
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  HOST: baseConfigShape.HOST,
  CELCOIN_SIM_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  /** scheme://host[:port] written into PIX location URLs, when the simulator is reached by another name */
  CELCOIN_SIM_PUBLIC_URL: z.string().url().optional(),
  CELCOIN_SIM_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1000),
  CELCOIN_SIM_SETTLEMENT_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  CELCOIN_CLIENT_ID: z.string().min(1).default('medpay-dev'),
  CELCOIN_CLIENT_SECRET: z.string().min(1).default(() => devSecret('CELCOIN_CLIENT_SECRET')),
  CELCOIN_PIX_KEY: z.string().min(1).default(DEFAULT_PIX_KEY),
  /** where webhooks go; the payments service's endpoint by default, empty to only log them */
  CELCOIN_WEBHOOK_URL: z.union([z.literal(''), z.string().url()]).default('http://127.0.0.1:4003/webhooks/celcoin'),
  CELCOIN_WEBHOOK_USER: z.string().min(1).default('celcoin'),
  CELCOIN_WEBHOOK_PASSWORD: z.string().min(1).default(() => devSecret('CELCOIN_WEBHOOK_PASSWORD')),
  /** what the simulated account holds, kept across restarts; `memory` keeps nothing */
  CELCOIN_SIM_STATE_FILE: z.string().default(() => join(dataDir(), 'celcoin-simulator.json')),
});

const logger = createLogger('celcoin-simulator', config.LOG_LEVEL);

await runService('celcoin-simulator', () =>
  startCelcoinSimulator({
    host: config.HOST,
    port: config.CELCOIN_SIM_PORT,
    clientId: config.CELCOIN_CLIENT_ID,
    clientSecret: config.CELCOIN_CLIENT_SECRET,
    pixKey: config.CELCOIN_PIX_KEY,
    webhookBasicAuth: { username: config.CELCOIN_WEBHOOK_USER, password: config.CELCOIN_WEBHOOK_PASSWORD },
    webhookRetryBaseMs: config.CELCOIN_SIM_WEBHOOK_RETRY_BASE_MS,
    settlementDelayMs: config.CELCOIN_SIM_SETTLEMENT_DELAY_MS,
    ...(config.CELCOIN_SIM_STATE_FILE === 'memory' ? {} : { stateFile: config.CELCOIN_SIM_STATE_FILE }),
    logger,
    ...(config.CELCOIN_WEBHOOK_URL ? { webhookUrl: config.CELCOIN_WEBHOOK_URL } : {}),
    ...(config.CELCOIN_SIM_PUBLIC_URL ? { publicBaseUrl: config.CELCOIN_SIM_PUBLIC_URL } : {}),
  }),
);
