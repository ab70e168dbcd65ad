// Notifications end to end, through the router, in both database modes: a PIX paid reaches the
// patient's bell, inbox and phone and the clinic's bell; partner webhooks arrive signed by the
// Standard Webhooks rules; crediário reminders are scheduled and canceled when paid; channel choices
// are kept; nobody sees another person's notifications.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@medpay/runtime/testing';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { availableModes, bearer, demoCast, payByPix, paymentStatus, signCrediario, startStack, type Session, type Stack } from './stack.js';

interface SimMessage {
  to: string;
  subject?: string;
  text: string;
  html?: string;
}

const NOTIFICATIONS = `query($unreadOnly: Boolean) { myNotifications(first: 50, unreadOnly: $unreadOnly) { edges { node { id kind title body link readAt } } } unreadNotificationsCount }`;

interface Notifications {
  myNotifications: { edges: { node: { id: string; kind: string; title: string; body: string; link: string | null; readAt: string | null } }[] };
  unreadNotificationsCount: number;
}

/** A partner's receiver: keeps every request it gets (body as sent, headers). */
async function startReceiver() {
  const received: Array<{ body: string; headers: IncomingHttpHeaders }> = [];
  let failNext = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/medpay`,
    received,
    failNext: (count: number) => void (failNext = count),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(availableModes())('notifications through the router (%s)', (mode) => {
  let stack: Stack;
  let paula: Session;
  let joao: Session;
  let clinicAdmin: Session;
  let admin: Session;
  let procedureId: string;
  let clinicId: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  const sim = (path: string, body: unknown) => fetch(`${stack.celcoin.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const inbox = async (channel: 'email' | 'sms' | 'whatsapp', to?: string): Promise<SimMessage[]> => {
    const query = new URLSearchParams({ channel, ...(to ? { to } : {}) });
    return (await (await fetch(`${stack.messaging!.httpUrl}/_sim/messages?${query}`)).json()) as SimMessage[];
  };
  const notificationsOf = async (who: Session, unreadOnly = false) => {
    const { body } = await stack.graphql<Notifications>(NOTIFICATIONS, { unreadOnly }, bearer(who.accessToken));
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const status = (id: string) => paymentStatus(stack, admin.accessToken, id);
  const messagesOf = (paymentId: string) => stack.notifications!.store.prisma.message.findMany({ where: { dataEncrypted: { not: '' } } }).then((rows) => rows.filter((row) => stack.notifications!.store.dataOf(row).paymentId === paymentId));

  beforeAll(async () => {
    stack = await startStack(mode, {}, { notifications: true });
    ({ patient: paula, otherPatient: joao, clinicAdmin, admin, procedureId, clinicId } = await demoCast(stack));
    receiver = await startReceiver();
  }, 180_000);

  afterAll(async () => {
    await receiver?.close();
    await stack?.close();
  });

  it('a PIX paid: the patient hears it in the app, by e-mail (masked CPF) and SMS (no procedure name); the clinic in its bell', async () => {
    const paymentId = await payByPix(stack, paula, procedureId, admin.accessToken);
    const bell = await eventually(() => notificationsOf(paula), (mine) => mine.myNotifications.edges.some((edge) => edge.node.kind === 'payment.confirmed' && edge.node.link === `/pagamentos/${paymentId}`), 'the patient notified');
    const confirmed = bell.myNotifications.edges.find((edge) => edge.node.link === `/pagamentos/${paymentId}` && edge.node.kind === 'payment.confirmed')!.node;
    expect(confirmed.title).toBe('Pagamento confirmado');
    expect(confirmed.body).toMatch(/Recebemos R\$ [\d.]+,\d{2} pelo procedimento Clareamento dental/);
    // Read after the list (the two fields of one request resolve at once, and a row may land between them).
    expect((await notificationsOf(paula)).unreadNotificationsCount).toBeGreaterThan(0);

    const emails = await eventually(() => inbox('email', 'paciente@demo.medpay.com.br'), (list) => list.some((email) => email.subject === 'MedPay Saúde: Pagamento confirmado'), 'the e-mail in the simulator');
    const email = emails.find((entry) => entry.subject === 'MedPay Saúde: Pagamento confirmado')!;
    expect(email.text).toMatch(/R\$ [\d.]+,\d{2}/);
    expect(email.text).toMatch(/CPF \*\*\*\.\d{3}\.\d{3}-\*\*/);
    expect(email.text).not.toMatch(/\d{3}\.\d{3}\.\d{3}-\d{2}/);

    const sms = await eventually(() => inbox('sms'), (list) => list.some((entry) => entry.text.includes('Recebemos seu pagamento')), 'the SMS');
    for (const entry of sms) expect(entry.text).not.toMatch(/Clareamento/i);

    const clinicBell = await eventually(() => notificationsOf(clinicAdmin), (mine) => mine.myNotifications.edges.some((edge) => edge.node.kind === 'clinic.payment_in_escrow' && edge.node.link?.endsWith(paymentId)), 'the clinic notified');
    expect(clinicBell.myNotifications.edges.find((edge) => edge.node.kind === 'clinic.payment_in_escrow')!.node.title).toBe('Novo pagamento em custódia');

    // One message per (occurrence, recipient, channel), whatever the intake redelivers.
    const keys = (await messagesOf(paymentId)).map((message) => message.dedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
    // Stored texts are ciphertexts (they name the procedure).
    const stored = await stack.notifications!.store.prisma.notification.findUniqueOrThrow({ where: { id: confirmed.id } });
    expect(JSON.stringify(stored)).not.toMatch(/Clareamento/);
  });

  it("another person's notifications are never visible nor markable", async () => {
    const theirs = (await notificationsOf(paula, true)).myNotifications.edges.map((edge) => edge.node.id);
    expect(theirs.length).toBeGreaterThan(0);
    const joaoView = await notificationsOf(joao);
    expect(joaoView.myNotifications.edges.map((edge) => edge.node.id).filter((id) => theirs.includes(id))).toEqual([]);
    const marked = await stack.graphql<{ markNotificationsRead: number }>('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: theirs }, bearer(joao.accessToken));
    expect(marked.body.errors).toBeUndefined();
    // Counted by id, not by total: later notifications of hers may arrive meanwhile.
    const readState = async () => new Map((await notificationsOf(paula)).myNotifications.edges.map((edge) => [edge.node.id, edge.node.readAt]));
    const afterJoao = await readState();
    expect(theirs.map((id) => afterJoao.get(id))).toEqual(theirs.map(() => null));
    // Her own marking works.
    const own = await stack.graphql<{ markNotificationsRead: number }>('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: theirs.slice(0, 1) }, bearer(paula.accessToken));
    expect(own.body.errors).toBeUndefined();
    const afterHer = await readState();
    expect(afterHer.get(theirs[0]!)).not.toBeNull();
    expect(theirs.slice(1).map((id) => afterHer.get(id))).toEqual(theirs.slice(1).map(() => null));
    const anonymous = await stack.graphql('{ unreadNotificationsCount }');
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('opt-out: a channel turned off gets nothing new; in-app cannot be turned off', async () => {
    const refused = await stack.graphql('mutation { setNotificationPreferences(preferences: [{ channel: IN_APP, purpose: TRANSACTIONAL, enabled: false }]) { channel } }', {}, bearer(joao.accessToken));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const set = await stack.graphql<{ setNotificationPreferences: { channel: string; purpose: string; enabled: boolean }[] }>(
      'mutation { setNotificationPreferences(preferences: [{ channel: SMS, purpose: TRANSACTIONAL, enabled: false }, { channel: EMAIL, purpose: TRANSACTIONAL, enabled: false }]) { channel purpose enabled } }',
      {},
      bearer(joao.accessToken),
    );
    expect(set.body.data!.setNotificationPreferences).toContainEqual({ channel: 'SMS', purpose: 'TRANSACTIONAL', enabled: false });
    expect(set.body.data!.setNotificationPreferences).toContainEqual({ channel: 'EMAIL', purpose: 'MARKETING', enabled: false });
    const paymentId = await payByPix(stack, joao, procedureId, admin.accessToken);
    await eventually(() => notificationsOf(joao), (mine) => mine.myNotifications.edges.some((edge) => edge.node.link === `/pagamentos/${paymentId}`), 'the in-app notification');
    const channels = (await messagesOf(paymentId)).filter((message) => message.recipientId === joao.userId).map((message) => message.channel);
    expect(channels).toContain('IN_APP');
    expect(channels).not.toContain('SMS');
    expect(channels).not.toContain('EMAIL');
  });

  it('a partner webhook: signed per Standard Webhooks, verified by the library, refused when tampered or stale; 5xx retried with the same id', async () => {
    const created = await stack.graphql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(
      'mutation($clinicId: ID!, $url: String!) { createWebhookEndpoint(clinicId: $clinicId, url: $url, events: ["payment.status_changed"]) { secret endpoint { id } } }',
      { clinicId, url: receiver.url },
      bearer(clinicAdmin.accessToken),
    );
    expect(created.body.errors).toBeUndefined();
    const { secret, endpoint } = created.body.data!.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_/);
    const stranger = await stack.graphql('query($clinicId: ID!) { webhookEndpoints(clinicId: $clinicId) { id } }', { clinicId }, bearer(joao.accessToken));
    expect(stranger.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    receiver.failNext(1);
    const paymentId = await payByPix(stack, paula, procedureId, admin.accessToken);
    const deliveries = await eventually(
      async () => receiver.received.filter((request) => (JSON.parse(request.body) as { data: { paymentId: string } }).data.paymentId === paymentId),
      (list) => list.length >= 3,
      'the AWAITING_PAYMENT (retried after a 503), PAID and IN_ESCROW deliveries',
      30_000,
    );
    const webhook = new Webhook(secret);
    const sequences: number[] = [];
    for (const delivery of deliveries) {
      const verified = webhook.verify(delivery.body, delivery.headers as Record<string, string>) as { type: string; data: { status: string; sequence: number } };
      expect(verified.type).toBe('payment.status_changed');
      sequences.push(verified.data.sequence);
    }
    // A retry arrives after later events: receivers put them in order by the payment's sequence.
    const ordered = [...sequences].sort((a, b) => a - b);
    expect(ordered).toEqual(ordered.map((_, index) => ordered[0]! + index));
    const [first] = deliveries;
    const tampered = JSON.stringify({ ...(JSON.parse(first!.body) as object), data: { paymentId, status: 'REFUNDED' } });
    expect(() => webhook.verify(tampered, first!.headers as Record<string, string>)).toThrow();
    const stale = { ...(first!.headers as Record<string, string>), 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 6 * 60) };
    expect(() => webhook.verify(first!.body, stale)).toThrow();

    // The 503 hit the first delivery after the endpoint was made (this payment's, or a late event of an
    // earlier test's payment): it succeeded on its retry, with the same webhook-id.
    const history = () =>
      stack.graphql<{ webhookDeliveries: { edges: { node: { id: string; status: string; attempts: number; responseCodes: number[] } }[] } }>(
        'query($id: ID!) { webhookDeliveries(endpointId: $id, first: 50) { edges { node { id status attempts responseCodes } } } }',
        { id: endpoint.id },
        bearer(clinicAdmin.accessToken),
      );
    const nodes = await eventually(
      async () => (await history()).body.data!.webhookDeliveries.edges.map((edge) => edge.node),
      (list) => list.some((node) => node.responseCodes[0] === 503 && node.status === 'SUCCEEDED'),
      'the retried delivery',
      30_000,
    );
    const retried = nodes.find((node) => node.responseCodes[0] === 503)!;
    expect(retried).toMatchObject({ attempts: 2, responseCodes: [503, 204] });
    expect(receiver.received.filter((request) => request.headers['webhook-id'] === retried.id)).toHaveLength(1);
    const ids = deliveries.map((delivery) => delivery.headers['webhook-id']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('crediário reminders are scheduled per installment and canceled when the installment is paid', async () => {
    const plans = await stack.graphql<{ paymentPlans: { id: string; contractTermsHash: string }[] }>('query($p: ID!) { paymentPlans(procedureId: $p, firstDueDay: 5) { id contractTermsHash } }', { p: procedureId });
    const plan = plans.body.data!.paymentPlans.find((entry) => entry.id === 'CREDIARIO:3')!;
    const { body } = await stack.graphql<{ checkout: { id: string; boleto: { line: string } } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id boleto { line } } }',
      { input: { procedureId, planId: 'CREDIARIO:3', method: 'BOLETO', firstDueDay: 5, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: plan.contractTermsHash, idempotencyKey: randomUUID() } },
      bearer(paula.accessToken),
    );
    const paymentId = body.data!.checkout.id;
    const { boleto } = await signCrediario(stack, paymentId, 'paciente@demo.medpay.com.br', paula.accessToken);
    const reminders = await eventually(
      async () => (await messagesOf(paymentId)).filter((message) => message.kind.startsWith('installment.due') && message.channel === 'EMAIL'),
      (list) => list.length >= 4,
      'the reminders of installments 2 and 3',
    );
    expect(reminders.every((message) => message.status === 'PENDING' && message.scheduledFor.getTime() > Date.now())).toBe(true);
    expect((await sim('/_sim/boleto/pay', { line: boleto!.line })).status).toBe(200);
    await eventually(() => status(paymentId), (current) => current === 'IN_ESCROW', 'the crediário active');

    // Installment 2 falls due within the issuing window, is issued and paid: its reminders go.
    const inFiveDays = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await stack.payments.prisma.installment.update({ where: { paymentId_number: { paymentId, number: 2 } }, data: { dueDate: inFiveDays } });
    stack.payments.worker.loop.kick();
    const issued = await eventually(() => stack.payments.prisma.charge.findFirst({ where: { paymentId, installmentNumber: 2 } }), (charge) => charge !== null && charge.boletoLine !== null, 'installment 2 issued');
    expect((await sim('/_sim/boleto/pay', { line: issued!.boletoLine })).status).toBe(200);
    const after = await eventually(
      async () => (await messagesOf(paymentId)).filter((message) => message.kind.startsWith('installment.due') && message.cancelKey === `payment:${paymentId}:installment:2`),
      (list) => list.length > 0 && list.every((message) => message.status === 'CANCELED'),
      "installment 2's reminders canceled",
    );
    expect(after.length).toBeGreaterThan(0);
    const third = (await messagesOf(paymentId)).filter((message) => message.cancelKey === `payment:${paymentId}:installment:3`);
    expect(third.every((message) => message.status === 'PENDING')).toBe(true);
  });
});
