import { describe, expect, it } from '@jest/globals';
import type { OperationUsage } from '@medpay/contracts';
import { Metrics } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import { UsageSender, type UsageSenderOptions } from './usage-sender.js';

const record = (operationName: string): OperationUsage => ({
  at: new Date().toISOString(),
  operationName,
  documentHash: '0'.repeat(64),
  clientName: 'patient-app',
  clientVersion: '1.0.0',
  callerKind: 'user',
  fields: ['Query.myPayments'],
  durationMs: 3,
  errorCodes: [],
});

type Send = UsageSenderOptions['send'];

function setUp(send: Send, options: Partial<UsageSenderOptions> = {}) {
  const metrics = new Metrics();
  const logs: { level: string; details: unknown; message?: string }[] = [];
  const log = (level: string) => (details: unknown, message?: string) => logs.push({ level, details, message });
  const sender = new UsageSender({ send, flushMs: 60_000, batchSize: 3, maxBuffered: 10, logger: { warn: log('warn'), info: log('info'), debug: log('debug') }, metrics, ...options });
  return { sender, metrics, logs };
}

/** A send that records its batches and answers when told (or at once). */
function recordingSend(answer: () => Promise<void> = async () => {}) {
  const batches: string[][] = [];
  const send: Send = async (operations) => {
    batches.push(operations.map((operation) => operation.operationName));
    await answer();
  };
  return { batches, send };
}

const flushed = () => new Promise((resolve) => setImmediate(resolve));

describe('UsageSender', () => {
  it('sends a batch as soon as it is full, and what is left at the next tick of the timer', async () => {
    const { batches, send } = recordingSend();
    const { sender, metrics } = setUp(send, { flushMs: 50 });
    for (const name of ['A', 'B', 'C', 'D']) sender.add(record(name));
    expect(batches).toEqual([['A', 'B', 'C']]);
    await eventually(() => batches.length, (n) => n === 2, 'the timer\'s flush', 2_000);
    expect(batches[1]).toEqual(['D']);
    expect(metrics.get('usage_records_sent_total')).toBe(4);
    await sender.close();
  });

  it('keeps at most maxBuffered records, dropping the oldest and counting them', async () => {
    // Analytics holds the first two batches: they stay on the way, and the rest wait in the buffer.
    const held: (() => void)[] = [];
    const { batches, send } = recordingSend(() => (held.length < 2 ? new Promise<void>((resolve) => held.push(resolve)) : Promise.resolve()));
    const { sender, metrics } = setUp(send, { maxInFlight: 2 });
    for (let i = 0; i < 20; i++) sender.add(record(`R${i}`));
    expect(batches).toEqual([['R0', 'R1', 'R2'], ['R3', 'R4', 'R5']]);
    expect(sender.buffered).toBe(10);
    expect(metrics.get('usage_records_dropped_total')).toBe(4);
    for (const release of held) release();
    await sender.close();
    // The newest were kept: R6 to R9 are the ones dropped.
    expect(batches.flat()).toEqual([...['R0', 'R1', 'R2', 'R3', 'R4', 'R5'], ...Array.from({ length: 10 }, (_, i) => `R${i + 10}`)]);
    expect(metrics.get('usage_records_sent_total')).toBe(16);
  });

  it('logs a failed batch without its contents, drops it, and sends the next one all the same', async () => {
    let fail = true;
    const { batches, send } = recordingSend(async () => {
      if (fail) throw new Error('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4004'), { code: 'ECONNREFUSED' }) });
    });
    const { sender, metrics, logs } = setUp(send, { batchSize: 2 });
    for (const name of ['Secret1', 'Secret2', 'Secret3', 'Secret4']) sender.add(record(name));
    await eventually(() => metrics.get('usage_batches_failed_total'), (n) => n === 2, 'two failures');
    expect(metrics.get('usage_records_dropped_total')).toBe(4);
    // The outage is a warning once, then debug lines; nothing of the records in any of them.
    expect(logs.map((log) => log.level)).toEqual(['warn', 'debug']);
    expect(logs[0]!.details).toEqual({ records: 2, reason: 'ECONNREFUSED' });
    expect(JSON.stringify(logs)).not.toMatch(/Secret|patient-app|myPayments/);
    fail = false;
    sender.add(record('E'));
    sender.add(record('F'));
    await eventually(() => metrics.get('usage_records_sent_total'), (n) => n === 2, 'the next batch');
    expect(batches.at(-1)).toEqual(['E', 'F']);
    expect(logs.at(-1)!.level).toBe('info');
    await sender.close();
  });

  it('sends what is left on close, then takes nothing more', async () => {
    const { batches, send } = recordingSend();
    const { sender, metrics } = setUp(send, { batchSize: 2 });
    for (const name of ['A', 'B', 'C', 'D', 'E']) sender.add(record(name));
    await sender.close();
    expect(batches.flat()).toEqual(['A', 'B', 'C', 'D', 'E']);
    sender.add(record('late'));
    await flushed();
    expect(batches.flat()).not.toContain('late');
    expect(metrics.get('usage_records_dropped_total')).toBe(1);
  });

  it('does not hold shutdown hostage to an analytics that never answers', async () => {
    const { send } = recordingSend(() => new Promise(() => {}));
    const { sender, metrics } = setUp(send, { maxInFlight: 1 });
    for (const name of ['A', 'B', 'C', 'D']) sender.add(record(name));
    const started = Date.now();
    await sender.close();
    expect(Date.now() - started).toBeLessThan(7_000);
    // The batch on the way is analytics' to lose; the one still waiting is dropped and counted.
    expect(metrics.get('usage_records_dropped_total')).toBe(1);
  }, 15_000);
});
