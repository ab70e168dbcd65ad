import { clickSignConfigShape } from '@medpay/clicksign';
import { receitaFederalConfigShape } from '@medpay/receita-federal';
import { baseConfigShape, fieldEncryptionConfigShape, loadConfig, objectStoreConfigShape, platformTermsConfigShape, seedDemoDataShape } from '@medpay/runtime';
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
  /** the payments subgraph: payment links for the appointments of the clinics' systems */
  PAYMENTS_URL: z.string().url().default('http://127.0.0.1:4003'),
  /** the clinics' systems: Helena CRM and NinSaúde ERP (the local simulators by default) */
  HELENA_BASE_URL: z.string().url().default('http://127.0.0.1:4017'),
  NINSAUDE_BASE_URL: z.string().url().default('http://127.0.0.1:4016'),
  /** how often a connected system is synced in the background (each sync is incremental) */
  PRACTICE_SYNC_INTERVAL_MS: z.coerce.number().int().min(1000).default(120_000),
  /** the clinic dashboard, where a payment written back to a clinic's system points */
  PROVIDER_APP_URL: z.string().url().default('http://127.0.0.1:3001'),
  /** AES-256-GCM key for the clinics' systems' credentials and patients at rest */
  ...fieldEncryptionConfigShape,
  /** how often CNPJ checks, agreements and practice-system syncs are looked after in the background */
  BACKGROUND_INTERVAL_MS: z.coerce.number().int().min(50).default(5_000),
  ...seedDemoDataShape,
};

export type ProvidersConfig = ReturnType<typeof loadProvidersConfig>;
export const loadProvidersConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(providersConfigShape, env);
