// Helena's appointment webhooks, checked on the raw bytes before anything is parsed: the
// `x-helena-signature` header carries `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` (more than one
// v1 while Helena rotates the secret); a signature older than the tolerance is refused as a replay.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { appointmentSchema, toAppointment } from './helena-mapping.js';
import { WebhookRejectedError, type ExternalAppointment } from './practice-system.js';

export const HELENA_SIGNATURE_HEADER = 'x-helena-signature';
const DEFAULT_TOLERANCE_SECONDS = 300;

export interface HelenaWebhookEvent {
  /** the same on a redelivery: deduplicate on it */
  eventId: string;
  type: 'APPOINTMENT_CREATED' | 'APPOINTMENT_UPDATED';
  /** the Helena account the event is about */
  accountId: string;
  occurredAt: Date;
  appointment: ExternalAppointment;
}

const TYPES = { 'appointment.created': 'APPOINTMENT_CREATED', 'appointment.updated': 'APPOINTMENT_UPDATED' } as const;

const envelope = z.object({ id: z.string().min(1), type: z.string(), createdAt: z.iso.datetime({ offset: true }), accountId: z.string().min(1), data: z.unknown() });

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}

const sign = (secret: string, timestamp: string, rawBody: Buffer) => createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();

/** Throws WebhookRejectedError unless one v1 signature matches the raw body under `secret` and is recent. */
export function verifyHelenaSignature(rawBody: Buffer | string, headers: Headers, secret: string, options: { toleranceSeconds?: number; now?: () => number } = {}) {
  const value = header(headers, HELENA_SIGNATURE_HEADER);
  if (!value) throw new WebhookRejectedError('SIGNATURE_INVALID', `Missing ${HELENA_SIGNATURE_HEADER} header`);
  const parts = value.split(',').map((part) => part.trim().split('='));
  const timestamp = parts.find(([name]) => name === 't')?.[1];
  const signatures = parts.filter(([name, hex]) => name === 'v1' && hex && /^[0-9a-f]{64}$/i.test(hex)).map(([, hex]) => Buffer.from(hex!, 'hex'));
  if (!timestamp || !/^\d+$/.test(timestamp) || !signatures.length) throw new WebhookRejectedError('SIGNATURE_INVALID', `Malformed ${HELENA_SIGNATURE_HEADER} header`);
  const expected = sign(secret, timestamp, Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8'));
  if (!signatures.some((signature) => timingSafeEqual(signature, expected))) throw new WebhookRejectedError('SIGNATURE_INVALID', 'Webhook signature does not match');
  const ageSeconds = Math.abs((options.now?.() ?? Date.now()) / 1000 - Number(timestamp));
  if (ageSeconds > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) throw new WebhookRejectedError('SIGNATURE_INVALID', 'Webhook signature is too old (a replay?)');
}

/**
 * The appointment event a verified webhook carries, or null for a verified event we do not act on
 * (answer 2xx to both, so Helena stops retrying).
 */
export function parseHelenaWebhook(rawBody: Buffer | string, headers: Headers, secret: string, options: { toleranceSeconds?: number; now?: () => number } = {}): HelenaWebhookEvent | null {
  verifyHelenaSignature(rawBody, headers, secret, options);
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody);
  } catch {
    throw new WebhookRejectedError('PAYLOAD_INVALID', 'Webhook body is not JSON');
  }
  const event = envelope.safeParse(payload);
  if (!event.success) throw new WebhookRejectedError('PAYLOAD_INVALID', 'Webhook body is not a Helena event');
  const type = TYPES[event.data.type as keyof typeof TYPES];
  if (!type) return null;
  const data = z.object({ appointment: appointmentSchema }).safeParse(event.data.data);
  if (!data.success) throw new WebhookRejectedError('PAYLOAD_INVALID', `Helena ${event.data.type} event without a readable appointment`);
  return { eventId: event.data.id, type, accountId: event.data.accountId, occurredAt: new Date(event.data.createdAt), appointment: toAppointment(data.data.appointment) };
}
