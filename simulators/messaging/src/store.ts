// What the simulator received, per channel, in memory: the last `limit` messages of each channel, each
// findable by the key that makes a repeated send the same message (Message-ID, externalId, …).
export type Channel = 'email' | 'sms' | 'whatsapp' | 'push';
export const CHANNELS: readonly Channel[] = ['email', 'sms', 'whatsapp', 'push'];

export interface EmailRecord {
  channel: 'email';
  id: string;
  /** the Message-ID header, angle brackets included */
  messageId: string | null;
  from: string;
  /** envelope recipients (what RCPT TO named) */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
}

export type DeliveryStatus = 'SENT' | 'DELIVERED' | 'NOT_DELIVERED';

export interface SmsRecord {
  channel: 'sms';
  /** Zenvia's message id */
  id: string;
  /** the client's own id (our message id) */
  externalId: string | null;
  from: string;
  to: string;
  text: string;
  status: DeliveryStatus | 'ACCEPTED';
  receivedAt: string;
}

export interface WhatsAppRecord {
  channel: 'whatsapp';
  /** wamid.… */
  id: string;
  phoneNumberId: string;
  to: string;
  template: { name: string; language: string };
  parameters: string[];
  /** the template's body with the parameters in place */
  text: string;
  bizOpaqueCallbackData: string | null;
  status: 'accepted' | 'sent' | 'delivered' | 'failed';
  receivedAt: string;
}

export interface PushRecord {
  channel: 'push';
  id: string;
  /** the subscription's id: the last segment of its endpoint */
  subscriptionId: string;
  endpoint: string;
  /** the decrypted payload: parsed JSON, or the text when it is not JSON */
  payload: unknown;
  /** the TTL header, seconds */
  ttl: number;
  urgency: string | null;
  topic: string | null;
  /** the `sub` claim of the sender's VAPID token */
  vapidSubject: string | null;
  receivedAt: string;
}

export type MessageRecord = EmailRecord | SmsRecord | WhatsAppRecord | PushRecord;

interface ByChannel {
  email: EmailRecord;
  sms: SmsRecord;
  whatsapp: WhatsAppRecord;
  push: PushRecord;
}

/** An insertion-ordered log of at most `limit` entries, each optionally findable by a key. */
class BoundedLog<T> {
  private readonly entries: Array<{ key: string | null; value: T }> = [];
  private readonly byKey = new Map<string, T>();

  constructor(private readonly limit: number) {}

  find(key: string): T | undefined {
    return this.byKey.get(key);
  }

  add(value: T, key: string | null) {
    this.entries.push({ key, value });
    if (key !== null) this.byKey.set(key, value);
    while (this.entries.length > this.limit) {
      const evicted = this.entries.shift()!;
      if (evicted.key !== null && this.byKey.get(evicted.key) === evicted.value) this.byKey.delete(evicted.key);
    }
  }

  /** Puts `value` where the entry with `key` was (a push message replacing one with the same Topic). */
  replace(key: string, value: T): boolean {
    const entry = this.entries.find((candidate) => candidate.key === key);
    if (!entry) return false;
    entry.value = value;
    this.byKey.set(key, value);
    return true;
  }

  values(): T[] {
    return this.entries.map((entry) => entry.value);
  }

  keyed(): Array<{ key: string | null; value: T }> {
    return this.entries;
  }

  clear() {
    this.entries.length = 0;
    this.byKey.clear();
  }
}

export interface MessageFilter {
  channel?: Channel;
  /** an e-mail address (any recipient), a phone number (digits compared) or a push subscription id */
  to?: string;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

function sentTo(record: MessageRecord, to: string): boolean {
  switch (record.channel) {
    case 'email':
      return record.to.some((address) => address.toLowerCase() === to.toLowerCase());
    case 'sms':
    case 'whatsapp':
      return digits(record.to) === digits(to);
    case 'push':
      return record.subscriptionId === to || record.endpoint === to;
  }
}

export class MessageStore {
  private readonly logs: { [C in Channel]: BoundedLog<ByChannel[C]> };

  constructor(limit = 1000) {
    this.logs = { email: new BoundedLog(limit), sms: new BoundedLog(limit), whatsapp: new BoundedLog(limit), push: new BoundedLog(limit) };
  }

  find<C extends Channel>(channel: C, key: string): ByChannel[C] | undefined {
    return this.logs[channel].find(key);
  }

  add<C extends Channel>(channel: C, record: ByChannel[C], key: string | null = null) {
    this.logs[channel].add(record, key);
  }

  replace<C extends Channel>(channel: C, key: string, record: ByChannel[C]): boolean {
    return this.logs[channel].replace(key, record);
  }

  /** Every kept message matching the filter, oldest first. */
  list(filter: MessageFilter = {}): MessageRecord[] {
    const channels = filter.channel ? [filter.channel] : CHANNELS;
    const records = channels.flatMap((channel): MessageRecord[] => this.logs[channel].values());
    const matching = filter.to === undefined ? records : records.filter((record) => sentTo(record, filter.to!));
    return filter.channel ? matching : matching.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  }

  emails = () => this.logs.email.values();
  sms = () => this.logs.sms.values();
  whatsapp = () => this.logs.whatsapp.values();
  push = () => this.logs.push.values();

  clear() {
    for (const channel of CHANNELS) this.logs[channel].clear();
  }

  /** Everything it holds, as JSON, to be read back by restore (the simulator's state file). */
  dump(): string {
    return JSON.stringify(Object.fromEntries(CHANNELS.map((channel) => [channel, this.logs[channel].keyed()])));
  }

  restore(json: string) {
    const saved = JSON.parse(json) as Partial<Record<Channel, Array<{ key: string | null; value: never }>>>;
    this.clear();
    for (const channel of CHANNELS) for (const { key, value } of saved[channel] ?? []) this.logs[channel].add(value, key);
  }
}
