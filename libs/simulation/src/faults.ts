// Fault injection for a simulated provider's API endpoints (never its /_sim controls): what a flaky provider does.
import { z } from 'zod';
import { json, parseJson, type Route } from './http-router.js';
import type { WebhookDispatcher } from './webhooks.js';

export const faultsSchema = z.strictObject({
  /** added before every API answer */
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** the next N API calls answer 503 without doing anything */
  failNext: z.number().int().min(0).optional(),
  /** the next N API calls are processed but never answered (a lost response): the client times out */
  timeoutNext: z.number().int().min(0).optional(),
  /** failNext and timeoutNext count only API calls whose path contains this ('': every API call) */
  faultPath: z.string().max(200).optional(),
  /** every webhook is delivered twice (same body, same ids) */
  duplicateWebhooks: z.boolean().optional(),
  /** the next webhook is held and delivered after the one that follows it */
  reorderWebhooks: z.boolean().optional(),
});

export type Faults = Required<z.infer<typeof faultsSchema>>;

export const noFaults = (): Faults => ({ latencyMs: 0, failNext: 0, timeoutNext: 0, faultPath: '', duplicateWebhooks: false, reorderWebhooks: false });

/**
 * The fault controls every simulator serves: GET, POST (merge) and DELETE (clear) `/_sim/faults`.
 * Clearing the reorder fault releases the webhook it held.
 */
export function faultRoutes(faults: Faults, webhooks?: Pick<WebhookDispatcher, 'releaseHeld'>): Route[] {
  return [
    { method: 'GET', pattern: '/_sim/faults', handler: () => json(200, faults) },
    {
      method: 'POST',
      pattern: '/_sim/faults',
      handler: (request) => {
        const changes = parseJson(faultsSchema, request);
        Object.assign(faults, changes);
        if (changes.reorderWebhooks === false) webhooks?.releaseHeld();
        return json(200, faults);
      },
    },
    {
      method: 'DELETE',
      pattern: '/_sim/faults',
      handler: () => {
        Object.assign(faults, noFaults());
        webhooks?.releaseHeld();
        return json(200, faults);
      },
    },
  ];
}
