// A small static file server for the built shells and remotes (production builds served locally), with
// the same caching and compression rules as the production proxy (docker/proxy/nginx.conf):
// - content-hashed files (Angular's `name-HASH8.js`, Native Federation's `name.HASH10.js`) are
//   `immutable` for a year; everything else (index.html, config.json, sw.js, the federation manifests)
//   is `no-cache` with an ETag, so a revisit asks and gets 304 Not Modified;
// - text is sent brotli- or gzip-compressed when the browser accepts it (compressed once per file).
// SPA fallback to index.html; CORS open for remotes (shells load their modules cross-origin);
// `overrides` serves deploy-time files such as config.json and federation.manifest.json.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.ico']);

/** Content-hashed build outputs: `main-AB12CD34.js`, `chunk-…`, `_angular_core.7XzaXjgnGk.js`, `keycloak_js.y9YTkTx-0d.js`. */
export const HASHED_FILE = /(?:-[A-Z0-9]{8}|\.[A-Za-z0-9_-]{10})\.(?:js|mjs|css)$/;

/** Cache-Control for a path: a year for hashed files, revalidation for everything else. */
export function cacheControlFor(path) {
  return HASHED_FILE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The encoding to send, from Accept-Encoding: brotli, then gzip, else none. */
export function pickEncoding(acceptEncoding = '') {
  const accepted = new Map(
    String(acceptEncoding)
      .split(',')
      .map((part) => part.trim().split(';'))
      .map(([name, ...params]) => [name.trim().toLowerCase(), Number((params.find((p) => p.trim().startsWith('q=')) ?? 'q=1').trim().slice(2))]),
  );
  const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

export function serveStatic({ root, port, host = '127.0.0.1', overrides = {}, spa = true }) {
  const base = resolve(root);
  // One reading and compression per file version (path, size and mtime), kept for the server's life.
  const cache = new Map();
  const load = (file) => {
    const st = statSync(file);
    const key = `${file}|${st.size}|${st.mtimeMs}`;
    let entry = cache.get(key);
    if (!entry) {
      const body = readFileSync(file);
      entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`, encoded: new Map() };
      cache.set(key, entry);
    }
    return entry;
  };
  const encode = (entry, ext, encoding) => {
    if (!encoding || !COMPRESSIBLE.has(ext) || entry.body.length < 1024) return null;
    let body = entry.encoded.get(encoding);
    if (!body) {
      body = encoding === 'br'
        ? brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length } })
        : gzipSync(entry.body, { level: 9 });
      entry.encoded.set(encoding, body);
    }
    return body;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return res.writeHead(400).end('Bad path');
    }
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405).end();
    res.setHeader('Vary', 'Accept-Encoding');
    let entry;
    let ext;
    let cacheControl;
    if (overrides[path] !== undefined) {
      const body = Buffer.from(JSON.stringify(overrides[path]));
      entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`, encoded: new Map() };
      ext = '.json';
      cacheControl = 'no-cache';
    } else {
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) return res.writeHead(403).end();
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        if (!spa || extname(path)) return res.writeHead(404).end('Not found');
        file = join(base, 'index.html');
      }
      entry = load(file);
      ext = extname(file);
      cacheControl = cacheControlFor(file);
    }
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('ETag', entry.etag);
    if (req.headers['if-none-match'] === entry.etag) return res.writeHead(304).end();
    const encoding = pickEncoding(req.headers['accept-encoding']);
    const encoded = encode(entry, ext, encoding);
    const body = encoded ?? entry.body;
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...(encoded ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}
