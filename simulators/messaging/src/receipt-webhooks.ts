// Delivery receipts sent back to the client, as the providers do: each message's statuses POSTed in
// order, a moment apart, after the send was answered. One attempt each: a failure is logged and kept
// in the attempt log, never fatal (the client can still learn the status some other way).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@medpay/runtime';

export type ReceiptChannel = 'sms' | 'whatsapp';

export interface ReceiptAttempt {
  channel: ReceiptChannel;
  /** null when no webhook URL is configured for the channel */
  url: string | null;
  body: unknown;
  at: string;
  status?: number;
  error?: string;
}

export interface ReceiptTargets {
  sms: { url: string | null; headers: (rawBody: string) => Record<string, string> };
  whatsapp: { url: string | null; headers: (rawBody: string) => Record<string, string> };
}

const ATTEMPT_TIMEOUT_MS = 10_000;
const KEPT_ATTEMPTS = 1000;

export class ReceiptSender {
  readonly attempts: ReceiptAttempt[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly closed = new AbortController();

  constructor(
    readonly targets: ReceiptTargets,
    private readonly delayMs: number,
    private readonly logger?: Logger,
  ) {}

  /**
   * Sends the receipts `steps` build, one after the other, `delayMs` apart, starting `delayMs` from now.
   * Each step runs when its receipt is due (its timestamp is then, and it may move the message's status).
   */
  send(channel: ReceiptChannel, steps: Array<() => unknown>) {
    const run = (async () => {
      for (const step of steps) {
        await sleep(this.delayMs, undefined, { signal: this.closed.signal }).catch(() => undefined);
        if (this.closed.signal.aborted) return;
        await this.post(channel, step());
      }
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  /** Resolves once every receipt queued so far was sent (or failed). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  close() {
    this.closed.abort();
  }

  private async post(channel: ReceiptChannel, body: unknown) {
    const target = this.targets[channel];
    const attempt: ReceiptAttempt = { channel, url: target.url, body, at: new Date().toISOString() };
    this.attempts.push(attempt);
    if (this.attempts.length > KEPT_ATTEMPTS) this.attempts.shift();
    if (!target.url) return;
    const raw = JSON.stringify(body);
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'medpay-messaging-simulator', ...target.headers(raw) },
        body: raw,
        signal: AbortSignal.any([this.closed.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      await response.arrayBuffer();
      attempt.status = response.status;
      if (!response.ok) this.logger?.warn({ channel, url: target.url, status: response.status }, 'delivery receipt refused by the webhook');
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
      if (!this.closed.signal.aborted) this.logger?.warn({ channel, url: target.url, err: error }, 'delivery receipt not delivered');
    }
  }
}
