import { describe, expect, it } from '@jest/globals';
import { createCipheriv, randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config.js';
import { dataKeyRing, FieldDecryptionError, FieldEncryption, fieldEncryptionConfigShape, fieldEncryptionFrom } from './field-encryption.js';

const key = () => randomBytes(32).toString('base64url');
const indexKey = key();

/** A value as the code before key rotation wrote it: `v1:iv:tag:body` under DATA_ENCRYPTION_KEY. */
function legacySealed(keyBase64: string, plain: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyBase64, 'base64url'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
}

describe('field encryption with a key ring', () => {
  const one = key();
  const two = key();

  it('seals under the current key, naming it, and reads values under any key of the ring', () => {
    const before = new FieldEncryption(one, indexKey);
    const sealedBefore = before.encrypt('123.456.789-09');
    expect(sealedBefore.startsWith('k1:')).toBe(true);
    const ring = new FieldEncryption({ current: 2, keys: { 1: one, 2: two } }, indexKey);
    const sealedAfter = ring.encrypt('Clareamento dental');
    expect(sealedAfter.startsWith('k2:')).toBe(true);
    expect(ring.decrypt(sealedBefore)).toBe('123.456.789-09');
    expect(ring.decrypt(sealedAfter)).toBe('Clareamento dental');
    expect(ring.isCurrent(sealedAfter)).toBe(true);
    expect(ring.isCurrent(sealedBefore)).toBe(false);
    expect([before.hasOlderKeys, ring.hasOlderKeys]).toEqual([false, true]);
  });

  it('reads values written before keys had ids (v1:) as key 1, the former DATA_ENCRYPTION_KEY', () => {
    const legacy = legacySealed(one, 'Consulta cardiológica');
    expect(new FieldEncryption({ current: 2, keys: { 1: one, 2: two } }, indexKey).decrypt(legacy)).toBe('Consulta cardiológica');
    expect(new FieldEncryption(one, indexKey).isCurrent(legacy)).toBe(true);
  });

  it('says which key is missing when a value is under a key the ring no longer holds', () => {
    const sealed = new FieldEncryption(one, indexKey).encrypt('segredo');
    const withoutOne = new FieldEncryption({ current: 2, keys: { 2: two } }, indexKey);
    expect(() => withoutOne.decrypt(sealed)).toThrow(FieldDecryptionError);
    expect(() => withoutOne.decrypt(sealed)).toThrow(/data key 1, which is not in the key ring/);
  });

  it('refuses an altered ciphertext, another key under the same id, and unknown formats', () => {
    const ring = new FieldEncryption({ current: 2, keys: { 1: one, 2: two } }, indexKey);
    const [label, iv, tag, body] = ring.encrypt('123.456.789-09').split(':') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0]! ^= 1;
    expect(() => ring.decrypt([label, iv, tag, flipped.toString('base64url')].join(':'))).toThrow(/failed authentication/);
    expect(() => ring.decrypt([label, iv, Buffer.alloc(16).toString('base64url'), body].join(':'))).toThrow(/failed authentication/);
    expect(() => ring.decrypt(['k1', iv, tag, body].join(':'))).toThrow(/failed authentication/);
    expect(() => new FieldEncryption({ current: 2, keys: { 2: key() } }, indexKey).decrypt([label, iv, tag, body].join(':'))).toThrow(/failed authentication/);
    for (const garbage of ['', 'plain text', 'v2:a:b:c', 'kx:a:b:c', 'k0:a:b:c']) expect(() => ring.decrypt(garbage)).toThrow(/unknown ciphertext format/);
  });

  it('keeps the blind index independent of the data keys (lookups survive a rotation)', () => {
    expect(new FieldEncryption(one, indexKey).blindIndex('12345678909')).toBe(new FieldEncryption({ current: 2, keys: { 2: two } }, indexKey).blindIndex('12345678909'));
  });
});

describe('the key ring configuration', () => {
  it('keeps DATA_ENCRYPTION_KEY alone working as key 1', () => {
    const one = key();
    expect(dataKeyRing({ DATA_ENCRYPTION_KEY: one, BLIND_INDEX_KEY: indexKey })).toEqual({ current: 1, keys: { 1: one } });
  });

  it('counts empty variables as unset (docker-compose passes them so)', () => {
    const one = key();
    const config = loadConfig(fieldEncryptionConfigShape, { DATA_ENCRYPTION_KEY: one, DATA_ENCRYPTION_KEYS: '', DATA_ENCRYPTION_KEY_ID: '', BLIND_INDEX_KEY: indexKey });
    expect(dataKeyRing(config)).toEqual({ current: 1, keys: { 1: one } });
  });

  it('takes `id:key` pairs, the highest id current unless DATA_ENCRYPTION_KEY_ID says otherwise', () => {
    const [one, two] = [key(), randomBytes(32).toString('base64')];
    expect(dataKeyRing({ DATA_ENCRYPTION_KEY: one, DATA_ENCRYPTION_KEYS: `2:${two}`, BLIND_INDEX_KEY: indexKey })).toEqual({ current: 2, keys: { 1: one, 2: two } });
    expect(dataKeyRing({ DATA_ENCRYPTION_KEYS: ` 2:${two} , 1:${one}`, DATA_ENCRYPTION_KEY_ID: 1, BLIND_INDEX_KEY: indexKey })).toEqual({ current: 1, keys: { 1: one, 2: two } });
  });

  it('refuses a malformed ring, an unknown current id and keys of the wrong size', () => {
    const config = (extra: Record<string, unknown>) => ({ BLIND_INDEX_KEY: indexKey, ...extra });
    expect(() => dataKeyRing(config({ DATA_ENCRYPTION_KEYS: key() }))).toThrow(ConfigError);
    expect(() => dataKeyRing(config({ DATA_ENCRYPTION_KEYS: `a:${key()}` }))).toThrow(/positive integer id/);
    expect(() => dataKeyRing(config({ DATA_ENCRYPTION_KEY: key(), DATA_ENCRYPTION_KEYS: `1:${key()}` }))).toThrow(/given twice/);
    expect(() => dataKeyRing(config({ DATA_ENCRYPTION_KEYS: `1:${key()}`, DATA_ENCRYPTION_KEY_ID: 3 }))).toThrow(/key 3 is not in the key ring/);
    expect(() => fieldEncryptionFrom(config({ DATA_ENCRYPTION_KEYS: `1:${randomBytes(16).toString('base64url')}` }))).toThrow(/data key 1 must be 32 bytes/);
  });
});
