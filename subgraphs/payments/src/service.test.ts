// The payments subgraph over real HTTP, on in-memory PGlite: its internal endpoints answer only calls
// signed as one of our services. Nothing here reaches the gateway, users or providers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLAIMS_HEADER, scopesForRoles, serviceClaims, signClaims, type Claims } from '@medpay/runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaymentsConfig } from './config.js';
import { startPaymentsService, type PaymentsService } from './service.js';

// Development secrets (the gateway's credentials) go to a throwaway directory.
const dataDir = mkdtempSync(join(tmpdir(), 'medpay-payments-test-'));
process.env.MEDPAY_DATA_DIR = dataDir;
const SECRET = 'payments-test-internal-claims-secret-0123456789';
const unused = 'http://127.0.0.1:9';

let payments: PaymentsService;
beforeAll(async () => {
  payments = await startPaymentsService(
    loadPaymentsConfig({ PORT: '0', PAYMENTS_DATABASE_URL: 'pglite:memory', INTERNAL_CLAIMS_SECRET: SECRET, USERS_URL: unused, PROVIDERS_URL: unused, CELCOIN_BASE_URL: unused, LOG_LEVEL: 'silent' }),
  );
}, 30_000);

afterAll(async () => {
  await payments?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const feed = (claims: Claims | null, body: unknown = { after: null, limit: 10 }) =>
  fetch(`${payments.url}/internal/outbox`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(claims ? { [CLAIMS_HEADER]: signClaims(claims, SECRET) } : {}) },
    body: JSON.stringify(body),
  });

describe('the outbox feed (/internal/outbox)', () => {
  it('answers only calls with signed service claims, and refuses a request off the contract', async () => {
    const admin: Claims = { sub: '00000000-0000-4000-8000-000000000001', kind: 'user', roles: ['PLATFORM_ADMIN'], scopes: scopesForRoles(['PLATFORM_ADMIN']), exp: Math.floor(Date.now() / 1000) + 300 };
    expect((await feed(null)).status).toBe(403);
    expect((await feed(admin)).status).toBe(403);
    const answer = await feed(serviceClaims('analytics'));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ events: [] });
    expect((await feed(serviceClaims('analytics'), { after: null, limit: 1001 })).status).toBe(400);
    expect((await feed(serviceClaims('analytics'), { after: { publishedAt: '2026-12-01T00:00:00.000Z', id: 'not-a-uuid' }, limit: 1 })).status).toBe(400);
  });
});
