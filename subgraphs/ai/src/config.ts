import { baseConfigShape, dataDir, loadConfig, repoRoot } from '@medpay/runtime';
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
  /** MongoDB for conversations, tickets and assessments; unset, the embedded store under AI_DATA_DIR (`memory`: in memory) */
  MONGODB_URL: z.string().optional(),
  AI_DATA_DIR: z.string().default(() => join(dataDir(), 'ai')),
  /**
   * an OpenAI-compatible chat-completions API (…/v1) that rephrases the assistant's answers; unset (the
   * default), answers go out as written. The facts never come from it (assistant/rephrase.ts).
   */
  LLM_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  /** past this, the grounded answer goes out unrephrased */
  LLM_DEADLINE_MS: z.coerce.number().int().positive().default(3000),
  /** how long the assistant waits for the router */
  ROUTER_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
};

export type AiConfig = ReturnType<typeof loadAiConfig>;
export const loadAiConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(aiConfigShape, env);
