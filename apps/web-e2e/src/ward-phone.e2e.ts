import { resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { urls } from '@dieu-hanh/testing/e2e-support';
import { SCREENSHOTS, SHELL_URL, launch, signIn } from './support/browser';

const WARD = SHELL_URL['ward-portal'];
const PHONE = { width: 375, height: 812 };
const YEAR = 'public, max-age=31536000, immutable';

/**
 * The ward portal on a phone (issue 11): how its files are cached, a repeat visit that does not go
 * through the login server, and a start without a network that shows the work list as of the last sync.
 * (The timings on a slow-4G profile are a report: `node tools/bench/phone.mjs`, docs/benchmarks.md.)
 */
describe('the ward portal on a phone', () => {
  let browser: Browser;
  const opened: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => browser?.close());

  it('hashed files are immutable for a year; index.html, config.json and sw.js are revalidated (304); text is compressed', async () => {
    const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, WARD), { headers });
    const index = await get('', { 'accept-encoding': 'br, gzip' });
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-encoding')).toBe('br');
    const html = await index.text();
    const etag = index.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await get('', { 'if-none-match': etag as string })).status).toBe(304);
    for (const file of ['config.json', 'sw.js', 'federation.manifest.json', 'remoteEntry.json']) {
      const res = await get(file);
      expect([file, res.status, res.headers.get('cache-control')]).toEqual([file, 200, 'no-cache']);
      expect(res.headers.get('etag')).toBeTruthy();
    }
    const main = /src="(main-[A-Z0-9]{8}\.js)"/.exec(html)?.[1];
    expect(main).toBeTruthy();
    expect((await get(main as string)).headers.get('cache-control')).toBe(YEAR);
    // Native Federation's shared bundles (`_angular_core.7XzaXjgnGk.js`) were served no-cache before.
    const entry = (await (await get('remoteEntry.json')).json()) as { shared: { packageName: string; outFileName: string }[] };
    const core = entry.shared.find((s) => s.packageName === '@angular/core')?.outFileName;
    expect(core).toMatch(/^_angular_core\.[A-Za-z0-9_-]{10}\.js$/);
    const coreRes = await get(core as string, { 'accept-encoding': 'gzip' });
    expect(coreRes.headers.get('cache-control')).toBe(YEAR);
    expect(coreRes.headers.get('content-encoding')).toBe('gzip');
  });

  it('signs in once; the next visit opens without the login server; offline, the work list as of the last sync', async () => {
    const { idpUrl } = urls();
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    opened.push(context);
    const page = await context.newPage();
    await page.goto(WARD);
    // First visit: the province picker (plain page, before the app loads), then the login page.
    await page.click('[data-testid=realm-picker] button:has-text("Hà Nội")');
    await signIn(page, 'hoankiem.canbo', 'Demo@2025');
    await page.waitForSelector('[data-testid=greeting]', { timeout: 30_000 });
    await page.goto(`${WARD}cong-viec`);
    await page.waitForSelector('[data-testid=my-item]', { timeout: 30_000 });
    const listed = await page.locator('[data-testid=my-item]').count();
    // The service worker has the whole app once its install is done.
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      for (let i = 0; i < 100 && !reg.active; i++) await new Promise((r) => setTimeout(r, 100));
    });
    await page.waitForFunction(async () => {
      const names = await caches.keys();
      if (!names.length) return false;
      const keys = await (await caches.open(names[0])).keys();
      return keys.some((k) => k.url.includes('/my-work-')) && keys.some((k) => k.url.includes('_angular_core.'));
    }, undefined, { timeout: 60_000, polling: 500 });

    // Repeat visit, a new tab: straight to the greeting, nothing asked of the login server.
    const again = await context.newPage();
    const toLoginServer: string[] = [];
    again.on('request', (r) => r.url().startsWith(idpUrl) && toLoginServer.push(r.url()));
    await again.goto(WARD);
    await again.waitForSelector('[data-testid=greeting]', { timeout: 30_000 });
    expect(toLoginServer).toEqual([]);
    await again.close();

    // No network: the portal still opens, with the list as last fetched and when.
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`${WARD}cong-viec`);
    await offline.waitForSelector('[data-testid=my-as-of]', { timeout: 30_000 });
    expect(await offline.locator('[data-testid=my-item]').count()).toBe(listed);
    expect(await offline.textContent('[data-testid=my-as-of]')).toMatch(/Danh sách lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await offline.locator('[data-testid=my-offline]').count()).toBe(1);
    // An assignment opened from the kept list shows its kept state.
    await offline.click('[data-testid=my-item] >> nth=0');
    await offline.waitForSelector('[data-testid=work-task], [data-testid=work-missing]', { timeout: 30_000 });
    await offline.screenshot({ path: resolve(SCREENSHOTS, 'ward-phone--offline-assignment.png'), fullPage: true });
    await context.setOffline(false);
  });

  it('a first sign-in without a network says so, instead of the browser’s error page', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    opened.push(context);
    const page = await context.newPage();
    // Load the portal once (its service worker keeps it), without signing in.
    const worker = context.waitForEvent('serviceworker', { timeout: 30_000 });
    await page.goto(`${WARD}?realm=ha-noi`);
    await page.waitForSelector('#username', { timeout: 30_000 });
    const sw = context.serviceWorkers()[0] ?? (await worker);
    // Until the worker's install has the app in its cache.
    for (let i = 0; i < 120; i++) {
      const ready = await sw
        .evaluate(async () => {
          const names = await caches.keys();
          const keys = names.length ? await (await caches.open(names[0])).keys() : [];
          // Activated too: only an active worker answers the offline navigation.
          const active = (self as unknown as { registration: { active: { state: string } | null } }).registration.active?.state === 'activated';
          return active && keys.some((k) => k.url.includes('_angular_core.')) && keys.some((k) => k.url.endsWith('/index.html'));
        })
        .catch(() => false);
      if (ready) break;
      if (i === 119) throw new Error('the service worker never had the portal in its cache');
      await page.waitForTimeout(500);
    }
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`${WARD}?realm=ha-noi`);
    await offline.waitForSelector('[data-testid=sign-in-offline]', { timeout: 30_000 });
    expect(await offline.textContent('[data-testid=sign-in-offline]')).toContain('Chưa có kết nối mạng');
  });
});
