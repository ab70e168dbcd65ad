// MedPay patient app service worker: keeps the app shell (static assets, icons, the public pages
// and an offline page) available without a connection. It never stores API responses, session
// calls or anything personal: requests to other origins (the router, the card tokenizer), /api/*
// and non-GET requests are never intercepted, and only pages without personal data are cached.
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
