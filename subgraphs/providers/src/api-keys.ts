// Partner API keys: a clinic's admins mint them for their systems (the router accepts them in the
// X-Api-Key header and asks this service whether they are live). The whole key is shown once; only
// its SHA-256 is kept, with a short prefix to recognise it in lists.
import { ProvidersError } from './errors.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Viewer } from './access.js';
import type { ApiKey, ApiKeyStore } from './api-key-store.js';
import { requiredText } from './validation.js';

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

  async create(viewer: Viewer, clinicId: string, nameInput: string): Promise<{ apiKey: ApiKey; secret: string }> {
    const userId = viewer.requireUser();
    await viewer.assertCanManageClinic(clinicId);
    // Membership implies the clinic exists (foreign key): no separate lookup.
    const name = requiredText(nameInput, 'name', 'Dê um nome à chave (até 120 caracteres), como "Sistema de agendamento".');
    const { secret, prefix, secretHash } = generateApiKey();
    const apiKey = await this.keys.create({ clinicId, name, prefix, secretHash, createdBy: userId });
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

  /** The key's id and clinic when it is live and its clinic ACTIVE; null otherwise. */
  async verify(key: string): Promise<{ apiKeyId: string; clinicId: string } | null> {
    if (!looksLikeApiKey(key)) return null;
    const found = await this.keys.findLiveByHash(hashApiKey(key));
    if (!found || found.clinic.status !== 'ACTIVE') return null;
    const now = this.now();
    await this.keys.touch(found.id, now, new Date(now.getTime() - LAST_USED_RESOLUTION_MS));
    return { apiKeyId: found.id, clinicId: found.clinicId };
  }
}
