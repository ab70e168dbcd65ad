// Runs the Receita (Serpro) simulator as its own process: `npx tsx simulators/receita/src/main.ts`.
// The consumer key and secret default to the development ones the services read (same variable names,
// the secret from .data/dev-secrets.json), so both started with no environment talk to each other.
import { baseConfigShape, createLogger, dataDir, devSecret, loadConfig, runService } from '@medpay/runtime';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RECEITA_SIM_PORT, startReceitaSimulator } from './simulator.js';

const config = loadConfig({
  NODE_ENV: baseConfigShape.NODE_ENV,
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  HOST: baseConfigShape.HOST,
  RECEITA_SIM_PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_RECEITA_SIM_PORT),
  RECEITA_CONSUMER_KEY: z.string().min(1).default('medpay-dev'),
  RECEITA_CONSUMER_SECRET: z.string().min(1).default(() => devSecret('RECEITA_CONSUMER_SECRET')),
  RECEITA_SIM_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).default(3600),
  /** consultations admitted per client in any sliding second */
  RECEITA_SIM_REQUESTS_PER_SECOND: z.coerce.number().int().min(1).default(5),
  /** registered records and issued tokens, kept across restarts; `memory` keeps nothing */
  RECEITA_SIM_STATE_FILE: z.string().default(() => join(dataDir(), 'receita-simulator.json')),
});

const logger = createLogger('receita-simulator', config.LOG_LEVEL);

await runService('receita-simulator', () =>
  startReceitaSimulator({
    host: config.HOST,
    port: config.RECEITA_SIM_PORT,
    consumerKey: config.RECEITA_CONSUMER_KEY,
    consumerSecret: config.RECEITA_CONSUMER_SECRET,
    tokenTtlSeconds: config.RECEITA_SIM_TOKEN_TTL_SECONDS,
    requestsPerSecond: config.RECEITA_SIM_REQUESTS_PER_SECOND,
    ...(config.RECEITA_SIM_STATE_FILE === 'memory' ? {} : { stateFile: config.RECEITA_SIM_STATE_FILE }),
    logger,
  }),
);
