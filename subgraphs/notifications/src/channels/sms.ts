// SMS through Zenvia's API v2. Our message id goes in `externalId`, the field Zenvia documents for the
// client's own id; it comes back in every status webhook.
import { DEFAULT_TIMEOUT_MS, ChannelError, phoneDigits, type ChannelAdapter, type OutgoingMessage, type SendReceipt } from './channel-adapter.js';
import { postJson } from './provider-http.js';

export interface ZenviaSmsOptions {
  /** https://api.zenvia.com (the simulator in development) */
  url: string;
  token: string;
  /** the sender id of the Zenvia SMS integration */
  from: string;
  timeoutMs?: number;
}

/** Zenvia's error body: { code, message }. */
const describeZenviaError = (body: unknown) => {
  const error = (body ?? {}) as { code?: unknown; message?: unknown };
  return typeof error.code === 'string' ? `${error.code}: ${String(error.message ?? '')}` : String(body ?? 'no body');
};

export function createZenviaSmsAdapter(options: ZenviaSmsOptions): ChannelAdapter {
  const endpoint = `${options.url.replace(/\/+$/, '')}/v2/channels/sms/messages`;
  return {
    async send(message: OutgoingMessage): Promise<SendReceipt> {
      const answer = (await postJson({
        provider: 'Zenvia',
        url: endpoint,
        headers: { 'x-api-token': options.token },
        body: { from: options.from, to: phoneDigits(message.to, 'Zenvia'), externalId: message.id, contents: [{ type: 'text', text: message.text }] },
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        describeError: describeZenviaError,
      })) as { id?: unknown } | null;
      if (typeof answer?.id !== 'string') throw new ChannelError('Zenvia accepted the message without an id', false);
      return { providerMessageId: answer.id };
    },
  };
}
