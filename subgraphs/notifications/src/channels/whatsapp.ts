// WhatsApp template messages through the Business Cloud API. Our message id goes in
// `biz_opaque_callback_data`, which Meta echoes in every status webhook of the message.
import { ChannelError, DEFAULT_TIMEOUT_MS, phoneDigits, type ChannelAdapter, type OutgoingMessage, type SendReceipt } from './channel-adapter.js';
import { postJson } from './provider-http.js';

export interface WhatsAppOptions {
  /** https://graph.facebook.com (the simulator in development) */
  url: string;
  token: string;
  phoneNumberId: string;
  /** the Graph API version, e.g. v21.0 */
  apiVersion: string;
  /** the templates' language */
  languageCode?: string;
  timeoutMs?: number;
}

interface GraphError {
  error?: { message?: string; code?: number; error_data?: { details?: string } };
}

/**
 * Graph error codes that mean "later" even when answered with a 4xx: unknown or temporary failures and
 * the rate limits (app, account, throughput, spam, pair).
 */
const RETRYABLE_GRAPH_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131048, 131056]);

const graphCode = (body: unknown) => (body as GraphError | null)?.error?.code;

const describeGraphError = (body: unknown) => {
  const error = (body as GraphError | null)?.error;
  if (!error) return String(body ?? 'no body');
  return `(#${error.code ?? '?'}) ${error.message ?? ''}${error.error_data?.details ? ` — ${error.error_data.details}` : ''}`;
};

export function createWhatsAppAdapter(options: WhatsAppOptions): ChannelAdapter {
  const endpoint = `${options.url.replace(/\/+$/, '')}/${options.apiVersion}/${encodeURIComponent(options.phoneNumberId)}/messages`;
  return {
    async send(message: OutgoingMessage): Promise<SendReceipt> {
      if (!message.template) throw new ChannelError('WhatsApp: business-initiated messages need a template', false);
      const answer = (await postJson({
        provider: 'WhatsApp',
        url: endpoint,
        headers: { authorization: `Bearer ${options.token}` },
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: phoneDigits(message.to, 'WhatsApp'),
          type: 'template',
          template: {
            name: message.template.name,
            language: { code: options.languageCode ?? 'pt_BR' },
            components: [{ type: 'body', parameters: message.template.parameters.map((text) => ({ type: 'text', text })) }],
          },
          biz_opaque_callback_data: message.id,
        },
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        describeError: describeGraphError,
        retryableError: (body) => RETRYABLE_GRAPH_CODES.has(graphCode(body) ?? -1),
      })) as { messages?: Array<{ id?: unknown }> } | null;
      const id = answer?.messages?.[0]?.id;
      if (typeof id !== 'string') throw new ChannelError('WhatsApp accepted the message without an id', false);
      return { providerMessageId: id };
    },
  };
}
