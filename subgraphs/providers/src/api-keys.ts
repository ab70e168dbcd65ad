// Partner API keys: a clinic's admins mint them for their systems (the router accepts them in the
// X-Api-Key header and asks this service whether they are live). The whole key is shown once; only
// its SHA-256 is kept, with a short prefix to recognise it in lists.
import type { PartnerScope } from '@medpay/runtime';
import type { ApiKeyScope } from './__generated__/resolvers-types.js';
import { ProvidersError } from './errors.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Viewer } from './access.js';
import type { ApiKey, ApiKeyStore } from './api-key-store.js';
import { requiredText } from './validation.js';

/** The schema's ApiKeyScope values and the scopes the router's directives check. */
const SCOPES = {
  PAYMENTS_READ: 'payments:read',
  PAYMENTS_REFUND: 'payments:refund',
  PAYMENTS_CONFIRM: 'payments:confirm',
  CATALOG_WRITE: 'catalog:write',
  EVENTS_SUBSCRIBE: 'events:subscribe',
  PAYMENT_LINKS_WRITE: 'payment-links:write',
} as const satisfies Record<ApiKeyScope, PartnerScope>;

export const scopeOf = (name: ApiKeyScope): PartnerScope => SCOPES[name];
export const scopeName = (scope: string): ApiKeyScope => {
  const found = (Object.keys(SCOPES) as ApiKeyScope[]).find((name) => SCOPES[name] === scope);
  if (!found) throw new Error(`unknown API key scope ${scope}`);
  return found;
};

export const API_KEY_PREFIX = 'mpk_live_';
export const DISPLAY_PREFIX_LENGTH = 12;
/** last_used_at is written at most this often per key */
export const LAST_USED_RESOLUTION_MS = 60_000;

const KEY_SHAPE = /^mpk_live_[A-Za-z0-9_-]{32,128}$/;

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** A new key: 32 random bytes in base64url (43 characters) after the prefix. */
export function generateApiKey(): { secret: string; prefix: string; secretHash: string } {
  const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { secret, prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH), secretHash: hashApiKey(secret) };
}

/** Cheap shape check before any lookup. */
export const looksLikeApiKey = (key: string): boolean => KEY_SHAPE.test(key);

export class ApiKeys {
  constructor(
    private readonly keys: ApiKeyStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The keys the person created, for their data export: theirs alone. */
  async createdBy(viewer: Viewer, userId: string) {
    viewer.assertSelf(userId);
    return this.keys.createdBy(userId);
  }

  /** `scopes`: what the key may do; at least one (reading payments is the least). */
  async create(viewer: Viewer, clinicId: string, nameInput: string, scopes: readonly PartnerScope[]): Promise<{ apiKey: ApiKey; secret: string }> {
    const userId = viewer.requireUser();
    await viewer.assertCanManageClinic(clinicId);
    // Membership implies the clinic exists (foreign key): no separate lookup.
    const name = requiredText(nameInput, 'name', 'Dê um nome à chave (até 120 caracteres), como "Sistema de agendamento".');
    if (scopes.length === 0) throw new ProvidersError('BAD_USER_INPUT', 'Escolha ao menos uma permissão para a chave.', { field: 'scopes' });
    const { secret, prefix, secretHash } = generateApiKey();
    const apiKey = await this.keys.create({ clinicId, name, prefix, secretHash, createdBy: userId, scopes: [...new Set(scopes)] });
    return { apiKey, secret };
  }

  async revoke(viewer: Viewer, id: string): Promise<ApiKey> {
    viewer.requireUser();
    const key = await this.keys.findById(id);
    if (!key) throw new ProvidersError('NOT_FOUND', 'Chave de API não encontrada.');
    await viewer.assertCanManageClinic(key.clinicId);
    const revoked = await this.keys.revoke(key.id, this.now());
    if (!revoked) throw new ProvidersError('NOT_FOUND', 'Chave de API não encontrada.');
    return revoked;
  }

  async list(viewer: Viewer, clinicId: string): Promise<ApiKey[]> {
    await viewer.assertCanListApiKeys(clinicId);
    return this.keys.listByClinic(clinicId);
  }

  /** The key's id, clinic and scopes when it is live and its clinic ACTIVE; null otherwise. */
  async verify(key: string): Promise<{ apiKeyId: string; clinicId: string; scopes: string[] } | null> {
    if (!looksLikeApiKey(key)) return null;
    const found = await this.keys.findLiveByHash(hashApiKey(key));
    if (!found || found.clinic.status !== 'ACTIVE') return null;
    const now = this.now();
    await this.keys.touch(found.id, now, new Date(now.getTime() - LAST_USED_RESOLUTION_MS));
    return { apiKeyId: found.id, clinicId: found.clinicId, scopes: found.scopes };
  }
}
