import { describe, expect, it } from '@jest/globals';
import { MemoryStore, RedisStore, type KeyValueStore } from './kv.js';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';

const stores: [string, () => KeyValueStore][] = [['memory', () => new MemoryStore()]];
if (process.env.TEST_REDIS_URL) stores.push(['redis', () => new RedisStore(new Redis(process.env.TEST_REDIS_URL!), `test:${randomBytes(4).toString('hex')}:`)]);
else console.warn('Redis store tests skipped: set TEST_REDIS_URL to run them.');

describe.each(stores)('%s key-value store', (_name, make) => {
  it('sets only once when asked to, counts, expires and deletes', async () => {
    const kv = make();
    try {
      expect(await kv.setIfAbsent('k', 'a', 10_000)).toBe(true);
      expect(await kv.setIfAbsent('k', 'b', 10_000)).toBe(false);
      expect(await kv.get('k')).toBe('a');
      expect(await kv.increment('n', 10_000)).toBe(1);
      expect(await kv.increment('n', 10_000)).toBe(2);
      await kv.set('short', 'x', 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await kv.get('short')).toBeNull();
      await kv.delete('k');
      expect(await kv.get('k')).toBeNull();
    } finally {
      await kv.close();
    }
  });

  it('lets exactly one of many concurrent callers claim a key', async () => {
    const kv = make();
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => kv.setIfAbsent('race', '1', 10_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await kv.close();
    }
  });
});
