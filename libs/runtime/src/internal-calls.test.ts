import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { CLAIMS_HEADER, serviceClaims, signClaims } from './claims.js';
import { answerFailure, readBody } from './http.js';
import { InternalClient, internalRoute, internalRoutes } from './internal-calls.js';
import { createLogger } from './logger.js';

const SECRET = 'a-test-secret-of-enough-length-0123456789';
const echo = { path: '/internal/echo', request: z.object({ word: z.string() }), response: z.object({ upper: z.string() }) };
/** a live secret: only the 'mailer' service may ask */
const secret = { path: '/internal/secret', request: z.object({}), response: z.object({ token: z.string() }), callers: ['mailer'] };
const lying = { path: '/internal/lying', request: z.object({}), response: z.object({ count: z.number() }) };

let server: Server;
let url: string;
beforeAll(async () => {
  const routes = internalRoutes(SECRET, [
    internalRoute(echo, async ({ word }) => (word === 'nobody' ? null : { upper: word.toUpperCase() })),
    internalRoute(secret, async () => ({ token: 's3cr3t' })),
    // An answer off the contract, as a callee of another version would send it.
    { path: lying.path, run: async () => ({ answer: { count: 'many' } }) },
  ]);
  const logger = createLogger('internal-calls-test', 'silent');
  server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req, 1_000_000);
        await routes[`${req.method} ${req.url}`]!(req, res, body);
      } catch (error) {
        answerFailure(res, error, logger);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (path: string, body: string, signed = true) =>
  fetch(`${url}${path}`, { method: 'POST', headers: signed ? { [CLAIMS_HEADER]: signClaims(serviceClaims('test'), SECRET) } : {}, body });

describe('internal routes and InternalClient.call', () => {
  it('round-trips a typed call, and answers null for 404', async () => {
    const client = new InternalClient(url, 'test', SECRET);
    expect(await client.call(echo, { word: 'pix' })).toEqual({ upper: 'PIX' });
    expect(await client.call(echo, { word: 'nobody' })).toBeNull();
  });

  it('answers 400 BAD_USER_INPUT for a body off the contract or not JSON, 403 without service claims', async () => {
    const offContract = await post(echo.path, JSON.stringify({ word: 42 }));
    expect(offContract.status).toBe(400);
    expect(await offContract.json()).toMatchObject({ error: 'BAD_USER_INPUT' });
    expect((await post(echo.path, '{not json')).status).toBe(400);
    expect((await post(echo.path, JSON.stringify({ word: 'x' }), false)).status).toBe(403);
  });

  it("answers an endpoint's named callers only: 403 FORBIDDEN for another of our services", async () => {
    expect(await new InternalClient(url, 'mailer', SECRET).call(secret, {})).toEqual({ token: 's3cr3t' });
    const other = await post(secret.path, '{}');
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });

  it('refuses an answer off the contract on the caller side', async () => {
    await expect(new InternalClient(url, 'test', SECRET).call(lying, {})).rejects.toThrow();
  });
});
