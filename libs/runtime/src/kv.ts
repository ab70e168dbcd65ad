// Short-lived shared state (sessions, revocations, login throttling): Redis when REDIS_URL is set,
// an in-process store with the same semantics otherwise.
import { Redis } from 'ioredis';

export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets only when absent; true when this call set it (the atomic step of one-time use). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Adds to a counter atomically (1 unless told), starting its time to live when it is created; returns the new value. */
  increment(key: string, ttlMs: number, by?: number): Promise<number>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

export class MemoryStore implements KeyValueStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async get(key: string) {
    return this.live(key)?.value ?? null;
  }
  async set(key: string, value: string, ttlMs: number) {
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs });
  }
  async setIfAbsent(key: string, value: string, ttlMs: number) {
    if (this.live(key)) return false;
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs });
    return true;
  }
  async increment(key: string, ttlMs: number, by = 1) {
    const entry = this.live(key);
    const next = Number(entry?.value ?? 0) + by;
    this.entries.set(key, { value: String(next), expiresAt: entry?.expiresAt ?? Date.now() + ttlMs });
    return next;
  }
  async delete(key: string) {
    this.entries.delete(key);
  }
  async close() {}
}

export class RedisStore implements KeyValueStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string) {
    return this.redis.get(this.prefix + key);
  }
  async set(key: string, value: string, ttlMs: number) {
    await this.redis.set(this.prefix + key, value, 'PX', ttlMs);
  }
  async setIfAbsent(key: string, value: string, ttlMs: number) {
    return (await this.redis.set(this.prefix + key, value, 'PX', ttlMs, 'NX')) === 'OK';
  }
  async increment(key: string, ttlMs: number, by = 1) {
    const [[, count]] = (await this.redis.multi().incrby(this.prefix + key, by).pexpire(this.prefix + key, ttlMs, 'NX').exec()) as [[null, number]];
    return count;
  }
  async delete(key: string) {
    await this.redis.del(this.prefix + key);
  }
  async close() {
    await this.redis.quit();
  }
}

export function createKeyValueStore(redisUrl: string | undefined, prefix: string): KeyValueStore {
  return redisUrl ? new RedisStore(new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 }), prefix) : new MemoryStore();
}
