// A stand-in for the messaging providers the notifications subgraph sends through, in one process: an
// SMTP server, Zenvia's SMS API, the WhatsApp Business Cloud API and a Web Push service, each keeping
// what it received (see it at GET /_sim/messages or in the web inbox at GET /), sending delivery
// receipts back by webhook, and failing on demand. With a state file (`npm start`'s) the inbox survives
// a restart. See README.md for every endpoint and control.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { BodyTooLargeError, listen, readBody, sendJson, type Logger } from '@medpay/runtime';
import { Router, type Reply } from '@medpay/simulation';
import type { SimulatorContext } from './context.js';
import { controlRoutes } from './control-routes.js';
import { Faults } from './faults.js';
import { INBOX_CSP } from './inbox.js';
import { pushRoutes } from './push-routes.js';
import { ReceiptSender } from './receipt-webhooks.js';
import { ProviderError, type Route } from './routes.js';
import { startSmtpServer } from './smtp.js';
import { MessageStore, type Channel } from './store.js';
import { graphFault, hubSignature, whatsAppRoutes } from './whatsapp-routes.js';
import { zenviaError, zenviaRoutes } from './zenvia-routes.js';

export type { Channel, EmailRecord, MessageFilter, MessageRecord, MessageStore, PushRecord, SmsRecord, WhatsAppRecord } from './store.js';
export type { ReceiptAttempt, ReceiptSender } from './receipt-webhooks.js';
export { hubSignature } from './whatsapp-routes.js';

export interface MessagingSimulatorOptions {
  /** 127.0.0.1 by default */
  host?: string;
  /** 4011 by default; 0 picks a free port */
  httpPort?: number;
  /** 2525 by default; 0 picks a free port */
  smtpPort?: number;
  /** scheme://host[:port] push endpoints start with; the HTTP server's own URL by default */
  publicUrl?: string;
  /** the X-API-TOKEN Zenvia calls must carry */
  zenviaToken: string;
  /** where SMS delivery receipts go (none: they are only logged) */
  zenviaWebhookUrl?: string;
  /** headers sent with every Zenvia webhook, as a Zenvia subscription can be configured to */
  zenviaWebhookHeaders?: Record<string, string>;
  /** the bearer token WhatsApp calls must carry */
  whatsappToken: string;
  /** signs WhatsApp webhooks (X-Hub-Signature-256) */
  whatsappAppSecret: string;
  /** where WhatsApp status webhooks go (none: they are only logged) */
  whatsappWebhookUrl?: string;
  whatsappBusinessAccountId?: string;
  /** template name → body text with {{1}}, {{2}}…; any other name is accepted too */
  whatsappTemplates?: Record<string, string>;
  /** delay before each delivery receipt (sent, then delivered) */
  receiptDelayMs?: number;
  /** messages kept per channel (the oldest are forgotten) */
  messageLimit?: number;
  /** where the inbox is kept across restarts (read at start, written within a second of a change); in memory only without one */
  stateFile?: string;
  logger?: Logger;
}

export interface MessagingSimulator {
  /** the HTTP server's URL (the provider APIs, controls and inbox) */
  url: string;
  httpUrl: string;
  /** the HTTP port */
  port: number;
  smtpPort: number;
  server: Server;
  /** what was received: list({ channel, to }), emails(), sms(), whatsapp(), push(), clear() */
  messages: MessageStore;
  /** delivery receipts sent back: attempts, idle() */
  receipts: ReceiptSender;
  faults: Faults;
  close(): Promise<void>;
}

const BODY_LIMIT = 1_000_000;

/** A fault's HTTP status answered the way the channel's provider shapes its errors. */
function faultError(channel: Channel, status: number): ProviderError {
  if (channel === 'sms') return zenviaError(status, status >= 500 ? 'INTERNAL_ERROR' : 'SIMULATED_ERROR', `Simulated fault (${status})`);
  if (channel === 'whatsapp') return graphFault(status);
  return new ProviderError(status, { error: `Simulated fault (${status})` });
}

export async function startMessagingSimulator(options: MessagingSimulatorOptions): Promise<MessagingSimulator> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger;
  const store = new MessageStore(options.messageLimit ?? 1000);
  const { stateFile } = options;
  if (stateFile && existsSync(stateFile)) store.restore(readFileSync(stateFile, 'utf8'));
  // Messages arrive by SMTP and HTTP and change status on timers (receipts): the inbox is written out
  // when it changed, at most every second, whole and renamed into place.
  let saved = stateFile ? store.dump() : '';
  const save = () => {
    if (!stateFile) return;
    const now = store.dump();
    if (now === saved) return;
    mkdirSync(dirname(stateFile), { recursive: true });
    writeFileSync(`${stateFile}.tmp`, now);
    renameSync(`${stateFile}.tmp`, stateFile);
    saved = now;
  };
  const saving = stateFile ? setInterval(save, 1_000).unref() : undefined;
  const faults = new Faults();
  const zenviaHeaders = options.zenviaWebhookHeaders ?? {};
  const receipts = new ReceiptSender(
    {
      sms: { url: options.zenviaWebhookUrl ?? null, headers: () => zenviaHeaders },
      whatsapp: { url: options.whatsappWebhookUrl ?? null, headers: (raw) => ({ 'x-hub-signature-256': hubSignature(options.whatsappAppSecret, raw) }) },
    },
    options.receiptDelayMs ?? 200,
    logger,
  );
  let publicUrl = '';
  const context: SimulatorContext = {
    store,
    receipts,
    settings: {
      zenviaToken: options.zenviaToken,
      whatsappToken: options.whatsappToken,
      whatsappBusinessAccountId: options.whatsappBusinessAccountId ?? '100000000000001',
      whatsappTemplates: options.whatsappTemplates ?? {},
    },
    publicUrl: () => publicUrl,
    ...(logger ? { logger } : {}),
  };

  const router = new Router<Route>();
  // WhatsApp's /:version/:phoneNumberId/messages is the loosest pattern: it goes last.
  router.add(...controlRoutes(context, faults), ...zenviaRoutes(context), ...pushRoutes(context), ...whatsAppRoutes(context));

  const answer = async (route: Route, req: IncomingMessage, path: string, params: Record<string, string>, query: URLSearchParams): Promise<Reply> => {
    const body = await readBody(req, BODY_LIMIT);
    try {
      if (route.channel) {
        const status = faults.take(route.channel);
        if (status !== null) throw faultError(route.channel, status);
      }
      return await route.handler({ method: route.method, path, params, query, headers: req.headers, body });
    } catch (error) {
      if (error instanceof ProviderError) return { status: error.status, body: error.body };
      throw error;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const match = router.match(method, url.pathname);
    if (!match.route) {
      if (match.allowed.length) return sendJson(res, 405, { error: 'METHOD_NOT_ALLOWED', message: `Use ${match.allowed.join(' or ')}` }, { allow: match.allowed.join(', ') });
      return sendJson(res, 404, { error: 'NOT_FOUND', message: `No route for ${method} ${url.pathname}` });
    }
    try {
      const reply = await answer(match.route, req, url.pathname, match.params, url.searchParams);
      if (reply.html !== undefined) {
        res.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': INBOX_CSP, 'cache-control': 'no-store', ...reply.headers });
        return res.end(reply.html);
      }
      if (reply.body === undefined) {
        res.writeHead(reply.status, reply.headers ?? {});
        return res.end();
      }
      sendJson(res, reply.status, reply.body, reply.headers);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'PAYLOAD_TOO_LARGE', message: 'Request body too large' });
      logger?.error({ err: error, path: url.pathname }, 'simulator handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : 'Internal error' });
    }
  };

  const smtp = await startSmtpServer({ host, port: options.smtpPort ?? 2525, store, faults, ...(logger ? { logger } : {}) });
  const server = createServer((req, res) => void handle(req, res));
  let running;
  try {
    running = await listen(server, host, options.httpPort ?? 4011, async () => {
      receipts.close();
      await smtp.close();
      clearInterval(saving);
      save();
    });
  } catch (error) {
    await smtp.close();
    throw error;
  }
  publicUrl = (options.publicUrl ?? running.url).replace(/\/+$/, '');
  return { url: running.url, httpUrl: running.url, port: running.port, smtpPort: smtp.port, server, messages: store, receipts, faults, close: running.close };
}
