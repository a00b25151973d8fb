import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type Page, chromium } from 'playwright-core';
import { ROOT } from '@dieu-hanh/testing/e2e-support';

export const SCREENSHOTS = resolve(ROOT, 'test-output/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export const SHELL_URL = {
  'city-shell': 'http://localhost:4201/',
  'department-shell': 'http://localhost:4202/',
  'ward-portal': 'http://localhost:4203/',
} as const;

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.waitForSelector('#username', { timeout: 30_000 });
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
}

const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core (WCAG 2.1 A/AA rules) on the current page; returns serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string; nodes: number; help: string }[]> {
  await page.addScriptTag({ content: AXE });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[]; help: string }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
}

/** Records JavaScript responses of a page load, to measure the initial JS a user downloads (gzipped). */
export function recordScripts(page: Page): () => Promise<{ url: string; gzip: number }[]> {
  const seen: Promise<{ url: string; gzip: number } | null>[] = [];
  const urls = new Set<string>();
  page.on('response', (res) => {
    const type = res.headers()['content-type'] ?? '';
    // es-module-shims re-serves fetched modules as blob: URLs; count each network file once.
    if (!type.includes('javascript') || !res.url().startsWith('http') || urls.has(res.url())) return;
    urls.add(res.url());
    seen.push(res.body().then((b) => ({ url: res.url(), gzip: gzipSync(b).length })).catch(() => null));
  });
  return async () => (await Promise.all(seen)).filter((x): x is { url: string; gzip: number } => !!x);
}
