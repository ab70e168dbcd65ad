// Each channel adapter against the running messaging simulator: a message is recorded once, the same id
// twice is still once, faults become retryable or final ChannelErrors, and the delivery receipts the
// simulator sends back pass through the webhook handlers (a tampered one does not).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { loadConfig, readBody, type RouteHandler } from '@medpay/runtime';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import webPush from 'web-push';
import { startMessagingSimulator, type MessagingSimulator } from '../../../../simulators/messaging/src/simulator.js';
import { ChannelError, type OutgoingMessage } from './channel-adapter.js';
import { channelsConfigShape } from './channels-config.js';
import { createEmailAdapter, emailMessageId } from './email.js';
import { createChannelAdapters } from './index.js';
import { checkVapidKeys, createWebPushAdapter, pushEndpointAllowed } from './push.js';
import { readWhatsAppStatuses, readZenviaStatus, receiptRoutes, WebhookRejectedError, type DeliveryReceipt } from './receipts.js';
import { createZenviaSmsAdapter } from './sms.js';
import { createWhatsAppAdapter } from './whatsapp.js';

const secrets = {
  ZENVIA_API_TOKEN: 'zenvia-api-token',
  ZENVIA_WEBHOOK_TOKEN: 'zenvia-webhook-token-0123456789',
  WHATSAPP_TOKEN: 'whatsapp-token',
  WHATSAPP_APP_SECRET: 'whatsapp-app-secret',
  WHATSAPP_VERIFY_TOKEN: 'whatsapp-verify-token',
};
const vapid = webPush.generateVAPIDKeys();

let simulator: MessagingSimulator;
let service: Server;
let serviceUrl = '';
const receipts: DeliveryReceipt[] = [];
let adapters: ReturnType<typeof createChannelAdapters>;

const message = (overrides: Partial<OutgoingMessage>): OutgoingMessage => ({ id: randomUUID(), to: '', text: 'Seu pagamento de R$ 10,00 foi confirmado.', ...overrides });

async function failure(send: Promise<unknown>): Promise<ChannelError> {
  const error = await send.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

const fault = (channel: string, status: number, count = 1) =>
  fetch(`${simulator.httpUrl}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel, status, count }) });

beforeAll(async () => {
  // The service's side of the webhooks: the receipt routes behind a bare node:http server.
  let routes: Record<string, RouteHandler> = {};
  service = createServer(async (req, res) => {
    const handler = routes[`${req.method} ${(req.url ?? '/').split('?')[0]}`];
    if (!handler) return void res.writeHead(404).end();
    await handler(req, res, await readBody(req, 1_000_000));
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;

  simulator = await startMessagingSimulator({
    httpPort: 0,
    smtpPort: 0,
    zenviaToken: secrets.ZENVIA_API_TOKEN,
    zenviaWebhookUrl: `${serviceUrl}/webhooks/zenvia`,
    zenviaWebhookHeaders: { 'x-medpay-webhook-token': secrets.ZENVIA_WEBHOOK_TOKEN },
    whatsappToken: secrets.WHATSAPP_TOKEN,
    whatsappAppSecret: secrets.WHATSAPP_APP_SECRET,
    whatsappWebhookUrl: `${serviceUrl}/webhooks/whatsapp`,
    whatsappTemplates: { pagamento_confirmado: 'Olá, {{1}}! Recebemos seu pagamento de {{2}}.' },
    receiptDelayMs: 5,
  });
  // The config as the service loads it (explicit values: no development secrets file is touched).
  const config = loadConfig(channelsConfigShape, {
    ...secrets,
    SMTP_URL: `smtp://127.0.0.1:${simulator.smtpPort}`,
    ZENVIA_URL: simulator.httpUrl,
    WHATSAPP_URL: simulator.httpUrl,
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    WEB_PUSH_ENDPOINT_ALLOWLIST: `fcm.googleapis.com, ${simulator.httpUrl}`,
  });
  adapters = createChannelAdapters(config);
  routes = receiptRoutes(config, async (batch) => void receipts.push(...batch));
});

afterAll(async () => {
  await simulator?.close();
  service?.closeAllConnections();
  await new Promise((resolve) => service?.close(resolve));
});

beforeEach(async () => {
  await simulator.receipts.idle();
  simulator.messages.clear();
  simulator.faults.clear();
  receipts.length = 0;
});

describe('e-mail', () => {
  const email = (overrides: Partial<OutgoingMessage> = {}) =>
    message({ to: 'maria@example.com', subject: 'Pagamento confirmado', html: '<p>Seu pagamento foi <strong>confirmado</strong>.</p>', ...overrides });

  it('sends once per message id, with our id in the Message-ID', async () => {
    const outgoing = email();
    const first = await adapters.EMAIL.send(outgoing);
    const again = await adapters.EMAIL.send(outgoing);
    expect(first.providerMessageId).toBe(emailMessageId(outgoing.id));
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(simulator.messages.list({ channel: 'email' })).toEqual([
      expect.objectContaining({
        messageId: `<${outgoing.id}@notificacoes.medpay.com.br>`,
        from: '"MedPay Saúde" <nao-responda@medpay.com.br>',
        to: ['maria@example.com'],
        subject: 'Pagamento confirmado',
        text: outgoing.text,
        html: expect.stringContaining('<strong>confirmado</strong>'),
      }),
    ]);
  });

  it('maps SMTP refusals: 4xx retryable, 5xx final; a dead server is retryable', async () => {
    await fault('email', 503);
    const temporary = await failure(adapters.EMAIL.send(email()));
    expect(temporary).toMatchObject({ retryable: true, status: 451 });
    await fault('email', 400);
    expect(await failure(adapters.EMAIL.send(email()))).toMatchObject({ retryable: false, status: 550 });

    const closed = createEmailAdapter({ url: 'smtp://127.0.0.1:1', from: 'MedPay Saúde <nao-responda@medpay.com.br>', timeoutMs: 2000 });
    expect(await failure(closed.send(email()))).toMatchObject({ retryable: true, ambiguous: false });
    expect(simulator.messages.emails()).toHaveLength(0);
  });
});

describe('SMS (Zenvia)', () => {
  const sms = (overrides: Partial<OutgoingMessage> = {}) => message({ to: '+5511999990001', ...overrides });

  it('sends once per message id and hears DELIVERED back', async () => {
    const outgoing = sms();
    const first = await adapters.SMS.send(outgoing);
    const again = await adapters.SMS.send(outgoing);
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(simulator.messages.sms()).toEqual([expect.objectContaining({ id: first.providerMessageId, externalId: outgoing.id, from: 'medpay', to: '5511999990001', text: outgoing.text })]);
    await simulator.receipts.idle();
    expect(receipts).toEqual([{ channel: 'SMS', providerMessageId: first.providerMessageId, status: 'DELIVERED', messageId: outgoing.id, at: expect.any(Date) }]);
  });

  it('hears FAILED for an unreachable number', async () => {
    const sent = await adapters.SMS.send(sms({ to: '+5511999990000' }));
    await simulator.receipts.idle();
    expect(receipts).toEqual([expect.objectContaining({ providerMessageId: sent.providerMessageId, status: 'FAILED' })]);
  });

  it('maps failures: 503 and 429 retryable; 400, a wrong token and a bad number final; a timeout retryable and ambiguous', async () => {
    await fault('sms', 503);
    expect(await failure(adapters.SMS.send(sms()))).toMatchObject({ retryable: true, status: 503 });
    await fault('sms', 429);
    expect(await failure(adapters.SMS.send(sms()))).toMatchObject({ retryable: true, status: 429 });
    await fault('sms', 400);
    expect(await failure(adapters.SMS.send(sms()))).toMatchObject({ retryable: false, status: 400 });
    const wrongToken = createZenviaSmsAdapter({ url: simulator.httpUrl, token: 'wrong', from: 'medpay' });
    expect(await failure(wrongToken.send(sms()))).toMatchObject({ retryable: false, status: 401 });
    expect(await failure(adapters.SMS.send(sms({ to: '11 99999-0001' })))).toMatchObject({ retryable: false });
    expect(simulator.messages.sms()).toHaveLength(0);

    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const slow = createZenviaSmsAdapter({ url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, token: 't', from: 'medpay', timeoutMs: 100 });
      expect(await failure(slow.send(sms()))).toMatchObject({ retryable: true, ambiguous: true });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('WhatsApp', () => {
  const whatsapp = (overrides: Partial<OutgoingMessage> = {}) => message({ to: '+5511988880001', template: { name: 'pagamento_confirmado', parameters: ['Maria', 'R$ 10,00'] }, ...overrides });

  it('sends the template once per message id and hears DELIVERED back', async () => {
    const outgoing = whatsapp();
    const first = await adapters.WHATSAPP.send(outgoing);
    const again = await adapters.WHATSAPP.send(outgoing);
    expect(first.providerMessageId).toMatch(/^wamid\./);
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(simulator.messages.whatsapp()).toEqual([
      expect.objectContaining({ id: first.providerMessageId, to: '5511988880001', phoneNumberId: '100000000000002', template: { name: 'pagamento_confirmado', language: 'pt_BR' }, text: 'Olá, Maria! Recebemos seu pagamento de R$ 10,00.', bizOpaqueCallbackData: outgoing.id }),
    ]);
    await simulator.receipts.idle();
    expect(receipts).toEqual([{ channel: 'WHATSAPP', providerMessageId: first.providerMessageId, status: 'DELIVERED', messageId: outgoing.id, at: expect.any(Date) }]);
  });

  it('maps failures: 503 and 429 retryable; 400, a wrong token and a missing template final', async () => {
    await fault('whatsapp', 503);
    expect(await failure(adapters.WHATSAPP.send(whatsapp()))).toMatchObject({ retryable: true, status: 503 });
    await fault('whatsapp', 429);
    expect(await failure(adapters.WHATSAPP.send(whatsapp()))).toMatchObject({ retryable: true, status: 429 });
    await fault('whatsapp', 400);
    const invalid = await failure(adapters.WHATSAPP.send(whatsapp()));
    expect(invalid).toMatchObject({ retryable: false, status: 400 });
    expect(invalid.message).toContain('(#100)');
    const wrongToken = createWhatsAppAdapter({ url: simulator.httpUrl, token: 'wrong', phoneNumberId: '1', apiVersion: 'v21.0' });
    expect(await failure(wrongToken.send(whatsapp()))).toMatchObject({ retryable: false, status: 401 });
    const { template: _template, ...plain } = whatsapp();
    expect(await failure(adapters.WHATSAPP.send(plain))).toMatchObject({ retryable: false });
    expect(simulator.messages.whatsapp()).toHaveLength(0);
  });
});

describe('Web Push', () => {
  const subscribe = async () => JSON.stringify(await (await fetch(`${simulator.httpUrl}/_sim/push/subscriptions`, { method: 'POST' })).json());
  const push = (to: string, overrides: Partial<OutgoingMessage> = {}) => message({ to, payload: { title: 'Pagamento confirmado', url: '/pagamentos/1' }, ...overrides });

  it('delivers the payload with our id once per message id', async () => {
    const to = await subscribe();
    const outgoing = push(to);
    const first = await adapters.PUSH.send(outgoing);
    await adapters.PUSH.send(outgoing);
    expect(first.providerMessageId).toContain('/_sim/push/messages/');
    expect(simulator.messages.push()).toEqual([
      expect.objectContaining({ endpoint: JSON.parse(to).endpoint, payload: { title: 'Pagamento confirmado', url: '/pagamentos/1', messageId: outgoing.id }, ttl: 86_400, vapidSubject: 'mailto:suporte@medpay.com.br' }),
    ]);
  });

  it('maps failures: 503 retryable, 400 final, a dropped subscription gone; refuses endpoints off the allow-list', async () => {
    const to = await subscribe();
    await fault('push', 503);
    expect(await failure(adapters.PUSH.send(push(to)))).toMatchObject({ retryable: true, status: 503, gone: false });
    await fault('push', 400);
    expect(await failure(adapters.PUSH.send(push(to)))).toMatchObject({ retryable: false, status: 400, gone: false });
    await fetch(`${simulator.httpUrl}/_sim/push/subscriptions/${JSON.parse(to).endpoint.split('/').pop()}`, { method: 'DELETE' });
    expect(await failure(adapters.PUSH.send(push(to)))).toMatchObject({ retryable: false, status: 410, gone: true });

    const elsewhere = JSON.stringify({ ...JSON.parse(await subscribe()), endpoint: `${serviceUrl}/webhooks/zenvia` });
    expect(await failure(adapters.PUSH.send(push(elsewhere)))).toMatchObject({ retryable: false, gone: false });
    expect(await failure(adapters.PUSH.send(push('not json')))).toMatchObject({ retryable: false });
    expect(simulator.messages.push()).toHaveLength(0);
  });

  it('checks its keys and the allow-list', () => {
    const other = webPush.generateVAPIDKeys();
    expect(() => checkVapidKeys(vapid.publicKey, vapid.privateKey)).not.toThrow();
    expect(() => createWebPushAdapter({ vapidPublicKey: other.publicKey, vapidPrivateKey: vapid.privateKey, subject: 'mailto:a@b.c', allowedEndpoints: [] })).toThrow(/public half/);
    const allowlist = ['fcm.googleapis.com', 'push.apple.com', 'http://127.0.0.1:4011'];
    expect(pushEndpointAllowed('https://fcm.googleapis.com/fcm/send/abc', allowlist)).toBe(true);
    expect(pushEndpointAllowed('https://web.push.apple.com/QGx', allowlist)).toBe(true);
    expect(pushEndpointAllowed('http://fcm.googleapis.com/fcm/send/abc', allowlist)).toBe(false);
    expect(pushEndpointAllowed('https://evilfcm.googleapis.com.example/x', allowlist)).toBe(false);
    expect(pushEndpointAllowed('https://notfcm.googleapis.com.evil.com/x', allowlist)).toBe(false);
    expect(pushEndpointAllowed('http://127.0.0.1:4011/_sim/push/send/1', allowlist)).toBe(true);
    expect(pushEndpointAllowed('http://127.0.0.1:4012/_sim/push/send/1', allowlist)).toBe(false);
  });
});

describe('delivery receipts', () => {
  const whatsAppBody = Buffer.from(
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', statuses: [
        { id: 'wamid.A', status: 'sent', timestamp: '1700000000', recipient_id: '5511' },
        { id: 'wamid.A', status: 'read', timestamp: '1700000060', recipient_id: '5511', biz_opaque_callback_data: 'ours' },
        { id: 'wamid.B', status: 'failed', timestamp: '1700000000', recipient_id: '5511' },
      ] } }] }],
    }),
  );
  const sign = (body: Buffer, secret = secrets.WHATSAPP_APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  it('reads WhatsApp statuses only under a valid signature', () => {
    expect(readWhatsAppStatuses(whatsAppBody, sign(whatsAppBody), secrets.WHATSAPP_APP_SECRET)).toEqual([
      { channel: 'WHATSAPP', providerMessageId: 'wamid.A', status: 'DELIVERED', messageId: 'ours', at: new Date(1_700_000_060_000) },
      { channel: 'WHATSAPP', providerMessageId: 'wamid.B', status: 'FAILED', at: new Date(1_700_000_000_000) },
    ]);
    const tampered = Buffer.from(whatsAppBody.toString('utf8').replace('failed', 'delivered'));
    expect(() => readWhatsAppStatuses(tampered, sign(whatsAppBody), secrets.WHATSAPP_APP_SECRET)).toThrow(WebhookRejectedError);
    expect(() => readWhatsAppStatuses(whatsAppBody, sign(whatsAppBody, 'other'), secrets.WHATSAPP_APP_SECRET)).toThrow(WebhookRejectedError);
    expect(() => readWhatsAppStatuses(whatsAppBody, undefined, secrets.WHATSAPP_APP_SECRET)).toThrow(WebhookRejectedError);
    expect(() => readWhatsAppStatuses(whatsAppBody, 'sha256=zz', secrets.WHATSAPP_APP_SECRET)).toThrow(WebhookRejectedError);
  });

  it('reads a Zenvia status only with the shared token', () => {
    const body = Buffer.from(JSON.stringify({ type: 'MESSAGE_STATUS', messageId: 'z1', message: { id: 'z1', externalId: 'ours' }, messageStatus: { code: 'NOT_DELIVERED', timestamp: '2026-01-02T03:04:05Z' } }));
    expect(readZenviaStatus(body, secrets.ZENVIA_WEBHOOK_TOKEN, secrets.ZENVIA_WEBHOOK_TOKEN)).toEqual([{ channel: 'SMS', providerMessageId: 'z1', status: 'FAILED', messageId: 'ours', at: new Date('2026-01-02T03:04:05Z') }]);
    expect(readZenviaStatus(Buffer.from(JSON.stringify({ type: 'MESSAGE_STATUS', messageId: 'z1', messageStatus: { code: 'SENT' } })), secrets.ZENVIA_WEBHOOK_TOKEN, secrets.ZENVIA_WEBHOOK_TOKEN)).toEqual([]);
    expect(() => readZenviaStatus(body, 'wrong', secrets.ZENVIA_WEBHOOK_TOKEN)).toThrow(WebhookRejectedError);
    expect(() => readZenviaStatus(body, undefined, secrets.ZENVIA_WEBHOOK_TOKEN)).toThrow(WebhookRejectedError);
  });

  it('answers the webhooks over HTTP: 401 tampered, 400 unreadable, 200 with the receipts handed over', async () => {
    const post = (path: string, body: Buffer | string, headers: Record<string, string>) => fetch(`${serviceUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
    const tampered = Buffer.from(whatsAppBody.toString('utf8').replace('wamid.B', 'wamid.C'));
    expect((await post('/webhooks/whatsapp', tampered, { 'x-hub-signature-256': sign(whatsAppBody) })).status).toBe(401);
    expect((await post('/webhooks/zenvia', '{}', { 'x-medpay-webhook-token': 'wrong' })).status).toBe(401);
    expect((await post('/webhooks/zenvia', 'not json', { 'x-medpay-webhook-token': secrets.ZENVIA_WEBHOOK_TOKEN })).status).toBe(400);
    expect(receipts).toHaveLength(0);
    const accepted = await post('/webhooks/whatsapp', whatsAppBody, { 'x-hub-signature-256': sign(whatsAppBody) });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ received: 2 });
    expect(receipts.map((receipt) => receipt.providerMessageId)).toEqual(['wamid.A', 'wamid.B']);
  });

  it("answers Meta's verification challenge only with the verify token", async () => {
    const verify = (token: string) => fetch(`${serviceUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${encodeURIComponent(token)}`);
    const ok = await verify(secrets.WHATSAPP_VERIFY_TOKEN);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect((await verify('wrong')).status).toBe(403);
  });
});

describe('configuration', () => {
  it('points at the simulator by default and takes lists of push endpoints', () => {
    const config = loadConfig(channelsConfigShape, { ...secrets, VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey });
    expect(config).toMatchObject({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SMTP_FROM: 'MedPay Saúde <nao-responda@medpay.com.br>',
      ZENVIA_URL: 'http://127.0.0.1:4011',
      WHATSAPP_URL: 'http://127.0.0.1:4011',
      WHATSAPP_API_VERSION: 'v21.0',
    });
    expect(config.WEB_PUSH_ENDPOINT_ALLOWLIST).toContain('fcm.googleapis.com');
    expect(config.WEB_PUSH_ENDPOINT_ALLOWLIST).toContain('http://127.0.0.1:4011');
  });
});

