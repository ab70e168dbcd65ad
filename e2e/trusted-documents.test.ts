// Trusted documents in production: the apps' operations run by their ids (over HTTP and graphql-ws);
// anonymous callers and user sessions may send nothing else; partner keys and platform admins may
// write their own documents; an unknown id is refused. The router's default in production, unchanged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client, FormattedExecutionResult } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { liveClient } from './live-client.js';
import { appOperation, availableModes, bearer, demoCast, startStack, type Session, type Stack } from './stack.js';

const byId = (name: string) => ({ persistedQuery: { version: 1, sha256Hash: appOperation(name).sha256Hash } });

/** Subscribes with a raw graphql-ws payload and collects what comes back. */
function subscribe(client: Client, payload: { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> }) {
  const seen: { results: FormattedExecutionResult<Record<string, unknown>, unknown>[]; error?: unknown } = { results: [] };
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  client.subscribe(payload, {
    next: (result) => {
      seen.results.push(result);
      notify();
    },
    error: (error) => {
      seen.error = error;
      notify();
    },
    complete: notify,
  });
  const until = async (done: () => boolean, what: string) => {
    const deadline = Date.now() + 20_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(seen)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { seen, until };
}

const codeOf = (error: unknown) => (Array.isArray(error) ? (error[0] as { extensions?: { code?: string } })?.extensions?.code : undefined);

describe.each(availableModes())('trusted documents in production (%s)', (mode) => {
  let stack: Stack;
  let patient: Session;
  let clinicAdmin: Session;
  let admin: Session;
  let clinicId: string;
  let procedureId: string;
  let partnerKey: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    // No TRUSTED_DOCUMENTS: production enforces them by default.
    stack = await startStack(mode, { NODE_ENV: 'production' });
    ({ patient, clinicAdmin, admin, clinicId, procedureId } = await demoCast(stack));
    const created = await stack.appOperation<{ createApiKey: { secret: string } }>(
      'CreateApiKey',
      { clinicId, name: 'ERP da clínica', scopes: ['PAYMENTS_READ'] },
      bearer(clinicAdmin.accessToken),
    );
    expect(created.body.errors).toBeUndefined();
    partnerKey = created.body.data!.createApiKey.secret;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await stack?.close();
  });

  it("runs an app's operation by its id for a patient, by POST and by GET", async () => {
    const posted = await stack.appOperation<{ myPayments: { edges: unknown[] } }>('MyPayments', {}, bearer(patient.accessToken));
    expect(posted.status).toBe(200);
    expect(posted.body.errors).toBeUndefined();
    expect(Array.isArray(posted.body.data!.myPayments.edges)).toBe(true);

    const search = new URLSearchParams({ variables: JSON.stringify({ filter: { search: 'Clareamento' }, first: 5 }), extensions: JSON.stringify(byId('SearchProcedures')) });
    const got = await fetch(`${stack.routerUrl}?${search}`, { headers: { accept: 'application/json' } });
    const body = (await got.json()) as { data?: { procedures: { edges: { node: { id: string } }[] } } };
    expect(got.status).toBe(200);
    expect(body.data!.procedures.edges.map((edge) => edge.node.id)).toContain(procedureId);
  });

  it('refuses a document of its own from a patient and from an anonymous caller (PERSISTED_QUERY_REQUIRED)', async () => {
    for (const headers of [bearer(patient.accessToken), {}]) {
      const { status, body } = await stack.graphql('{ procedures(first: 1) { edges { node { id } } } }', {}, headers);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
      expect(body.errors?.[0]?.message).toMatch(/apenas operações conhecidas/);
    }
    // An app's text sent as text is a document of its own all the same.
    const asText = await stack.graphql(appOperation('MyPayments').text, {}, bearer(patient.accessToken));
    expect(asText.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('runs documents of their own for a platform admin (the sandbox) and a partner key', async () => {
    const asAdmin = await stack.graphql<{ me: { roles: string[] } }>('{ me { roles } }', {}, bearer(admin.accessToken));
    expect(asAdmin.body.errors).toBeUndefined();
    expect(asAdmin.body.data!.me.roles).toContain('PLATFORM_ADMIN');
    const asPartner = await stack.graphql<{ clinic: { id: string } }>('query($id: ID!) { clinic(id: $id) { id tradeName } }', { id: clinicId }, { 'x-api-key': partnerKey });
    expect(asPartner.body.errors).toBeUndefined();
    expect(asPartner.body.data!.clinic.id).toBe(clinicId);
  });

  it('refuses an unknown id (PERSISTED_QUERY_NOT_FOUND), whoever asks', async () => {
    for (const headers of [bearer(patient.accessToken), bearer(admin.accessToken), {}]) {
      const response = await fetch(stack.routerUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
      });
      const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      expect(response.status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(body.errors?.[0]?.message).toMatch(/Operação desconhecida/);
    }
  });

  it('does not register ids at run time: an id sent with another text is refused, and stays unknown', async () => {
    const { sha256Hash } = appOperation('MyPayments');
    const smuggled = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(admin.accessToken) },
      body: JSON.stringify({ query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    });
    expect(smuggled.status).toBe(400);
    const made = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(admin.accessToken) },
      body: JSON.stringify({ query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'e'.repeat(64) } } }),
    });
    expect(((await made.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('subscribes by id over graphql-ws and refuses the same answers there', async () => {
    const client = liveClient(stack.wsUrl, { token: patient.accessToken });
    clients.push(client);
    const mine = subscribe(client, { query: '', extensions: byId('MyPaymentEvents') });
    const own = subscribe(client, { query: 'subscription { myPaymentEvents { id status } }' });
    const unknown = subscribe(client, { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    await own.until(() => own.seen.error !== undefined, 'the refusal of a document of its own');
    expect(codeOf(own.seen.error)).toBe('PERSISTED_QUERY_REQUIRED');
    await unknown.until(() => unknown.seen.error !== undefined, 'the refusal of an unknown id');
    expect(codeOf(unknown.seen.error)).toBe('PERSISTED_QUERY_NOT_FOUND');

    // Give the subscription a moment to reach the payments subgraph, then make an event.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const checkout = await stack.appOperation<{ checkout: { id: string } }>(
      'Checkout',
      { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
      bearer(patient.accessToken),
    );
    expect(checkout.body.errors).toBeUndefined();
    const paymentId = checkout.body.data!.checkout.id;
    const eventOf = (result: FormattedExecutionResult<Record<string, unknown>, unknown>) => (result.data as { myPaymentEvents?: { payment: { id: string } } } | undefined)?.myPaymentEvents;
    await mine.until(() => mine.seen.results.some((result) => eventOf(result)?.payment.id === paymentId), 'the new payment on myPaymentEvents');
    expect(mine.seen.error).toBeUndefined();

    // Queries and mutations over the socket follow the same rules.
    const query = subscribe(client, { query: '', extensions: byId('MyPayments') });
    await query.until(() => query.seen.results.length > 0, 'MyPayments over the socket');
    expect(query.seen.results[0]!.errors).toBeUndefined();
  });
});
