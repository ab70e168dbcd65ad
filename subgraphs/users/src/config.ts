import { baseConfigShape, devSecret, loadConfig, seedDemoDataShape } from '@medpay/runtime';
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
  DATA_ENCRYPTION_KEY: z.string().default(() => devSecret('DATA_ENCRYPTION_KEY', () => randomBytes(32).toString('base64url'))),
  BLIND_INDEX_KEY: z.string().default(() => devSecret('BLIND_INDEX_KEY', () => randomBytes(32).toString('base64url'))),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(30 * 24 * 3600),
  /** how long a sign-up's confirmation link works (24 h) */
  SIGN_UP_CONFIRMATION_TTL_SECONDS: z.coerce.number().int().positive().default(24 * 3600),
  /** where sessions and login counters live in Redis: deployments (or test stacks) sharing one Redis use their own */
  SESSION_KEY_PREFIX: z.string().min(1).default('medpay:users:'),
  ...seedDemoDataShape,
};

export type UsersConfig = ReturnType<typeof loadUsersConfig>;
export const loadUsersConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(usersConfigShape, env);
