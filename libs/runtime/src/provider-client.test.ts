// The provider client against a real HTTP server: credentials renewed when refused, retries only for
// what may succeed next time, the circuit opened by a provider that keeps failing, refusals passed on.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CachedToken, ProviderClient, ProviderRejectedError, ProviderUnavailableError } from './provider-client.js';

let server: Server;
let baseUrl: string;
/** what the server answers next, in order; then 200 { ok: true } */
let script: Array<{ status: number; body?: unknown }>;
let seen: Array<{ method: string; url: string; authorization?: string; body: string }>;
let tokensIssued: number;

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    if (req.url === '/token') {
      tokensIssued += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ access_token: `token-${tokensIssued}`, expires_in: 3600 }));
    }
    seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body });
    const next = script.shift() ?? { status: 200, body: { ok: true } };
    // A token issued before the last one counts as revoked.
    const status = req.headers.authorization && req.headers.authorization !== `Bearer token-${tokensIssued}` ? 401 : next.status;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(next.body === undefined ? '' : JSON.stringify(next.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  script = [];
  seen = [];
  tokensIssued = 0;
});

function client(overrides: Partial<ConstructorParameters<typeof ProviderClient>[0]> = {}) {
  const anonymous = new ProviderClient({ provider: 'test', baseUrl, retryBaseDelayMs: 1, retryMaxDelayMs: 2 });
  const token = new CachedToken(async () => {
    const answer = await anonymous.json<{ access_token: string; expires_in: number }>({ method: 'POST', path: '/token', operation: 'token', anonymous: true });
    return { accessToken: answer.access_token, expiresInSeconds: answer.expires_in };
  });
  return new ProviderClient({ provider: 'test', baseUrl, credentials: token, retryBaseDelayMs: 1, retryMaxDelayMs: 2, ...overrides });
}

describe('ProviderClient', () => {
  it('sends JSON with one cached token shared by concurrent calls', async () => {
    const api = client();
    const answers = await Promise.all([1, 2, 3].map((n) => api.json({ method: 'POST', path: '/things', body: { n }, operation: 'create thing' })));
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(tokensIssued).toBe(1);
    expect(seen.map((call) => call.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
    expect(seen.map((call) => JSON.parse(call.body).n).sort()).toEqual([1, 2, 3]);
  });

  it('fetches a new token when the provider refuses the cached one, and goes on', async () => {
    const api = client();
    await api.json({ method: 'GET', path: '/a', operation: 'a' });
    tokensIssued += 1; // the provider rotated its keys: token-1 is refused from now on
    await expect(api.json({ method: 'GET', path: '/b', operation: 'b' })).resolves.toEqual({ ok: true });
    expect(seen.map((call) => [call.url, call.authorization])).toEqual([['/a', 'Bearer token-1'], ['/b', 'Bearer token-1'], ['/b', 'Bearer token-3']]);
  });

  it('retries 5xx and 429 with the same body, and gives up with ProviderUnavailableError', async () => {
    script = [{ status: 503 }, { status: 429 }];
    const api = client();
    await expect(api.json({ method: 'POST', path: '/x', body: { key: 'k1' }, operation: 'x' })).resolves.toEqual({ ok: true });
    expect(seen.map((call) => call.body)).toEqual(Array(3).fill('{"key":"k1"}'));

    script = Array(4).fill({ status: 500 });
    seen = [];
    await expect(api.json({ method: 'POST', path: '/x', body: {}, operation: 'x' })).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(seen).toHaveLength(4);
  });

  it('passes a refusal on at once, with its status and body', async () => {
    script = [{ status: 422, body: { error: 'invalid cpf' } }];
    const error = await client().json({ method: 'GET', path: '/y', operation: 'y' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderRejectedError);
    expect(error).toMatchObject({ status: 422, body: { error: 'invalid cpf' } });
    expect(seen).toHaveLength(1);
  });

  it('opens the circuit after consecutive failures, then fails fast without calling', async () => {
    const api = client({ retries: 0, circuitBreaker: { failureThreshold: 2, coolDownMs: 60_000 } });
    script = [{ status: 502 }, { status: 502 }];
    for (let i = 0; i < 2; i++) await expect(api.json({ method: 'GET', path: '/z', operation: 'z' })).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(api.circuitState).toBe('open');
    await expect(api.json({ method: 'GET', path: '/z', operation: 'z' })).rejects.toThrow(/Circuit open/);
    expect(seen).toHaveLength(2);
  });
});
