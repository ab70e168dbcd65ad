// Helpers for tests of the services (exported as @medpay/runtime/testing, never imported by them).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

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

/** The URL of a new, empty database on TEST_DATABASE_URL's PostgreSQL server (which must be set). */
export async function freshPostgresDatabase(): Promise<string> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is not set');
  const name = `medpay_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
