/** @jest-environment node */
// The session handlers' CSRF checks, as the outside probe tried them: a forged Host matching a forged
// Origin, and a content type that only contains "application/json".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSessionRoutes } from './session-routes';

const { POST } = createSessionRoutes({ app: 'patient', registration: true });
const post = (headers: Record<string, string>) =>
  POST(new Request('http://127.0.0.1:3000/api/session/logout', { method: 'POST', headers, body: '{}' }), { params: Promise.resolve({ action: 'logout' }) });

describe('session handlers', () => {
  beforeAll(() => {
    process.env.APP_ORIGINS = 'http://127.0.0.1:3000,http://localhost:3000';
  });
  afterAll(() => {
    delete process.env.APP_ORIGINS;
  });

  it('answer only the app\'s own origins, whatever the Host header says', async () => {
    expect((await post({ origin: 'https://evil.example', host: 'evil.example', 'content-type': 'application/json' })).status).toBe(403);
    expect((await post({ 'content-type': 'application/json' })).status).toBe(403);
    expect((await post({ origin: 'http://localhost:3000', 'content-type': 'application/json' })).status).toBe(200);
  });

  it('take JSON only, by its exact media type', async () => {
    expect((await post({ origin: 'http://127.0.0.1:3000', 'content-type': 'text/plain; x=application/json' })).status).toBe(415);
    expect((await post({ origin: 'http://127.0.0.1:3000', 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });
});
