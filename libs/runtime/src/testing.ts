// Helpers for tests of the services (exported as @medpay/runtime/testing, never imported by them).

/** Polls `read` until `done` holds, or fails after `timeoutMs` with the last value seen. */
export async function eventually<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what = 'a condition', timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}
