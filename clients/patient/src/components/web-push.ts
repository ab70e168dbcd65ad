// Web Push in the patient's browser: this device subscribed with the notifications service's VAPID
// key (PushManager.subscribe), the subscription sent to the graph (subscribeWebPush), and the service
// worker (public/sw.js) showing what is pushed. Pure parts first; the browser calls after.

/** A VAPID public key as the graph gives it (base64url, no padding) in the bytes PushManager wants. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Whether a subscription was made with this key (a rotated VAPID key needs a new subscription). */
export function sameKey(current: ArrayBuffer | null | undefined, key: Uint8Array): boolean {
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === key.length && bytes.every((byte, index) => byte === key[index]);
}

/** PushSubscription.toJSON() as the graph's PushSubscriptionInput. */
export function subscriptionInput(json: PushSubscriptionJSON): { endpoint: string; p256dh: string; auth: string } {
  const { endpoint, keys } = json;
  if (!endpoint || !keys?.p256dh || !keys.auth) throw new WebPushError('INCOMPLETE', 'O navegador não entregou uma inscrição completa. Tente de novo.');
  return { endpoint, p256dh: keys.p256dh, auth: keys.auth };
}

export class WebPushError extends Error {
  constructor(readonly code: 'UNSUPPORTED' | 'DENIED' | 'NO_WORKER' | 'INCOMPLETE', message: string) {
    super(message);
  }
}

/** What this device can do now: no Web Push at all, blocked by the person, or subscribed or not. */
export type DevicePushState = 'unsupported' | 'denied' | 'subscribed' | 'not-subscribed';

export const pushSupported = () => typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The app's service worker: registered at load in production builds (components/service-worker.tsx). */
async function registration(): Promise<ServiceWorkerRegistration> {
  const existing = await navigator.serviceWorker.getRegistration();
  if (existing) return existing;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WebPushError('NO_WORKER', 'O app ainda não está pronto para notificações neste aparelho. Recarregue a página e tente de novo.')), 8000);
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function devicePushState(): Promise<DevicePushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const existing = await navigator.serviceWorker.getRegistration();
  const subscription = await existing?.pushManager.getSubscription();
  return subscription && Notification.permission === 'granted' ? 'subscribed' : 'not-subscribed';
}

/**
 * Asks the person's permission (this must run from their click), then subscribes this device with the
 * VAPID key, reusing a subscription made with the same key. Returns what subscribeWebPush takes.
 */
export async function subscribeThisDevice(vapidPublicKey: string) {
  if (!pushSupported()) throw new WebPushError('UNSUPPORTED', 'Este navegador não recebe notificações.');
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new WebPushError('DENIED', 'Sem a sua permissão, o navegador não mostra notificações.');
  const worker = await registration();
  const key = applicationServerKey(vapidPublicKey);
  let subscription = await worker.pushManager.getSubscription();
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  return subscriptionInput(subscription.toJSON());
}

/**
 * Ends this device's subscription: the graph forgets it first (`forget`, with its endpoint), then the
 * browser drops it. Returns false when there was none.
 */
export async function unsubscribeThisDevice(forget: (endpoint: string) => Promise<unknown>): Promise<boolean> {
  if (!pushSupported()) return false;
  const subscription = await (await navigator.serviceWorker.getRegistration())?.pushManager.getSubscription();
  if (!subscription) return false;
  await forget(subscription.endpoint);
  await subscription.unsubscribe();
  return true;
}
