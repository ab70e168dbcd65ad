// Turns events into messages: the planner says what is due to whom and when; the dispatcher finds the
// recipients, keeps to their channel choices, records one message per (occurrence, recipient,
// channel) — the unique dedupe key makes a redelivered event, or two replicas consuming it, a no-op —
// and queues each on its channel's queue at its time. Cancellations remove what is no longer due.
import type { DomainEvent, Logger } from '@medpay/runtime';
import type { Directory } from './directory.js';
import type { Message } from './generated/prisma/client.js';
import type { Channel } from './generated/prisma/enums.js';
import { plan, type Occurrence, type PlannerOptions } from './planner.js';
import type { JobQueue } from './queue/job-queue.js';
import type { NotificationStore } from './store.js';
import { templates } from './templates.js';

export interface MessageJob {
  messageId: string;
}

const memo = <Value>(load: (key: string) => Promise<Value>) => {
  const known = new Map<string, Promise<Value>>();
  return (key: string) => {
    if (!known.has(key)) known.set(key, load(key));
    return known.get(key)!;
  };
};

/** One queue per channel: each has its provider's rate limit and its own backlog. */
export const queueOf = (channel: Channel) => `messages-${channel.toLowerCase()}`;

export class Dispatcher {
  constructor(
    private readonly store: NotificationStore,
    private readonly directory: Directory,
    private readonly queue: JobQueue,
    private readonly options: PlannerOptions & { maxLateMs: number },
    private readonly logger: Logger,
  ) {}

  async apply(event: DomainEvent) {
    const { occurrences, cancel } = plan(event, this.options);
    await this.dispatch(occurrences);
    for (const message of await this.store.cancelPending(cancel)) await this.queue.remove(queueOf(message.channel), message.id);
  }

  async dispatch(occurrences: Occurrence[]) {
    const stale = Date.now() - this.options.maxLateMs;
    // Looked up once per event, however many occurrences and channels ask.
    const channelsOf = memo((recipientId: string) => this.channelsFor(recipientId));
    for (const occurrence of occurrences) {
      // A message a day late says nothing useful (history replayed on a first start, a long outage).
      if (occurrence.at.getTime() < stale) continue;
      const template = templates[occurrence.kind];
      for (const recipientId of await this.directory.recipients(occurrence.audience)) {
        // A security notice goes on its channels whatever the person chose (a sign-up is no one's choice yet).
        const open = template.security ? new Set(template.channels) : await channelsOf(recipientId);
        for (const channel of template.channels.filter((candidate) => open.has(candidate))) {
          const message = await this.store.recordMessage({
            dedupeKey: `${occurrence.key}:${recipientId}:${channel}`,
            cancelKey: occurrence.cancelKey,
            kind: occurrence.kind,
            templateVersion: template.version,
            channel,
            purpose: 'TRANSACTIONAL',
            urgent: template.urgent,
            recipientId,
            data: occurrence.data,
            scheduledFor: occurrence.at,
          });
          if (message) await this.enqueue(message);
        }
      }
    }
  }

  /**
   * The channels a person gets transactional messages on: those they keep on and have an address for
   * (a subscribed device for push, a phone for SMS and WhatsApp) — the others are skipped rather than
   * recorded to fail.
   */
  private async channelsFor(recipientId: string): Promise<Set<Channel>> {
    const chosen = (await this.store.preferences(recipientId)).filter((choice) => choice.purpose === 'TRANSACTIONAL' && choice.enabled).map((choice) => choice.channel);
    const open = new Set<Channel>(chosen);
    if (open.has('PUSH') && (await this.store.pushSubscriptions(recipientId)).length === 0) open.delete('PUSH');
    if ((open.has('SMS') || open.has('WHATSAPP')) && !(await this.directory.contact(recipientId))?.phone) {
      open.delete('SMS');
      open.delete('WHATSAPP');
    }
    return open;
  }

  /** Its job on the channel's queue (idempotent: the job's id is the message's), then the record says so. */
  async enqueue(message: Pick<Message, 'id' | 'channel' | 'scheduledFor'>) {
    await this.queue.add<MessageJob>(queueOf(message.channel), message.id, { messageId: message.id }, message.scheduledFor);
    await this.store.markQueued(message.id);
  }

  /** At start: the messages a crash left recorded but never queued (a redelivered event also finds them). */
  async requeueUnqueued() {
    let after: string | undefined;
    let requeued = 0;
    for (;;) {
      const page = await this.store.unqueuedMessages(500, after);
      for (const message of page) await this.enqueue(message);
      requeued += page.length;
      if (page.length < 500) break;
      after = page.at(-1)!.id;
    }
    if (requeued) this.logger.info({ requeued }, 'unqueued messages queued');
  }
}
