// The sender against the real messaging simulator, the embedded database and queue: a provider's 5xx
// then 200 is one message; a crash between "sent" and "recorded" is still one message; quiet hours
// hold non-urgent SMS until 08:00; an opt-out made after the message was recorded still holds; receipts
// only move a message forward; a crash between recording and queueing loses nothing. The
// directory (other services' data) is the one stand-in: this tests the sender, not the internal calls.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startMessagingSimulator, type MessagingSimulator } from '@medpay/messaging-simulator';
import { createLogger, FieldEncryption, InProcessBus, Metrics, openDatabase, type Database } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createEmailAdapter } from './channels/email.js';
import { createZenviaSmsAdapter } from './channels/sms.js';
import { createWhatsAppAdapter } from './channels/whatsapp.js';
import type { ChannelAdapter } from './channels/channel-adapter.js';
import type { Directory } from './directory.js';
import { Dispatcher, queueOf, type MessageJob } from './dispatcher.js';
import { PrismaClient } from './generated/prisma/client.js';
import { LiveNotifications } from './live.js';
import { EmbeddedJobQueue } from './queue/embedded-queue.js';
import { DEFAULT_QUIET_HOURS, MessageSender } from './sender.js';
import { NotificationStore } from './store.js';
import type { MessageFacts, OccurrenceData, Template } from './templates.js';

const logger = createLogger('sender-test', 'silent');
const recipientId = randomUUID();
const paymentId = randomUUID();
const facts = (data: OccurrenceData): MessageFacts => ({
  recipient: { userId: recipientId, name: 'Paula Souza', email: 'paula@example.com', phone: '+5511987654321', maskedCpf: '***.982.247-**' },
  data,
  payment: {
    paymentId, payerId: recipientId, clinicId: randomUUID(), procedureId: randomUUID(), status: 'AWAITING_PAYMENT', escrowState: 'NONE', method: 'PIX', planKind: 'A_VISTA',
    patientTotalCentavos: 120_000, clinicNetCentavos: 115_101, refundedCentavos: 0, openCharge: null, installments: [], createdAt: new Date().toISOString(),
  },
  procedureName: 'Clareamento dental',
});
const directory = {
  facts: async (_template: Template, _recipient: string, data: OccurrenceData) => facts(data),
  recipients: async () => [recipientId],
  contact: async () => facts({}).recipient,
} as unknown as Directory;

/** 15:00 in São Paulo today: outside quiet hours, and within a day of the real clock (the dispatcher drops what is a day late) */
const afternoonToday = () => new Date(`${new Date().toLocaleDateString('en-CA', { timeZone: 'America/Sao_Paulo' })}T15:00:00-03:00`);

describe('MessageSender', () => {
  let database: Database<PrismaClient>;
  let store: NotificationStore;
  let simulator: MessagingSimulator;
  let queue: EmbeddedJobQueue;
  let now = afternoonToday();
  let failSettleOnce = false;

  beforeAll(async () => {
    const tokens = { zenviaToken: randomBytes(8).toString('hex'), whatsappToken: randomBytes(8).toString('hex'), whatsappAppSecret: randomBytes(8).toString('hex') };
    simulator = await startMessagingSimulator({ httpPort: 0, smtpPort: 0, ...tokens });
    database = await openDatabase({
      service: 'notifications',
      url: 'pglite:memory',
      migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
      metrics: new Metrics(),
      createClient: (adapter) => new PrismaClient({ adapter }),
    });
    await database.prisma.$queryRaw`SELECT 1`;
    store = new NotificationStore(database.prisma, new FieldEncryption(randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url')));
    // The process "dies" after the provider accepted a message and before it was marked sent.
    const settle = store.settle.bind(store);
    store.settle = async (id, data) => {
      if (failSettleOnce && data.status === 'SENT') {
        failSettleOnce = false;
        throw new Error('crashed before recording');
      }
      return settle(id, data);
    };
    const adapters: Record<'EMAIL' | 'SMS' | 'WHATSAPP' | 'PUSH', ChannelAdapter> = {
      EMAIL: createEmailAdapter({ url: `smtp://127.0.0.1:${simulator.smtpPort}`, from: 'MedPay <nao-responda@medpay.com.br>' }),
      SMS: createZenviaSmsAdapter({ url: simulator.httpUrl, token: tokens.zenviaToken, from: 'medpay' }),
      WHATSAPP: createWhatsAppAdapter({ url: simulator.httpUrl, token: tokens.whatsappToken, phoneNumberId: '100000000000002', apiVersion: 'v21.0' }),
      PUSH: { send: async () => Promise.reject(new Error('no push in this test')) },
    };
    const sender = new MessageSender(store, directory, adapters, new LiveNotifications(new InProcessBus(), logger), { patient: 'http://app', clinic: 'http://clinic', admin: 'http://admin' }, logger, DEFAULT_QUIET_HOURS, () => now);
    queue = new EmbeddedJobQueue(database.prisma, logger, { pollIntervalMs: 50 });
    for (const channel of ['SMS', 'EMAIL'] as const) {
      queue.work<MessageJob>(queueOf(channel), { concurrency: 2, attempts: 5, backoffMs: () => 50, handle: sender.handle, onExhausted: sender.exhausted });
    }
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    await database?.close();
    await simulator?.close();
  });

  const send = async (kind: string, channel: 'SMS' | 'EMAIL', urgent = false) => {
    const message = await store.recordMessage({
      dedupeKey: randomUUID(), kind, templateVersion: 1, channel, purpose: 'TRANSACTIONAL', urgent, recipientId,
      data: { paymentId, amountCentavos: 120_000, expiresAt: new Date(now.getTime() + 600_000).toISOString() }, scheduledFor: now,
    });
    await queue.add<MessageJob>(queueOf(channel), message!.id, { messageId: message!.id });
    return message!;
  };
  const settled = (id: string) => eventually(() => store.message(id), (row) => row?.status !== 'PENDING' || (row?.scheduledFor.getTime() ?? 0) > now.getTime(), `message ${id} settled`);
  const smsWith = (externalId: string) => simulator.messages.list({ channel: 'sms' }).filter((entry) => JSON.stringify(entry).includes(externalId));

  it('a provider answering 503 and then 200 gives one SMS, sent on the second attempt', async () => {
    simulator.faults.set('sms', 503, 1);
    const message = await send('payment.confirmed', 'SMS');
    const row = await settled(message.id);
    expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(smsWith(message.id)).toHaveLength(1);
    expect(JSON.stringify(smsWith(message.id))).not.toMatch(/Clareamento/);
  });

  it('a crash between the provider accepting and the record saying so sends it again with the same key: still one message', async () => {
    failSettleOnce = true;
    const message = await send('payment.confirmed', 'EMAIL');
    const row = await settled(message.id);
    expect(row).toMatchObject({ status: 'SENT' });
    expect(row!.attempts).toBeGreaterThanOrEqual(2);
    const received = simulator.messages.list({ channel: 'email' }).filter((entry) => JSON.stringify(entry).includes(message.id));
    expect(received).toHaveLength(1);
  });

  it('quiet hours: a non-urgent SMS waits until 08:00 in São Paulo; an urgent one (PIX expiring) goes now', async () => {
    // A night far ahead: the queue runs on the real clock, and must see the held SMS's 08:00 as still to come.
    now = new Date('2099-12-04T23:30:00-03:00');
    const waiting = await send('payment.confirmed', 'SMS');
    const urgent = await send('pix.expiring', 'SMS', true);
    expect(await settled(urgent.id)).toMatchObject({ status: 'SENT' });
    const held = await settled(waiting.id);
    expect(held).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(held!.scheduledFor.toISOString()).toBe('2099-12-05T11:00:00.000Z');
    expect(smsWith(waiting.id)).toHaveLength(0);
    now = afternoonToday();
  });

  it('an opt-out made after the message was recorded still holds when it goes out', async () => {
    const message = await store.recordMessage({
      dedupeKey: randomUUID(), kind: 'payment.confirmed', templateVersion: 1, channel: 'EMAIL', purpose: 'TRANSACTIONAL', urgent: false, recipientId, data: { paymentId }, scheduledFor: now,
    });
    await store.setPreferences(recipientId, [{ channel: 'EMAIL', purpose: 'TRANSACTIONAL', enabled: false }]);
    await queue.add<MessageJob>(queueOf('EMAIL'), message!.id, { messageId: message!.id });
    expect(await settled(message!.id)).toMatchObject({ status: 'CANCELED', lastError: 'canal desativado pela pessoa' });
    await store.setPreferences(recipientId, [{ channel: 'EMAIL', purpose: 'TRANSACTIONAL', enabled: true }]);
  });

  it('delivery receipts move a sent message forward only, on its own channel, by the provider\'s id or ours', async () => {
    const message = await send('payment.confirmed', 'SMS');
    const sent = await settled(message.id);
    expect(sent).toMatchObject({ status: 'SENT' });
    const providerMessageId = sent!.providerMessageId!;
    // Another provider's message with the same id is not ours.
    await store.markDelivered({ channel: 'WHATSAPP', providerMessageId, status: 'FAILED' });
    expect(await store.message(message.id)).toMatchObject({ status: 'SENT' });
    await store.markDelivered({ channel: 'SMS', providerMessageId, status: 'DELIVERED' });
    expect(await store.message(message.id)).toMatchObject({ status: 'DELIVERED' });
    // A late "not delivered" for an earlier attempt does not undo a delivery.
    await store.markDelivered({ channel: 'SMS', providerMessageId, status: 'FAILED' });
    expect(await store.message(message.id)).toMatchObject({ status: 'DELIVERED' });

    const other = await send('payment.confirmed', 'SMS');
    await settled(other.id);
    await store.markDelivered({ channel: 'SMS', providerMessageId: 'unknown-to-us', messageId: other.id, status: 'FAILED' });
    expect(await store.message(other.id)).toMatchObject({ status: 'FAILED', lastError: 'o provedor não conseguiu entregar' });
  });

  it('a crash between recording a message and queueing it: the redelivered event, or the next start, queues it once', async () => {
    let crashes = 2;
    const crashing = {
      ...queue,
      add: async (...args: Parameters<EmbeddedJobQueue['add']>) => {
        if (args[0] === queueOf('EMAIL') && crashes-- > 0) throw new Error('crashed before queueing');
        return queue.add(...args);
      },
    } as unknown as EmbeddedJobQueue;
    const dispatcher = new Dispatcher(store, directory, crashing, { confirmationReminderDays: 3, maxLateMs: 86_400_000 }, logger);
    const occurrence = { kind: 'payment.confirmed' as const, key: `payment:${randomUUID()}:confirmed`, audience: { userId: recipientId }, data: { paymentId }, at: now };
    const emailOf = async () => (await database.prisma.message.findMany({ where: { dedupeKey: { startsWith: occurrence.key }, channel: 'EMAIL' } }))[0]!;

    await expect(dispatcher.dispatch([occurrence])).rejects.toThrow('crashed before queueing');
    expect(await emailOf()).toMatchObject({ status: 'PENDING', queuedAt: null });
    // The event comes again (it was not acknowledged): the recorded message is queued this time.
    await expect(dispatcher.dispatch([occurrence])).rejects.toThrow('crashed before queueing');
    crashes = 0;
    await dispatcher.dispatch([occurrence]);
    // Or the process restarts: whatever is still unqueued is queued.
    await dispatcher.requeueUnqueued();
    const sent = await settled((await emailOf()).id);
    expect(sent).toMatchObject({ status: 'SENT' });
    expect(sent!.queuedAt).not.toBeNull();
    expect(await store.unqueuedMessages(10)).toEqual([]);
    expect(simulator.messages.list({ channel: 'email' }).filter((entry) => JSON.stringify(entry).includes(sent!.id))).toHaveLength(1);
  });

  it('a security notice (a sign-up gave the account\'s CPF) reaches a person who turned e-mail off', async () => {
    await store.setPreferences(recipientId, [{ channel: 'EMAIL', purpose: 'TRANSACTIONAL', enabled: false }]);
    const message = await store.recordMessage({
      dedupeKey: randomUUID(), kind: 'account.sign_up_attempted', templateVersion: 1, channel: 'EMAIL', purpose: 'TRANSACTIONAL', urgent: false, recipientId, data: { matched: ['CPF'] }, scheduledFor: now,
    });
    await queue.add<MessageJob>(queueOf('EMAIL'), message!.id, { messageId: message!.id });
    expect(await settled(message!.id)).toMatchObject({ status: 'SENT' });
    const [received] = simulator.messages.list({ channel: 'email' }).filter((entry) => JSON.stringify(entry).includes(message!.id));
    expect(JSON.stringify(received)).toContain('Tentativa de cadastro com seus dados');
    await store.setPreferences(recipientId, [{ channel: 'EMAIL', purpose: 'TRANSACTIONAL', enabled: true }]);
  });
});
