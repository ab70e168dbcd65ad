// A Helena CRM stand-in for development and tests: a real HTTP server speaking the part of Helena's API
// MedPay uses (bearer API tokens, services, the appointments feed, payment write-back), appointment
// webhooks signed with an HMAC of the raw body, a rate limit, fault injection and test controls. With a
// state file, what the accounts hold survives a restart. See README.md for every endpoint and control.
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { Logger } from '@medpay/runtime';
import { noFaults, persistedState, RateLimiter, startSimulatorServer, WebhookDispatcher, type Faults, type RateLimitSettings } from '@medpay/simulation';
import { apiRoutes, errorBody, hasValidApiToken } from './api-routes.js';
import type { HelenaContext, HelenaWebhookTarget } from './context.js';
import { controlRoutes } from './control-routes.js';
import { seedDemo } from './seed.js';
import { emptyData, isHelenaData, type HelenaData } from './state.js';

export { HELENA_DEMO, DEMO_CONTACTS as HELENA_DEMO_CONTACTS } from './seed.js';
export type { HelenaData } from './state.js';

/** The development default of the webhook secret (main.ts uses the shared dev secret instead). */
export const DEFAULT_WEBHOOK_SECRET = 'helena-dev-webhook-secret';

export interface HelenaSimulatorOptions {
  /** 4017 by default; 0 picks a free port */
  port?: number;
  host?: string;
  /** where appointment webhooks go; none: they are recorded as undeliverable */
  webhookUrl?: string;
  webhookSecret?: string;
  /** first retry delay of a failed webhook, doubled each time (capped at 300×); 1000 ms */
  webhookRetryBaseMs?: number;
  webhookMaxAttempts?: number;
  /** per account; 120 requests a minute by default */
  rateLimit?: RateLimitSettings;
  /** where the state is kept across restarts; in memory only without one */
  stateFile?: string;
  now?: () => number;
  logger?: Logger;
}

export interface HelenaSimulator {
  url: string;
  port: number;
  server: Server;
  state: HelenaData;
  webhooks: WebhookDispatcher;
  faults: Faults;
  close(): Promise<void>;
}

/** Helena's signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, made anew for each attempt. */
export function signWebhook(secret: string, body: string, at: number): Record<string, string> {
  const timestamp = Math.floor(at / 1000);
  return { 'x-helena-signature': `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}` };
}

export async function startHelenaSimulator(options: HelenaSimulatorOptions = {}): Promise<HelenaSimulator> {
  const now = options.now ?? Date.now;
  const store = persistedState(options.stateFile);
  const loaded = store.load();
  const data: HelenaData = isHelenaData(loaded) ? loaded : emptyData();
  if (!isHelenaData(loaded)) seedDemo(data, now());
  const save = () => store.save(() => data);
  save();

  const faults = noFaults();
  const target: HelenaWebhookTarget = { secret: options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET, ...(options.webhookUrl ? { url: options.webhookUrl } : {}) };
  const webhooks = new WebhookDispatcher({
    // Read at each delivery, so PUT /_sim/webhook takes effect for the next message.
    target: {
      get url() {
        return target.url;
      },
      sign: (body) => signWebhook(target.secret, body, now()),
    },
    userAgent: 'Helena-Webhooks/1.0',
    retryBaseMs: options.webhookRetryBaseMs ?? 1000,
    maxAttempts: options.webhookMaxAttempts ?? 10,
    faults: () => faults,
    onGiveUp: (message) => options.logger?.warn({ deliveryId: message.deliveryId, entity: message.entity }, 'webhook given up after every retry'),
  });
  let apiCalls = () => 0;
  const context: HelenaContext = { data, faults, rateLimiter: new RateLimiter(options.rateLimit ?? { requests: 120, windowMs: 60_000 }, now), webhooks, target, now, save };

  const server = await startSimulatorServer({
    name: 'helena-simulator',
    routes: [...apiRoutes(context), ...controlRoutes(context, () => apiCalls())],
    port: options.port ?? 4017,
    ...(options.host ? { host: options.host } : {}),
    faults,
    authenticate: hasValidApiToken(context),
    errorBody,
    onChange: save,
    onClose: () => webhooks.close(),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  apiCalls = server.apiCalls;
  return { url: server.url, port: server.port, server: server.server, state: data, webhooks, faults, close: server.close };
}
