// Web Push: the simulator plays the browser (it creates subscriptions and holds their keys) and the push
// service (the endpoint the sender POSTs to). Messages are decrypted and kept as their JSON payload.
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { json } from '@medpay/simulation';
import type { SimulatorContext } from './context.js';
import { header, ProviderError, type Route } from './routes.js';
import type { PushRecord } from './store.js';
import { decryptAes128gcm, PushRequestError, verifyVapid, type UserAgentKeys } from './web-push-crypto.js';

interface Subscription extends UserAgentKeys {
  id: string;
  endpoint: string;
  /** unsubscribed: the push service answers 410 Gone, as for a browser that dropped it */
  gone: boolean;
}

const MAX_SUBSCRIPTIONS = 10_000;

const pushError = (status: number, message: string) => new ProviderError(status, { error: message });

export function pushRoutes(context: SimulatorContext): Route[] {
  const subscriptions = new Map<string, Subscription>();

  return [
    {
      method: 'POST',
      pattern: '/_sim/push/subscriptions',
      handler: () => {
        const ecdh = createECDH('prime256v1');
        ecdh.generateKeys();
        const id = randomUUID();
        const subscription: Subscription = { id, endpoint: `${context.publicUrl()}/_sim/push/send/${id}`, ecdh, authSecret: randomBytes(16), gone: false };
        subscriptions.set(id, subscription);
        if (subscriptions.size > MAX_SUBSCRIPTIONS) subscriptions.delete(subscriptions.keys().next().value!);
        // The shape of the browser's PushSubscription.toJSON().
        return json(201, {
          endpoint: subscription.endpoint,
          expirationTime: null,
          keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: subscription.authSecret.toString('base64url') },
        });
      },
    },
    {
      method: 'DELETE',
      pattern: '/_sim/push/subscriptions/:id',
      handler: (request) => {
        const subscription = subscriptions.get(request.params.id!);
        if (!subscription) throw pushError(404, 'No such subscription');
        subscription.gone = true;
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/push/send/:id',
      channel: 'push',
      handler: (request) => {
        const subscription = subscriptions.get(request.params.id!);
        if (!subscription) throw pushError(404, 'No such subscription');
        if (subscription.gone) throw pushError(410, 'The subscription has expired or was unsubscribed');
        try {
          const { subject } = verifyVapid(header(request.headers, 'authorization'), new URL(subscription.endpoint).origin);
          // RFC 8030: a push service refuses a message without TTL.
          const ttl = header(request.headers, 'ttl');
          if (ttl === undefined || !/^\d+$/.test(ttl)) throw new PushRequestError(400, 'The TTL header is required (seconds)');
          if (request.body.length && header(request.headers, 'content-encoding') !== 'aes128gcm') throw new PushRequestError(415, 'Only Content-Encoding: aes128gcm is supported');
          const plain = request.body.length ? decryptAes128gcm(request.body, subscription).toString('utf8') : '';
          let payload: unknown = plain;
          try {
            payload = JSON.parse(plain);
          } catch {
            // not JSON: kept as text
          }
          const topic = header(request.headers, 'topic') ?? null;
          const record: PushRecord = {
            channel: 'push',
            id: randomUUID(),
            subscriptionId: subscription.id,
            endpoint: subscription.endpoint,
            payload,
            ttl: Number(ttl),
            urgency: header(request.headers, 'urgency') ?? null,
            topic,
            vapidSubject: subject,
            receivedAt: new Date().toISOString(),
          };
          // A message with the Topic of one already held replaces it, as a push service does with one still queued.
          const key = topic ? `${subscription.id}:${topic}` : null;
          if (!key || !context.store.replace('push', key, record)) context.store.add('push', record, key);
          context.logger?.info({ subscriptionId: subscription.id, topic }, 'push message received');
          return json(201, {}, { location: `${context.publicUrl()}/_sim/push/messages/${record.id}` });
        } catch (error) {
          if (error instanceof PushRequestError) throw pushError(error.status, error.message);
          throw error;
        }
      },
    },
  ];
}
