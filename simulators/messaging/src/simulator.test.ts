// The simulator on its own, through real SMTP and HTTP: every channel, idempotency, faults, delivery
// receipts sent to a local webhook server, and Web Push decryption (web-push as the sender).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import webPush from 'web-push';
import { startMessagingSimulator, type MessagingSimulator } from './simulator.js';

const ZENVIA_TOKEN = 'zenvia-token';
const WHATSAPP_TOKEN = 'whatsapp-token';
const APP_SECRET = 'app-secret';
const HOOK_TOKEN = 'hook-token';

let simulator: MessagingSimulator;
let hook: Server;
const received: Array<{ path: string; headers: IncomingHttpHeaders; raw: string; body: any }> = [];
let sequence = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++sequence}`;

async function http(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(simulator.httpUrl + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    // HTML or text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

const messages = async (query: string) => (await http('GET', `/_sim/messages?${query}`)).body as any[];

beforeAll(async () => {
  hook = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    received.push({ path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) });
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
  simulator = await startMessagingSimulator({
    httpPort: 0,
    smtpPort: 0,
    zenviaToken: ZENVIA_TOKEN,
    zenviaWebhookUrl: `${hookUrl}/zenvia`,
    zenviaWebhookHeaders: { 'x-medpay-webhook-token': HOOK_TOKEN },
    whatsappToken: WHATSAPP_TOKEN,
    whatsappAppSecret: APP_SECRET,
    whatsappWebhookUrl: `${hookUrl}/whatsapp`,
    whatsappTemplates: { pagamento_confirmado: 'Olá, {{1}}! Recebemos seu pagamento de {{2}}.' },
    receiptDelayMs: 5,
  });
});

afterAll(async () => {
  await simulator?.close();
  hook?.closeAllConnections();
  await new Promise((resolve) => hook?.close(resolve));
});

beforeEach(async () => {
  await simulator.receipts.idle();
  await http('DELETE', '/_sim/messages');
  await http('DELETE', '/_sim/faults');
  received.length = 0;
});

describe('e-mail (SMTP)', () => {
  const transport = (auth?: { user: string; pass: string }) =>
    nodemailer.createTransport({ host: '127.0.0.1', port: simulator.smtpPort, secure: false, ignoreTLS: true, ...(auth ? { auth } : {}) });

  const mail = (to: string, messageId: string) => ({
    from: 'MedPay Saúde <nao-responda@medpay.com.br>',
    to,
    subject: 'Pagamento confirmado',
    text: 'Recebemos seu pagamento.',
    html: '<p>Recebemos seu <strong>pagamento</strong>.</p><script>alert(1)</script>',
    messageId,
  });

  it('keeps a message once per Message-ID and shows it in the inbox', async () => {
    const to = `${unique('maria')}@example.com`;
    const messageId = `<${unique('id')}@notificacoes.medpay.com.br>`;
    await transport().sendMail(mail(to, messageId));
    await transport({ user: 'any', pass: 'thing' }).sendMail(mail(to, messageId)); // AUTH accepted, same Message-ID
    const kept = await messages(`channel=email&to=${encodeURIComponent(to)}`);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      channel: 'email',
      messageId,
      from: '"MedPay Saúde" <nao-responda@medpay.com.br>',
      to: [to],
      subject: 'Pagamento confirmado',
      text: 'Recebemos seu pagamento.',
    });
    expect(kept[0].html).toContain('<strong>pagamento</strong>');

    const inbox = await http('GET', '/');
    expect(inbox.headers.get('content-type')).toContain('text/html');
    expect(inbox.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(inbox.body).toContain('Caixa de entrada');
    expect(inbox.body).toContain(`/emails/${kept[0].id}`);
    const page = await http('GET', `/emails/${kept[0].id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<iframe sandbox [^>]*srcdoc="&lt;p&gt;Recebemos seu &lt;strong&gt;/);
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('Recebemos seu pagamento.');
    expect((await http('GET', '/emails/nope')).status).toBe(404);
  });

  it('fails the next messages on demand: 451 for a 5xx fault, 550 for a 4xx one', async () => {
    const to = `${unique('joao')}@example.com`;
    await http('POST', '/_sim/faults', { channel: 'email', status: 503, count: 1 });
    await expect(transport().sendMail(mail(to, `<${unique('a')}@x>`))).rejects.toMatchObject({ responseCode: 451 });
    await http('POST', '/_sim/faults', { channel: 'email', status: 400, count: 1 });
    await expect(transport().sendMail(mail(to, `<${unique('b')}@x>`))).rejects.toMatchObject({ responseCode: 550 });
    await transport().sendMail(mail(to, `<${unique('c')}@x>`));
    expect(await messages(`channel=email&to=${encodeURIComponent(to)}`)).toHaveLength(1);
  });
});

describe('SMS (Zenvia API v2)', () => {
  const send = (body: unknown, token = ZENVIA_TOKEN) => http('POST', '/v2/channels/sms/messages', body, { 'x-api-token': token });
  const sms = (to: string, externalId?: string) => ({ from: 'medpay', to, ...(externalId ? { externalId } : {}), contents: [{ type: 'text', text: 'Seu pagamento foi confirmado.' }] });

  it('refuses a wrong token and a malformed body', async () => {
    const wrong = await send(sms('5511999990001'), 'wrong');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'AUTHENTICATION_ERROR' });
    const plus = await send(sms('+5511999990001'));
    expect(plus.status).toBe(400);
    expect(plus.body).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await messages('channel=sms')).toHaveLength(0);
  });

  it('records a message once per externalId and sends SENT then DELIVERED receipts', async () => {
    const externalId = unique('msg');
    const first = await send(sms('5511999990001', externalId));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ from: 'medpay', to: '5511999990001', externalId, direction: 'OUT', channel: 'sms', contents: [{ type: 'text', text: 'Seu pagamento foi confirmado.' }] });
    const again = await send(sms('5511999990001', externalId));
    expect(again.body.id).toBe(first.body.id);
    expect(await messages('channel=sms&to=%2B5511999990001')).toEqual([expect.objectContaining({ id: first.body.id, externalId, text: 'Seu pagamento foi confirmado.' })]);

    await simulator.receipts.idle();
    const receipts = received.filter((request) => request.path === '/zenvia');
    expect(receipts.map((request) => request.body.messageStatus.code)).toEqual(['SENT', 'DELIVERED']);
    expect(receipts[1]!.headers['x-medpay-webhook-token']).toBe(HOOK_TOKEN);
    expect(receipts[1]!.body).toMatchObject({ type: 'MESSAGE_STATUS', channel: 'sms', messageId: first.body.id, message: { id: first.body.id, externalId } });
    expect((await messages('channel=sms'))[0].status).toBe('DELIVERED');
  });

  it('reports NOT_DELIVERED for an unreachable number', async () => {
    await send(sms('5511999990000', unique('msg')));
    await simulator.receipts.idle();
    expect(received.map((request) => request.body.messageStatus.code)).toEqual(['SENT', 'NOT_DELIVERED']);
  });

  it('fails the next calls on demand, in Zenvia\'s error shape', async () => {
    await http('POST', '/_sim/faults', { channel: 'sms', status: 503, count: 2 });
    expect((await send(sms('5511999990001', unique('m')))).status).toBe(503);
    const second = await send(sms('5511999990001', unique('m')));
    expect(second.status).toBe(503);
    expect(second.body).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect((await send(sms('5511999990001', unique('m')))).status).toBe(200);
    expect(await messages('channel=sms')).toHaveLength(1);
  });
});

describe('WhatsApp (Cloud API)', () => {
  const send = (body: unknown, token = WHATSAPP_TOKEN) => http('POST', '/v21.0/123456/messages', body, { authorization: `Bearer ${token}` });
  const template = (to: string, parameters: string[], key?: string, name = 'pagamento_confirmado') => ({
    messaging_product: 'whatsapp',
    to,
    type: 'template',
    template: { name, language: { code: 'pt_BR' }, components: [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }] },
    ...(key ? { biz_opaque_callback_data: key } : {}),
  });

  it('refuses a wrong token with a Graph API error', async () => {
    const wrong = await send(template('5511988880001', ['Maria', 'R$ 10,00']), 'wrong');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 190, type: 'OAuthException', message: expect.any(String), fbtrace_id: expect.any(String) });
  });

  it('renders a known template, records it once per biz_opaque_callback_data, and sends signed statuses', async () => {
    const key = unique('msg');
    const first = await send(template('5511988880001', ['Maria', 'R$ 10,00'], key));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ messaging_product: 'whatsapp', contacts: [{ input: '5511988880001', wa_id: '5511988880001' }] });
    const wamid: string = first.body.messages[0].id;
    expect(wamid).toMatch(/^wamid\./);
    expect((await send(template('5511988880001', ['Maria', 'R$ 10,00'], key))).body.messages[0].id).toBe(wamid);
    expect(await messages('channel=whatsapp&to=5511988880001')).toEqual([
      expect.objectContaining({ id: wamid, template: { name: 'pagamento_confirmado', language: 'pt_BR' }, parameters: ['Maria', 'R$ 10,00'], text: 'Olá, Maria! Recebemos seu pagamento de R$ 10,00.', bizOpaqueCallbackData: key }),
    ]);

    await simulator.receipts.idle();
    const statuses = received.filter((request) => request.path === '/whatsapp');
    expect(statuses.map((request) => request.body.entry[0].changes[0].value.statuses[0].status)).toEqual(['sent', 'delivered']);
    for (const request of statuses) {
      expect(request.headers['x-hub-signature-256']).toBe(`sha256=${createHmac('sha256', APP_SECRET).update(request.raw).digest('hex')}`);
    }
    expect(statuses[1]!.body).toMatchObject({
      object: 'whatsapp_business_account',
      entry: [{ changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '123456' }, statuses: [{ id: wamid, status: 'delivered', recipient_id: '5511988880001', biz_opaque_callback_data: key }] } }] }],
    });
  });

  it('accepts unknown templates, showing their parameters; checks the parameter count of known ones', async () => {
    expect((await send(template('5511988880001', ['a', 'b'], unique('m'), 'outro_modelo'))).status).toBe(200);
    expect((await messages('channel=whatsapp'))[0].text).toBe('[outro_modelo] a | b');
    const mismatch = await send(template('5511988880001', ['só um'], unique('m')));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe(132000);
  });

  it('reports failed for an unreachable number, and fails calls on demand', async () => {
    await send(template('5511988880000', ['Maria', 'R$ 1,00'], unique('m')));
    await simulator.receipts.idle();
    expect(received.map((request) => request.body.entry[0].changes[0].value.statuses[0].status)).toEqual(['sent', 'failed']);
    await http('POST', '/_sim/faults', { channel: 'whatsapp', status: 429, count: 1 });
    const limited = await send(template('5511988880001', ['Maria', 'R$ 1,00'], unique('m')));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe(130429);
  });
});

describe('Web Push', () => {
  const vapid = webPush.generateVAPIDKeys();
  const vapidDetails = { subject: 'mailto:suporte@medpay.com.br', publicKey: vapid.publicKey, privateKey: vapid.privateKey };
  const subscribe = async () => (await http('POST', '/_sim/push/subscriptions')).body as { endpoint: string; keys: { p256dh: string; auth: string } };
  const idOf = (endpoint: string) => endpoint.split('/').pop()!;
  type Subscription = Awaited<ReturnType<typeof subscribe>>;
  /** web-push encrypts and signs; the request goes over plain HTTP (web-push itself only speaks HTTPS). */
  const request = (subscription: Subscription, payload: string, options: webPush.RequestOptions = {}) => {
    const details = webPush.generateRequestDetails(subscription, payload, { vapidDetails, ...options });
    const { 'Content-Length': _length, ...headers } = details.headers as Record<string, string>;
    return { headers, body: new Uint8Array(details.body as Buffer) };
  };
  const push = async (subscription: Subscription, payload: string, options: webPush.RequestOptions = {}, headers?: Record<string, string>) => {
    const prepared = request(subscription, payload, options);
    const response = await fetch(subscription.endpoint, { method: 'POST', headers: headers ?? prepared.headers, body: prepared.body });
    return { status: response.status, location: response.headers.get('location') };
  };

  it('decrypts and records the payload; a message with the same Topic replaces the first', async () => {
    const subscription = await subscribe();
    expect(subscription.endpoint).toBe(`${simulator.httpUrl}/_sim/push/send/${idOf(subscription.endpoint)}`);
    const answer = await push(subscription, JSON.stringify({ title: 'Pagamento confirmado', body: 'R$ 10,00' }), { TTL: 60, topic: 'abc123' });
    expect(answer.status).toBe(201);
    expect(answer.location).toMatch(/\/_sim\/push\/messages\//);
    await push(subscription, JSON.stringify({ title: 'Pagamento confirmado', body: 'R$ 10,00 (de novo)' }), { TTL: 60, topic: 'abc123' });
    const kept = await messages(`channel=push&to=${idOf(subscription.endpoint)}`);
    expect(kept).toEqual([expect.objectContaining({ subscriptionId: idOf(subscription.endpoint), payload: { title: 'Pagamento confirmado', body: 'R$ 10,00 (de novo)' }, ttl: 60, topic: 'abc123', vapidSubject: 'mailto:suporte@medpay.com.br' })]);

    // The largest payload web-push allows (4078 bytes) still decrypts.
    const long = 'x'.repeat(4000);
    expect((await push(subscription, JSON.stringify({ long }), { TTL: 0 })).status).toBe(201);
    expect((await messages('channel=push')).at(-1).payload).toEqual({ long });
  });

  it('refuses a missing or forged VAPID token, a missing TTL, and a gone subscription', async () => {
    const subscription = await subscribe();
    const { headers } = request(subscription, '{"x":1}', { TTL: 60 });
    expect((await push(subscription, '{"x":1}', {}, headers)).status).toBe(201);
    const { Authorization: authorization, ...withoutAuth } = headers;
    expect((await push(subscription, '{"x":1}', {}, withoutAuth)).status).toBe(401);
    const otherKey = webPush.generateVAPIDKeys().publicKey;
    expect((await push(subscription, '{"x":1}', {}, { ...headers, Authorization: authorization!.replace(/k=[^,]+/, `k=${otherKey}`) })).status).toBe(401);
    const { TTL: _ttl, ...withoutTtl } = headers;
    expect((await push(subscription, '{"x":1}', {}, withoutTtl)).status).toBe(400);

    expect((await http('DELETE', `/_sim/push/subscriptions/${idOf(subscription.endpoint)}`)).status).toBe(204);
    expect((await push(subscription, '{}')).status).toBe(410);
    expect((await push({ ...subscription, endpoint: `${simulator.httpUrl}/_sim/push/send/unknown` }, '{}')).status).toBe(404);
  });

  it('fails the next calls on demand', async () => {
    const subscription = await subscribe();
    await http('POST', '/_sim/faults', { channel: 'push', status: 503, count: 1 });
    expect((await push(subscription, '{}')).status).toBe(503);
    expect((await push(subscription, '{}')).status).toBe(201);
    expect(await messages('channel=push')).toHaveLength(1);
  });
});

describe('controls', () => {
  it('validates faults and lists every channel, oldest first', async () => {
    expect((await http('POST', '/_sim/faults', { channel: 'fax', status: 500, count: 1 })).status).toBe(400);
    expect((await http('GET', '/_sim/messages?channel=fax')).status).toBe(400);
    await http('POST', '/v2/channels/sms/messages', { from: 'medpay', to: '5511999990001', contents: [{ type: 'text', text: 'um' }] }, { 'x-api-token': ZENVIA_TOKEN });
    await http('POST', '/v2/channels/sms/messages', { from: 'medpay', to: '5511999990001', contents: [{ type: 'text', text: 'dois' }] }, { 'x-api-token': ZENVIA_TOKEN });
    expect((await messages('')).map((message) => message.text)).toEqual(['um', 'dois']);
    expect((await http('GET', '/_sim/health')).body).toEqual({ status: 'ok' });
  });
});

describe('state file', () => {
  it('keeps the inbox across a restart: a message, its delivery status and its idempotency key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'messaging-sim-'));
    const stateFile = join(dir, 'inbox.json');
    const start = () => startMessagingSimulator({ httpPort: 0, smtpPort: 0, zenviaToken: ZENVIA_TOKEN, whatsappToken: WHATSAPP_TOKEN, whatsappAppSecret: APP_SECRET, receiptDelayMs: 10, stateFile });
    const sendSms = (sim: MessagingSimulator, externalId: string) =>
      fetch(`${sim.httpUrl}/v2/channels/sms/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-token': ZENVIA_TOKEN },
        body: JSON.stringify({ from: 'medpay', to: '5511999990009', externalId, contents: [{ type: 'text', text: 'Lembrete da sua consulta.' }] }),
      }).then((response) => response.json() as Promise<{ id: string }>);
    const first = await start();
    const sent = await sendSms(first, 'persisted-1');
    await first.receipts.idle();
    await first.close();

    const second = await start();
    try {
      expect(second.messages.sms()).toEqual([expect.objectContaining({ id: sent.id, externalId: 'persisted-1', text: 'Lembrete da sua consulta.', status: 'DELIVERED' })]);
      // the same externalId is the same message after the restart too
      expect((await sendSms(second, 'persisted-1')).id).toBe(sent.id);
      expect(second.messages.sms()).toHaveLength(1);
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
