// The partner webhooks' rules that need no I/O: which event types an endpoint may ask for, when a
// failed delivery is tried again (Standard Webhooks' schedule), and when an endpoint counts as failing.
import { WebhooksError } from './webhook-errors.js';

/** The payments events a clinic's systems may receive, by type. */
export const WEBHOOK_EVENT_TYPES = ['payment.created', 'payment.status_changed', 'installment.paid', 'installment.overdue', 'charge.issued'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (type: string): type is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);

/** The types an endpoint asks for, without repeats; BAD_USER_INPUT for none or an unknown one. */
export function validateEventTypes(events: readonly string[]): WebhookEventType[] {
  if (events.length === 0) throw new WebhooksError('BAD_USER_INPUT', 'Escolha ao menos um tipo de evento.', { field: 'events' });
  const unknown = events.filter((type) => !isWebhookEventType(type));
  if (unknown.length) {
    throw new WebhooksError('BAD_USER_INPUT', `Tipo de evento desconhecido: ${unknown.join(', ')}. Os tipos aceitos são: ${WEBHOOK_EVENT_TYPES.join(', ')}.`, {
      field: 'events',
    });
  }
  return [...new Set(events as WebhookEventType[])];
}

/** A rotated-out secret still signs deliveries this long, so receivers can switch without losing any. */
export const SECRET_ROTATION_GRACE_MS = 24 * 60 * 60_000;

/** An endpoint whose deliveries have all failed for this long is failing (its admins are told once). */
export const FAILING_AFTER_MS = 60 * 60_000;

export const isFailing = (failingSince: Date | null, now: Date, afterMs = FAILING_AFTER_MS): boolean =>
  failingSince !== null && now.getTime() - failingSince.getTime() >= afterMs;

/**
 * When failed deliveries are tried again: after the n-th failure wait `delaysMs[n - 1]` (the last delay
 * repeats), as long as the next attempt falls within `windowMs` of the delivery's creation.
 */
export interface RetrySchedule {
  delaysMs: readonly number[];
  windowMs: number;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Standard Webhooks' schedule: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, … for 3 days. */
export const STANDARD_RETRY_SCHEDULE: RetrySchedule = {
  delaysMs: [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR],
  windowMs: 72 * HOUR,
};

/** The time of the next attempt after `failedAttempts` failures, or null when the delivery has failed for good. */
export function nextAttemptAt(schedule: RetrySchedule, createdAt: Date, failedAttempts: number, now: Date): Date | null {
  const delays = schedule.delaysMs;
  if (failedAttempts < 1 || delays.length === 0) return null;
  const next = now.getTime() + delays[Math.min(failedAttempts, delays.length) - 1]!;
  return next <= createdAt.getTime() + schedule.windowMs ? new Date(next) : null;
}
