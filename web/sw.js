/* global self, caches, fetch, URL, __WHEELHOUSE_FILES__ */
/*
 * Wheelhouse's service worker (decision 058): the app shell and the build's files come from the
 * cache, so the app opens fast on a phone and offline; /api answers never do. They are one
 * person's coaching data (a cache would keep them on the device after sign-out) and a stale one
 * would show the wrong thing, so the worker does not even look at them.
 * The build (server/service-worker-plugin.ts) fills in BUILD and FILES; a new deploy changes BUILD,
 * the browser sees a new worker, and the page offers "A new version is ready: reload".
 */
const BUILD = '__WHEELHOUSE_BUILD__';
const FILES = __WHEELHOUSE_FILES__;
const CACHE = `wheelhouse-${BUILD}`;
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([SHELL, ...FILES])));
  // No skipWaiting() here: a new version waits until the person chooses to reload.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The update prompt's "Reload": the waiting version takes over, then the page reloads.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return; // never cached, never touched
  if (request.mode === 'navigate') {
    // Network first: a deploy shows at once; the cached shell only when the network fails.
    event.respondWith(fetch(request).catch(() => caches.match(SHELL)));
    return;
  }
  if (FILES.includes(url.pathname)) {
    // Hashed files never change under their name: the cached copy is the right one.
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});

/*
 * Web Push (decision 061). The server sends `{ title, link, text? }`, encrypted for this browser:
 * a title and a path in Wheelhouse, the words only where the person chose to show them. The
 * notification opens that path on this origin and nowhere else.
 */
function notificationTarget(notification) {
  const link = notification && notification.data && notification.data.link;
  try {
    const url = new URL(typeof link === 'string' ? link : '/', self.location.origin);
    if (url.origin === self.location.origin) return url.href;
  } catch {
    // not a usable address: the home page instead
  }
  return new URL('/', self.location.origin).href;
}

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  const title = typeof message.title === 'string' && message.title ? message.title : 'Wheelhouse';
  const link = typeof message.link === 'string' ? message.link : '/';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof message.text === 'string' ? message.text : '',
      icon: '/icons/icon-192.png',
      tag: link,
      data: { link },
    }),
  );
});

// A click opens the notification's page: a window already showing it comes forward, else a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = notificationTarget(event.notification);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === target);
      return open ? open.focus() : self.clients.openWindow(target);
    }),
  );
});
