// The checkouts ai has seen, indexed by account, device, address and card: what the velocity signals
// count. In memory on the embedded default; in Redis with REDIS_URL, shared by every ai replica, so a
// burst spread over replicas is counted whole. Recording a checkout and reading its neighbours is one
// atomic step in both (a Lua script in Redis), so concurrent checkouts always count each other.
// The answer given for a payment is kept here too: asked again on any replica, the same answer.
import type { Redis } from 'ioredis';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The longest any checkout is kept (the device's first sighting of an account is read this far back). */
export const CHECKOUT_MEMORY_MS = 90 * DAY;

/** How far back each index is read: the longest window a feature reads on it, with room for late declines. */
export const INDEX_WINDOWS_MS = { payer: 30 * DAY, device: CHECKOUT_MEMORY_MS, ip: 2 * DAY, card: 7 * DAY } as const;
export type IndexName = keyof typeof INDEX_WINDOWS_MS;

/** One checkout as the log knows it. */
export interface LoggedCheckout {
  paymentId: string;
  payerId: string;
  clinicId: string;
  at: number;
}

/** A checkout to record: from ai's assessment request (with device, address and card) or from payment.created (without). */
export interface CheckoutFacts extends LoggedCheckout {
  deviceId: string | null;
  ip: string | null;
  card: string | null;
}

/** The checkouts sharing each of this one's keys within the index's window (this one included), oldest first. */
export type Neighbours = Record<IndexName, LoggedCheckout[]>;

export interface CheckoutLog {
  /**
   * Records the checkout — once per payment: the request and the payment.created event of the same
   * payment merge, in either order, keeping the first time — and returns its neighbours.
   */
  record(checkout: CheckoutFacts): Promise<Neighbours>;
  /** The answer already given for this payment, or `compute`'s, kept for the next ask. */
  answerOnce<T>(paymentId: string, compute: () => Promise<T>): Promise<T>;
  /** Forgets checkouts and answers older than CHECKOUT_MEMORY_MS (Redis expires them itself). */
  prune(now: number): void;
  close(): Promise<void>;
}

const keysOf = (checkout: CheckoutFacts): Record<IndexName, string | null> => ({ payer: checkout.payerId, device: checkout.deviceId, ip: checkout.ip, card: checkout.card });

export class MemoryCheckoutLog implements CheckoutLog {
  private readonly checkouts = new Map<string, CheckoutFacts>();
  private readonly indexes: Record<IndexName, Map<string, CheckoutFacts[]>> = { payer: new Map(), device: new Map(), ip: new Map(), card: new Map() };
  private readonly answers = new Map<string, { answer: unknown; at: number }>();

  async record(facts: CheckoutFacts): Promise<Neighbours> {
    let checkout = this.checkouts.get(facts.paymentId);
    if (!checkout) {
      checkout = { ...facts, deviceId: null, ip: null, card: null };
      this.checkouts.set(facts.paymentId, checkout);
      this.index('payer', facts.payerId, checkout);
    }
    // The event arrived first: the request adds device, address and card.
    if (!checkout.deviceId && facts.deviceId) this.index('device', (checkout.deviceId = facts.deviceId), checkout);
    if (!checkout.ip && facts.ip) this.index('ip', (checkout.ip = facts.ip), checkout);
    if (!checkout.card && facts.card) this.index('card', (checkout.card = facts.card), checkout);
    const keys = keysOf(facts);
    const neighbours = {} as Neighbours;
    for (const name of Object.keys(INDEX_WINDOWS_MS) as IndexName[]) {
      const key = keys[name];
      const since = facts.at - INDEX_WINDOWS_MS[name];
      neighbours[name] = key ? (this.indexes[name].get(key) ?? []).filter((entry) => entry.at > since).map(({ paymentId, payerId, clinicId, at }) => ({ paymentId, payerId, clinicId, at })) : [];
    }
    return neighbours;
  }

  async answerOnce<T>(paymentId: string, compute: () => Promise<T>): Promise<T> {
    const known = this.answers.get(paymentId);
    if (known) return known.answer as T;
    const answer = await compute();
    // Two asks at once: the first answer kept wins, and both get it.
    const first = this.answers.get(paymentId);
    if (first) return first.answer as T;
    this.answers.set(paymentId, { answer, at: Date.now() });
    return answer;
  }

  prune(now: number) {
    for (const [paymentId, checkout] of this.checkouts) {
      if (checkout.at > now - CHECKOUT_MEMORY_MS) continue;
      this.checkouts.delete(paymentId);
      for (const [name, key] of Object.entries(keysOf(checkout)) as [IndexName, string | null][]) {
        if (!key) continue;
        const kept = this.indexes[name].get(key)?.filter((entry) => entry !== checkout) ?? [];
        if (kept.length) this.indexes[name].set(key, kept);
        else this.indexes[name].delete(key);
      }
    }
    for (const [paymentId, { at }] of this.answers) if (at <= now - CHECKOUT_MEMORY_MS) this.answers.delete(paymentId);
  }

  async close() {}

  private index(name: IndexName, key: string, checkout: CheckoutFacts) {
    const list = this.indexes[name].get(key);
    if (list) list.push(checkout);
    else this.indexes[name].set(key, [checkout]);
  }
}

/**
 * KEYS: the checkout's hash, then the payer, device, address and card indexes (sorted sets of payment
 * ids by time; a key of an absent one is never touched). ARGV: payment id, payer, clinic, time (ms),
 * device, address, card ('' when absent), the checkout hashes' prefix, the TTL (s), the oldest time
 * kept, and each index's oldest time to read. Returns, per index, [paymentId, payerId, clinicId, at]…
 */
const RECORD_SCRIPT = `
local id, payer, clinic, at = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local prefix, ttl, oldest = ARGV[8], tonumber(ARGV[9]), ARGV[10]
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'payerId', payer, 'clinicId', clinic, 'at', at)
  redis.call('ZADD', KEYS[2], at, id)
end
local first = redis.call('HGET', KEYS[1], 'at')
local fields = { 'device', 'ip', 'card' }
for i = 1, 3 do
  local value = ARGV[4 + i]
  if value ~= '' and redis.call('HSETNX', KEYS[1], fields[i], value) == 1 then redis.call('ZADD', KEYS[2 + i], first, id) end
end
redis.call('PEXPIRE', KEYS[1], ttl)
local result = {}
for i = 1, 4 do
  local rows = {}
  if i == 1 or ARGV[3 + i] ~= '' then
    redis.call('ZREMRANGEBYSCORE', KEYS[1 + i], '-inf', '(' .. oldest)
    redis.call('PEXPIRE', KEYS[1 + i], ttl)
    for _, other in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1 + i], '(' .. ARGV[10 + i], '+inf')) do
      local row = redis.call('HMGET', prefix .. other, 'payerId', 'clinicId', 'at')
      if row[1] then table.insert(rows, { other, row[1], row[2], row[3] }) end
    end
  end
  result[i] = rows
end
return result
`;

export class RedisCheckoutLog implements CheckoutLog {
  /**
   * Every key shares the hash tag {ai-risk}: one slot, so the script may read any checkout on a Redis
   * Cluster (checkouts are far fewer than one shard serves).
   */
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    namespace = 'ai-risk',
  ) {
    this.prefix = `{${namespace}}:`;
    this.redis.defineCommand('recordCheckout', { numberOfKeys: 5, lua: RECORD_SCRIPT });
  }

  async record(facts: CheckoutFacts): Promise<Neighbours> {
    const keys = keysOf(facts);
    const indexKey = (name: IndexName) => `${this.prefix}${name}:${keys[name] ?? ''}`;
    const names = Object.keys(INDEX_WINDOWS_MS) as IndexName[];
    const rows = (await (this.redis as unknown as { recordCheckout(...args: (string | number)[]): Promise<string[][][]> }).recordCheckout(
      `${this.prefix}checkout:${facts.paymentId}`,
      ...names.map(indexKey),
      facts.paymentId, facts.payerId, facts.clinicId, facts.at, facts.deviceId ?? '', facts.ip ?? '', facts.card ?? '',
      `${this.prefix}checkout:`, CHECKOUT_MEMORY_MS, facts.at - CHECKOUT_MEMORY_MS,
      ...names.map((name) => facts.at - INDEX_WINDOWS_MS[name]),
    ));
    return Object.fromEntries(names.map((name, index) => [name, rows[index]!.map(([paymentId, payerId, clinicId, at]) => ({ paymentId: paymentId!, payerId: payerId!, clinicId: clinicId!, at: Number(at) }))])) as Neighbours;
  }

  async answerOnce<T>(paymentId: string, compute: () => Promise<T>): Promise<T> {
    const key = `${this.prefix}answer:${paymentId}`;
    const known = await this.redis.get(key);
    if (known) return JSON.parse(known) as T;
    const answer = await compute();
    // Two replicas asked at once: the first answer stored wins, and both give it.
    if ((await this.redis.set(key, JSON.stringify(answer), 'PX', CHECKOUT_MEMORY_MS, 'NX')) === 'OK') return answer;
    return JSON.parse((await this.redis.get(key))!) as T;
  }

  prune() {}

  async close() {
    await this.redis.quit();
  }
}
