export * from './practice-system.js';
export * from './practice-system-factory.js';
export { HelenaAdapter, type HelenaAdapterOptions } from './helena-adapter.js';
export { HELENA_SIGNATURE_HEADER, parseHelenaWebhook, verifyHelenaSignature, type HelenaWebhookEvent } from './helena-webhooks.js';
export { NinSaudeAdapter, exchangeNinSaudeLogin, type NinSaudeAdapterOptions, type NinSaudeLogin } from './ninsaude-adapter.js';
export type { ClientTuning } from './provider-call.js';
