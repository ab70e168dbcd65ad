// MedPay patient app service worker: keeps the app shell (static assets, icons, the public pages
// and an offline page) available without a connection, and shows Web Push notifications. It never
// stores API responses, session calls or anything personal: requests to other origins (the router,
// the card tokenizer), /api/* and non-GET requests are never intercepted, and only pages without
// personal data are cached.
const CACHE = 'medpay-shell-v1';
const SHELL = ['/', '/offline', '/manifest.webmanifest', '/icon-192.png', '/icon-512.png'];
// Pages that hold no personal data (their data is fetched by the page with the user's token).
const PUBLIC_PAGES = [/^\/$/, /^\/privacidade$/, /^\/clinicas\/[^/]+$/, /^\/procedimentos\/[^/]+$/, /^\/entrar$/, /^\/cadastro$/, /^\/offline$/];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))).then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;

  // Build assets are content-hashed: cache first.
  if (url.pathname.startsWith('/_next/static/') || /\.(png|svg|ico|webmanifest)$/.test(url.pathname)) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
    return;
  }

  // Pages: network first; offline, the cached public page or the offline page.
  if (request.mode === 'navigate') {
    const cacheable = PUBLIC_PAGES.some((pattern) => pattern.test(url.pathname));
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (cacheable && response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
          }
          return response;
        })
        .catch(async () => (cacheable && (await caches.match(url.pathname))) || caches.match('/offline')),
    );
  }
});

// Web Push from the notifications service: a JSON payload { title, body, link }, link being a path
// of this app (the payment page). Anything else pushed still shows, and opens the app's home.
const APP_NAME = 'MedPay Saúde';

/** A path of this app, or null: pushed links never take the patient to another site. */
function ownPath(link) {
  if (typeof link !== 'string' || !link) return null;
  try {
    const url = new URL(link, self.location.origin);
    return url.origin === self.location.origin ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

function pushedMessage(data) {
  if (!data) return {};
  try {
    const message = data.json();
    return message && typeof message === 'object' ? message : {};
  } catch {
    return { body: data.text() };
  }
}

self.addEventListener('push', (event) => {
  const message = pushedMessage(event.data);
  const title = typeof message.title === 'string' && message.title ? message.title : APP_NAME;
  const link = ownPath(message.link);
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof message.body === 'string' ? message.body : '',
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      lang: 'pt-BR',
      // one notification per place it leads (a payment's second update replaces its first)
      tag: link ?? undefined,
      data: { link: link ?? '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(ownPath(event.notification.data && event.notification.data.link) ?? '/', self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      // Already open on that page: bring it forward.
      const there = windows.find((client) => client.url === target);
      if (there) return there.focus();
      // The app open elsewhere: that window goes to the page (only a window this worker controls can be navigated).
      const app = windows.find((client) => new URL(client.url).origin === self.location.origin && 'navigate' in client);
      if (app) {
        try {
          // focus first: the permission to bring a window forward lasts only briefly after the click
          await app.focus();
          if (await app.navigate(target)) return undefined;
        } catch {
          // not controlled by this worker: a new window below
        }
      }
      return self.clients.openWindow(target);
    })(),
  );
});
