// Live payment status end to end: graphql-ws clients on the router, the payments subgraph serving the
// subscriptions from its outbox events, the providers subgraph resolving each event's clinic and
// procedure, and the Celcoin simulator paying the charge. Authorization and connection lifetime too.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoClinics, demoPatients } from '@medpay/demo-data';
import { anonymousClaims, CLAIMS_HEADER, signClaims, type Claims } from '@medpay/runtime';
import { createClient, type Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { eventStreamClient, eventually, liveClient, LiveSubscription, type LiveResult } from './live-client.js';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { appOperation, availableModes, bearer, demoCast, paymentStatus, type Stack, startStack } from './stack.js';

const MY_EVENTS = `subscription { myPaymentEvents { id type from status escrowState reason at
  payment { id status clinic { tradeName } procedure { name } } } }`;
const STATUS_CHANGED = 'subscription($id: ID!) { paymentStatusChanged(paymentId: $id) { id status escrowState clinic { tradeName } } }';
const CLINIC_EVENTS = 'subscription($clinicId: ID!) { clinicPaymentEvents(clinicId: $clinicId) { id status payment { id } } }';

/** A PaymentEvent (with its payment), or a Payment itself (paymentStatusChanged). */
interface EventView {
  id: string;
  status: string;
  clinic?: { tradeName: string };
  payment?: { id: string; clinic?: { tradeName: string }; procedure?: { name: string } };
}

/** The events a subscription received for one payment, in order. */
function eventsFor(subscription: LiveSubscription, field: string, paymentId: string): EventView[] {
  return subscription.results.flatMap((result: LiveResult) => {
    const event = result.data?.[field] as EventView | undefined;
    return event && (event.payment?.id ?? event.id) === paymentId ? [event] : [];
  });
}

describe.each(availableModes())('live payment status through the router (%s)', (mode) => {
  let stack: Stack;
  let patient: { accessToken: string; userId: string };
  let otherPatient: { accessToken: string };
  let clinicAdmin: { accessToken: string };
  let otherClinicAdmin: { accessToken: string };
  let admin: { accessToken: string };
  let procedureId: string;
  let clinicId: string;
  const clients: Client[] = [];

  const open = (token: string | undefined, query: string, variables?: Record<string, unknown>) => {
    const client = liveClient(stack.wsUrl, { token });
    clients.push(client);
    return new LiveSubscription(client, query, variables);
  };
  const upstreamStarted = () => stack.payments.metrics.get('subscriptions_started_total');
  const untilUpstream = (count: number) => eventually(upstreamStarted, (n) => n >= count, `${count} subscriptions on the payments subgraph`);
  const checkout = async () => {
    const { body } = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
      { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
      bearer(patient.accessToken),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.checkout;
  };
  const payPix = async (copiaECola: string) => {
    const response = await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: copiaECola }) });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    stack = await startStack(mode);
    ({ patient, otherPatient, clinicAdmin, otherClinicAdmin, admin, procedureId, clinicId } = await demoCast(stack));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await stack?.close();
  });

  it('a graphql-ws client receives PAID then IN_ESCROW, the clinic trade name resolved by the providers subgraph', async () => {
    const started = upstreamStarted();
    const mine = open(patient.accessToken, MY_EVENTS);
    await untilUpstream(started + 1);
    const payment = await checkout();
    const watched = open(patient.accessToken, STATUS_CHANGED, { id: payment.id });
    const clinic = open(clinicAdmin.accessToken, CLINIC_EVENTS, { clinicId });
    await untilUpstream(started + 3);

    await payPix(payment.pix.copiaECola);
    await mine.until((s) => eventsFor(s, 'myPaymentEvents', payment.id).some((e) => e.status === 'IN_ESCROW'), 'IN_ESCROW on myPaymentEvents');
    await watched.until((s) => eventsFor(s, 'paymentStatusChanged', payment.id).some((e) => e.status === 'IN_ESCROW'), 'IN_ESCROW on paymentStatusChanged');
    await clinic.until((s) => eventsFor(s, 'clinicPaymentEvents', payment.id).some((e) => e.status === 'IN_ESCROW'), 'IN_ESCROW on clinicPaymentEvents');

    const events = eventsFor(mine, 'myPaymentEvents', payment.id);
    expect(events.map((e) => e.status)).toEqual(['AWAITING_PAYMENT', 'PAID', 'IN_ESCROW']);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    for (const event of events) {
      expect(event.payment?.clinic).toEqual({ tradeName: 'Sorriso Paulista' });
      expect(event.payment?.procedure).toEqual({ name: 'Clareamento dental' });
    }
    expect(mine.results.every((result) => result.errors === undefined)).toBe(true);
    const changes = eventsFor(watched, 'paymentStatusChanged', payment.id);
    expect(changes.map((e) => e.status)).toEqual(['PAID', 'IN_ESCROW']);
    expect(changes.map((e) => e.clinic)).toEqual([{ tradeName: 'Sorriso Paulista' }, { tradeName: 'Sorriso Paulista' }]);
    expect(eventsFor(clinic, 'clinicPaymentEvents', payment.id).map((e) => e.status)).toEqual(['PAID', 'IN_ESCROW']);
    expect([mine, watched, clinic].some((s) => s.ended)).toBe(false);
  });

  it('identical subscriptions of one caller share one upstream subscription; it ends when the last one leaves', async () => {
    const active = () => stack.router.metrics.get('subscriptions_upstream_active');
    const clientSubscriptions = () => stack.router.metrics.get('subscriptions_active');
    const before = active();
    const clientsBefore = clientSubscriptions();
    const started = upstreamStarted();
    // (another text than the first test's, whose subscription is still open and would be shared too)
    const shared = 'subscription Shared { myPaymentEvents { id status payment { id } } }';
    const first = open(patient.accessToken, shared);
    const second = open(patient.accessToken, shared);
    await untilUpstream(started + 1);
    await eventually(clientSubscriptions, (n) => n === clientsBefore + 2, 'both client subscriptions');
    expect(active()).toBe(before + 1);
    const payment = await checkout();
    for (const subscription of [first, second]) {
      await subscription.until((s) => eventsFor(s, 'myPaymentEvents', payment.id).length > 0, 'the shared event');
    }
    first.unsubscribe();
    second.unsubscribe();
    await eventually(active, (n) => n === before, 'the shared upstream subscription to end');
  });

  it('callers with the same access share one broadcast subscription upstream, each let in by the payments subgraph first', async () => {
    const checked = () => stack.payments.metrics.get('subscriptions_checked_total');
    const [first, second] = await Promise.all([stack.issueAccessToken(randomUUID(), ['PLATFORM_ADMIN']), stack.issueAccessToken(randomUUID(), ['PLATFORM_ADMIN'])]);
    const feed = 'subscription AdminFeed($clinicId: ID!) { clinicPaymentEvents(clinicId: $clinicId) { id status payment { id clinic { tradeName } } } }';
    const started = upstreamStarted();
    const checkedBefore = checked();
    const watchers = [open(first, feed, { clinicId }), open(second, feed, { clinicId })];
    await eventually(checked, (n) => n === checkedBefore + 2, 'both admins checked by the payments subgraph');
    await untilUpstream(started + 1);
    const payment = await checkout();
    await payPix(payment.pix.copiaECola);
    for (const watcher of watchers) {
      await watcher.until((s) => eventsFor(s, 'clinicPaymentEvents', payment.id).some((event) => event.status === 'IN_ESCROW'), 'the shared events');
      expect(eventsFor(watcher, 'clinicPaymentEvents', payment.id).map((event) => [event.status, event.payment?.clinic?.tradeName])).toEqual([
        ['AWAITING_PAYMENT', expect.any(String)],
        ['PAID', expect.any(String)],
        ['IN_ESCROW', expect.any(String)],
      ]);
    }
    expect(upstreamStarted()).toBe(started + 1);
  });

  it('a caller with the same access but no right to the clinic is refused by the subgraph, not let into the running broadcast', async () => {
    const refused = () => stack.router.metrics.get('subscription_checks_refused_total');
    const member = open(clinicAdmin.accessToken, CLINIC_EVENTS, { clinicId });
    await untilUpstream(upstreamStarted());
    await eventually(() => stack.router.metrics.get('subscriptions_upstream_active'), (n) => n > 0, 'the clinic feed upstream');
    const refusedBefore = refused();
    const intruder = open(otherClinicAdmin.accessToken, CLINIC_EVENTS, { clinicId });
    await intruder.until((s) => s.ended, 'the refusal');
    expect(intruder.errorCode).toBe('FORBIDDEN');
    expect(refused()).toBe(refusedBefore + 1);
    const payment = await checkout();
    await member.until((s) => eventsFor(s, 'clinicPaymentEvents', payment.id).length > 0, 'the member’s event');
    expect(intruder.results.flatMap((r) => (r.data ? [r.data] : []))).toEqual([]);
  });

  it('a subscription that reads health data is never shared between people: each reader is logged', async () => {
    const readers = [randomUUID(), randomUUID()];
    const tokens = await Promise.all(readers.map((id) => stack.issueAccessToken(id, ['PLATFORM_ADMIN'])));
    const feed = 'subscription AdminProcedures($clinicId: ID!) { clinicPaymentEvents(clinicId: $clinicId) { id payment { id procedure { name } } } }';
    const started = upstreamStarted();
    const watchers = tokens.map((token) => open(token, feed, { clinicId }));
    await untilUpstream(started + 2);
    const payment = await checkout();
    for (const watcher of watchers) await watcher.until((s) => eventsFor(s, 'clinicPaymentEvents', payment.id).length > 0, 'the event');
    expect(upstreamStarted()).toBe(started + 2);
    const logged = async () => {
      const { body } = await stack.graphql<{ myDataAccesses: { edges: { node: { readerId: string; field: string } }[] } }>(
        '{ myDataAccesses(first: 100) { edges { node { readerId field } } } }',
        {},
        bearer(patient.accessToken),
      );
      return body.data?.myDataAccesses.edges.map((edge) => edge.node) ?? [];
    };
    await eventually(logged, (reads) => readers.every((id) => reads.some((read) => read.readerId === id && read.field === 'Payment.procedure')), 'both readers in the patient’s access log');
  });

  it('loses no event while the router reconnects to the payments subgraph: it resumes after the last one it got', async () => {
    // A router that reaches the payments subgraph through a link the test can cut, as a network would.
    const target = new URL(stack.payments.url);
    const sockets = new Set<Socket>();
    let cut = false;
    const proxy = createServer((inbound) => {
      if (cut) return void inbound.destroy();
      const outbound = connect(Number(target.port), target.hostname);
      for (const socket of [inbound, outbound]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const router = await stack.startRouter(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    const client = liveClient(`${router.url.replace(/^http/, 'ws')}/graphql`, { token: patient.accessToken });
    clients.push(client);
    try {
      const started = upstreamStarted();
      const mine = new LiveSubscription(client, MY_EVENTS);
      await untilUpstream(started + 1);
      const before = await checkout();
      await mine.until((s) => eventsFor(s, 'myPaymentEvents', before.id).length === 1, 'an event before the cut');

      cut = true;
      for (const socket of sockets) socket.destroy();
      const payment = await checkout();
      await payPix(payment.pix.copiaECola);
      await eventually(() => paymentStatus(stack, admin.accessToken, payment.id), (status) => status === 'IN_ESCROW', 'the payment in escrow while the router is cut off');
      expect(eventsFor(mine, 'myPaymentEvents', payment.id)).toEqual([]);
      cut = false;

      await mine.until((s) => eventsFor(s, 'myPaymentEvents', payment.id).some((event) => event.status === 'IN_ESCROW'), 'the missed events after the reconnect', 30_000);
      expect(eventsFor(mine, 'myPaymentEvents', payment.id).map((event) => event.status)).toEqual(['AWAITING_PAYMENT', 'PAID', 'IN_ESCROW']);
      expect(eventsFor(mine, 'myPaymentEvents', before.id).map((event) => event.status)).toEqual(['AWAITING_PAYMENT']);
      expect(mine.ended).toBe(false);
    } finally {
      for (const socket of sockets) socket.destroy();
      proxy.close();
    }
  }, 60_000);

  it('refuses an anonymous subscription to a protected field before any subgraph is asked', async () => {
    const started = upstreamStarted();
    const anonymous = open(undefined, MY_EVENTS);
    await anonymous.until((s) => s.ended, 'the refusal');
    expect(anonymous.errorCode).toBe('UNAUTHENTICATED');
    expect(upstreamStarted()).toBe(started);
  });

  it('patient B cannot subscribe to patient A’s payment', async () => {
    const payment = await checkout();
    const peek = open(otherPatient.accessToken, STATUS_CHANGED, { id: payment.id });
    await peek.until((s) => s.ended, 'the refusal');
    expect(peek.errorCode).toBe('NOT_FOUND');
    expect(peek.results.flatMap((r) => (r.data ? [r.data] : []))).toEqual([]);
  });

  it('clinic A’s staff cannot subscribe to clinic B’s events, nor a patient to any clinic’s', async () => {
    const otherClinic = demoClinics.find((clinic) => clinic.id !== clinicId)!.id;
    const staff = open(clinicAdmin.accessToken, CLINIC_EVENTS, { clinicId: otherClinic });
    await staff.until((s) => s.ended, 'the refusal');
    expect(staff.errorCode).toBe('FORBIDDEN');
    const patientAsClinic = open(patient.accessToken, CLINIC_EVENTS, { clinicId });
    await patientAsClinic.until((s) => s.ended, 'the refusal');
    expect(patientAsClinic.errorCode).toBe('FORBIDDEN');
  });

  it('over graphql-sse (an event stream per operation): the same events, the same refusals', async () => {
    const streams = [eventStreamClient(stack.routerUrl, { token: patient.accessToken }), eventStreamClient(stack.routerUrl, { token: otherPatient.accessToken })];
    try {
      const payment = await checkout();
      const started = upstreamStarted();
      const watched = new LiveSubscription(streams[0]!, STATUS_CHANGED, { id: payment.id });
      await untilUpstream(started + 1);
      await payPix(payment.pix.copiaECola);
      await watched.until((s) => eventsFor(s, 'paymentStatusChanged', payment.id).some((event) => event.status === 'IN_ESCROW'), 'the payment in escrow');
      expect(eventsFor(watched, 'paymentStatusChanged', payment.id).map((event) => event.status)).toEqual(['PAID', 'IN_ESCROW']);
      expect(eventsFor(watched, 'paymentStatusChanged', payment.id)[0]!.clinic?.tradeName).toEqual(expect.any(String));
      watched.unsubscribe();
      await eventually(() => stack.router.metrics.get('sse_streams_active'), (n) => n === 0, 'the stream to close');

      const peek = new LiveSubscription(streams[1]!, STATUS_CHANGED, { id: payment.id });
      await peek.until((s) => s.ended, 'the refusal');
      expect(peek.errorCode).toBe('NOT_FOUND');
      expect(peek.results.flatMap((r) => (r.data ? [r.data] : []))).toEqual([]);
    } finally {
      streams.forEach((stream) => stream.dispose());
    }
    // Refused before any subgraph is asked: a 4xx with the code, as for any HTTP operation.
    const post = (headers: Record<string, string>, body: unknown, signal?: AbortSignal) =>
      fetch(stack.routerUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers }, body: JSON.stringify(body), signal });
    const anonymous = await post({}, { query: MY_EVENTS });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const badToken = await post({ authorization: 'Bearer forged' }, { query: MY_EVENTS });
    expect(badToken.status).toBe(401);
    const codeOf = async (response: Response) => ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;
    const invalid = await post({ authorization: `Bearer ${patient.accessToken}` }, { query: 'subscription { nope }' });
    expect([invalid.status, await codeOf(invalid)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const notJson = await fetch(stack.routerUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${patient.accessToken}` }, body: '{"query":' });
    expect([notJson.status, await codeOf(notJson)]).toEqual([400, 'BAD_REQUEST']);
    const mutationByGet = await fetch(`${stack.routerUrl}?query=${encodeURIComponent('mutation { logout }')}`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${patient.accessToken}` } });
    expect([mutationByGet.status, await codeOf(mutationByGet)]).toEqual([405, 'METHOD_NOT_ALLOWED']);
    // The apps send only their operation's id: it opens a stream as the text would.
    const byId = new AbortController();
    const opened = await post({ authorization: `Bearer ${patient.accessToken}` }, { extensions: { persistedQuery: { version: 1, sha256Hash: appOperation('MyPaymentEvents').sha256Hash } } }, byId.signal);
    expect([opened.status, opened.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^text\/event-stream/)]);
    await eventually(() => stack.router.metrics.get('sse_streams_active'), (n) => n === 1, 'the app’s stream open');
    byId.abort();
  });

  it('closes a connection with a bad token (4401) and limits subscriptions per connection', async () => {
    const forged = open('not-a-token', MY_EVENTS);
    await forged.until((s) => s.ended, 'the close');
    expect(forged.closeCode).toBe(4401);

    const client = liveClient(stack.wsUrl, { token: patient.accessToken });
    clients.push(client);
    const many = Array.from({ length: 21 }, () => new LiveSubscription(client, MY_EVENTS));
    await eventually(() => many.filter((s) => s.ended).length, (n) => n >= 1, 'the 21st subscription to be refused');
    expect(many.filter((s) => s.ended).map((s) => s.errorCode)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
    many.forEach((s) => s.unsubscribe());
  });

  it('answers queries over the socket as over HTTP, and subscriptions over HTTP with a clear error', async () => {
    const client = liveClient(stack.wsUrl, { token: patient.accessToken });
    clients.push(client);
    const me = new LiveSubscription(client, '{ me { id } }');
    await me.until((s) => s.ended, 'the answer');
    expect(me.results).toEqual([{ data: { me: { id: patient.userId } }, extensions: { cost: { estimated: 1, limit: 5000 } } }]);
    const overHttp = await stack.graphql(MY_EVENTS, {}, bearer(patient.accessToken));
    expect(overHttp.status).toBe(400);
    expect(overHttp.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('the payments subgraph’s own graphql-ws endpoint', () => {
  let stack: Stack;
  const patientClaims = (): Claims => ({ sub: demoPatients[0]!.id, kind: 'user', roles: ['PATIENT'], scopes: ['patient'], exp: Math.floor(Date.now() / 1000) + 60 });
  const direct = (claimsHeader?: string) =>
    createClient({ url: `${stack.payments.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: claimsHeader ? { [CLAIMS_HEADER]: claimsHeader } : {} });

  beforeAll(async () => {
    stack = await startStack('embedded');
  }, 120_000);
  afterAll(() => stack?.close());

  it('closes the socket on claims that do not verify or are missing (4401), and enforces the directives itself', async () => {
    const forgedClient = direct(signClaims(patientClaims(), 'a-secret-that-is-not-the-router-one-000'));
    const unsignedClient = direct();
    const anonymousClient = direct(signClaims(anonymousClaims(), stack.secret));
    const patientClient = direct(signClaims(patientClaims(), stack.secret));
    try {
      const forged = new LiveSubscription(forgedClient, MY_EVENTS);
      await forged.until((s) => s.ended, 'the close');
      expect(forged.closeCode).toBe(4401);
      // Not through the router: no claims at all.
      const unsigned = new LiveSubscription(unsignedClient, 'subscription { myPaymentEvents { id status } }');
      await unsigned.until((s) => s.ended, 'the close');
      expect(unsigned.closeCode).toBe(4401);
      const invalid = new LiveSubscription(anonymousClient, MY_EVENTS); // tradeName is the providers subgraph's
      await invalid.until((s) => s.ended, 'the validation error');
      expect(invalid.errorCode).toBe('GRAPHQL_VALIDATION_FAILED');
      const anonymous = new LiveSubscription(anonymousClient, 'subscription { myPaymentEvents { id status } }');
      await anonymous.until((s) => s.ended, 'the refusal');
      expect(anonymous.errorCode).toBe('UNAUTHENTICATED');
      const notStaff = new LiveSubscription(patientClient, CLINIC_EVENTS, { clinicId: demoClinics[0]!.id });
      await notStaff.until((s) => s.ended, 'the refusal');
      expect(notStaff.errorCode).toBe('FORBIDDEN');
      expect(stack.payments.metrics.get('subscriptions_started_total')).toBe(0);
    } finally {
      await Promise.all([forgedClient, unsignedClient, anonymousClient, patientClient].map((client) => client.dispose()));
    }
  });
});

describe('a live connection and its token', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('embedded', { ACCESS_TOKEN_TTL_SECONDS: '3' });
  }, 120_000);
  afterAll(() => stack?.close());

  it('ends when the access token expires', async () => {
    const { accessToken } = await stack.login('paciente@demo.medpay.com.br');
    const client = liveClient(stack.wsUrl, { token: accessToken });
    try {
      const subscription = new LiveSubscription(client, MY_EVENTS);
      await eventually(() => stack.payments.metrics.get('subscriptions_active'), (n) => n === 1, 'the subscription upstream');
      await subscription.until((s) => s.ended, 'the connection to close at expiry', 8_000);
      expect(subscription.closeCode).toBe(4403);
      expect(String((subscription.error as { reason?: string }).reason)).toBe('Token expirado');
      await eventually(() => stack.payments.metrics.get('subscriptions_active'), (n) => n === 0, 'the upstream subscription to end');
    } finally {
      await client.dispose();
    }
  });

  it('ends an event stream when its token expires, with a last event saying so', async () => {
    const { accessToken } = await stack.login('paciente@demo.medpay.com.br');
    const stream = eventStreamClient(stack.routerUrl, { token: accessToken });
    try {
      const subscription = new LiveSubscription(stream, MY_EVENTS);
      await eventually(() => stack.payments.metrics.get('subscriptions_active'), (n) => n === 1, 'the subscription upstream');
      await subscription.until((s) => s.ended, 'the stream to end at expiry', 8_000);
      expect(subscription.errorCode).toBe('UNAUTHENTICATED');
      expect(subscription.results.at(-1)?.errors?.[0]?.message).toBe('Token expirado');
      await eventually(() => stack.payments.metrics.get('subscriptions_active'), (n) => n === 0, 'the upstream subscription to end');
    } finally {
      stream.dispose();
    }
  });
});
