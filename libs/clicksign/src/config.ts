// ClickSign's settings, as every service that asks for signatures reads them from the environment.
import { devSecret, type Logger } from '@medpay/runtime';
import { z } from 'zod';
import { ClickSignClient } from './clicksign-client.js';

export const clickSignConfigShape = {
  /** ClickSign's API (https://app.clicksign.com); the local simulator by default */
  CLICKSIGN_BASE_URL: z.string().url().default('http://127.0.0.1:4021'),
  CLICKSIGN_ACCESS_TOKEN: z.string().min(1).default(() => devSecret('CLICKSIGN_ACCESS_TOKEN')),
  /** the HMAC secret of our webhooks at ClickSign */
  CLICKSIGN_WEBHOOK_SECRET: z.string().min(16).default(() => devSecret('CLICKSIGN_WEBHOOK_SECRET')),
};

export type ClickSignConfig = z.infer<z.ZodObject<typeof clickSignConfigShape>>;

export const clickSignFrom = (config: ClickSignConfig, logger: Pick<Logger, 'warn' | 'error'>) =>
  new ClickSignClient({ baseUrl: config.CLICKSIGN_BASE_URL, accessToken: config.CLICKSIGN_ACCESS_TOKEN, webhookSecret: config.CLICKSIGN_WEBHOOK_SECRET, logger });
