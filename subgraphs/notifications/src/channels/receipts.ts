// Delivery receipts from the providers, verified on the raw request before anything is read, and turned
// into provider-agnostic { channel, providerMessageId, status }. Plus the HTTP handlers the service mounts:
// POST /webhooks/zenvia, POST /webhooks/whatsapp and GET /webhooks/whatsapp (Meta's verification).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sendJson, type RouteHandler } from '@medpay/runtime';
import { z } from 'zod';

export interface DeliveryReceipt {
  /** provider message ids are only unique within one provider */
  channel: 'SMS' | 'WHATSAPP';
  providerMessageId: string;
  status: 'DELIVERED' | 'FAILED';
  /** our message id, when the provider echoes it (Zenvia's externalId, WhatsApp's biz_opaque_callback_data) */
  messageId?: string;
  /** when the provider saw the status */
  at?: Date;
}

export type ReceiptsHandler = (receipts: DeliveryReceipt[]) => Promise<void>;

/** The webhook is not from the provider (401) or not readable (400). */
export class WebhookRejectedError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401,
  ) {
    super(message);
  }
}

export const ZENVIA_TOKEN_HEADER = 'x-medpay-webhook-token';
export const WHATSAPP_SIGNATURE_HEADER = 'x-hub-signature-256';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Equal-length digests: timingSafeEqual never throws and the comparison leaks nothing. */
const sameSecret = (presented: string | undefined, expected: string) => presented !== undefined && timingSafeEqual(digest(presented), digest(expected));

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new WebhookRejectedError('The webhook body is not JSON', 400);
  }
}

const validDate = (date: Date) => (Number.isNaN(date.getTime()) ? undefined : date);

// ---- WhatsApp --------------------------------------------------------------------------------------

const whatsAppNotification = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          field: z.string(),
          value: z
            .object({
              statuses: z
                .array(z.object({ id: z.string(), status: z.string(), timestamp: z.string().optional(), biz_opaque_callback_data: z.string().optional() }))
                .optional(),
            })
            .optional(),
        }),
      ),
    }),
  ),
});

const WHATSAPP_STATUSES: Record<string, DeliveryReceipt['status']> = { delivered: 'DELIVERED', read: 'DELIVERED', failed: 'FAILED' };

/**
 * The statuses of a WhatsApp webhook whose X-Hub-Signature-256 is the HMAC-SHA256 of the raw body with
 * the app secret. `sent` is left out (we know it sent); `read` implies delivered (it may come alone).
 */
export function readWhatsAppStatuses(rawBody: Buffer, signatureHeader: string | undefined, appSecret: string): DeliveryReceipt[] {
  const presented = /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader ?? '')?.[1];
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  if (!presented || !timingSafeEqual(Buffer.from(presented, 'hex'), expected)) throw new WebhookRejectedError('The X-Hub-Signature-256 does not match', 401);
  const parsed = whatsAppNotification.safeParse(parseJson(rawBody));
  if (!parsed.success) throw new WebhookRejectedError('Not a WhatsApp Business Account notification', 400);
  const receipts: DeliveryReceipt[] = [];
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      for (const status of change.value?.statuses ?? []) {
        const mapped = WHATSAPP_STATUSES[status.status];
        if (!mapped) continue;
        const at = status.timestamp ? validDate(new Date(Number(status.timestamp) * 1000)) : undefined;
        receipts.push({
          channel: 'WHATSAPP',
          providerMessageId: status.id,
          status: mapped,
          ...(status.biz_opaque_callback_data ? { messageId: status.biz_opaque_callback_data } : {}),
          ...(at ? { at } : {}),
        });
      }
    }
  }
  return receipts;
}

// ---- Zenvia ----------------------------------------------------------------------------------------

const zenviaEvent = z.object({
  type: z.string(),
  messageId: z.string().optional(),
  message: z.object({ id: z.string().optional(), externalId: z.string().optional() }).optional(),
  messageStatus: z.object({ code: z.string(), timestamp: z.string().optional() }).optional(),
});

const ZENVIA_STATUSES: Record<string, DeliveryReceipt['status']> = { DELIVERED: 'DELIVERED', READ: 'DELIVERED', NOT_DELIVERED: 'FAILED', REJECTED: 'FAILED' };

/**
 * The status in a Zenvia MESSAGE_STATUS webhook. Zenvia does not sign webhooks; its subscriptions carry
 * configured headers, so ours carries a shared secret in X-MedPay-Webhook-Token.
 */
export function readZenviaStatus(rawBody: Buffer, tokenHeader: string | undefined, expectedToken: string): DeliveryReceipt[] {
  if (!sameSecret(tokenHeader, expectedToken)) throw new WebhookRejectedError('The webhook token does not match', 401);
  const parsed = zenviaEvent.safeParse(parseJson(rawBody));
  if (!parsed.success) throw new WebhookRejectedError('Not a Zenvia event', 400);
  const event = parsed.data;
  if (event.type !== 'MESSAGE_STATUS' || !event.messageStatus) return [];
  const status = ZENVIA_STATUSES[event.messageStatus.code];
  const providerMessageId = event.message?.id ?? event.messageId;
  if (!status || !providerMessageId) return [];
  const at = event.messageStatus.timestamp ? validDate(new Date(event.messageStatus.timestamp)) : undefined;
  return [{ channel: 'SMS', providerMessageId, status, ...(event.message?.externalId ? { messageId: event.message.externalId } : {}), ...(at ? { at } : {}) }];
}

// ---- HTTP handlers ---------------------------------------------------------------------------------

const headerOf = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Reads, then hands the receipts to `onReceipts`, then answers 200. A refused webhook answers its status;
 * a failing `onReceipts` throws to the server's error boundary (500), so the provider sends it again.
 */
function receiptRoute(read: (req: IncomingMessage, body: Buffer) => DeliveryReceipt[], onReceipts: ReceiptsHandler): RouteHandler {
  return async (req, res, body) => {
    let receipts: DeliveryReceipt[];
    try {
      receipts = read(req, body);
    } catch (error) {
      if (error instanceof WebhookRejectedError) return sendJson(res, error.status, { error: error.status === 401 ? 'unauthorized' : 'bad request' });
      throw error;
    }
    if (receipts.length) await onReceipts(receipts);
    sendJson(res, 200, { received: receipts.length });
  };
}

export const zenviaWebhookRoute = (webhookToken: string, onReceipts: ReceiptsHandler): RouteHandler =>
  receiptRoute((req, body) => readZenviaStatus(body, headerOf(req, ZENVIA_TOKEN_HEADER), webhookToken), onReceipts);

export const whatsAppWebhookRoute = (appSecret: string, onReceipts: ReceiptsHandler): RouteHandler =>
  receiptRoute((req, body) => readWhatsAppStatuses(body, headerOf(req, WHATSAPP_SIGNATURE_HEADER), appSecret), onReceipts);

/** Meta's subscription check: echo hub.challenge when hub.verify_token is ours. */
export const whatsAppVerificationRoute =
  (verifyToken: string): RouteHandler =>
  async (req, res) => {
    const query = new URL(req.url ?? '/', 'http://service').searchParams;
    const challenge = query.get('hub.challenge');
    if (query.get('hub.mode') !== 'subscribe' || challenge === null || !sameSecret(query.get('hub.verify_token') ?? undefined, verifyToken)) {
      return sendJson(res, 403, { error: 'forbidden' });
    }
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(challenge);
  };

/** The three routes, keyed as startSubgraph's `routes` option expects. */
export function receiptRoutes(
  config: { ZENVIA_WEBHOOK_TOKEN: string; WHATSAPP_APP_SECRET: string; WHATSAPP_VERIFY_TOKEN: string },
  onReceipts: ReceiptsHandler,
): Record<string, RouteHandler> {
  return {
    'POST /webhooks/zenvia': zenviaWebhookRoute(config.ZENVIA_WEBHOOK_TOKEN, onReceipts),
    'POST /webhooks/whatsapp': whatsAppWebhookRoute(config.WHATSAPP_APP_SECRET, onReceipts),
    'GET /webhooks/whatsapp': whatsAppVerificationRoute(config.WHATSAPP_VERIFY_TOKEN),
  };
}
