// What notifications keeps: the messages it owes (written before they are sent; their unique dedupe
// key makes one per occurrence, recipient and channel), the bell's notifications, each person's
// channel choices and Web Push subscriptions. Texts and message data are encrypted at rest (they may
// name a procedure: health data).
import { decodeCursor, FieldEncryption, isUuid, pageOf, violatedUniqueConstraint, type Page } from '@medpay/runtime';
import type { DeliveryReceipt } from './channels/receipts.js';
import { randomUUID } from 'node:crypto';
import type { Message, Notification, PrismaClient } from './generated/prisma/client.js';
import type { Channel, Purpose } from './generated/prisma/enums.js';
import type { OccurrenceData, Rendered } from './templates.js';

export const CHANNELS: Channel[] = ['IN_APP', 'EMAIL', 'SMS', 'WHATSAPP', 'PUSH'];
export const PURPOSES: Purpose[] = ['TRANSACTIONAL', 'MARKETING'];

/** Without a choice of their own: transactional messages on every channel, marketing on none (LGPD: consent first). */
export const defaultEnabled = (_channel: Channel, purpose: Purpose) => purpose === 'TRANSACTIONAL';

/** A person's choice, or the default; the bell's transactional messages are always on. */
const enabledBy = (choice: { enabled: boolean } | null | undefined, channel: Channel, purpose: Purpose) =>
  (channel === 'IN_APP' && purpose === 'TRANSACTIONAL') || (choice?.enabled ?? defaultEnabled(channel, purpose));

export interface NewMessage {
  dedupeKey: string;
  cancelKey?: string;
  kind: string;
  templateVersion: number;
  channel: Channel;
  purpose: Purpose;
  urgent: boolean;
  recipientId: string;
  data: OccurrenceData;
  scheduledFor: Date;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export class NotificationStore {
  constructor(
    readonly prisma: PrismaClient,
    private readonly encryption: FieldEncryption,
  ) {}

  /** Records a message unless its dedupe key is taken; the new row, or null for a repeat. */
  /**
   * The message, written once per dedupe key; null when it was recorded before and queued. A message
   * recorded before but never queued (a crash in between, its event redelivered) comes back to be queued.
   */
  async recordMessage(message: NewMessage): Promise<Message | null> {
    const { data, ...fields } = message;
    try {
      return await this.prisma.message.create({ data: { id: randomUUID(), ...fields, dataEncrypted: this.encryption.encrypt(JSON.stringify(data)) } });
    } catch (error) {
      if (!violatedUniqueConstraint(error)) throw error;
      return this.prisma.message.findFirst({ where: { dedupeKey: message.dedupeKey, status: 'PENDING', queuedAt: null } });
    }
  }

  markQueued(id: string) {
    return this.prisma.message.updateMany({ where: { id, queuedAt: null }, data: { queuedAt: new Date() } });
  }

  message(id: string) {
    return this.prisma.message.findUnique({ where: { id } });
  }

  dataOf(message: Message): OccurrenceData {
    return JSON.parse(this.encryption.decrypt(message.dataEncrypted)) as OccurrenceData;
  }

  /** Pending messages whose cancel key is one of `keys` (or starts with one that ends in ':'); their ids and channels. */
  async cancelPending(keys: string[]): Promise<Array<Pick<Message, 'id' | 'channel'>>> {
    if (keys.length === 0) return [];
    const where = { status: 'PENDING' as const, OR: keys.map((key) => (key.endsWith(':') ? { cancelKey: { startsWith: key } } : { cancelKey: key })) };
    const rows = await this.prisma.message.findMany({ where, select: { id: true, channel: true } });
    await this.prisma.message.updateMany({ where: { id: { in: rows.map((row) => row.id) }, status: 'PENDING' }, data: { status: 'CANCELED', lastError: 'não é mais devida' } });
    return rows;
  }

  /** Moves a pending message on; false when it was no longer pending (another worker finished it). */
  async settle(id: string, data: { status: 'SENT' | 'FAILED' | 'CANCELED'; lastError?: string | null; providerMessageId?: string | null }): Promise<boolean> {
    const sentAt = data.status === 'SENT' ? new Date() : undefined;
    return (await this.prisma.message.updateMany({ where: { id, status: 'PENDING' }, data: { ...data, sentAt } })).count > 0;
  }

  countAttempt(id: string) {
    return this.prisma.message.update({ where: { id }, data: { attempts: { increment: 1 } } });
  }

  noteError(id: string, error: string) {
    return this.prisma.message.update({ where: { id }, data: { lastError: error } });
  }

  reschedule(id: string, scheduledFor: Date) {
    return this.prisma.message.updateMany({ where: { id, status: 'PENDING' }, data: { scheduledFor } });
  }

  /** A provider's delivery receipt. */
  /**
   * A provider's delivery receipt: a sent message becomes delivered or failed, never backwards (receipts
   * arrive out of order: "read" may come before "failed" of a retry). Matched on the channel and the
   * provider's id, or on our own id when the provider echoes it (a receipt may beat our record of the id).
   */
  async markDelivered(receipt: DeliveryReceipt) {
    const ours = receipt.messageId && isUuid(receipt.messageId) ? [{ id: receipt.messageId }] : [];
    await this.prisma.message.updateMany({
      where: { channel: receipt.channel, OR: [{ providerMessageId: receipt.providerMessageId }, ...ours], status: 'SENT' },
      data: receipt.status === 'DELIVERED' ? { status: 'DELIVERED', deliveredAt: receipt.at ?? new Date() } : { status: 'FAILED', lastError: 'o provedor não conseguiu entregar' },
    });
  }

  /** Pending messages whose job was never queued (a crash between recording and queueing). */
  unqueuedMessages(limit: number, after?: string) {
    return this.prisma.message.findMany({ where: { status: 'PENDING', queuedAt: null, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: 'asc' }, take: limit });
  }

  async failedMessages(take: number, after?: string | null): Promise<Page<Message>> {
    const cursor = decodeCursor(after);
    const rows = await this.prisma.message.findMany({ where: { status: 'FAILED' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: take + 1, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    return pageOf(rows, take);
  }

  /** A failed message back to pending (an admin's retry); null when it is not failed. */
  async reopen(id: string): Promise<Message | null> {
    const reopened = await this.prisma.message.updateMany({ where: { id, status: 'FAILED' }, data: { status: 'PENDING', scheduledFor: new Date(), lastError: null, queuedAt: null } });
    return reopened.count ? this.message(id) : null;
  }

  /** The bell's row for an in-app message (its id is the message's: written once however often it is tried). */
  async addNotification(messageId: string, recipientId: string, kind: string, rendered: Rendered): Promise<NotificationView | null> {
    try {
      const row = await this.prisma.notification.create({
        data: {
          id: messageId,
          dedupeKey: messageId,
          recipientId,
          kind,
          titleEncrypted: this.encryption.encrypt(rendered.title),
          bodyEncrypted: this.encryption.encrypt(rendered.body),
          link: rendered.link,
        },
      });
      return this.view(row);
    } catch (error) {
      if (violatedUniqueConstraint(error)) return null;
      throw error;
    }
  }

  view(row: Notification): NotificationView {
    return { id: row.id, kind: row.kind, title: this.encryption.decrypt(row.titleEncrypted), body: this.encryption.decrypt(row.bodyEncrypted), link: row.link, createdAt: row.createdAt, readAt: row.readAt };
  }

  async notifications(recipientId: string, take: number, after: string | null | undefined, unreadOnly: boolean): Promise<Page<NotificationView>> {
    const cursor = decodeCursor(after);
    const rows = await this.prisma.notification.findMany({
      where: { recipientId, ...(unreadOnly ? { readAt: null } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: take + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    const page = pageOf(rows, take);
    return { ...page, rows: page.rows.map((row) => this.view(row)) };
  }

  unreadCount(recipientId: string) {
    return this.prisma.notification.count({ where: { recipientId, readAt: null } });
  }

  /** Only the recipient's own: ids of others' notifications match nothing. */
  async markRead(recipientId: string, ids?: string[]) {
    await this.prisma.notification.updateMany({ where: { recipientId, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
    return this.unreadCount(recipientId);
  }

  async preferences(userId: string) {
    const rows = await this.prisma.preference.findMany({ where: { userId } });
    return CHANNELS.flatMap((channel) => PURPOSES.map((purpose) => ({ channel, purpose, enabled: enabledBy(rows.find((row) => row.channel === channel && row.purpose === purpose), channel, purpose) })));
  }

  async allows(userId: string, channel: Channel, purpose: Purpose): Promise<boolean> {
    return enabledBy(await this.prisma.preference.findUnique({ where: { userId_channel_purpose: { userId, channel, purpose } } }), channel, purpose);
  }

  async setPreferences(userId: string, choices: Array<{ channel: Channel; purpose: Purpose; enabled: boolean }>) {
    await this.prisma.$transaction(
      choices.map(({ channel, purpose, enabled }) =>
        this.prisma.preference.upsert({ where: { userId_channel_purpose: { userId, channel, purpose } }, create: { userId, channel, purpose, enabled }, update: { enabled } }),
      ),
    );
    return this.preferences(userId);
  }

  async subscribePush(userId: string, subscription: { endpoint: string; p256dh: string; auth: string }) {
    await this.prisma.pushSubscription.upsert({ where: { endpoint: subscription.endpoint }, create: { id: randomUUID(), userId, ...subscription }, update: { userId, p256dh: subscription.p256dh, auth: subscription.auth } });
  }

  async unsubscribePush(userId: string, endpoint: string) {
    return (await this.prisma.pushSubscription.deleteMany({ where: { userId, endpoint } })).count > 0;
  }

  pushSubscriptions(userId: string) {
    return this.prisma.pushSubscription.findMany({ where: { userId } });
  }

  dropPushSubscription(id: string) {
    return this.prisma.pushSubscription.deleteMany({ where: { id } });
  }

  /**
   * The notifications part of a person's data export: the bell with its texts, every message sent or
   * due to them (the data it was rendered from, decrypted), their channel choices and the devices
   * subscribed to Web Push. Withheld: a push subscription's keys (the browser's secrets to decrypt its
   * pushes, of no use outside it) and the internal deduplication keys.
   */
  async personalDataOf(userId: string) {
    const [notifications, messages, preferences, pushSubscriptions] = await Promise.all([
      this.prisma.notification.findMany({ where: { recipientId: userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      this.prisma.message.findMany({ where: { recipientId: userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      this.preferences(userId),
      this.prisma.pushSubscription.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { id: true, endpoint: true, createdAt: true } }),
    ]);
    return {
      notifications: notifications.map((row) => ({ ...this.view(row), recipientId: row.recipientId })),
      messages: messages.map(({ dataEncrypted, dedupeKey: _dedupeKey, cancelKey: _cancelKey, ...message }) => ({ ...message, data: JSON.parse(this.encryption.decrypt(dataEncrypted)) as unknown })),
      preferences,
      pushSubscriptions,
    };
  }

  /**
   * A deleted account's part here (idempotent): the bell's texts, the devices, the channel choices go;
   * messages stay as the record of what was sent when (their recipient id is now a pseudonym), with the
   * data they were rendered from emptied and the ones still pending canceled.
   */
  async forgetRecipient(userId: string): Promise<void> {
    const emptied = this.encryption.encrypt('{}');
    await this.prisma.$transaction([
      this.prisma.notification.deleteMany({ where: { recipientId: userId } }),
      this.prisma.pushSubscription.deleteMany({ where: { userId } }),
      this.prisma.preference.deleteMany({ where: { userId } }),
      this.prisma.message.updateMany({ where: { recipientId: userId, status: 'PENDING' }, data: { status: 'CANCELED' } }),
      this.prisma.message.updateMany({ where: { recipientId: userId }, data: { dataEncrypted: emptied, lastError: null } }),
    ]);
  }
}
