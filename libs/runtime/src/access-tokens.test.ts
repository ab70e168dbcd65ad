import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessTokenIssuer, AccessTokenVerifier } from './access-tokens.js';
import { Metrics } from './metrics.js';

const newJwk = (kid: string) => JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid });
const publicHalf = (jwk: string) => {
  const { d: _private, ...rest } = JSON.parse(jwk) as Record<string, string>;
  return rest;
};

describe('signing keys by kid', () => {
  it('serve the signing key and the other public keys in the JWKS, never a private half', async () => {
    const old = newJwk('2026-01');
    const issuer = await AccessTokenIssuer.fromJwk(newJwk('2026-02'), 900, JSON.stringify([publicHalf(old)]));
    expect(issuer.jwks.keys.map((key) => key.kid)).toEqual(['2026-02', '2026-01']);
    expect(JSON.stringify(issuer.jwks)).not.toContain('"d"');
    const token = (await (await AccessTokenIssuer.fromJwk(old, 900)).issue('u', ['PATIENT'], 's')).token;
    expect((await new AccessTokenVerifier(JSON.stringify(issuer.jwks)).verify(token)).sub).toBe('u');
  });

  it('refuse extra keys that hold a private half, lack a kid or repeat one', async () => {
    const current = newJwk('a');
    await expect(AccessTokenIssuer.fromJwk(current, 900, JSON.stringify([JSON.parse(newJwk('b'))]))).rejects.toThrow(/private half/);
    await expect(AccessTokenIssuer.fromJwk(current, 900, JSON.stringify([{ ...publicHalf(newJwk('b')), kid: undefined }]))).rejects.toThrow(/needs a kid/);
    await expect(AccessTokenIssuer.fromJwk(current, 900, JSON.stringify([publicHalf(newJwk('a'))]))).rejects.toThrow(/used twice/);
    await expect(AccessTokenIssuer.fromJwk(current, 900, '{"kid":"x"}')).rejects.toThrow(/JSON array/);
  });
});

describe('the verifier of a JWKS URL', () => {
  let server: Server;
  let url: string;
  let served: unknown = { keys: [] };
  let fetches = 0;
  let delayMs = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches += 1;
      // The JWKS as it is when asked, sent after `delayMs` (a fetch under way while users changes keys).
      const body = JSON.stringify(served);
      res.setHeader('content-type', 'application/json');
      setTimeout(() => res.end(body), delayMs);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(async () => new Promise((resolve) => server.close(resolve)));

  it('accepts a new kid at once, keeps the previous key through the overlap, and drops it when the JWKS does', async () => {
    const [first, second] = [newJwk('k1'), newJwk('k2')];
    const before = await AccessTokenIssuer.fromJwk(first, 900);
    served = before.jwks;
    const verifier = new AccessTokenVerifier(url, { refreshIntervalMs: 300, minRefreshGapMs: 100 });
    const oldToken = (await before.issue('patient', ['PATIENT'], 's1')).token;
    expect((await verifier.verify(oldToken)).sub).toBe('patient');

    // Rotation: users signs with k2 and still publishes k1.
    const after = await AccessTokenIssuer.fromJwk(second, 900, JSON.stringify([publicHalf(first)]));
    served = after.jwks;
    const newToken = (await after.issue('patient', ['PATIENT'], 's2')).token;
    expect((await verifier.verify(newToken)).sid).toBe('s2');
    expect((await verifier.verify(oldToken)).sid).toBe('s1');

    // The overlap ends: k1 leaves the JWKS, and the interval refresh makes the verifier forget it.
    served = (await AccessTokenIssuer.fromJwk(second, 900)).jwks;
    await new Promise((resolve) => setTimeout(resolve, 350));
    await verifier.verify(newToken); // past the interval: this one starts the refresh
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(verifier.verify(oldToken)).rejects.toThrow();
  });

  it('fetches at most once per gap however many tokens carry unknown kids, and refuses them', async () => {
    const issuer = await AccessTokenIssuer.fromJwk(newJwk('real'), 900);
    served = issuer.jwks;
    const metrics = new Metrics();
    const verifier = new AccessTokenVerifier(url, { refreshIntervalMs: 60_000, minRefreshGapMs: 400, metrics });
    const forged = await Promise.all(Array.from({ length: 100 }, async (_, i) => (await AccessTokenIssuer.fromJwk(newJwk(`forged-${i}`), 900)).issue('u', ['PLATFORM_ADMIN'], 's')));
    const started = Date.now();
    await verifier.verify((await issuer.issue('u', ['PATIENT'], 's')).token);
    fetches = 0;
    const results = await Promise.allSettled(forged.map(({ token }) => verifier.verify(token)));
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(fetches).toBe(1);
    // Those in the gap waited for the next fetch rather than fetching themselves.
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(metrics.get('jwks_fetches')).toBe(2);
  });

  it('makes a token with a new kid wait for a fetch begun after it came, not one already under way', async () => {
    const [first, second] = [newJwk('r1'), newJwk('r2')];
    served = (await AccessTokenIssuer.fromJwk(first, 900)).jwks;
    const verifier = new AccessTokenVerifier(url, { refreshIntervalMs: 50, minRefreshGapMs: 0 });
    const oldToken = (await (await AccessTokenIssuer.fromJwk(first, 900)).issue('u', ['PATIENT'], 's')).token;
    await verifier.verify(oldToken);
    await new Promise((resolve) => setTimeout(resolve, 60));
    delayMs = 300;
    await verifier.verify(oldToken); // past the interval: a background fetch of the old JWKS begins
    await new Promise((resolve) => setTimeout(resolve, 20));
    delayMs = 0;
    const rotated = await AccessTokenIssuer.fromJwk(second, 900, JSON.stringify([publicHalf(first)]));
    served = rotated.jwks;
    expect((await verifier.verify((await rotated.issue('u', ['PATIENT'], 's2')).token)).sid).toBe('s2');
  });

  it('keeps verifying with the keys it has when the JWKS cannot be fetched', async () => {
    const issuer = await AccessTokenIssuer.fromJwk(newJwk('steady'), 900);
    served = issuer.jwks;
    const verifier = new AccessTokenVerifier(url, { refreshIntervalMs: 1, minRefreshGapMs: 0 });
    const token = (await issuer.issue('u', ['PATIENT'], 's')).token;
    await verifier.verify(token);
    served = 'not a jwks';
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await verifier.verify(token)).sub).toBe('u');
    await expect(verifier.verify((await (await AccessTokenIssuer.fromJwk(newJwk('other'), 900)).issue('u', ['PATIENT'], 's')).token)).rejects.toThrow();
  });
});
