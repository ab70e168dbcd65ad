// A live subscription while the subgraph that owns it goes away: the router reconnects and
// resubscribes when it comes back (the client keeps receiving), and tells the client
// SUBGRAPH_UNAVAILABLE and completes when it does not come back in time. Never a silent hang.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, liveClient, LiveSubscription } from './live-client.js';
import { bearer, startStack, type Stack } from './stack.js';

const MY_EVENTS = 'subscription { myPaymentEvents { id status payment { id clinic { tradeName } } } }';

describe('a subscription while its subgraph restarts', () => {
  let stack: Stack;
  let token: string;
  // The restarted payments subgraph must find its data again: a PGlite directory, not memory.
  const databaseDir = mkdtempSync(join(tmpdir(), 'medpay-restart-'));
  const clients: Client[] = [];

  const open = () => {
    const client = liveClient(stack.wsUrl, { token });
    clients.push(client);
    return new LiveSubscription(client, MY_EVENTS);
  };

  beforeAll(async () => {
    stack = await startStack('embedded', { PAYMENTS_DATABASE_URL: `pglite:${databaseDir}`, SUBSCRIPTION_RETRY_SECONDS: '8' });
    token = (await stack.login('paciente@demo.medpay.com.br')).accessToken;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await stack?.close();
    rmSync(databaseDir, { recursive: true, force: true });
  });

  it('keeps delivering after the owning subgraph restarts: the router resubscribes', async () => {
    const subscription = open();
    await eventually(() => stack.payments.metrics.get('subscriptions_active'), (n) => n === 1, 'the subscription upstream');
    const restarted = await stack.restartPayments();
    await eventually(() => restarted.metrics.get('subscriptions_active'), (n) => n === 1, 'the router to resubscribe on the new process');
    expect(subscription.ended).toBe(false);

    const { body } = await stack.graphql<{ procedures: { edges: { node: { id: string } }[] } }>('{ procedures(filter: { search: "Clareamento" }) { edges { node { id } } } }');
    const created = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
      { input: { procedureId: body.data!.procedures.edges[0]!.node.id, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
      bearer(token),
    );
    const payment = created.body.data!.checkout;
    await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: payment.pix.copiaECola }) });
    const statuses = () =>
      subscription.results.flatMap((result) => {
        const event = result.data?.myPaymentEvents as { status: string; payment: { id: string } } | undefined;
        return event?.payment.id === payment.id ? [event.status] : [];
      });
    await subscription.until(() => statuses().includes('IN_ESCROW'), 'IN_ESCROW after the restart');
    expect(statuses()).toEqual(['AWAITING_PAYMENT', 'PAID', 'IN_ESCROW']);
  });

  it('tells the client SUBGRAPH_UNAVAILABLE and completes when the subgraph does not come back', async () => {
    const subscription = open();
    await eventually(() => stack.payments.metrics.get('subscriptions_active'), (n) => n >= 1, 'the subscription upstream');
    await stack.payments.close();
    await subscription.until((s) => s.ended, 'the subscription to end', 20_000);
    expect(subscription.errorCode).toBe('SUBGRAPH_UNAVAILABLE');
    expect(subscription.completed).toBe(true);
    expect(subscription.results.at(-1)?.errors?.[0]?.message).toMatch(/indisponível/);
  }, 30_000);
});
