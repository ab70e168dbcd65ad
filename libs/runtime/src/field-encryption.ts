// Encryption at rest for sensitive fields (CPF, health data, secrets): AES-256-GCM under a ring of
// numbered data keys, plus a keyed blind index (HMAC-SHA256) so equality lookups and uniqueness work
// without decrypting. A ciphertext names its key (`k<id>:iv:tag:body`), so keys can be rotated: new
// values go under the current key, older ones stay readable until re-encryption.ts moves them.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigError, devSecret } from './config.js';

/** Values written before keys had ids (`v1:iv:tag:body`) are under key 1, the former DATA_ENCRYPTION_KEY. */
const LEGACY_KEY_ID = 1;
const KEY_ID = /^[1-9][0-9]{0,5}$/;

export interface DataKeyRing {
  /** the key new values are encrypted under */
  current: number;
  /** every key still readable, by id, base64url (or base64) of 32 bytes */
  keys: Record<number, string>;
}

/** A ciphertext that cannot be read: its key is not in the ring, or it fails authentication. */
export class FieldDecryptionError extends Error {}

export class FieldEncryption {
  readonly currentKeyId: number;
  private readonly keys = new Map<number, Buffer>();
  private readonly indexKey: Buffer;

  /** `keys`: a ring, or one key alone (key 1, as DATA_ENCRYPTION_KEY was before rotation). */
  constructor(keys: DataKeyRing | string, blindIndexKeyBase64: string) {
    const ring = typeof keys === 'string' ? { current: LEGACY_KEY_ID, keys: { [LEGACY_KEY_ID]: keys } } : keys;
    for (const [id, key] of Object.entries(ring.keys)) {
      if (!KEY_ID.test(id)) throw new Error(`data key id ${id} must be a positive integer`);
      const bytes = Buffer.from(key, 'base64url');
      if (bytes.length !== 32) throw new Error(`data key ${id} must be 32 bytes (base64)`);
      this.keys.set(Number(id), bytes);
    }
    if (!this.keys.has(ring.current)) throw new Error(`the current data key ${ring.current} is not in the key ring`);
    this.currentKeyId = ring.current;
    this.indexKey = Buffer.from(blindIndexKeyBase64, 'base64url');
    if (this.indexKey.length < 32) throw new Error('BLIND_INDEX_KEY must be at least 32 bytes (base64)');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [`k${this.currentKeyId}`, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
  }

  decrypt(sealed: string): string {
    const [label, iv, tag, body] = sealed.split(':');
    const keyId = keyIdOf(label);
    if (keyId === null || !iv || !tag || body === undefined) throw new FieldDecryptionError('unknown ciphertext format');
    const key = this.keys.get(keyId);
    if (!key) throw new FieldDecryptionError(`ciphertext is under data key ${keyId}, which is not in the key ring (DATA_ENCRYPTION_KEYS)`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldDecryptionError(`ciphertext under data key ${keyId} failed authentication (altered, or sealed by another key with that id)`);
    }
  }

  /** Whether the ring holds keys besides the current one (values may wait for re-encryption). */
  get hasOlderKeys(): boolean {
    return this.keys.size > 1;
  }

  /** Whether a stored value is under the current key (else the re-encryption job rewrites it). */
  isCurrent(sealed: string): boolean {
    return keyIdOf(sealed.slice(0, sealed.indexOf(':'))) === this.currentKeyId;
  }

  /** The start of every value under a key other than the current one, as SQL LIKE patterns to exclude. */
  currentPrefixes(): string[] {
    return [`k${this.currentKeyId}:%`, ...(this.currentKeyId === LEGACY_KEY_ID ? ['v1:%'] : [])];
  }

  blindIndex(plain: string): string {
    return createHmac('sha256', this.indexKey).update(plain).digest('hex');
  }
}

function keyIdOf(label: string | undefined): number | null {
  if (label === 'v1') return LEGACY_KEY_ID;
  if (!label?.startsWith('k') || !KEY_ID.test(label.slice(1))) return null;
  return Number(label.slice(1));
}

/** The configuration every subgraph that stores encrypted fields reads. */
export const fieldEncryptionConfigShape = {
  /** the data key of deployments from before rotation: key 1 of the ring (empty counts as unset, as compose passes it) */
  DATA_ENCRYPTION_KEY: z.string().optional(),
  /** the key ring: `id:key` pairs, comma-separated (`2:…,1:…`); ids are positive integers */
  DATA_ENCRYPTION_KEYS: z.string().optional(),
  /** the key new values are encrypted under; default the highest id of the ring */
  DATA_ENCRYPTION_KEY_ID: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().positive().optional()),
  BLIND_INDEX_KEY: z.string().default(() => devSecret('BLIND_INDEX_KEY')),
  /** values the re-encryption job rewrites per statement batch, and its pause between batches */
  REENCRYPTION_BATCH_SIZE: z.coerce.number().int().positive().default(200),
  REENCRYPTION_PAUSE_MS: z.coerce.number().int().min(0).default(200),
};

type FieldEncryptionConfig = z.infer<z.ZodObject<Pick<typeof fieldEncryptionConfigShape, 'DATA_ENCRYPTION_KEY' | 'DATA_ENCRYPTION_KEYS' | 'DATA_ENCRYPTION_KEY_ID' | 'BLIND_INDEX_KEY'>>>;

/** The key ring a configuration names (DATA_ENCRYPTION_KEY alone still works: it is key 1). */
export function dataKeyRing(config: FieldEncryptionConfig): DataKeyRing {
  const keys: Record<number, string> = {};
  if (config.DATA_ENCRYPTION_KEY) keys[LEGACY_KEY_ID] = config.DATA_ENCRYPTION_KEY;
  for (const entry of (config.DATA_ENCRYPTION_KEYS ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator);
    if (separator < 0 || !KEY_ID.test(id)) throw new ConfigError('DATA_ENCRYPTION_KEYS: each entry is `id:key` with a positive integer id');
    const key = entry.slice(separator + 1);
    if (keys[Number(id)] !== undefined && keys[Number(id)] !== key) throw new ConfigError(`DATA_ENCRYPTION_KEYS: key ${id} is given twice with different values`);
    keys[Number(id)] = key;
  }
  if (Object.keys(keys).length === 0) keys[LEGACY_KEY_ID] = devSecret('DATA_ENCRYPTION_KEY');
  const current = config.DATA_ENCRYPTION_KEY_ID ?? Math.max(...Object.keys(keys).map(Number));
  if (keys[current] === undefined) throw new ConfigError(`DATA_ENCRYPTION_KEY_ID: key ${current} is not in the key ring`);
  return { current, keys };
}

/** The field encryption a subgraph's configuration describes; configuration errors surface at start-up. */
export function fieldEncryptionFrom(config: FieldEncryptionConfig): FieldEncryption {
  const ring = dataKeyRing(config);
  try {
    return new FieldEncryption(ring, config.BLIND_INDEX_KEY);
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${(error as Error).message}`);
  }
}
