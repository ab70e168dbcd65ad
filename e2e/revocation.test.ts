// Revocation takes effect at once, everywhere: a logged-out session's access token, a session ended by
// a reused refresh token, and a revoked partner API key are refused over HTTP and WebSocket within
// one revocations poll (REVOCATION_POLL_MS, 500 ms), and their open sockets and event streams are closed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { eventStreamClient, eventually, liveClient, LiveSubscription } from './live-client.js';
import { availableModes, bearer, demoCast, startStack, type Stack } from './stack.js';

/** What "at once" means here: a poll interval and its round trip, with room for a busy machine. */
const AT_ONCE_MS = 2_000;
const ME = '{ me { id } }';
const MY_EVENTS = 'subscription { myPaymentEvents { id status } }';
const CLINIC_EVENTS = 'subscription($clinicId: ID!) { clinicPaymentEvents(clinicId: $clinicId) { id status } }';
const REFUND = 'mutation($input: RefundInput!) { refundPayment(input: $input) { id } }';

describe.each(availableModes())('revocation (%s)', (mode) => {
  let stack: Stack;
  let cast: Awaited<ReturnType<typeof demoCast>>;
  const codeOf = (answer: { body: { errors?: { extensions?: { code?: string } }[] } }) => answer.body.errors?.[0]?.extensions?.code ?? 'OK';

  beforeAll(async () => {
    stack = await startStack(mode);
    cast = await demoCast(stack);
  }, 120_000);
  afterAll(() => stack?.close());

  /** Opens a subscription and waits until the router has accepted the socket. */
  async function openLive(credentials: { token?: string; apiKey?: string }, query: string, variables: Record<string, unknown> = {}) {
    let connected = false;
    const client = liveClient(stack.wsUrl, credentials, { on: { connected: () => (connected = true) } });
    const subscription = new LiveSubscription(client, query, variables);
    await eventually(() => connected || subscription.ended, (done) => done, 'the connection');
    return { client, subscription };
  }

  it('logout: the access token is refused and its open socket closed within a poll; a new socket is refused', async () => {
    const session = await stack.login('paciente@demo.medpay.com.br');
    expect(codeOf(await stack.graphql(ME, {}, bearer(session.accessToken)))).toBe('OK');
    const live = await openLive({ token: session.accessToken }, MY_EVENTS);
    try {
      expect(live.subscription.ended).toBe(false);
      const out = await stack.graphql<{ logout: boolean }>('mutation { logout }', {}, bearer(session.accessToken));
      expect(out.body.data?.logout).toBe(true);
      await eventually(async () => codeOf(await stack.graphql(ME, {}, bearer(session.accessToken))), (code) => code === 'UNAUTHENTICATED', 'the token refused', AT_ONCE_MS);
      await live.subscription.until((s) => s.ended, 'the socket closed', AT_ONCE_MS);
      expect(live.subscription.closeCode).toBe(4403);
      const again = await openLive({ token: session.accessToken }, MY_EVENTS);
      await again.subscription.until((s) => s.ended, 'the refusal');
      expect(again.subscription.closeCode).toBe(4401);
      await again.client.dispose();
    } finally {
      await live.client.dispose();
    }
  });

  it('logout ends an open event stream (graphql-sse) within a poll, with a last event saying so', async () => {
    const session = await stack.login('paciente@demo.medpay.com.br');
    const stream = eventStreamClient(stack.routerUrl, { token: session.accessToken });
    try {
      const subscription = new LiveSubscription(stream, MY_EVENTS);
      await eventually(() => stack.router.metrics.get('sse_streams_active'), (n) => n === 1, 'the stream open');
      await stack.graphql('mutation { logout }', {}, bearer(session.accessToken));
      await subscription.until((s) => s.ended, 'the stream ended', AT_ONCE_MS);
      expect(subscription.results.at(-1)?.errors?.[0]).toMatchObject({ message: 'Sessão encerrada', extensions: { code: 'UNAUTHENTICATED' } });
      await eventually(() => stack.router.metrics.get('sse_streams_active'), (n) => n === 0, 'the stream closed');
    } finally {
      stream.dispose();
    }
  });

  it('a reused refresh token ends the session: its access token stops working too', async () => {
    const session = await stack.login('joao.pereira@demo.medpay.com.br');
    const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
    const rotated = await stack.graphql<{ refreshSession: { accessToken: string } }>(REFRESH, { t: session.refreshToken });
    const accessToken = rotated.body.data!.refreshSession.accessToken;
    expect(codeOf(await stack.graphql(REFRESH, { t: session.refreshToken }))).toBe('REFRESH_TOKEN_REUSED');
    await eventually(async () => codeOf(await stack.graphql(ME, {}, bearer(accessToken))), (code) => code === 'UNAUTHENTICATED', 'the token refused', AT_ONCE_MS);
  });

  it('a revoked API key stops reading, moving money and listening within a poll', async () => {
    const { clinicAdmin, clinicId } = cast;
    const created = await stack.graphql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      'mutation($c: ID!) { createApiKey(clinicId: $c, name: "ERP revogado", scopes: [PAYMENTS_READ, PAYMENTS_REFUND, EVENTS_SUBSCRIBE]) { secret apiKey { id } } }', { c: clinicId }, bearer(clinicAdmin.accessToken));
    const { secret, apiKey } = created.body.data!.createApiKey;
    const key = { 'x-api-key': secret };
    const refund = () => stack.graphql(REFUND, { input: { paymentId: randomUUID(), amountCentavos: 100, reason: 'teste', idempotencyKey: randomUUID() } }, key);
    // Before: the key reaches the refund rules (an unknown payment), and may listen to its clinic.
    expect(codeOf(await refund())).toBe('NOT_FOUND');
    const live = await openLive({ apiKey: secret }, CLINIC_EVENTS, { clinicId });
    try {
      expect(live.subscription.ended).toBe(false);
      await stack.graphql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id }, bearer(clinicAdmin.accessToken));
      await eventually(async () => codeOf(await refund()), (code) => code === 'INVALID_API_KEY', 'the key refused', AT_ONCE_MS);
      const read = await stack.graphql('query($c: ID!) { clinic(id: $c) { payments(first: 1) { totalCount } } }', { c: clinicId }, key);
      expect(codeOf(read)).toBe('INVALID_API_KEY');
      await live.subscription.until((s) => s.ended, 'the socket closed', AT_ONCE_MS);
      expect(live.subscription.closeCode).toBe(4403);
      const again = await openLive({ apiKey: secret }, CLINIC_EVENTS, { clinicId });
      await again.subscription.until((s) => s.ended, 'the refusal');
      expect(again.subscription.closeCode).toBe(4401);
      await again.client.dispose();
    } finally {
      await live.client.dispose();
    }
  });
});
