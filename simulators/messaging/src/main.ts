// Runs the messaging simulator as its own process: `npx tsx simulators/messaging/src/main.ts`.
// Defaults match the notifications service's (the same development secrets from .data/dev-secrets.json,
// its webhook endpoints on port 4005), so both started with no environment talk to each other.
import { baseConfigShape, createLogger, dataDir, devSecret, loadConfig, runService } from '@medpay/runtime';
import { join } from 'node:path';
import { z } from 'zod';
import { startMessagingSimulator } from './simulator.js';

const port = z.coerce.number().int().min(0).max(65_535);
const optionalUrl = z.union([z.literal(''), z.url()]);

const config = loadConfig({
  NODE_ENV: baseConfigShape.NODE_ENV,
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  HOST: baseConfigShape.HOST,
  MESSAGING_SIM_HTTP_PORT: port.default(4011),
  MESSAGING_SIM_SMTP_PORT: port.default(2525),
  /** scheme://host[:port] push endpoints start with, when the simulator is reached by another name */
  MESSAGING_SIM_PUBLIC_URL: z.url().optional(),
  MESSAGING_SIM_RECEIPT_DELAY_MS: z.coerce.number().int().min(0).default(200),
  MESSAGING_SIM_ZENVIA_TOKEN: z.string().min(1).default(() => devSecret('ZENVIA_API_TOKEN')),
  /** where SMS delivery receipts go; empty to only log them */
  MESSAGING_SIM_ZENVIA_WEBHOOK_URL: optionalUrl.default('http://127.0.0.1:4005/webhooks/zenvia'),
  /** sent as X-MedPay-Webhook-Token with every Zenvia webhook (a header configured on the subscription) */
  MESSAGING_SIM_ZENVIA_WEBHOOK_TOKEN: z.string().min(1).default(() => devSecret('ZENVIA_WEBHOOK_TOKEN')),
  MESSAGING_SIM_WHATSAPP_TOKEN: z.string().min(1).default(() => devSecret('WHATSAPP_TOKEN')),
  MESSAGING_SIM_WHATSAPP_APP_SECRET: z.string().min(1).default(() => devSecret('WHATSAPP_APP_SECRET')),
  /** where WhatsApp status webhooks go; empty to only log them */
  MESSAGING_SIM_WHATSAPP_WEBHOOK_URL: optionalUrl.default('http://127.0.0.1:4005/webhooks/whatsapp'),
  /** the inbox, kept across restarts; `memory` keeps nothing */
  MESSAGING_SIM_STATE_FILE: z.string().default(() => join(dataDir(), 'messaging-simulator.json')),
  /** JSON object: template name → body text with {{1}}, {{2}}… (other names are accepted and shown with their parameters) */
  MESSAGING_SIM_WHATSAPP_TEMPLATES: z
    .string()
    .default('{}')
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.string())),
});

const logger = createLogger('messaging-simulator', config.LOG_LEVEL);

await runService('messaging-simulator', async () => {
  const simulator = await startMessagingSimulator({
    host: config.HOST,
    httpPort: config.MESSAGING_SIM_HTTP_PORT,
    smtpPort: config.MESSAGING_SIM_SMTP_PORT,
    receiptDelayMs: config.MESSAGING_SIM_RECEIPT_DELAY_MS,
    zenviaToken: config.MESSAGING_SIM_ZENVIA_TOKEN,
    zenviaWebhookHeaders: { 'x-medpay-webhook-token': config.MESSAGING_SIM_ZENVIA_WEBHOOK_TOKEN },
    whatsappToken: config.MESSAGING_SIM_WHATSAPP_TOKEN,
    whatsappAppSecret: config.MESSAGING_SIM_WHATSAPP_APP_SECRET,
    whatsappTemplates: config.MESSAGING_SIM_WHATSAPP_TEMPLATES,
    ...(config.MESSAGING_SIM_STATE_FILE === 'memory' ? {} : { stateFile: config.MESSAGING_SIM_STATE_FILE }),
    logger,
    ...(config.MESSAGING_SIM_ZENVIA_WEBHOOK_URL ? { zenviaWebhookUrl: config.MESSAGING_SIM_ZENVIA_WEBHOOK_URL } : {}),
    ...(config.MESSAGING_SIM_WHATSAPP_WEBHOOK_URL ? { whatsappWebhookUrl: config.MESSAGING_SIM_WHATSAPP_WEBHOOK_URL } : {}),
    ...(config.MESSAGING_SIM_PUBLIC_URL ? { publicUrl: config.MESSAGING_SIM_PUBLIC_URL } : {}),
  });
  console.log(`messaging-simulator: SMTP on smtp://${config.HOST}:${simulator.smtpPort}, inbox at ${simulator.httpUrl}/`);
  return simulator;
});
