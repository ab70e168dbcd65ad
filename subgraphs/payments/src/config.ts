import { clickSignConfigShape } from '@medpay/clicksign';
import { baseConfigShape, devSecret, fieldEncryptionConfigShape, loadConfig, objectStoreConfigShape, platformTermsConfigShape, seedDemoDataShape } from '@medpay/runtime';
import { z } from 'zod';

export const paymentsConfigShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).default(4003),
  PAYMENTS_DATABASE_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  USERS_URL: z.string().url().default('http://127.0.0.1:4001'),
  PROVIDERS_URL: z.string().url().default('http://127.0.0.1:4002'),
  /** the ai subgraph, which assesses each checkout for fraud before its charge */
  AI_URL: z.string().url().default('http://127.0.0.1:4006'),
  /**
   * off: checkout decides by payments' own rules without asking ai — an operator's switch for a model
   * gone wrong, and the test stacks', whose dozens of checkouts per patient would read as velocity
   */
  FRAUD_SCREEN: z.enum(['on', 'off']).default('on'),
  /** how long checkout waits for the fraud assessment before it goes on by its own rules */
  FRAUD_DEADLINE_MS: z.coerce.number().int().min(10).default(150),
  /** Celcoin's API; the local simulator unless real credentials are configured */
  CELCOIN_BASE_URL: z.string().url().default('http://127.0.0.1:4010'),
  CELCOIN_CLIENT_ID: z.string().default('medpay-dev'),
  CELCOIN_CLIENT_SECRET: z.string().default(() => devSecret('CELCOIN_CLIENT_SECRET')),
  /** how long one gateway call may take before it is retried */
  CELCOIN_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /** our PIX key at Celcoin, where patients' PIX payments arrive */
  CELCOIN_PIX_KEY: z.string().default('pix@medpay.com.br'),
  /** Basic credentials Celcoin presents when delivering webhooks to us */
  CELCOIN_WEBHOOK_USER: z.string().default('celcoin'),
  CELCOIN_WEBHOOK_PASSWORD: z.string().default(() => devSecret('CELCOIN_WEBHOOK_PASSWORD')),
  /** ClickSign, where patients sign crediário contracts; the local simulator unless configured */
  ...clickSignConfigShape,
  /** where contracts, receipts and statements are kept (S3, or a directory under .data/) */
  ...objectStoreConfigShape,
  /** the patient app: where payment links open (<url>/pagar/<token>) */
  PATIENT_APP_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** the router as browsers reach it: where the directory store's download links point */
  ROUTER_PUBLIC_URL: z.string().url().default('http://127.0.0.1:4000'),
  /** how often contracts, receipts and their copies are looked after in the background */
  DOCUMENTS_INTERVAL_MS: z.coerce.number().int().min(50).default(5_000),
  /** AES-256-GCM key for health data at rest (procedure names, contract terms), base64url */
  ...fieldEncryptionConfigShape,
  ...platformTermsConfigShape,
  /** how long a PIX charge stays payable */
  PIX_EXPIRATION_SECONDS: z.coerce.number().int().min(60).default(3600),
  /** how often the worker moves money forward (gateway calls, releases, installments) */
  WORKER_INTERVAL_MS: z.coerce.number().int().min(50).default(2000),
  /** how often reconciliation compares the books with the gateway in the background (1 hour); 0 turns it off */
  RECONCILIATION_INTERVAL_MS: z.coerce.number().int().min(0).max(2_147_483_647).default(3_600_000),
  /** a few months of demo payments (history for the analytics charts) */
  ...seedDemoDataShape,
};

export type PaymentsConfig = ReturnType<typeof loadPaymentsConfig>;
export const loadPaymentsConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(paymentsConfigShape, env);
