/** @jest-environment node */
// The session handlers' CSRF checks, as the outside probe tried them: a forged Host matching a forged
// Origin, and a content type that only contains "application/json". And sign-up: /register answers the
// router's message and opens no session; /confirm opens it.
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import persistedDocuments from './graphql/persisted-documents.json';
import { createSessionRoutes } from './session-routes';

const { POST } = createSessionRoutes({ app: 'patient', registration: true });
const post = (headers: Record<string, string>) =>
  POST(new Request('http://127.0.0.1:3000/api/session/logout', { method: 'POST', headers, body: '{}' }), { params: Promise.resolve({ action: 'logout' }) });
const act = (action: string, body: unknown) =>
  POST(new Request(`http://127.0.0.1:3000/api/session/${action}`, { method: 'POST', headers: { origin: 'http://127.0.0.1:3000', 'content-type': 'application/json' }, body: JSON.stringify(body) }), { params: Promise.resolve({ action }) });

/** The router, as the handlers call it (by the operation's id): answers each operation by its name. */
function routerAnswers(answers: Record<string, unknown>) {
  const calls: Array<{ variables: Record<string, unknown> }> = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
    const request = JSON.parse(String(init?.body)) as { variables: Record<string, unknown>; extensions: { persistedQuery: { sha256Hash: string } } };
    calls.push(request);
    const document = (persistedDocuments as Record<string, string>)[`sha256:${request.extensions.persistedQuery.sha256Hash}`] ?? '';
    const name = /mutation (\w+)/.exec(document)?.[1] ?? '';
    return new Response(JSON.stringify(answers[name]), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

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

describe('sign-up handlers', () => {
  beforeAll(() => {
    process.env.APP_ORIGINS = 'http://127.0.0.1:3000';
  });
  afterAll(() => {
    delete process.env.APP_ORIGINS;
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const session = { accessToken: 'access', refreshToken: 'refresh-secret', expiresIn: 900, user: { id: 'u1', name: 'Renata Moraes', email: 'renata@exemplo.com.br', roles: ['PATIENT'] } };

  it('/register answers the router\'s message and sets no cookie: no session before the e-mail is confirmed', async () => {
    const calls = routerAnswers({ RegisterPatient: { data: { registerPatient: { message: 'Enviamos um e-mail para continuar o cadastro.' } } } });
    const acceptedTerms = { termsVersion: '2026-11-29', privacyPolicyVersion: '2026-11-29' };
    const response = await act('register', { name: 'Renata Moraes', email: 'renata@exemplo.com.br', password: 'Consulta2026', cpf: '52998224725', acceptedTerms });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: 'Enviamos um e-mail para continuar o cadastro.' });
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(calls[0]!.variables).toEqual({ input: { name: 'Renata Moraes', email: 'renata@exemplo.com.br', password: 'Consulta2026', cpf: '52998224725', phone: null, acceptedTerms } });
  });

  it('/confirm sends the token and password, and opens the session: the refresh token only in the httpOnly cookie', async () => {
    const calls = routerAnswers({ ConfirmSignUp: { data: { confirmSignUp: session } } });
    const response = await act('confirm', { token: 'link-token', password: 'Consulta2026' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accessToken: 'access', expiresIn: 900, user: session.user });
    expect(response.headers.get('set-cookie')).toMatch(/^medpay_patient_refresh=refresh-secret; Path=\/api\/session; HttpOnly; SameSite=Strict/);
    expect(calls[0]!.variables).toEqual({ token: 'link-token', password: 'Consulta2026' });
  });

  it('/confirm passes on a used link\'s code and message, and sets no cookie', async () => {
    routerAnswers({ ConfirmSignUp: { errors: [{ message: 'Este link de confirmação não vale mais.', extensions: { code: 'CONFIRMATION_LINK_INVALID' } }], data: { confirmSignUp: null } } });
    const response = await act('confirm', { token: 'used', password: 'Consulta2026' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'CONFIRMATION_LINK_INVALID', message: 'Este link de confirmação não vale mais.' } });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('apps that do not sign patients up have neither handler', async () => {
    const provider = createSessionRoutes({ app: 'provider' });
    for (const action of ['register', 'confirm']) {
      const response = await provider.POST(new Request(`http://127.0.0.1:3000/api/session/${action}`, { method: 'POST', headers: { origin: 'http://127.0.0.1:3000', 'content-type': 'application/json' }, body: '{}' }), { params: Promise.resolve({ action }) });
      expect(response.status).toBe(404);
    }
  });
});
