// Webhook delivery as providers do it: POST of a JSON body with the provider's authentication headers
// (Basic credentials, an HMAC of the raw body), retried with exponential backoff until a 2xx, given up
// after `maxAttempts`. Messages about the same subject (a charge, an envelope) go one at a time and in
// order; the duplicate and reorder faults bend that on purpose.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Faults } from './faults.js';

export interface WebhookTarget {
  url?: string;
  /** the headers that authenticate one delivery, given its exact body */
  sign?: (body: string) => Record<string, string>;
}

export const basicAuthSigner = (username: string, password: string) => () => ({ authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` });

export interface WebhookOptions {
  target: WebhookTarget;
  userAgent: string;
  retryBaseMs: number;
  maxAttempts: number;
  faults: () => Faults;
  onGiveUp?: (message: WebhookMessage) => void;
}

export type MessageState = 'pending' | 'delivered' | 'failed' | 'undeliverable';

export interface WebhookMessage {
  /** this delivery's id; a duplicated webhook has two messages with the same body */
  deliveryId: string;
  entity: string;
  /** the charge, payout or refund's charge: the order key */
  subject: string;
  body: unknown;
  state: MessageState;
  attempts: number;
  createdAt: string;
  deliveredAt?: string;
}

export interface DeliveryAttempt {
  deliveryId: string;
  entity: string;
  subject: string;
  attempt: number;
  at: string;
  status?: number;
  error?: string;
}

interface Queued {
  message: WebhookMessage;
  /** delivery starts only after this settles (how a held message lands after the next one) */
  after?: Promise<void>;
  done: () => void;
  settled: Promise<void>;
}

const ATTEMPT_TIMEOUT_MS = 10_000;

export class WebhookDispatcher {
  readonly messages: WebhookMessage[] = [];
  readonly attempts: DeliveryAttempt[] = [];
  private readonly queues = new Map<string, Queued[]>();
  private readonly draining = new Set<string>();
  private held: Queued | undefined;
  private closed = new AbortController();

  constructor(private readonly options: WebhookOptions) {}

  send(entity: string, subject: string, body: unknown) {
    const copies = this.options.faults().duplicateWebhooks ? 2 : 1;
    for (let i = 0; i < copies; i++) this.enqueue(entity, subject, body);
  }

  private enqueue(entity: string, subject: string, body: unknown) {
    const message: WebhookMessage = { deliveryId: randomUUID(), entity, subject, body, state: 'pending', attempts: 0, createdAt: new Date().toISOString() };
    this.messages.push(message);
    let done!: () => void;
    const settled = new Promise<void>((resolve) => (done = resolve));
    const queued: Queued = { message, done, settled };
    if (this.options.faults().reorderWebhooks && !this.held) {
      this.held = queued;
      return;
    }
    this.push(queued);
    const held = this.held;
    if (held) {
      this.held = undefined;
      this.push({ ...held, after: queued.settled });
    }
  }

  /** Releases a message held by the reorder fault (when the fault is cleared). */
  releaseHeld() {
    const held = this.held;
    this.held = undefined;
    if (held) this.push(held);
  }

  /** Resolves once every queued message is delivered or given up (a message held by the reorder fault waits for the next one). */
  async idle(): Promise<void> {
    while (!this.closed.signal.aborted) {
      const pending = [...this.queues.values()].flat();
      if (!pending.length && !this.draining.size) return;
      await Promise.race([...pending.map((queued) => queued.settled), sleep(20)]);
    }
  }

  reset() {
    this.close();
    this.closed = new AbortController();
    this.messages.length = 0;
    this.attempts.length = 0;
  }

  close() {
    this.closed.abort();
    this.queues.clear();
    this.draining.clear();
    this.held = undefined;
  }

  private push(queued: Queued) {
    const subject = queued.message.subject;
    const queue = this.queues.get(subject) ?? [];
    queue.push(queued);
    this.queues.set(subject, queue);
    void this.drain(subject);
  }

  private async drain(subject: string) {
    if (this.draining.has(subject)) return;
    this.draining.add(subject);
    const signal = this.closed.signal;
    try {
      for (let queued = this.queues.get(subject)?.shift(); queued && !signal.aborted; queued = this.queues.get(subject)?.shift()) {
        await queued.after;
        await this.deliver(queued.message, signal);
        queued.done();
      }
    } finally {
      if (!signal.aborted) {
        this.draining.delete(subject);
        if (!this.queues.get(subject)?.length) this.queues.delete(subject);
      }
    }
  }

  private async deliver(message: WebhookMessage, signal: AbortSignal) {
    const { url, sign } = this.options.target;
    if (!url) {
      message.state = 'undeliverable';
      return;
    }
    const body = JSON.stringify(message.body);
    for (let attempt = 1; attempt <= this.options.maxAttempts && !signal.aborted; attempt++) {
      // Signed per attempt: a signature with a timestamp (Stripe's scheme) must be fresh on every retry.
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': this.options.userAgent, ...sign?.(body) };
      message.attempts = attempt;
      const record: DeliveryAttempt = { deliveryId: message.deliveryId, entity: message.entity, subject: message.subject, attempt, at: new Date().toISOString() };
      this.attempts.push(record);
      try {
        const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.any([signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]) });
        await response.arrayBuffer();
        record.status = response.status;
        if (response.ok) {
          message.state = 'delivered';
          message.deliveredAt = new Date().toISOString();
          return;
        }
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      if (attempt < this.options.maxAttempts) {
        const delay = Math.min(this.options.retryBaseMs * 2 ** (attempt - 1), this.options.retryBaseMs * 300);
        await sleep(delay, undefined, { signal }).catch(() => undefined);
      }
    }
    if (signal.aborted) return;
    message.state = 'failed';
    this.options.onGiveUp?.(message);
  }
}
