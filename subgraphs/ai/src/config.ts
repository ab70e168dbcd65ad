import { baseConfigShape, loadConfig, repoRoot } from '@medpay/runtime';
import { join } from 'node:path';
import { z } from 'zod';

export const aiConfigShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).default(4006),
  /** the router: the assistant asks it for the patient's own installments and payments, with the patient's token */
  ROUTER_URL: z.string().url().default('http://127.0.0.1:4000'),
  /**
   * the apps' trusted documents (codegen's manifest): the assistant sends the patient app's own
   * MyInstallments and MyPayments by id, so it works where the router enforces trusted documents
   */
  TRUSTED_DOCUMENTS_PATH: z.string().default(join(repoRoot, 'clients/shared/src/graphql/persisted-documents.json')),
  /** the producers whose outboxes the risk signals are rebuilt from (fraud/signals.ts) */
  USERS_URL: z.string().url().default('http://127.0.0.1:4001'),
  PROVIDERS_URL: z.string().url().default('http://127.0.0.1:4002'),
  PAYMENTS_URL: z.string().url().default('http://127.0.0.1:4003'),
  /** how often the outboxes are read for new events */
  FEED_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** how long the assistant waits for the router */
  ROUTER_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
};

export type AiConfig = ReturnType<typeof loadAiConfig>;
export const loadAiConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(aiConfigShape, env);
