// Async iterators for live data fed from callbacks (a bus listener, a WebSocket). Unlike an async
// generator, return() ends one at once even while its reader waits for the next value, which is
// what a subscription needs when its client leaves.

/**
 * Bounds a queue whose reader falls behind: past `limit` values waiting, the next push ends the
 * iterator with `last()` as its final value instead of growing without end.
 */
export interface QueueBound<T> {
  limit: number;
  last: () => T;
}

/** A queue read as an async iterator: push() values, end() or fail() it; return() stops it. */
export class PushIterator<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private reader: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | null = null;
  private ending = false;
  private failure: { error: unknown } | null = null;
  private finished = false;

  /** `onFinish` runs once, however the iterator ends (read to the end, failed, or returned). */
  constructor(
    private readonly onFinish: () => void = () => {},
    private readonly bound?: QueueBound<T>,
  ) {}

  get done(): boolean {
    return this.finished;
  }

  push(value: T) {
    if (this.finished || this.ending || this.failure) return;
    if (this.reader) {
      const { resolve } = this.reader;
      this.reader = null;
      resolve({ value, done: false });
    } else if (this.bound && this.queue.length >= this.bound.limit) {
      this.queue.push(this.bound.last());
      this.end();
    } else {
      this.queue.push(value);
    }
  }

  /** Ends after the values already pushed are read. */
  end() {
    if (this.finished || this.failure) return;
    this.ending = true;
    if (this.reader && this.queue.length === 0) this.settle();
  }

  /** Fails the reader after the values already pushed are read. */
  fail(error: unknown) {
    if (this.finished || this.ending || this.failure) return;
    this.failure = { error };
    if (this.reader && this.queue.length === 0) this.settle();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    if (this.ending || this.failure) {
      return new Promise((resolve, reject) => {
        this.reader = { resolve, reject };
        this.settle();
      });
    }
    return new Promise((resolve, reject) => {
      this.reader = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.ending = true;
    this.failure = null;
    this.settle();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private settle() {
    const reader = this.reader;
    this.reader = null;
    const failure = this.failure;
    this.failure = null;
    if (!this.finished) {
      this.finished = true;
      this.onFinish();
    }
    if (failure) reader?.reject(failure.error);
    else reader?.resolve({ value: undefined, done: true });
  }
}

/**
 * Maps each value of a source iterator, in order; return() is passed on to the source at once, so
 * a subscription's producer is released as soon as the consumer leaves.
 */
export function mapAsyncIterator<From, To>(source: AsyncIterator<From>, map: (value: From) => To | Promise<To>, onFinish: () => void = () => {}): AsyncIterableIterator<To> {
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      onFinish();
    }
  };
  return {
    async next() {
      try {
        const result = await source.next();
        if (result.done) {
          finish();
          return { value: undefined, done: true };
        }
        return { value: await map(result.value), done: false };
      } catch (error) {
        finish();
        throw error;
      }
    },
    async return() {
      finish();
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      finish();
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
