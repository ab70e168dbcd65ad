// What a clinic hands over when it connects a practice system, what we store (encrypted) for it, and
// the one way to get a PracticeSystem for a stored connection.
import { z } from 'zod';
import { HelenaAdapter } from './helena-adapter.js';
import { exchangeNinSaudeLogin, NinSaudeAdapter } from './ninsaude-adapter.js';
import type { ClientTuning } from './provider-call.js';
import type { PracticeSystem, PracticeSystemKind } from './practice-system.js';

/** NinSaúde's login (its password grant): exchanged once for a refresh token, never stored. */
export const ninSaudeLoginSchema = z.object({
  account: z.string().trim().min(1),
  username: z.string().trim().min(1),
  password: z.string().min(1),
  accountUnit: z.coerce.number().int().positive().default(1),
});

/** What we keep for a NinSaúde connection: the refresh token, replaced each time NinSaúde rotates it. */
export const ninSaudeCredentialsSchema = z.object({ refreshToken: z.string().min(1) });

/** What we keep for a Helena connection: its API token and the secret its webhooks are signed with. */
export const helenaCredentialsSchema = z.object({ apiToken: z.string().trim().min(1), webhookSecret: z.string().min(16).optional() });

/** What `connectPracticeSystem` accepts, per kind. */
export const connectCredentialsSchemas = {
  NINSAUDE: z.union([ninSaudeLoginSchema, ninSaudeCredentialsSchema]),
  HELENA: helenaCredentialsSchema,
} satisfies Record<PracticeSystemKind, z.ZodType>;

export type NinSaudeCredentials = z.infer<typeof ninSaudeCredentialsSchema>;
export type HelenaCredentials = z.infer<typeof helenaCredentialsSchema>;
export type StoredPracticeCredentials = NinSaudeCredentials | HelenaCredentials;

/**
 * The credentials to store for what the clinic typed: a NinSaúde login becomes a refresh token (the
 * login is checked by NinSaúde on the way); everything else is validated and kept as it is.
 */
export async function credentialsToStore(kind: PracticeSystemKind, input: unknown, options: { baseUrl: string } & ClientTuning): Promise<StoredPracticeCredentials> {
  if (kind === 'HELENA') return helenaCredentialsSchema.parse(input);
  const credentials = connectCredentialsSchemas.NINSAUDE.parse(input);
  if ('refreshToken' in credentials) return credentials;
  return exchangeNinSaudeLogin({ ...options, login: credentials });
}

export interface PracticeSystemOptions extends ClientTuning {
  baseUrl: string;
  /** the stored credentials (decrypted), checked against the kind's schema */
  credentials: unknown;
  /** persist the credentials again when the system changes them (NinSaúde's rotating refresh token) */
  onCredentialsChanged?: (credentials: StoredPracticeCredentials) => Promise<void> | void;
}

export function createPracticeSystem(kind: PracticeSystemKind, options: PracticeSystemOptions): PracticeSystem {
  const { credentials, onCredentialsChanged, ...rest } = options;
  if (kind === 'HELENA') {
    const { apiToken, webhookSecret } = helenaCredentialsSchema.parse(credentials);
    return new HelenaAdapter({ ...rest, apiToken, ...(webhookSecret ? { webhookSecret } : {}) });
  }
  const { refreshToken } = ninSaudeCredentialsSchema.parse(credentials);
  if (!onCredentialsChanged) throw new Error('A NinSaúde connection needs onCredentialsChanged: its refresh token rotates on every use');
  return new NinSaudeAdapter({ ...rest, refreshToken, onRefreshTokenRotated: (rotated) => onCredentialsChanged({ refreshToken: rotated }) });
}
