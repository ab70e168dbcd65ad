// Standard Webhooks 1.0 signing: secrets (whsec_ + base64 key), message ids (msg_ + ULID) and the
// webhook-signature header, computed by the `standardwebhooks` library receivers verify with.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new signing secret: 24 random bytes, base64, with the spec's prefix. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** msg_ + a ULID: unique, and sorted by creation time (newest-first lists break ties by it). */
export function newMessageId(now = Date.now()): string {
  let time = '';
  for (let rest = now, n = 0; n < 10; n++, rest = Math.floor(rest / 32)) time = CROCKFORD[rest % 32]! + time;
  let random = '';
  for (const byte of randomBytes(16)) random += CROCKFORD[byte & 31]!;
  return `msg_${time}${random}`;
}

export const isMessageId = (value: string): boolean => /^msg_[0-9A-HJKMNP-TV-Z]{26}$/.test(value);

/**
 * The webhook-signature header: one `v1,<base64>` per secret, space-separated (the spec lets a sender
 * list several; receivers accept any that matches), over `<id>.<timestamp seconds>.<body>`.
 */
export function signatureHeader(secrets: readonly string[], id: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(id, timestamp, body)).join(' ');
}
