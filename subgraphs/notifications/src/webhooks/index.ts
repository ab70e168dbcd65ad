// Partner webhooks (Standard Webhooks 1.0): what the notifications service wires.
export { webhookResolvers, toWebhookDelivery, toWebhookEndpoint, type WebhooksContext } from './resolvers.js';
export { UrlPolicy, type UrlPolicyOptions } from './url-policy.js';
export { WEBHOOK_ALERT_QUEUE, WEBHOOK_QUEUE } from './webhook-dispatcher.js';
export { WebhooksError, type WebhooksErrorCode } from './webhook-errors.js';
export { STANDARD_RETRY_SCHEDULE, WEBHOOK_EVENT_TYPES, type RetrySchedule, type WebhookEventType } from './webhook-rules.js';
export type { WebhookDeliveryRow, WebhookEndpointRow } from './webhook-store.js';
export { Webhooks, type ClinicRole, type WebhookEndpointWithSecret, type WebhooksCaller, type WebhooksOptions } from './webhooks.js';
