// Service worker of the ward portal: keeps the app shell available on a weak connection.
// Same-origin only: API calls, the login server and remotes always go to the network.
const CACHE = 'dh-ward-shell-v1';
// Relative to where the portal is served (/ locally, /ward/ behind the proxy).
const SHELL = ['./', './index.html', './manifest.webmanifest', './icon.svg'].map((p) => new URL(p, self.registration.scope).href);
const INDEX = new URL('./index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  // config.json and the federation manifest change per deployment: always ask the network first.
  if (req.mode === 'navigate' || url.pathname.endsWith('.json')) {
    event.respondWith(
      fetch(req)
        .then((res) => {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(req.mode === 'navigate' ? INDEX : req, copy));
          return res;
        })
        .catch(() => caches.match(req.mode === 'navigate' ? INDEX : req)),
    );
    return;
  }
  // Hashed bundles never change: cache first.
  event.respondWith(
    caches.match(req).then(
      (hit) =>
        hit ||
        fetch(req).then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        }),
    ),
  );
});
