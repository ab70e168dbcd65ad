// Sends one recorded message: the worker of every channel queue. Record-then-send: the message row
// exists before any attempt, its id is the provider's idempotency key (Message-ID, Zenvia's and
// WhatsApp's client ids), and a message is sent only while it is PENDING. A crash after the provider
// accepted it and before it was marked SENT makes the next attempt send the same id again, which the
// provider absorbs; the bell's row has the message's id as its key, so it is written once.
import type { Logger } from '@medpay/runtime';
import { ChannelError, type ChannelAdapter } from './channels/channel-adapter.js';
import type { Directory } from './directory.js';
import type { MessageJob } from './dispatcher.js';
import type { Channel } from './generated/prisma/enums.js';
import type { Message } from './generated/prisma/client.js';
import type { LiveNotifications } from './live.js';
import { RescheduleJob, type QueueJob } from './queue/job-queue.js';
import type { NotificationStore } from './store.js';
import { emailOf, templateOf, whatsappTemplateOf, type MessageFacts, type Rendered, type Template } from './templates.js';

const SAO_PAULO_OFFSET_HOURS = -3;

/** The hours (in São Paulo) when non-urgent SMS and WhatsApp wait: from `from`:00 until `until`:00. */
export interface QuietHours {
  from: number;
  until: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: 21, until: 8 };

/** During quiet hours, when they end; null outside them (or with none). */
export function quietHoursEnd(now: Date, quiet: QuietHours | null = DEFAULT_QUIET_HOURS): Date | null {
  if (!quiet) return null;
  const local = new Date(now.getTime() + SAO_PAULO_OFFSET_HOURS * 3600_000);
  const hour = local.getUTCHours();
  const inside = quiet.from > quiet.until ? hour >= quiet.from || hour < quiet.until : hour >= quiet.from && hour < quiet.until;
  if (!inside) return null;
  const end = new Date(local);
  if (hour >= quiet.until) end.setUTCDate(end.getUTCDate() + 1);
  end.setUTCHours(quiet.until, 0, 0, 0);
  return new Date(end.getTime() - SAO_PAULO_OFFSET_HOURS * 3600_000);
}

export type ChannelAdapters = Record<Exclude<Channel, 'IN_APP'>, ChannelAdapter>;

/** What ended a message without sending it, as the back office reads it. */
class NotSent extends Error {}

export class MessageSender {
  constructor(
    private readonly store: NotificationStore,
    private readonly directory: Directory,
    private readonly adapters: ChannelAdapters,
    private readonly live: LiveNotifications,
    private readonly appUrls: Record<'patient' | 'clinic' | 'admin', string>,
    private readonly logger: Logger,
    private readonly quietHours: QuietHours | null = DEFAULT_QUIET_HOURS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  handle = async ({ data }: QueueJob<MessageJob>) => {
    const message = await this.store.message(data.messageId);
    if (!message || message.status !== 'PENDING') return;
    try {
      const template = templateOf(message.kind);
      if (!template) throw new NotSent(`modelo desconhecido: ${message.kind}`);
      if (!template.security && !(await this.store.allows(message.recipientId, message.channel, message.purpose))) throw new NotSent('canal desativado pela pessoa');
      const quietEnd = (message.channel === 'SMS' || message.channel === 'WHATSAPP') && !message.urgent ? quietHoursEnd(this.now(), this.quietHours) : null;
      if (quietEnd) {
        await this.store.reschedule(message.id, quietEnd);
        throw new RescheduleJob(quietEnd);
      }
      const facts = await this.directory.facts(template, message.recipientId, this.store.dataOf(message));
      if (!facts) throw new NotSent('destinatário ou pagamento não encontrado');
      if (template.stillDue && !template.stillDue(facts)) throw new NotSent('não é mais devida');
      const rendered = template.render(facts);
      await this.store.countAttempt(message.id);
      const providerMessageId = await this.deliver(message, facts, rendered, template);
      await this.store.settle(message.id, { status: 'SENT', providerMessageId });
    } catch (error) {
      if (error instanceof RescheduleJob) throw error;
      if (error instanceof NotSent) return void (await this.store.settle(message.id, { status: 'CANCELED', lastError: error.message }));
      if (error instanceof ChannelError && !error.retryable) return void (await this.store.settle(message.id, { status: 'FAILED', lastError: error.message }));
      // SMS and WhatsApp providers keep no idempotency key: a request that went out unanswered may have
      // been delivered, and sending it again could be a duplicate on the person's phone. It waits in the
      // dead letters for a person to decide.
      if (error instanceof ChannelError && error.ambiguous && (message.channel === 'SMS' || message.channel === 'WHATSAPP')) {
        return void (await this.store.settle(message.id, { status: 'FAILED', lastError: `entrega incerta: ${error.message}` }));
      }
      await this.store.noteError(message.id, error instanceof Error ? error.message : String(error)).catch(() => undefined);
      throw error;
    }
  };

  /** The queue gave up on it: the dead-letter state admins see. */
  exhausted = async ({ data }: QueueJob<MessageJob>, error: unknown) => {
    this.logger.warn({ messageId: data.messageId }, 'message gave up after its last attempt');
    await this.store.settle(data.messageId, { status: 'FAILED', lastError: error instanceof Error ? error.message : 'tentativas esgotadas' });
  };

  private async deliver(message: Message, facts: MessageFacts, rendered: Rendered, template: Template): Promise<string | null> {
    const { id } = message;
    const phone = facts.recipient.phone;
    switch (message.channel) {
      case 'IN_APP': {
        const added = await this.store.addNotification(id, message.recipientId, message.kind, rendered);
        if (added) this.live.publish(message.recipientId, added);
        return null;
      }
      case 'EMAIL':
        return (await this.adapters.EMAIL.send({ id, to: facts.recipient.email, ...emailOf(rendered, facts, this.appUrls[template.audience], template) })).providerMessageId;
      case 'SMS':
        if (!phone) throw new NotSent('sem telefone cadastrado');
        return (await this.adapters.SMS.send({ id, to: phone, text: `MedPay: ${rendered.preview}` })).providerMessageId;
      case 'WHATSAPP':
        if (!phone) throw new NotSent('sem telefone cadastrado');
        return (await this.adapters.WHATSAPP.send({ id, to: phone, text: rendered.preview, template: whatsappTemplateOf(message.kind, rendered) })).providerMessageId;
      case 'PUSH':
        return this.push(message, rendered);
    }
  }

  /** To every device of the person's; a subscription the push service says is gone is forgotten. */
  private async push(message: Message, rendered: Rendered): Promise<string | null> {
    const subscriptions = await this.store.pushSubscriptions(message.recipientId);
    if (subscriptions.length === 0) throw new NotSent('nenhum aparelho inscrito');
    let receipt: string | null = null;
    for (const subscription of subscriptions) {
      const to = JSON.stringify({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } });
      try {
        receipt = (await this.adapters.PUSH.send({ id: message.id, to, text: rendered.preview, payload: { title: rendered.title, body: rendered.preview, link: rendered.link } })).providerMessageId;
      } catch (error) {
        if (!(error instanceof ChannelError && error.gone)) throw error;
        await this.store.dropPushSubscription(subscription.id);
      }
    }
    return receipt;
  }
}
