// The ward portal on a phone (issue 11): first visit, repeat visit and offline start, in Debian's
// Chromium driven by playwright-core, on a slow-4G phone profile — a report, not a timed test.
//
//   node tools/bench/phone.mjs [--runs 3] [--no-build] [--no-report] [--fast] [--shell ward-portal]
//
// Starts its own system from the production builds — the login server, the API on an embedded
// PostgreSQL of its own (.data/phone, demo data), the shells and remotes through the same static server
// as `npm start` — so nothing but the shells' ports (4201-4203, the realms' registered redirect URIs)
// is shared with `npm start` and the browser tests: do not run them at the same time.
//
// Profile (issue 11): 375×812 at 2×, touch, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed
// 4×, the service worker's own requests throttled the same way (CDP on the page and on the worker).
// `--fast` measures without throttling. Each run is a fresh browser profile (a first visit), then a
// repeat visit in the same profile, then an offline start. Prints one JSON line per step and writes the
// medians and the first visit's request waterfall to docs/benchmarks.md (between the phone markers).
import { log, root, run, start, stopAll, waitFor } from './processes.mjs';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { WebSocket } from 'ws';
import { serveStatic } from '../scripts/static-server.mjs';
import { REMOTES, SHELLS, shellOverrides } from '../scripts/web-config.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 3));
const fast = flag('fast');
const shellName = option('shell', 'ward-portal');
const username = option('user', 'hoankiem.canbo');
const password = 'Demo@2025';
const dataDir = join(root, '.data', 'phone');
const apiPort = 3192;
const idpPort = 8192;
const cdpPort = 9229 + 100;
const API = `http://localhost:${apiPort}`;
const IDP = `http://localhost:${idpPort}`;
const shell = SHELLS.find((s) => s.name === shellName);
if (!shell) throw new Error(`unknown shell ${shellName}`);
const SHELL_URL = `http://localhost:${shell.port}/`;

// The issue's phone profile; throughput in bytes per second.
const NETWORK = fast
  ? { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }
  : { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = fast ? 1 : 4;

const servers = [];




// ── Network accounting: every request of the page and of its service worker, from CDP ─────────────────
/**
 * Records the requests seen by a CDP session (a page's or a service worker's): URL, type, when it
 * started and finished (ms from `t0`), bytes on the wire, and whether it came from a cache or the
 * service worker (then nothing moved over the network for the page).
 */
function recorder(label) {
  const requests = new Map();
  let t0 = 0;
  const now = () => performance.now() - t0;
  const handlers = {
    'Network.requestWillBeSent': (e) => {
      if (!requests.has(e.requestId)) requests.set(e.requestId, { who: label, url: e.request.url, type: e.type ?? '', start: now(), end: null, bytes: 0, status: 0, cached: false, fromSw: false });
    },
    'Network.responseReceived': (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.status = e.response.status;
      r.cached = !!(e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromMemoryCache);
      r.fromSw = !!e.response.fromServiceWorker;
      r.encoding = e.response.headers?.['content-encoding'] ?? e.response.headers?.['Content-Encoding'] ?? '';
      r.cacheControl = e.response.headers?.['cache-control'] ?? e.response.headers?.['Cache-Control'] ?? '';
    },
    'Network.requestServedFromCache': (e) => {
      const r = requests.get(e.requestId);
      if (r) r.cached = true;
    },
    'Network.loadingFinished': (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.end = now();
      r.bytes = e.encodedDataLength ?? 0;
    },
    'Network.loadingFailed': (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.end = now();
      r.failed = e.errorText;
    },
  };
  return {
    handlers,
    reset(at) {
      requests.clear();
      t0 = at;
    },
    list: () => [...requests.values()],
  };
}

/** Bytes and requests that really crossed the network (not served by a cache or by the service worker). */
function overTheWire(list) {
  const wire = list.filter((r) => !r.cached && !r.fromSw && !r.url.startsWith('data:') && !r.url.startsWith('blob:'));
  return { requests: wire.length, bytes: wire.reduce((s, r) => s + r.bytes, 0) };
}

/**
 * Throttles every service worker like the page, and records its requests. Playwright's CDP sessions
 * reach pages only, so this is a second, raw CDP connection to the browser (--remote-debugging-port):
 * auto-attached to service workers as they start, paused until throttled (waitForDebuggerOnStart).
 */
async function throttleServiceWorkers(wsUrl, swRec) {
  const socket = new WebSocket(wsUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let id = 1;
  const send = (method, params = {}, sessionId) => socket.send(JSON.stringify({ id: id++, method, params, ...(sessionId ? { sessionId } : {}) }));
  socket.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.method === 'Target.attachedToTarget') {
      const { sessionId, targetInfo } = msg.params;
      if (targetInfo.type === 'service_worker') {
        send('Network.enable', {}, sessionId);
        send('Network.emulateNetworkConditions', NETWORK, sessionId);
      }
      send('Runtime.runIfWaitingForDebugger', {}, sessionId);
    } else if (msg.sessionId && msg.method) {
      swRec.handlers[msg.method]?.(msg.params);
    }
  });
  send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter: [{ type: 'service_worker', exclude: false }, { exclude: true }] });
  return { close: () => socket.close() };
}

async function phonePage(context) {
  const page = await context.newPage();
  if (process.env.BENCH_VERBOSE) {
    page.on('console', (m) => process.stderr.write(`[console.${m.type()}] ${m.text().slice(0, 300)}\n`));
    page.on('pageerror', (e) => process.stderr.write(`[pageerror] ${e.message.slice(0, 300)}\n`));
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { page, cdp };
}

const greeting = '[data-testid=greeting]';

/** One run: a fresh profile's first visit, then a repeat visit, then an offline start. */
async function measureRun(browser, wsUrl, n) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const pageRec = recorder('page');
  const swRec = recorder('sw');
  const swSession = await throttleServiceWorkers(wsUrl, swRec);
  const { page, cdp } = await phonePage(context);
  for (const [event, handler] of Object.entries(pageRec.handlers)) cdp.on(event, handler);
  const out = { run: n };

  // First visit: the portal → (province picker) → the login form; typing excluded; → "Xin chào".
  let t0 = performance.now();
  pageRec.reset(t0);
  swRec.reset(t0);
  await page.goto(SHELL_URL, { waitUntil: 'commit' });
  const picker = page.locator('.dh-realm-picker button', { hasText: 'Hà Nội' });
  const first = await Promise.race([
    page.waitForSelector('#username', { timeout: 120_000 }).then(() => 'login'),
    picker.waitFor({ timeout: 120_000 }).then(() => 'picker'),
  ]);
  if (first === 'picker') await picker.click();
  await page.waitForSelector('#username', { timeout: 120_000 });
  const toLogin = performance.now() - t0;
  await page.fill('#username', username);
  await page.fill('#password', password);
  const tSubmit = performance.now();
  await page.click('#kc-login');
  await page.waitForSelector(greeting, { timeout: 120_000 });
  const toGreeting = toLogin + (performance.now() - tSubmit);
  // Let the service worker finish installing (its precache is part of what a first visit moves).
  await page.waitForTimeout(fast ? 1_500 : 6_000);
  const firstList = [...pageRec.list(), ...swRec.list()];
  out.first = { toLoginMs: Math.round(toLogin), toGreetingMs: Math.round(toGreeting), ...overTheWire(firstList) };
  out.firstWaterfall = firstList;

  // Repeat visit: same profile, a new tab, straight to the greeting.
  const repeat = await phonePage(context);
  const repeatRec = recorder('page');
  for (const [event, handler] of Object.entries(repeatRec.handlers)) repeat.cdp.on(event, handler);
  t0 = performance.now();
  repeatRec.reset(t0);
  swRec.reset(t0);
  await repeat.page.goto(SHELL_URL, { waitUntil: 'commit' });
  await repeat.page.waitForSelector(greeting, { timeout: 120_000 });
  const repeatMs = performance.now() - t0;
  await repeat.page.waitForTimeout(1_000);
  const repeatList = [...repeatRec.list(), ...swRec.list()];
  const nonApi = repeatList.filter((r) => !r.cached && !r.fromSw && !r.url.startsWith(API) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'));
  out.repeat = { toGreetingMs: Math.round(repeatMs), ...overTheWire(repeatList), nonApiOverWire: nonApi.map((r) => `${r.url.replace(/^https?:\/\/localhost:/, ':')} ${r.bytes}`) };
  // The officer opens "Việc của tôi" while online: the last sync the offline start will show.
  await repeat.page.goto(`${SHELL_URL}cong-viec`, { waitUntil: 'commit' });
  await repeat.page.waitForSelector('[data-testid=my-item]', { timeout: 120_000 });
  await repeat.page.waitForTimeout(500);

  // Offline: the network gone, the portal opened again (a reload of the work list).
  await context.setOffline(true);
  const offline = await phonePage(context);
  await offline.cdp.send('Network.emulateNetworkConditions', { ...NETWORK, offline: true });
  t0 = performance.now();
  let offlineResult;
  try {
    await offline.page.goto(`${SHELL_URL}cong-viec`, { waitUntil: 'commit', timeout: 30_000 });
    await offline.page.waitForSelector('[data-testid=my-item], [data-testid=my-as-of], [data-testid=sign-in-offline], #username', { timeout: 30_000 });
    const items = await offline.page.locator('[data-testid=my-item]').count();
    const asOf = await offline.page.locator('[data-testid=my-as-of]').first().textContent().catch(() => null);
    offlineResult = { opened: items > 0, items, asOf: asOf?.trim() ?? null, ms: Math.round(performance.now() - t0) };
  } catch (error) {
    const text = await offline.page.evaluate(() => document.body?.innerText?.slice(0, 120) ?? '').catch(() => '');
    offlineResult = { opened: false, error: String(error.message ?? error).split('\n')[0], page: text };
  }
  out.offline = offlineResult;
  await offline.page.screenshot({ path: join(root, 'test-output', `phone-offline-${n}.png`) }).catch(() => undefined);
  await context.close();
  swSession.close();
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function writeReport(results) {
  const file = join(root, 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const begin = `<!-- phone${fast ? '-fast' : ''}:begin -->`;
  const end = `<!-- phone${fast ? '-fast' : ''}:end -->`;
  const m = (f) => median(results.map(f));
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  const last = results.at(-1);
  const waterfall = last.firstWaterfall
    .filter((r) => !r.url.startsWith('data:') && !r.url.startsWith('blob:'))
    .sort((a, b) => a.start - b.start)
    .map((r) => `| ${r.who} | ${r.url.replace(/^https?:\/\/localhost:/, ':').slice(0, 90)} | ${Math.round(r.start)} | ${r.end === null ? '–' : Math.round(r.end)} | ${r.cached ? 'cache' : r.fromSw ? 'sw' : r.bytes} | ${r.encoding || ''} | ${r.cacheControl || ''} |`);
  const section = `${begin}
## The ward portal on a phone (\`node tools/bench/phone.mjs${fast ? ' --fast' : ''}\`)

Measured ${new Date().toISOString().slice(0, 10).split('-').reverse().join('/')} in Debian's Chromium (playwright-core), account \`${username}\`, ${
    fast ? 'no throttling' : '375×812 at 2×, touch, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower, the service worker throttled alike'
  }; median of ${results.length} fresh profiles. Typing time is excluded.

| step | time | moved over the network |
| --- | --- | --- |
| open the portal → login form (province picker included) | ${(m((r) => r.first.toLoginMs) / 1000).toFixed(1)} s | |
| open the portal → "Xin chào" (first visit, login included) | ${(m((r) => r.first.toGreetingMs) / 1000).toFixed(1)} s | ${kb(m((r) => r.first.bytes))} in ${m((r) => r.first.requests)} requests |
| repeat visit → "Xin chào" | ${(m((r) => r.repeat.toGreetingMs) / 1000).toFixed(1)} s | ${kb(m((r) => r.repeat.bytes))} in ${m((r) => r.repeat.requests)} requests |
| offline start of /cong-viec | ${results.every((r) => r.offline.opened) ? `opens with ${last.offline.items} assignments${last.offline.asOf ? ` ("${last.offline.asOf}")` : ''}` : `does not open (${last.offline.error ?? 'no work list'})`} | |

Targets (issue 11): first visit ≤ 5 s and ≤ 500 KB; repeat visit ≤ 1.5 s with nothing but API data over the network; offline, the work list as of the last sync.
Repeat visit, files other than API data that crossed the network: ${last.repeat.nonApiOverWire.length ? last.repeat.nonApiOverWire.join(', ') : 'none'}.

<details><summary>First visit, request by request (last run; ms from opening the portal; bytes on the wire, "cache" or "sw" when none moved)</summary>

| by | request | start | end | bytes | encoding | cache-control |
| --- | --- | --- | --- | --- | --- | --- |
${waterfall.join('\n')}

</details>
${end}`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  writeFileSync(file, i >= 0 && j > i ? text.slice(0, i) + section + text.slice(j + end.length) : `${text.trimEnd()}\n\n${section}\n`);
  log('report written to docs/benchmarks.md');
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────────────────
if (!flag('no-build')) run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'dev-idp', ...SHELLS.map((s) => s.name), ...REMOTES.map((r) => r.name), '--output-style=static'], { NX_DAEMON: 'false' });
mkdirSync(dataDir, { recursive: true });
mkdirSync(join(root, 'test-output'), { recursive: true });
const realms = JSON.parse(readFileSync(join(root, 'seeds/identity/realms.json'), 'utf8')).realms;
rmSync(join(dataDir, 'dev-idp'), { recursive: true, force: true });
start('login', ['dist/apps/dev-idp/main.js'], { PORT: String(idpPort), DEV_IDP_PUBLIC_URL: IDP, DEV_IDP_DATA_DIR: join(dataDir, 'dev-idp') });
start('api', ['dist/apps/api/main.js'], {
  DIEU_HANH_DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: '54342',
  PORT: String(apiPort),
  SEED_ON_START: 'demo',
  LOG_LEVEL: 'warn',
  AUTH_ISSUERS: realms.map((r) => `${IDP}/realms/${r.realm}`).join(','),
  CORS_ORIGINS: SHELLS.map((s) => `http://localhost:${s.port}`).join(','),
});
for (const r of REMOTES) servers.push(await serveStatic({ root: join(root, `dist/apps/${r.name}/browser`), port: r.port, spa: false }));
for (const s of SHELLS) servers.push(await serveStatic({ root: join(root, `dist/apps/${s.name}/browser`), port: s.port, overrides: shellOverrides(s.name, { apiUrl: API, idpUrl: IDP, realms }) }));
await Promise.all([waitFor(`${IDP}/health`, 60_000), waitFor(`${API}/health`, 180_000)]);
log(`system up (${fast ? 'no throttling' : 'slow 4G phone profile'}); ${runs} runs of ${SHELL_URL} as ${username}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--remote-debugging-port=${cdpPort}`],
});
const { webSocketDebuggerUrl } = await (await fetch(`http://127.0.0.1:${cdpPort}/json/version`)).json();
const results = [];
try {
  for (let i = 1; i <= runs; i++) {
    const r = await measureRun(browser, webSocketDebuggerUrl, i);
    results.push(r);
    process.stdout.write(`${JSON.stringify({ ...r, firstWaterfall: undefined })}\n`);
  }
} finally {
  await browser.close();
  for (const s of servers) {
    s.closeAllConnections?.();
    s.close();
  }
  await stopAll();
}
if (!flag('no-report') && results.length) writeReport(results);
process.exit(0);
