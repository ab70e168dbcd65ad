// E-mail over SMTP with nodemailer. SMTP has no idempotency key: the Message-ID header carries our id,
// so an inbox (and the simulator) can tell a retried message from a new one.
import nodemailer, { type NodemailerError } from 'nodemailer';
import { ChannelError, DEFAULT_TIMEOUT_MS, neverConnected, type ChannelAdapter, type OutgoingMessage, type SendReceipt } from './channel-adapter.js';

export interface EmailAdapterOptions {
  /** smtp://[user:password@]host:port (smtps:// for implicit TLS) */
  url: string;
  /** the From header: 'MedPay Saúde <nao-responda@medpay.com.br>' */
  from: string;
  timeoutMs?: number;
}

export const MESSAGE_ID_DOMAIN = 'notificacoes.medpay.com.br';

/** The Message-ID header of our message `id`. */
export const emailMessageId = (id: string) => `<${id}@${MESSAGE_ID_DOMAIN}>`;

/** Failures without an SMTP reply that a retry will not fix (bad address, configuration, credentials). */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'ECONFIG', 'EAUTH', 'ENOAUTH', 'EOAUTH2', 'EMAXRECIPIENTS', 'EREQUIRETLS', 'EFILEACCESS', 'EURLACCESS']);

export function emailError(error: unknown): ChannelError {
  const failure = error as NodemailerError;
  if (typeof failure.responseCode === 'number') {
    // RFC 5321: 4yz is a transient refusal (try again later), 5yz a permanent one.
    const code = failure.responseCode;
    return new ChannelError(`SMTP ${code}: ${failure.response ?? failure.message}`, code < 500, code, { cause: error });
  }
  // Otherwise the connection failed (refused, reset, timed out, TLS): the server may be back soon.
  const retryable = !(failure.code && PERMANENT_CODES.has(failure.code));
  return new ChannelError(`SMTP ${failure.code ?? 'error'}: ${failure.message}`, retryable, undefined, { cause: error, ambiguous: retryable && !neverConnected(error) });
}

export function createEmailAdapter(options: EmailAdapterOptions): ChannelAdapter {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
  });
  return {
    async send(message: OutgoingMessage): Promise<SendReceipt> {
      let info: { messageId: string };
      try {
        info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId: emailMessageId(message.id),
        });
      } catch (error) {
        throw emailError(error);
      }
      return { providerMessageId: info.messageId };
    },
  };
}
