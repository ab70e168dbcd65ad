// What every group of routes shares: the kept messages, faults, receipts and settings.
import type { Logger } from '@medpay/runtime';
import type { ReceiptSender } from './receipt-webhooks.js';
import type { MessageStore } from './store.js';

export interface SimulatorContext {
  store: MessageStore;
  receipts: ReceiptSender;
  settings: {
    zenviaToken: string;
    whatsappToken: string;
    whatsappBusinessAccountId: string;
    /** WhatsApp template name → body text with {{1}}, {{2}}… placeholders */
    whatsappTemplates: Record<string, string>;
  };
  /** scheme://host:port the simulator is reached at (push endpoints start with it) */
  publicUrl(): string;
  logger?: Logger;
}

/** Recipients whose number ends like this are never reached: their receipts say so. */
export const UNREACHABLE_SUFFIX = '0000';
