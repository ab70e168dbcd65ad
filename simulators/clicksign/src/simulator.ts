// A ClickSign (API v3, envelopes) stand-in for development and tests: a real HTTP server speaking the
// part of ClickSign's API our adapter uses, the signer's signing page, webhooks signed with
// Content-Hmac and retried, deadlines on a clock tests can move, and fault injection. With a state file
// what the account holds survives a restart. See README.md for every endpoint and control.
import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import { persistedState, startSimulatorServer, WebhookDispatcher, noFaults, type Faults, type WebhookTarget } from '@medpay/simulation';
import type { Logger } from '@medpay/runtime';
import { apiRoutes } from './api-routes.js';
import { controlRoutes } from './control-routes.js';
import { FileLinks } from './file-links.js';
import { errorBody } from './json-api.js';
import { EnvelopeLifecycle } from './lifecycle.js';
import { signingRoutes } from './signing-page.js';
import { SimulatorState, type SignerRecord } from './state.js';
import { webhookHeaders } from './webhook-payloads.js';

export interface ClickSignSimulatorOptions {
  /** 4021 by default; 0 picks a free port */
  port?: number;
  host?: string;
  /** the account's API access token, sent as `Authorization: <token>` */
  accessToken: string;
  /** where webhooks go; none: they are kept as `undeliverable` */
  webhookUrl?: string;
  /** the HMAC-SHA256 key of `Content-Hmac` */
  webhookSecret: string;
  /** first retry delay of a failed webhook, doubled each time (capped at 300×) */
  webhookRetryBaseMs?: number;
  webhookMaxAttempts?: number;
  /** scheme://host[:port] written into signing and download links; the server's own URL by default */
  publicBaseUrl?: string;
  /** deadline of an envelope created without deadline_at; 30 days by default */
  defaultDeadlineDays?: number;
  /** lifetime of download links; 300 s (ClickSign's 5 minutes) by default */
  fileLinkTtlSeconds?: number;
  /** where the state is kept across restarts (read at start, written after each change); in memory only without one */
  stateFile?: string;
  logger?: Logger;
}

export interface ClickSignSimulator {
  url: string;
  port: number;
  server: Server;
  state: SimulatorState;
  webhooks: WebhookDispatcher;
  faults: Faults;
  close(): Promise<void>;
}

export async function startClickSignSimulator(options: ClickSignSimulatorOptions): Promise<ClickSignSimulator> {
  const state = new SimulatorState();
  const storage = persistedState(options.stateFile);
  const saved = storage.load();
  if (saved !== undefined) state.restore(saved);
  const save = () => storage.save(() => state.dump());

  const faults = noFaults();
  const webhookSecret = { value: options.webhookSecret };
  const target: WebhookTarget = { ...(options.webhookUrl ? { url: options.webhookUrl } : {}), sign: (body) => webhookHeaders(body, webhookSecret.value) };
  const webhooks = new WebhookDispatcher({
    target,
    userAgent: 'Clicksign-Webhooks (MedPay simulator)',
    retryBaseMs: options.webhookRetryBaseMs ?? 1000,
    maxAttempts: options.webhookMaxAttempts ?? 10,
    faults: () => faults,
    onGiveUp: (message) => options.logger?.warn({ deliveryId: message.deliveryId, event: message.entity, envelopeId: message.subject }, 'clicksign webhook given up after every retry'),
  });

  let publicUrl = '';
  const timers = new Set<NodeJS.Timeout>();
  const clearTimers = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
  const links = new FileLinks(() => publicUrl, () => state.now(), options.fileLinkTtlSeconds ?? 300);
  const lifecycle = new EnvelopeLifecycle({
    state,
    webhooks,
    links,
    publicUrl: () => publicUrl,
    later(ms, task) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        try {
          task();
        } catch (error) {
          options.logger?.error({ err: error }, 'clicksign simulator timer failed');
        }
        save();
      }, ms);
      timer.unref();
      timers.add(timer);
    },
  });

  const expected = Buffer.from(options.accessToken);
  const authenticate = (headers: { authorization?: string | undefined }) => {
    // ClickSign documents the bare token; its own examples also show "Bearer <token>".
    const given = Buffer.from((headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const running = await startSimulatorServer({
    name: 'clicksign-simulator',
    port: options.port ?? 4021,
    faults,
    authenticate,
    errorBody,
    onChange: save,
    onClose: () => {
      webhooks.close();
      clearTimers();
    },
    routes: [
      ...apiRoutes({ state, lifecycle, links, publicUrl: () => publicUrl, defaultDeadlineDays: options.defaultDeadlineDays ?? 30 }),
      ...signingRoutes({ state, lifecycle, links }),
      ...controlRoutes({ state, lifecycle, webhooks, faults, target, webhookSecret, onReset: clearTimers }),
    ],
    ...(options.host ? { host: options.host } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  publicUrl = (options.publicBaseUrl ?? running.url).replace(/\/+$/, '');

  // Deadlines that passed while the simulator was down expire now; the others get their timers back.
  lifecycle.sweepDeadlines();
  for (const envelope of state.envelopes.values()) if (envelope.status === 'running') lifecycle.scheduleDeadline(envelope);
  save();

  return { url: running.url, port: running.port, server: running.server, state, webhooks, faults, close: running.close };
}

/**
 * Signs (or refuses) as the person behind `email`, in the newest envelope still waiting for them: what
 * the person does on the signing page, for tests and demos that drive ClickSign from outside. The
 * signer's id, or null when nothing waits for that e-mail.
 */
export async function actAsSigner(simulatorUrl: string, email: string, action: 'sign' | 'refuse' = 'sign'): Promise<string | null> {
  const state = (await (await fetch(`${simulatorUrl}/_sim/state`)).json()) as { envelopes: Array<{ status: string; signers: SignerRecord[] }> };
  const waiting = state.envelopes
    .filter((envelope) => envelope.status === 'running')
    .flatMap((envelope) => envelope.signers)
    .filter((signer) => signer.email?.toLowerCase() === email.toLowerCase() && signer.status === 'pending')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const signer = waiting[0];
  if (!signer) return null;
  const answer = await fetch(`${simulatorUrl}/_sim/signers/${signer.id}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!answer.ok) throw new Error(`the simulator refused to ${action} as ${signer.id}: HTTP ${answer.status}`);
  return signer.id;
}
