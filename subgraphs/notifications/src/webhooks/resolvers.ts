// The webhook fields of the notifications graph (a fragment of its resolver map): read the arguments
// and the caller, ask Webhooks, shape rows as the SDL's types.
import { toConnection, type Page } from '@medpay/runtime';
import { isFailing } from './webhook-rules.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './webhook-store.js';
import type { WebhookEndpointWithSecret, Webhooks, WebhooksCaller } from './webhooks.js';

/** What these resolvers need of the subgraph's context. */
export interface WebhooksContext {
  caller: WebhooksCaller;
  webhooks: Webhooks;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The SDL's WebhookEndpoint: the rotated secret's expiry only while it is still accepted. */
export function toWebhookEndpoint(row: WebhookEndpointRow, failingAfterMs: number, now = new Date()) {
  return {
    id: row.id,
    clinicId: row.clinicId,
    url: row.url,
    events: row.events,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    previousSecretExpiresAt: row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt.toISOString() : null,
    failing: isFailing(row.failingSince, now, failingAfterMs),
  };
}

export function toWebhookDelivery(row: WebhookDeliveryRow) {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    responseCodes: row.responseCodes,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
  };
}

const withSecret = ({ endpoint, secret }: WebhookEndpointWithSecret, webhooks: Webhooks) => ({ endpoint: toWebhookEndpoint(endpoint, webhooks.failingAfterMs), secret });
const deliveryConnection = (page: Page<WebhookDeliveryRow>) => toConnection({ rows: page.rows.map(toWebhookDelivery), hasNextPage: page.hasNextPage });

type NoParent = unknown;

export const webhookResolvers = {
  Query: {
    webhookEndpoints: async (_: NoParent, args: { clinicId: string }, { caller, webhooks }: WebhooksContext) =>
      (await webhooks.endpoints(caller, args.clinicId)).map((row) => toWebhookEndpoint(row, webhooks.failingAfterMs)),
    webhookDeliveries: async (_: NoParent, args: { endpointId: string; first?: number | null; after?: string | null }, { caller, webhooks }: WebhooksContext) =>
      deliveryConnection(await webhooks.deliveries(caller, args.endpointId, args.first, args.after)),
    webhookEventTypes: (_: NoParent, __: unknown, { caller, webhooks }: WebhooksContext) => [...webhooks.eventTypes(caller)],
  },
  Mutation: {
    createWebhookEndpoint: async (_: NoParent, args: { clinicId: string; url: string; events: string[] }, { caller, webhooks }: WebhooksContext) =>
      withSecret(await webhooks.createEndpoint(caller, args.clinicId, args.url, args.events), webhooks),
    setWebhookEndpointEnabled: async (_: NoParent, args: { id: string; enabled: boolean }, { caller, webhooks }: WebhooksContext) =>
      toWebhookEndpoint(await webhooks.setEndpointEnabled(caller, args.id, args.enabled), webhooks.failingAfterMs),
    rotateWebhookSecret: async (_: NoParent, args: { id: string }, { caller, webhooks }: WebhooksContext) => withSecret(await webhooks.rotateSecret(caller, args.id), webhooks),
    deleteWebhookEndpoint: (_: NoParent, args: { id: string }, { caller, webhooks }: WebhooksContext) => webhooks.deleteEndpoint(caller, args.id),
    redeliverWebhook: async (_: NoParent, args: { deliveryId: string }, { caller, webhooks }: WebhooksContext) =>
      toWebhookDelivery(await webhooks.redeliver(caller, args.deliveryId)),
  },
};
