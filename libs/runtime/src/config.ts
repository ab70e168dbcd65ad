// Configuration is read and validated once per process; nothing else reads process.env.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const isProduction = () => process.env.NODE_ENV === 'production';

/** Where embedded databases and development secrets live. */
export const dataDir = () => resolve(process.env.MEDPAY_DATA_DIR ?? join(repoRoot, '.data'));

/**
 * A development secret shared by every local process through .data/dev-secrets.json, created on
 * first use. Production must configure every secret explicitly: this throws there.
 */
export function devSecret(name: string, make: () => string = () => randomBytes(32).toString('base64url')): string {
  if (isProduction()) throw new Error(`${name} must be set in production`);
  const file = join(dataDir(), 'dev-secrets.json');
  mkdirSync(dirname(file), { recursive: true });
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const secrets = read();
  if (secrets[name]) return secrets[name];
  secrets[name] = make();
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  // Another process may have written the same name at the same moment: the file's value wins.
  return read()[name] ?? secrets[name];
}

/** Fields every service reads. */
export const baseConfigShape = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  /** HMAC key the router signs forwarded claims with; subgraphs verify it. */
  INTERNAL_CLAIMS_SECRET: z.string().min(32).default(() => devSecret('INTERNAL_CLAIMS_SECRET')),
  REDIS_URL: z.string().url().optional(),
  /** the Redis Stream of domain events (with REDIS_URL); deployments or test stacks sharing a Redis use their own */
  EVENT_STREAM: z.string().min(1).default('medpay:events'),
  /** bearer token the metrics scraper presents at /metrics; unset, /metrics answers loopback callers only */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * how long a stopping service keeps answering while its /health says 503 (listen in server.ts): set it
   * above the router's REPLICA_CHECK_MS (or the load balancer's check interval) where replicas run
   */
  DRAIN_NOTICE_MS: z.coerce.number().int().min(0).default(0),
  /** where spans go (OTLP/HTTP, the collector); unset, nothing is recorded (tracing.ts) */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
};

/** The platform's terms with clinics: payments applies them, the clinics' service agreement states them. */
export const platformTermsConfigShape = {
  /** MedPay's share of each payment, in basis points (400 = 4 %) */
  PLATFORM_FEE_BASIS_POINTS: z.coerce.number().int().min(0).max(5000).default(400),
  /** days after payment when escrow is released unless the patient disputes */
  ESCROW_AUTO_RELEASE_DAYS: z.coerce.number().int().min(1).default(30),
};

/** Demo data for the services that seed it: `auto` seeds only an embedded database. */
export const seedDemoDataShape = {
  SEED_DEMO_DATA: z.enum(['auto', 'true', 'false']).default('auto'),
};

/** Whether a service seeds its demo data on this database (never a configured server unless asked). */
export const seedsDemoData = (setting: 'auto' | 'true' | 'false', database: { kind: 'pglite' | 'postgres' }) =>
  setting === 'true' || (setting === 'auto' && database.kind === 'pglite');

export class ConfigError extends Error {}

export function loadConfig<Shape extends z.ZodRawShape>(shape: Shape, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return result.data;
}
