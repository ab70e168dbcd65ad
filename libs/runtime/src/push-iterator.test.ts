import { describe, expect, it } from '@jest/globals';
import { mapAsyncIterator, PushIterator } from './push-iterator.js';

describe('PushIterator', () => {
  it('hands values over in order, to a waiting reader too, then ends after the queued ones', async () => {
    const values = new PushIterator<number>();
    values.push(1);
    const waiting = (async () => {
      await values.next();
      return values.next();
    })();
    values.push(2);
    expect(await waiting).toEqual({ value: 2, done: false });
    values.push(3);
    values.end();
    values.push(4);
    expect(await values.next()).toEqual({ value: 3, done: false });
    expect(await values.next()).toEqual({ value: undefined, done: true });
  });

  it('return() ends a reader that is waiting, and runs the cleanup exactly once', async () => {
    let cleanups = 0;
    const values = new PushIterator<number>(() => (cleanups += 1));
    const waiting = values.next();
    await values.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    await values.return();
    values.end();
    expect(cleanups).toBe(1);
    expect(values.done).toBe(true);
  });

  it('a reader that falls behind past the bound gets what was queued, then the bound\'s last value, and the end', async () => {
    const values = new PushIterator<number>(() => {}, { limit: 3, last: () => -1 });
    for (let value = 1; value <= 10; value += 1) values.push(value);
    const read: number[] = [];
    for await (const value of values) read.push(value);
    expect(read).toEqual([1, 2, 3, -1]);
  });

  it('fail() rejects the reader after the queued values', async () => {
    const values = new PushIterator<number>();
    values.push(1);
    values.fail(new Error('gone'));
    expect(await values.next()).toEqual({ value: 1, done: false });
    await expect(values.next()).rejects.toThrow('gone');
  });
});

describe('mapAsyncIterator', () => {
  it('maps in order and passes return() on to the source at once', async () => {
    let finished = 0;
    const source = new PushIterator<number>();
    const doubled = mapAsyncIterator(source, async (n) => n * 2, () => (finished += 1));
    source.push(1);
    expect(await doubled.next()).toEqual({ value: 2, done: false });
    const waiting = doubled.next();
    await doubled.return!();
    expect(source.done).toBe(true);
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(finished).toBe(1);
  });
});
