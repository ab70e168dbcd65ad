// The notifications subgraph's one view of an outside channel (e-mail, SMS, WhatsApp, push): send one
// message keyed by our id and get the provider's id back, or a ChannelError saying whether to retry.

export interface OutgoingMessage {
  /** our message record's id: the provider's idempotency key, so a retry never shows the user a duplicate */
  id: string;
  /** an e-mail address, an E.164 phone number (+5511999998888), or (push) the subscription's JSON */
  to: string;
  subject?: string;
  text: string;
  html?: string;
  /** WhatsApp: the approved template and its body parameters, in order */
  template?: { name: string; parameters: string[] };
  /** push: what the service worker receives */
  payload?: Record<string, unknown>;
}

export interface SendReceipt {
  providerMessageId: string;
}

export class ChannelError extends Error {
  /** push: the subscription no longer exists (404/410); forget it */
  readonly gone: boolean;
  /**
   * The request went out and no answer came back (timeout, connection reset): the provider may have
   * accepted the message. Only the idempotency key makes a retry safe, and not every provider honours one.
   */
  readonly ambiguous: boolean;

  constructor(
    message: string,
    /** a later attempt may succeed: 5xx, 429, 408, timeouts, network errors, SMTP 4xx */
    readonly retryable: boolean,
    /** the provider's HTTP status or SMTP reply code */
    readonly status?: number,
    options: { gone?: boolean; ambiguous?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChannelError';
    this.gone = options.gone ?? false;
    this.ambiguous = options.ambiguous ?? false;
  }
}

export interface ChannelAdapter {
  send(message: OutgoingMessage): Promise<SendReceipt>;
}

/** An HTTP provider's refusal that may pass on a later attempt. */
export const isRetryableStatus = (status: number) => status >= 500 || status === 429 || status === 408;

const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Whether the error says no connection was ever made (so nothing can have been sent). */
export function neverConnected(error: unknown): boolean {
  const failure = error as { code?: unknown; originalCode?: unknown; cause?: { code?: unknown } } | null;
  return [failure?.code, failure?.originalCode, failure?.cause?.code].some((code) => typeof code === 'string' && CONNECT_FAILURES.has(code));
}

/** No answer from the provider: worth retrying with the same id; ambiguous unless no connection was made. */
export const unreachable = (provider: string, error: unknown) =>
  new ChannelError(`${provider} unreachable: ${error instanceof Error ? error.message : String(error)}`, true, undefined, { cause: error, ambiguous: !neverConnected(error) });

/** E.164 (+ and 10–15 digits) → the digits alone, as Zenvia and WhatsApp take a number. */
export function phoneDigits(to: string, provider: string): string {
  if (!/^\+\d{10,15}$/.test(to)) throw new ChannelError(`${provider}: the recipient is not an E.164 phone number`, false);
  return to.slice(1);
}

export const DEFAULT_TIMEOUT_MS = 10_000;
