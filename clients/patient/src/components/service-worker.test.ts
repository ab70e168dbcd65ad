// public/sw.js's Web Push part, run against a stand-in for the service worker's global scope.
import { describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8');
const ORIGIN = 'https://app.medpay.com.br';

interface FakeWindow {
  url: string;
  focus: jest.Mock<() => Promise<FakeWindow>>;
  navigate?: jest.Mock<(url: string) => Promise<FakeWindow | null>>;
}

function worker(windows: FakeWindow[] = []) {
  const listeners = new Map<string, (event: unknown) => void>();
  const showNotification = jest.fn(async (_title: string, _options: NotificationOptions) => undefined);
  const openWindow = jest.fn(async (_url: string) => null);
  const self = {
    location: { origin: ORIGIN },
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    registration: { showNotification },
    clients: { matchAll: async () => windows, openWindow, claim: async () => undefined },
  };
  new Function('self', 'caches', 'fetch', source)(self, {}, () => Promise.reject(new Error('offline')));
  /** Dispatches an event and waits for what it asked the worker to wait for. */
  const dispatch = async (type: string, event: object) => {
    const pending: Promise<unknown>[] = [];
    listeners.get(type)!({ ...event, waitUntil: (promise: Promise<unknown>) => pending.push(promise) });
    await Promise.all(pending);
  };
  return { dispatch, showNotification, openWindow };
}

const pushed = (payload: object) => ({ data: { json: () => payload, text: () => JSON.stringify(payload) } });
const clicked = (link: unknown) => ({ notification: { close: jest.fn(), data: { link } } });
const appWindow = (url: string, navigate = true): FakeWindow => {
  const client: FakeWindow = { url, focus: jest.fn(async () => client) };
  if (navigate) client.navigate = jest.fn(async (to: string) => ({ ...client, url: to }));
  return client;
};

describe('the service worker shows pushed notifications', () => {
  it('shows { title, body, link } with the app icon, leading to the payment page', async () => {
    const { dispatch, showNotification } = worker();
    await dispatch('push', pushed({ title: 'Pagamento confirmado', body: 'Recebemos o seu PIX de R$ 1.200,00.', link: '/pagamentos/p1' }));
    expect(showNotification).toHaveBeenCalledWith('Pagamento confirmado', expect.objectContaining({
      body: 'Recebemos o seu PIX de R$ 1.200,00.',
      icon: '/icon-192.png',
      lang: 'pt-BR',
      tag: '/pagamentos/p1',
      data: { link: '/pagamentos/p1' },
    }));
  });

  it('still shows something for a payload that is not the expected JSON, and never links to another site', async () => {
    const { dispatch, showNotification } = worker();
    await dispatch('push', { data: { json: () => { throw new SyntaxError('not json'); }, text: () => 'Olá' } });
    expect(showNotification).toHaveBeenLastCalledWith('MedPay Saúde', expect.objectContaining({ body: 'Olá', data: { link: '/' } }));
    await dispatch('push', pushed({ title: 'x', body: 'y', link: 'https://evil.example/pagamentos/p1' }));
    expect(showNotification).toHaveBeenLastCalledWith('x', expect.objectContaining({ data: { link: '/' } }));
    await dispatch('push', { data: null });
    expect(showNotification).toHaveBeenLastCalledWith('MedPay Saúde', expect.objectContaining({ body: '' }));
  });
});

describe('a click on a notification', () => {
  it('focuses a window already on that page', async () => {
    const there = appWindow(`${ORIGIN}/pagamentos/p1`);
    const { dispatch, openWindow } = worker([appWindow(`${ORIGIN}/`), there]);
    const event = clicked('/pagamentos/p1');
    await dispatch('notificationclick', event);
    expect(event.notification.close).toHaveBeenCalled();
    expect(there.focus).toHaveBeenCalled();
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('takes an open window of the app to the page', async () => {
    const app = appWindow(`${ORIGIN}/parcelas`);
    const { dispatch, openWindow } = worker([app]);
    await dispatch('notificationclick', clicked('/pagamentos/p1'));
    expect(app.focus).toHaveBeenCalled();
    expect(app.navigate).toHaveBeenCalledWith(`${ORIGIN}/pagamentos/p1`);
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('opens the page when the app is not open (or its window cannot be navigated)', async () => {
    const uncontrolled = appWindow(`${ORIGIN}/`);
    uncontrolled.navigate = jest.fn(async () => { throw new TypeError('not controlled'); });
    const { dispatch, openWindow } = worker([uncontrolled]);
    await dispatch('notificationclick', clicked('/pagamentos/p1'));
    expect(openWindow).toHaveBeenCalledWith(`${ORIGIN}/pagamentos/p1`);

    const none = worker([]);
    await none.dispatch('notificationclick', clicked('//evil.example/x'));
    expect(none.openWindow).toHaveBeenCalledWith(`${ORIGIN}/`);
  });
});
