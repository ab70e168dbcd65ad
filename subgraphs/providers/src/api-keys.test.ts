import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { API_KEY_PREFIX, DISPLAY_PREFIX_LENGTH, generateApiKey, hashApiKey, looksLikeApiKey } from './api-keys.js';

describe('API keys', () => {
  it('are mpk_live_ and at least 32 random base64url characters, stored as the SHA-256 hex of the whole key', () => {
    const { secret, prefix, secretHash } = generateApiKey();
    expect(secret).toMatch(/^mpk_live_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(secret.slice(0, DISPLAY_PREFIX_LENGTH));
    expect(prefix.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(hashApiKey(secret)).toBe(secretHash);
    expect(looksLikeApiKey(secret)).toBe(true);
  });

  it('never repeat', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => generateApiKey().secret));
    expect(secrets.size).toBe(200);
  });

  it('refuse other shapes before any lookup', () => {
    for (const key of ['', 'mpk_live_short', 'mpk_test_' + 'a'.repeat(43), 'mpk_live_' + 'a'.repeat(40) + '!', 'Bearer x']) expect(looksLikeApiKey(key)).toBe(false);
  });
});
