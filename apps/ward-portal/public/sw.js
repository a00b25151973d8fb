// Service worker of the ward portal (issue 11): the portal opens from the phone, not from the network.
//
// - Install: the whole app is fetched once into the cache — index.html and what it names, the shell's
//   shared bundles (its remoteEntry.json), every module reachable from main.js, and from each remote of
//   federation.manifest.json its remoteEntry.json and the modules its exposed entries reach — so a later
//   start, even offline, needs nothing else. Those fetches go through the HTTP cache, which already holds
//   what the page itself loaded (hashed files are immutable), so nothing is downloaded twice.
// - Fetch: content-hashed files (`name-HASH8.js`, `name.HASH10.js`) from the cache first, forever;
//   the page (index.html) and the small unhashed files (config.json, the federation manifests) from the
//   cache too, checked against the network in the background at most every REVALIDATE_MS — a new
//   index.html means a new deployment: its files are fetched in the background, and used at the next
//   start. The API and the login server are never touched: their answers are the app's business.
// Relative to where the portal is served (/ locally, /ward/ behind the proxy).
const CACHE = 'dh-ward-app-v2';
const REVALIDATE_MS = 10 * 60 * 1000;
const HASHED = /(?:-[A-Z0-9]{8}|\.[A-Za-z0-9_-]{10})\.(?:js|mjs|css)$/;
const SCOPE = self.registration.scope;
const INDEX = new URL('./index.html', SCOPE).href;
const FIXED = ['./', './index.html', './config.json', './federation.manifest.json', './remoteEntry.json', './importmap.json', './manifest.webmanifest', './icon.svg', './favicon.ico'];
const MAX_FILES = 400;

/** Origins whose files this worker keeps: its own and the remotes' (from the federation manifest). */
const appOrigins = new Set([self.location.origin]);

/**
 * Puts an answer in the cache, stamped with when it was fetched (`x-dh-fetched`): the worker is
 * stopped between visits, so the time of the last check has to live with the answer.
 */
async function keep(cache, key, res) {
  const headers = new Headers(res.headers);
  headers.set('x-dh-fetched', String(Date.now()));
  // The body kept is the decoded one.
  headers.delete('content-encoding');
  headers.delete('content-length');
  await cache.put(key, new Response(await res.clone().blob(), { status: res.status, statusText: res.statusText, headers }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => learnRemoteOrigins())
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (req.mode === 'navigate' && url.origin === self.location.origin) {
    event.respondWith(fromCache(event, INDEX, () => fetch(req), { revalidate: true }));
    return;
  }
  if (!appOrigins.has(url.origin) || url.origin !== self.location.origin && !url.pathname.match(/\.(?:m?js|css|json)$/)) return;
  // The API or the login server on this origin (behind the proxy: /api/, /realms/…) are not app files.
  if (url.origin === self.location.origin && !url.href.startsWith(SCOPE)) return;
  const key = url.origin + url.pathname;
  if (HASHED.test(url.pathname)) {
    event.respondWith(fromCache(event, key, () => fetchAndKeep(key)));
    return;
  }
  event.respondWith(fromCache(event, key, () => fetchAndKeep(key), { revalidate: true }));
});

/** The cached answer (checked against the network later, for unhashed files), else the network's. */
async function fromCache(event, key, network, { revalidate = false } = {}) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) {
    if (revalidate) {
      const check = revalidateLater(key, Number(hit.headers.get('x-dh-fetched') ?? 0));
      if (check) event.waitUntil(check); // keep the worker alive until the check is done
    }
    return hit;
  }
  try {
    const res = await network();
    if (key === INDEX && res.ok) await keep(cache, INDEX, res);
    return res;
  } catch (error) {
    // Offline and never cached: a navigation still gets the app (it says there is no network).
    const index = key === INDEX ? null : await cache.match(INDEX);
    if (index && key.startsWith(self.location.origin) && !key.match(/\.[a-z0-9]+$/i)) return index;
    throw error;
  }
}

/** Checks an unhashed file against the network, at most every REVALIDATE_MS; null when not due. */
const checking = new Set();
function revalidateLater(key, fetchedAt) {
  if (Date.now() - fetchedAt < REVALIDATE_MS || checking.has(key)) return null;
  checking.add(key);
  return (async () => {
    const cache = await caches.open(CACHE);
    const before = await cache.match(key);
    const res = await fetch(key, { cache: 'no-cache', mode: 'cors', credentials: key.startsWith(self.location.origin) ? 'same-origin' : 'omit' }).catch(() => null);
    if (!res || !res.ok) return;
    const changed = !before || before.headers.get('etag') !== res.headers.get('etag') || !res.headers.get('etag');
    await keep(cache, key, res);
    // A new index.html is a new deployment: bring its files in now, for the next start.
    if (key === INDEX && changed) await precache();
  })()
    .catch(() => undefined)
    .finally(() => checking.delete(key));
}

async function fetchAndKeep(key) {
  const res = await fetch(key, { mode: 'cors', credentials: key.startsWith(self.location.origin) ? 'same-origin' : 'omit' });
  if (res.ok) {
    const copy = res.clone();
    caches.open(CACHE).then((c) => keep(c, key, copy));
  }
  return res;
}

/** Fetches the whole app into the cache (see the top of this file). Failures of single files are skipped. */
async function precache() {
  const cache = await caches.open(CACHE);
  const seen = new Set();
  const queue = [];
  const add = (href, base = SCOPE) => {
    try {
      const u = new URL(href, base);
      const key = u.origin + u.pathname;
      if (seen.has(key) || seen.size >= MAX_FILES) return;
      seen.add(key);
      queue.push(key);
    } catch {
      /* not a URL */
    }
  };
  const fetchText = async (key) => {
    const res = await fetch(key, { mode: 'cors', credentials: key.startsWith(self.location.origin) ? 'same-origin' : 'omit', cache: HASHED.test(key) ? 'default' : 'no-cache' });
    if (!res.ok) throw new Error(`${key}: ${res.status}`);
    await keep(cache, key === new URL('./', SCOPE).href ? INDEX : key, res);
    return res;
  };
  const index = await fetchText(INDEX).then((r) => r.text());
  for (const m of index.matchAll(/\b(?:src|href)="([^"#?]+)"/g)) if (!/^[a-z]+:/i.test(m[1]) || m[1].startsWith(SCOPE)) add(m[1]);
  for (const f of FIXED) add(f);
  // Modules reached from a module: esbuild's `from"./chunk-X.js"` and `import("./chunk-Y.js")`.
  const crawl = async (key) => {
    const res = await fetchText(key);
    if (!/\.m?js$/.test(key)) {
      if (key.endsWith('/remoteEntry.json')) {
        const entry = await res.json();
        // The shell's shared bundles; a remote's exposed modules (its shared ones are the shell's).
        const own = key === new URL('./remoteEntry.json', SCOPE).href;
        for (const s of own ? entry.shared ?? [] : []) if (s.outFileName) add(s.outFileName, key);
        for (const e of entry.exposes ?? []) if (e.outFileName) add(e.outFileName, key);
      } else if (key.endsWith('/federation.manifest.json')) {
        for (const remote of Object.values(await res.json())) {
          if (typeof remote !== 'string') continue;
          appOrigins.add(new URL(remote, SCOPE).origin);
          add(remote);
        }
      }
      return;
    }
    const text = await res.text();
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.\.?\/[^"']+\.m?js)["']/g)) add(m[1], key);
  };
  while (queue.length) {
    const batch = queue.splice(0, 6);
    await Promise.all(batch.map((key) => crawl(key).catch(() => undefined)));
  }
  await cache.put(new URL('./__remote-origins', SCOPE).href, new Response(JSON.stringify([...appOrigins])));
}

/** After a restart of the worker: the remotes' origins as the last precache found them. */
async function learnRemoteOrigins() {
  const kept = await (await caches.open(CACHE)).match(new URL('./__remote-origins', SCOPE).href);
  if (kept) for (const o of await kept.json().catch(() => [])) appOrigins.add(o);
}
learnRemoteOrigins();
