import { baseConfigShape, fieldEncryptionConfigShape, loadConfig } from '@medpay/runtime';
import { z } from 'zod';
import { channelsConfigShape } from './channels/channels-config.js';

export const notificationsConfigShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).default(4005),
  /** this subgraph's database; DATABASE_URL serves every subgraph (one schema each) */
  NOTIFICATIONS_DATABASE_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  /** encrypts what notifications keeps that may be personal or health data (texts, addresses, webhook secrets) */
  ...fieldEncryptionConfigShape,
  /** the services notifications reads events from (embedded feed) and asks for what a message shows */
  USERS_URL: z.string().url().default('http://127.0.0.1:4001'),
  PROVIDERS_URL: z.string().url().default('http://127.0.0.1:4002'),
  PAYMENTS_URL: z.string().url().default('http://127.0.0.1:4003'),
  /** how often the embedded feed reader asks the sources for new events */
  FEED_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** where the apps live, for links in e-mails */
  PATIENT_APP_URL: z.string().url().default('http://127.0.0.1:3000'),
  PROVIDER_APP_URL: z.string().url().default('http://127.0.0.1:3001'),
  ADMIN_APP_URL: z.string().url().default('http://127.0.0.1:3002'),
  /** a procedure still unconfirmed this many days after the money went into escrow gets the clinic a reminder */
  CONFIRMATION_REMINDER_DAYS: z.coerce.number().int().positive().default(7),
  /** a message due longer ago than this when its event arrives is not sent (history, long outages) */
  MAX_LATE_HOURS: z.coerce.number().positive().default(24),
  /** webhook deliveries in flight at once per process: they wait on partners' servers (up to 10 s each), not on CPU */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().positive().default(50),
  /**
   * `21-8`: the hours in São Paulo (from-until) when non-urgent SMS and WhatsApp wait for the morning;
   * `off`: none (the tests' stacks, which must not depend on the time of day they run at)
   */
  QUIET_HOURS: z
    .string()
    .regex(/^(off|([01]?\d|2[0-3])-([01]?\d|2[0-3]))$/)
    .default('21-8')
    .transform((value) => (value === 'off' ? null : { from: Number(value.split('-')[0]), until: Number(value.split('-')[1]) })),
  /** the first retry's delay; each next one doubles (with jitter), up to an hour */
  RETRY_BASE_MS: z.coerce.number().int().positive().default(5_000),
  ...channelsConfigShape,
};

export type NotificationsConfig = ReturnType<typeof loadNotificationsConfig>;
export const loadNotificationsConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(notificationsConfigShape, env);
