// The outside channels the notifications subgraph sends through, one adapter each, from its config.
import type { Channel } from '../generated/prisma/enums.js';
import type { ChannelAdapter } from './channel-adapter.js';
import type { ChannelsConfig } from './channels-config.js';
import { createEmailAdapter } from './email.js';
import { createWebPushAdapter } from './push.js';
import { createZenviaSmsAdapter } from './sms.js';
import { createWhatsAppAdapter } from './whatsapp.js';

export type ExternalChannel = Exclude<Channel, 'IN_APP'>;

export function createChannelAdapters(config: ChannelsConfig): Record<ExternalChannel, ChannelAdapter> {
  return {
    EMAIL: createEmailAdapter({ url: config.SMTP_URL, from: config.SMTP_FROM }),
    SMS: createZenviaSmsAdapter({ url: config.ZENVIA_URL, token: config.ZENVIA_API_TOKEN, from: config.ZENVIA_FROM }),
    WHATSAPP: createWhatsAppAdapter({ url: config.WHATSAPP_URL, token: config.WHATSAPP_TOKEN, phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID, apiVersion: config.WHATSAPP_API_VERSION }),
    PUSH: createWebPushAdapter({
      vapidPublicKey: config.VAPID_PUBLIC_KEY,
      vapidPrivateKey: config.VAPID_PRIVATE_KEY,
      subject: config.VAPID_SUBJECT,
      allowedEndpoints: config.WEB_PUSH_ENDPOINT_ALLOWLIST,
    }),
  };
}

export { ChannelError, type ChannelAdapter, type OutgoingMessage, type SendReceipt } from './channel-adapter.js';
export { channelsConfigShape, type ChannelsConfig } from './channels-config.js';
export { emailMessageId } from './email.js';
export { pushEndpointAllowed } from './push.js';
export { readWhatsAppStatuses, readZenviaStatus, receiptRoutes, whatsAppVerificationRoute, whatsAppWebhookRoute, zenviaWebhookRoute, WebhookRejectedError, type DeliveryReceipt, type ReceiptsHandler } from './receipts.js';
