// The channels' settings, spread into notificationsConfigShape. Development defaults point at the
// messaging simulator (simulators/messaging) and share its secrets through .data/dev-secrets.json.
import { devSecret, isProduction } from '@medpay/runtime';
import webPush from 'web-push';
import { z } from 'zod';
import { PUSH_SERVICE_HOSTS } from './push.js';

const SIMULATOR_URL = 'http://127.0.0.1:4011';

/** Both halves of one development VAPID key pair, created once and kept together. */
const devVapidKeys = () => JSON.parse(devSecret('VAPID_KEYS', () => JSON.stringify(webPush.generateVAPIDKeys()))) as { publicKey: string; privateKey: string };

const list = z
  .string()
  .transform((text) => text.split(',').map((entry) => entry.trim()).filter(Boolean));

export const channelsConfigShape = {
  /** smtp://[user:password@]host:port, smtps:// for implicit TLS */
  SMTP_URL: z.string().url().default('smtp://127.0.0.1:2525'),
  SMTP_FROM: z.string().min(3).default('MedPay Saúde <nao-responda@medpay.com.br>'),

  /** Zenvia's API (https://api.zenvia.com in production) */
  ZENVIA_URL: z.string().url().default(SIMULATOR_URL),
  ZENVIA_API_TOKEN: z.string().min(1).default(() => devSecret('ZENVIA_API_TOKEN')),
  /** the sender id of the Zenvia SMS integration */
  ZENVIA_FROM: z.string().min(1).default('medpay'),
  /** shared secret Zenvia's webhook subscription sends in X-MedPay-Webhook-Token */
  ZENVIA_WEBHOOK_TOKEN: z.string().min(16).default(() => devSecret('ZENVIA_WEBHOOK_TOKEN')),

  /** the Graph API (https://graph.facebook.com in production) */
  WHATSAPP_URL: z.string().url().default(SIMULATOR_URL),
  WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/).default('v21.0'),
  WHATSAPP_TOKEN: z.string().min(1).default(() => devSecret('WHATSAPP_TOKEN')),
  WHATSAPP_PHONE_NUMBER_ID: z.string().min(1).default('100000000000002'),
  /** the Meta app's secret: status webhooks are signed with it (X-Hub-Signature-256) */
  WHATSAPP_APP_SECRET: z.string().min(1).default(() => devSecret('WHATSAPP_APP_SECRET')),
  /** what Meta presents when it verifies the webhook URL (GET /webhooks/whatsapp) */
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).default(() => devSecret('WHATSAPP_VERIFY_TOKEN')),

  /** VAPID key pair (base64url, as web-push generates them); set both or neither */
  VAPID_PUBLIC_KEY: z.string().min(1).default(() => devVapidKeys().publicKey),
  VAPID_PRIVATE_KEY: z.string().min(1).default(() => devVapidKeys().privateKey),
  /** the contact push services can reach: mailto: or https: */
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:)/).default('mailto:suporte@medpay.com.br'),
  /**
   * Where push subscriptions may point (they come from browsers): host suffixes, https only, or exact
   * origins. The four browser push services, plus the simulator outside production.
   */
  WEB_PUSH_ENDPOINT_ALLOWLIST: list.default(() => [...PUSH_SERVICE_HOSTS, ...(isProduction() ? [] : [SIMULATOR_URL])]),
};

export type ChannelsConfig = z.infer<z.ZodObject<typeof channelsConfigShape>>;
