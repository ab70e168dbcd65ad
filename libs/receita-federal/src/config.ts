// The Receita Federal's settings (through Serpro's API), as users and providers read them.
import { createKeyValueStore, devSecret, type Logger } from '@medpay/runtime';
import { z } from 'zod';
import { ReceitaFederalClient } from './receita-federal-client.js';

export const receitaFederalConfigShape = {
  /** Serpro's gateway (https://gateway.apiserpro.serpro.gov.br); the local simulator by default */
  RECEITA_BASE_URL: z.string().url().default('http://127.0.0.1:4030'),
  RECEITA_CONSUMER_KEY: z.string().min(1).default('medpay-dev'),
  RECEITA_CONSUMER_SECRET: z.string().min(1).default(() => devSecret('RECEITA_CONSUMER_SECRET')),
  /** HMAC key of the cache's CPF keys (the CPF itself is never a key) */
  RECEITA_CACHE_KEY_SECRET: z.string().min(32).default(() => devSecret('RECEITA_CACHE_KEY_SECRET')),
  /** our share of the contract's rate limit: the contract's requests per second divided by the replicas */
  RECEITA_REQUESTS_PER_SECOND: z.coerce.number().positive().default(5),
  /** how long calls fail fast after the Receita kept failing, before one is tried again */
  RECEITA_CIRCUIT_COOL_DOWN_MS: z.coerce.number().int().min(0).default(30_000),
};

export type ReceitaFederalConfig = z.infer<z.ZodObject<typeof receitaFederalConfigShape>> & { REDIS_URL?: string | undefined };

/** The client with its 30-day cache in Redis (or in memory, embedded). */
export function receitaFederalFrom(config: ReceitaFederalConfig, service: string, logger: Pick<Logger, 'warn' | 'error'>) {
  const cache = createKeyValueStore(config.REDIS_URL, `medpay:${service}:receita:`);
  const client = new ReceitaFederalClient({
    baseUrl: config.RECEITA_BASE_URL,
    consumerKey: config.RECEITA_CONSUMER_KEY,
    consumerSecret: config.RECEITA_CONSUMER_SECRET,
    cache,
    cacheKeySecret: config.RECEITA_CACHE_KEY_SECRET,
    requestsPerSecond: config.RECEITA_REQUESTS_PER_SECOND,
    circuitBreaker: { coolDownMs: config.RECEITA_CIRCUIT_COOL_DOWN_MS },
    logger,
  });
  return { client, close: () => cache.close() };
}
