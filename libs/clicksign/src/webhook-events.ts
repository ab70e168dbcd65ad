// ClickSign webhooks turned into our events. The signature (Content-Hmac: sha256=<hex HMAC-SHA256 of
// the raw body>) is checked on the exact bytes received, before anything is parsed. ClickSign's body
// names the document, not the envelope, and carries no event id: the envelope comes from the metadata
// the adapter gave the document when uploading it (ClickSign sends it back with every webhook), and the
// event's id is derived from what identifies it, so a repeated delivery has the same id.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a signature request is doing, in our words. */
export type SignatureStatus = 'draft' | 'pending' | 'completed' | 'canceled';

export type SignatureEventName = 'signed' | 'refused' | 'closed' | 'expired' | 'canceled';

export interface SignatureEvent {
  /** stable across repeated deliveries of the same event: deduplicate on it */
  id: string;
  name: SignatureEventName;
  /** ClickSign's event name (sign, refusal, auto_close, close, deadline, cancel) */
  providerEvent: string;
  envelopeId: string;
  documentId: string;
  externalReference: string | null;
  /** who signed or refused */
  signerId: string | null;
  /** the envelope's status once the event happened */
  status: SignatureStatus | null;
  /** order one envelope's events by it (ClickSign's webhooks may arrive out of order) */
  occurredAt: Date;
}

/** A webhook about something we do not follow (another event, or a document not sent by this adapter): answer 2xx and drop it. */
export interface IgnoredEvent {
  id: string;
  name: 'ignored';
  providerEvent: string;
  occurredAt: Date;
}

export type ClickSignEvent = SignatureEvent | IgnoredEvent;

/** The webhook was not sent by ClickSign with our secret, or was altered on the way: refuse it (401). */
export class WebhookSignatureError extends Error {
  readonly code = 'CLICKSIGN_WEBHOOK_SIGNATURE_INVALID';
}

/** Signed correctly but not a ClickSign event we can read: refuse it (400) and look at it. */
export class MalformedWebhookError extends Error {
  readonly code = 'CLICKSIGN_WEBHOOK_MALFORMED';
}

/** Document metadata keys the adapter sets at upload and reads back from webhooks. */
export const METADATA_ENVELOPE_ID = 'envelope_id';
export const METADATA_EXTERNAL_REFERENCE = 'external_reference';

const EVENT_NAMES: Record<string, SignatureEventName> = { sign: 'signed', refusal: 'refused', close: 'closed', auto_close: 'closed', deadline: 'expired', cancel: 'canceled' };

export function signatureStatus(providerStatus: string | undefined): SignatureStatus | null {
  switch (providerStatus) {
    case 'draft':
      return 'draft';
    case 'running':
      return 'pending';
    case 'closed':
      return 'completed';
    case 'canceled':
      return 'canceled';
    default:
      return null;
  }
}

const timestamp = z.iso.datetime({ offset: true });
const webhookBody = z.object({
  event: z.object({
    name: z.string().min(1),
    data: z.object({ signer: z.object({ key: z.string().min(1) }).nullish() }).nullish(),
    occurred_at: timestamp.optional(),
  }),
  document: z
    .object({
      key: z.string().min(1),
      status: z.string().optional(),
      metadata: z.record(z.string(), z.unknown()).nullish(),
      finished_at: timestamp.nullish(),
      updated_at: timestamp.nullish(),
    })
    .optional(),
});

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(found) ? found[0] : found;
}

/** Whether `Content-Hmac` is the HMAC-SHA256 of exactly these bytes under `secret`. */
export function verifyContentHmac(rawBody: Buffer, headers: WebhookHeaders, secret: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header(headers, 'content-hmac')?.trim() ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(match[1]!, 'hex'), expected);
}

/** Verifies and maps one webhook delivery; WebhookSignatureError or MalformedWebhookError otherwise. */
export function parseClickSignWebhook(rawBody: Buffer | string, headers: WebhookHeaders, secret: string): ClickSignEvent {
  const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  if (!verifyContentHmac(bytes, headers, secret)) throw new WebhookSignatureError('ClickSign webhook refused: Content-Hmac missing or not the HMAC of this body');
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new MalformedWebhookError('ClickSign webhook body is not JSON');
  }
  const parsed = webhookBody.safeParse(json);
  if (!parsed.success) throw new MalformedWebhookError(`ClickSign webhook body not understood: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const { event, document } = parsed.data;

  const when = event.occurred_at ?? document?.finished_at ?? document?.updated_at;
  if (!when) throw new MalformedWebhookError('ClickSign webhook has no occurred_at');
  const signerId = event.data?.signer?.key ?? null;
  const id = createHash('sha256').update([event.name, document?.key ?? '', signerId ?? '', when].join('|')).digest('hex');
  const occurredAt = new Date(when);

  const name = EVENT_NAMES[event.name];
  const envelopeId = document?.metadata?.[METADATA_ENVELOPE_ID];
  if (!name || !document || typeof envelopeId !== 'string' || !envelopeId) return { id, name: 'ignored', providerEvent: event.name, occurredAt };
  const reference = document.metadata?.[METADATA_EXTERNAL_REFERENCE];
  return {
    id,
    name,
    providerEvent: event.name,
    envelopeId,
    documentId: document.key,
    externalReference: typeof reference === 'string' ? reference : null,
    signerId,
    status: signatureStatus(document.status),
    occurredAt,
  };
}
