import { receitaFederalConfigShape } from '@medpay/receita-federal';
import { baseConfigShape, devSecret, fieldEncryptionConfigShape, loadConfig, seedDemoDataShape } from '@medpay/runtime';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

const newSigningKey = () => JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex') });

export const usersConfigShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).default(4001),
  /** this subgraph's database; DATABASE_URL serves every subgraph (one schema each) */
  USERS_DATABASE_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  /** ES256 private key as a JWK (JSON) with a kid; the public half is served at /.well-known/jwks.json */
  JWT_PRIVATE_JWK: z.string().default(() => devSecret('JWT_PRIVATE_JWK', newSigningKey)),
  /**
   * public keys served in the JWKS beside the signing key's, as a JSON array of JWKs: the previous
   * signing key until its last tokens expire, and the next one ahead of a rotation (README, key rotation)
   */
  JWT_EXTRA_PUBLIC_JWKS: z.string().default('[]'),
  ...fieldEncryptionConfigShape,
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(30 * 24 * 3600),
  /** how long a sign-up's confirmation link works (24 h) */
  SIGN_UP_CONFIRMATION_TTL_SECONDS: z.coerce.number().int().positive().default(24 * 3600),
  /** where sessions and login counters live in Redis: deployments (or test stacks) sharing one Redis use their own */
  SESSION_KEY_PREFIX: z.string().min(1).default('medpay:users:'),
  /**
   * The versions of the terms of use and the privacy policy in force, and the dates they took effect
   * (shown on the privacy page). A person who accepted an older version must accept again.
   */
  TERMS_VERSION: z.string().min(1).max(40).default('2026-11-29'),
  TERMS_DATE: z.iso.date().default('2026-11-29'),
  PRIVACY_POLICY_VERSION: z.string().min(1).max(40).default('2026-11-29'),
  PRIVACY_POLICY_DATE: z.iso.date().default('2026-11-29'),
  /** the router as this service calls it: data exports are assembled through it with the person's claims */
  ROUTER_URL: z.string().url().default('http://127.0.0.1:4000'),
  /** the router as browsers reach it: where data export download links point */
  ROUTER_PUBLIC_URL: z.string().url().default('http://127.0.0.1:4000'),
  /** HMAC key of the data export download links */
  DATA_EXPORT_LINK_SECRET: z.string().min(32).default(() => devSecret('DATA_EXPORT_LINK_SECRET')),
  DATA_EXPORT_LINK_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  /** how long a built package is kept for download */
  DATA_EXPORT_RETENTION_HOURS: z.coerce.number().int().positive().default(7 * 24),
  DATA_EXPORTS_PER_DAY: z.coerce.number().int().positive().default(5),
  /** how often pending data exports are looked for (each request also starts a pass at once) */
  DATA_EXPORT_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  /** the Receita Federal (Serpro), where sign-ups' CPFs are checked */
  ...receitaFederalConfigShape,
  /** how often CPFs the Receita did not answer for are tried again (each is backed off on its own) */
  CPF_CHECK_INTERVAL_MS: z.coerce.number().int().min(50).default(30_000),
  ...seedDemoDataShape,
};

export type UsersConfig = ReturnType<typeof loadUsersConfig>;
export const loadUsersConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(usersConfigShape, env);
