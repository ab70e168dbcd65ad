// Web Push with VAPID: web-push encrypts the payload (aes128gcm) and signs the VAPID token; the request
// itself goes through fetch, like the other channels (timeout, no redirects), to an endpoint on the
// allow-list only — the endpoint comes from a browser, so it must not make us call anything else.
// Push services have no idempotency key; the nearest is Topic: a message with the Topic of one still
// queued replaces it. The payload carries our id too, for the service worker's notification tag.
import { createECDH, createHash } from 'node:crypto';
import webPush from 'web-push';
import { z } from 'zod';
import { ChannelError, DEFAULT_TIMEOUT_MS, isRetryableStatus, unreachable, type ChannelAdapter, type OutgoingMessage, type SendReceipt } from './channel-adapter.js';

export interface WebPushOptions {
  vapidPublicKey: string;
  vapidPrivateKey: string;
  /** mailto: or https: contact the push services can reach */
  subject: string;
  /** host suffixes (https only) or exact origins endpoints may have; see pushEndpointAllowed */
  allowedEndpoints: string[];
  /** how long a push service keeps an undelivered message */
  ttlSeconds?: number;
  timeoutMs?: number;
}

/** The push services of Chrome/Android, Firefox, Edge/Windows and Safari. */
export const PUSH_SERVICE_HOSTS = ['fcm.googleapis.com', 'push.services.mozilla.com', 'notify.windows.com', 'push.apple.com'];

const subscriptionSchema = z.object({
  endpoint: z.url(),
  keys: z.object({ p256dh: z.string().min(1), auth: z.string().min(1) }),
});

/**
 * Whether a subscription's endpoint is one we may POST to: an entry with a scheme is an exact origin
 * (http://127.0.0.1:4011, the simulator); any other entry is a host suffix, https only.
 */
export function pushEndpointAllowed(endpoint: string, allowlist: string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  return allowlist.some((entry) => {
    if (entry.includes('://')) return URL.canParse(entry) && new URL(entry).origin === url.origin;
    const host = entry.toLowerCase();
    return url.protocol === 'https:' && (url.hostname === host || url.hostname.endsWith(`.${host}`));
  });
}

/** Throws when the two halves of the VAPID key pair do not belong together. */
export function checkVapidKeys(publicKey: string, privateKey: string) {
  let derived: string;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
    derived = ecdh.getPublicKey().toString('base64url');
  } catch {
    throw new Error('VAPID_PRIVATE_KEY is not a base64url P-256 private key');
  }
  if (derived !== publicKey.replace(/=+$/, '')) throw new Error('VAPID_PUBLIC_KEY is not the public half of VAPID_PRIVATE_KEY');
}

/** A Topic (at most 32 URL-safe characters) derived from our id. */
export const pushTopic = (id: string) => createHash('sha256').update(id).digest('base64url').slice(0, 32);

export function createWebPushAdapter(options: WebPushOptions): ChannelAdapter {
  checkVapidKeys(options.vapidPublicKey, options.vapidPrivateKey);
  const vapidDetails = { subject: options.subject, publicKey: options.vapidPublicKey, privateKey: options.vapidPrivateKey };
  return {
    async send(message: OutgoingMessage): Promise<SendReceipt> {
      let subscription: z.infer<typeof subscriptionSchema>;
      try {
        subscription = subscriptionSchema.parse(JSON.parse(message.to));
      } catch {
        throw new ChannelError('Push: the recipient is not a subscription (JSON with endpoint and keys)', false);
      }
      if (!pushEndpointAllowed(subscription.endpoint, options.allowedEndpoints)) {
        throw new ChannelError(`Push: ${new URL(subscription.endpoint).origin} is not an allowed push service`, false);
      }
      const payload = JSON.stringify({ ...(message.payload ?? { title: message.subject ?? 'MedPay Saúde', body: message.text }), messageId: message.id });
      const topic = pushTopic(message.id);
      let details: ReturnType<typeof webPush.generateRequestDetails>;
      try {
        details = webPush.generateRequestDetails(subscription, payload, { vapidDetails, TTL: options.ttlSeconds ?? 86_400, topic });
      } catch (error) {
        // Bad subscription keys or a payload over the 4 KB limit.
        throw new ChannelError(`Push: ${error instanceof Error ? error.message : String(error)}`, false, undefined, { cause: error });
      }
      const { 'Content-Length': _length, ...headers } = details.headers as Record<string, string>;
      let response: Response;
      try {
        response = await fetch(details.endpoint, {
          method: 'POST',
          headers,
          body: new Uint8Array(details.body as Buffer),
          redirect: 'error',
          signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        });
        await response.arrayBuffer();
      } catch (error) {
        throw unreachable('Push service', error);
      }
      if (response.ok) return { providerMessageId: response.headers.get('location') ?? topic };
      const gone = response.status === 404 || response.status === 410;
      throw new ChannelError(
        gone ? `Push: the subscription is gone (${response.status})` : `Push service answered ${response.status}`,
        !gone && isRetryableStatus(response.status),
        response.status,
        { gone },
      );
    },
  };
}
