import { baseConfigShape, loadConfig, seedDemoDataShape } from '@medpay/runtime';
import { z } from 'zod';

export const providersConfigShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).default(4002),
  /** this subgraph's database; DATABASE_URL serves every subgraph (one schema each) */
  PROVIDERS_DATABASE_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  /** the users subgraph, for its internal staff-grants endpoint */
  USERS_URL: z.string().url().default('http://127.0.0.1:4001'),
  ...seedDemoDataShape,
};

export type ProvidersConfig = ReturnType<typeof loadProvidersConfig>;
export const loadProvidersConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(providersConfigShape, env);
