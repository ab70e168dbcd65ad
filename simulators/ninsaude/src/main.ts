// Runs the NinSaúde simulator as its own process: `npx tsx simulators/ninsaude/src/main.ts`.
// The demo account's login and seeded refresh token are NINSAUDE_DEMO (seed.ts, README).
import { baseConfigShape, createLogger, dataDir, loadConfig, runService } from '@medpay/runtime';
import { join } from 'node:path';
import { z } from 'zod';
import { startNinSaudeSimulator } from './simulator.js';

const config = loadConfig({
  NODE_ENV: baseConfigShape.NODE_ENV,
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  HOST: baseConfigShape.HOST,
  NINSAUDE_SIM_PORT: z.coerce.number().int().min(0).max(65_535).default(4016),
  NINSAUDE_SIM_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).default(900),
  NINSAUDE_SIM_REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
  /** requests per minute per account */
  NINSAUDE_SIM_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** what the simulated accounts hold, kept across restarts; `memory` keeps nothing */
  NINSAUDE_SIM_STATE_FILE: z.string().default(() => join(dataDir(), 'ninsaude-simulator.json')),
});

const logger = createLogger('ninsaude-simulator', config.LOG_LEVEL);

await runService('ninsaude-simulator', () =>
  startNinSaudeSimulator({
    host: config.HOST,
    port: config.NINSAUDE_SIM_PORT,
    accessTokenTtlSeconds: config.NINSAUDE_SIM_ACCESS_TOKEN_TTL_SECONDS,
    refreshReuseGraceSeconds: config.NINSAUDE_SIM_REFRESH_REUSE_GRACE_SECONDS,
    rateLimit: { requests: config.NINSAUDE_SIM_RATE_LIMIT, windowMs: 60_000 },
    ...(config.NINSAUDE_SIM_STATE_FILE === 'memory' ? {} : { stateFile: config.NINSAUDE_SIM_STATE_FILE }),
    logger,
  }),
);
