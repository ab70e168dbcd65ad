// Encryption at rest for sensitive fields (CPF, health data): AES-256-GCM with a key from the
// environment, plus a keyed blind index (HMAC-SHA256) so equality lookups and uniqueness work
// without decrypting.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export class FieldEncryption {
  private readonly key: Buffer;
  private readonly indexKey: Buffer;

  constructor(encryptionKeyBase64: string, blindIndexKeyBase64: string) {
    this.key = Buffer.from(encryptionKeyBase64, 'base64url');
    this.indexKey = Buffer.from(blindIndexKeyBase64, 'base64url');
    if (this.key.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes (base64)');
    if (this.indexKey.length < 32) throw new Error('BLIND_INDEX_KEY must be at least 32 bytes (base64)');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  blindIndex(plain: string): string {
    return createHmac('sha256', this.indexKey).update(plain).digest('hex');
  }
}
