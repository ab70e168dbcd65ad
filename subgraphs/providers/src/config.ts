import { clickSignConfigShape } from '@medpay/clicksign';
import { receitaFederalConfigShape } from '@medpay/receita-federal';
import { baseConfigShape, loadConfig, objectStoreConfigShape, platformTermsConfigShape, seedDemoDataShape } from '@medpay/runtime';
import { z } from 'zod';

export const providersConfigShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).default(4002),
  /** this subgraph's database; DATABASE_URL serves every subgraph (one schema each) */
  PROVIDERS_DATABASE_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  /** the users subgraph, for its internal staff-grants endpoint */
  USERS_URL: z.string().url().default('http://127.0.0.1:4001'),
  /** the Receita Federal (Serpro), where clinics' CNPJs are checked */
  ...receitaFederalConfigShape,
  /** ClickSign, where clinics sign their service agreement */
  ...clickSignConfigShape,
  /** where agreements are kept (S3, or a directory under .data/) */
  ...objectStoreConfigShape,
  /** the router as browsers reach it: where the directory store's download links point */
  ROUTER_PUBLIC_URL: z.string().url().default('http://127.0.0.1:4000'),
  /** what the service agreement states (payments applies the same variables) */
  ...platformTermsConfigShape,
  /** how often CNPJ checks, agreements and practice-system syncs are looked after in the background */
  BACKGROUND_INTERVAL_MS: z.coerce.number().int().min(50).default(5_000),
  ...seedDemoDataShape,
};

export type ProvidersConfig = ReturnType<typeof loadProvidersConfig>;
export const loadProvidersConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(providersConfigShape, env);
