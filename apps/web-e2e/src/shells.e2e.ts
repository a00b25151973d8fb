import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS as ACCOUNTS, type DemoAccount, demoAccount as byName } from '@dieu-hanh/testing/e2e-support';
import { SCREENSHOTS, SHELL_URL, launch, recordScripts, seriousA11yViolations, signIn } from './support/browser';

const homeShell = (a: DemoAccount): keyof typeof SHELL_URL =>
  a.tier === 2 ? 'ward-portal' : a.roles.some((r) => ['leader', 'office-officer', 'admin'].includes(r)) ? 'city-shell' : 'department-shell';
const BUDGET_GZIP = 300 * 1024;
const report: Record<string, unknown> = {};

describe('role shells in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    writeFileSync(resolve(SCREENSHOTS, 'measurements.json'), JSON.stringify(report, null, 2));
  });

  it.each(ACCOUNTS.map((a) => [a.username, a] as const))('%s signs in and lands on the home page of its shell', async (_u, a) => {
    const shell = homeShell(a);
    const context = await browser.newContext({ viewport: shell === 'ward-portal' ? { width: 375, height: 812 } : { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${SHELL_URL[shell]}?realm=${a.realm}`);
    await signIn(page, a.username, a.password);
    const scripts = recordScripts(page);
    await page.waitForSelector('[data-testid=greeting]', { timeout: 30_000 });
    // Not 'networkidle': the notification bell keeps its live stream (SSE) open for as long as the page is.
    await page.waitForLoadState('load');
    await page.waitForSelector('[data-testid=signed-in-user]');
    const header = await page.textContent('[data-testid=signed-in-user]');
    expect(header).toContain(`${a.lastName} ${a.firstName}`);
    expect(await page.textContent('[data-testid=greeting]')).toContain('Xin chào');
    // The unit's official name (from /me) is shown, not just its code.
    await page.waitForFunction((code) => !document.querySelector('[data-testid=unit]')?.textContent?.includes(code), a.unit);
    expect(await page.textContent('[data-testid=unit]')).toMatch(/Ủy ban nhân dân|Sở|Văn phòng/);
    await page.waitForSelector('[data-testid=capabilities] li');
    expect(await page.locator('[data-testid=capabilities] li').count()).toBeGreaterThan(0);

    const js = await scripts();
    const total = js.reduce((s, x) => s + x.gzip, 0);
    report[`initialJsGzip.${shell}.${a.username}`] = total;
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP);

    await page.screenshot({ path: resolve(SCREENSHOTS, `${shell}--${a.username}.png`), fullPage: true });
    const violations = await seriousA11yViolations(page);
    expect(violations).toEqual([]);
    if (shell === 'ward-portal') {
      // Usable on a 375 px phone: nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    }
    await context.close();
  });

  it('English is on a toggle', async () => {
    const a = byName('skhcn.daumoi');
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${SHELL_URL['department-shell']}?realm=ha-noi`);
    await signIn(page, a.username, a.password);
    await page.waitForSelector('[data-testid=greeting]');
    await page.click('button.dh-lang');
    await page.waitForFunction(() => document.querySelector('[data-testid=greeting]')?.textContent?.includes('Hello'));
    expect(await page.textContent('h2')).toMatch(/My unit’s (plans|work)|Focal/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'department-shell--english.png'), fullPage: true });
    await page.context().close();
  });

  it('a commune officer opening the city shell is told which app is theirs, and sees nothing else', async () => {
    const a = byName('hoankiem.canbo');
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${SHELL_URL['city-shell']}?realm=ha-noi`);
    await signIn(page, a.username, a.password);
    await page.waitForSelector('[data-testid=wrong-app]');
    expect(await page.getAttribute('[data-testid=wrong-app] a', 'href')).toBe(`${SHELL_URL['ward-portal']}?realm=ha-noi`);
    expect(await page.locator('[data-testid=greeting]').count()).toBe(0);
    expect(await page.locator('nav').count()).toBe(0);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'city-shell--refused-commune.png') });
    await page.context().close();
  });

  it('logout ends the session: the shell asks for credentials again', async () => {
    const a = byName('lanhdao');
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${SHELL_URL['city-shell']}?realm=ha-noi`);
    await signIn(page, a.username, a.password);
    await page.waitForSelector('[data-testid=greeting]');
    await page.click('button.dh-logout');
    await page.waitForSelector('#username', { timeout: 30_000 });
    await page.goto(SHELL_URL['city-shell']);
    await page.waitForSelector('#username', { timeout: 30_000 });
    expect(await page.locator('[data-testid=greeting]').count()).toBe(0);
    await page.context().close();
  });

  it.each([
    ['city-shell', 'lanhdao'],
    ['ward-portal', 'badinh.canbo'],
    ['department-shell', 'sgddt.canbo'],
  ] as const)('the directory remote loads inside the %s', async (shell, username) => {
    const a = byName(username);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${SHELL_URL[shell]}?realm=ha-noi`);
    await signIn(page, a.username, a.password);
    await page.waitForSelector('[data-testid=greeting]');
    const started = Date.now();
    await page.click('nav a[href="/danh-muc"]');
    await page.waitForSelector('[data-testid=unit-table]');
    report[`remoteLoadMs.${shell}`] = Date.now() - started;
    await page.fill('[data-testid=unit-search]', 'phuong');
    await page.waitForTimeout(600);
    const text = await page.textContent('[data-testid=unit-table]');
    if (shell === 'ward-portal') {
      expect(text).toContain('Phường Ba Đình');
      expect(text).not.toContain('Phường Hoàn Kiếm'); // never another commune
    } else {
      expect(text).toContain('Phường Hoàn Kiếm');
    }
    await page.screenshot({ path: resolve(SCREENSHOTS, `${shell}--directory-remote.png`), fullPage: true });
    await page.context().close();
  });
});
