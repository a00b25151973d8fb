import { resolve } from 'node:path';
import { api, demoAccount, tokenFor, urls } from '@dieu-hanh/testing/e2e-support';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, SHELL_URL, launch, seriousA11yViolations, signIn } from './support/browser';
import { approvePlan, draftPlan, submitPlan, uniqueStamp } from './support/plans';

type ShellName = keyof typeof SHELL_URL;
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * What a first-time user hit (issue 10): the ward portal's header on a phone, the indicator table on a
 * phone, why "Sở TT&TT" finds Sở Khoa học và Công nghệ, the issue date of a plan of an earlier year, and
 * the old "Việc của đơn vị" address. Screenshots at 375 px and on a desktop.
 */
describe('first-time fixes', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  async function as(shell: ShellName, username: string, viewport = DESKTOP): Promise<Page> {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(`${SHELL_URL[shell]}?realm=ha-noi`);
    await signIn(page, username, 'Demo@2025');
    await page.waitForSelector('[data-testid=greeting]', { timeout: 30_000 });
    return page;
  }
  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: resolve(SCREENSHOTS, `first-time--${name}.png`), fullPage });
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  async function planId402(): Promise<string> {
    const { apiUrl, idpUrl } = urls();
    const token = await tokenFor(idpUrl, demoAccount('lanhdao'));
    const r = await api(apiUrl, '/plans?q=402', { method: 'GET', token });
    const plan = (r.body.items as { id: string; number: number | null }[]).find((p) => p.number === 402);
    if (!plan) throw new Error(`plan 402 not found: ${JSON.stringify(r.body)}`);
    return plan.id;
  }

  it('ward portal at 375 px: the header is one row and every tab can be reached', async () => {
    const page = await as('ward-portal', 'hoankiem.canbo', PHONE);
    const bar = (await page.locator('[data-testid=app-bar]').boundingBox())!;
    expect(bar.height).toBeLessThanOrEqual(64);
    // Every item of the bar sits inside it (nothing wrapped below) and on the screen.
    const items = await page.locator('[data-testid=app-bar] > *:not(.dh-spacer)').evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, right: r.right, width: r.width })),
    );
    for (const r of items.filter((i) => i.width > 0)) {
      expect(r.top).toBeGreaterThanOrEqual(bar.y - 1);
      expect(r.bottom).toBeLessThanOrEqual(bar.y + bar.height + 1);
      expect(r.right).toBeLessThanOrEqual(375);
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'ward-home-375');
    const tabs = page.locator('[data-testid=app-nav] a');
    const hrefs = await tabs.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/', '/ke-hoach', '/cong-viec', '/bao-cao', '/danh-muc']);
    for (let i = 0; i < hrefs.length; i++) {
      await tabs.nth(i).scrollIntoViewIfNeeded();
      const box = (await tabs.nth(i).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(376); // sub-pixel widths
    }
    // The current tab is brought into view after navigating.
    await page.evaluate(() => document.querySelector('[data-testid=app-nav]')!.scrollTo({ left: 0 }));
    await page.click('[data-testid=app-nav] a[href="/danh-muc"]');
    await page.waitForSelector('[data-testid=unit-search]');
    await page.waitForFunction(() => {
      const nav = document.querySelector('[data-testid=app-nav]')!.getBoundingClientRect();
      const a = document.querySelector('[data-testid=app-nav] a.dh-active')!.getBoundingClientRect();
      return a.left >= nav.left - 1 && a.right <= nav.right + 1;
    });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the directory says why "Sở TT&TT" finds Sở Khoa học và Công nghệ (phone and desktop)', async () => {
    for (const [shell, user, viewport, name] of [
      ['ward-portal', 'hoankiem.canbo', PHONE, 'directory-375'],
      ['department-shell', 'skhcn.daumoi', DESKTOP, 'directory-desktop'],
    ] as const) {
      const page = await as(shell, user, viewport);
      await page.click('[data-testid=app-nav] a[href="/danh-muc"]');
      await page.fill('[data-testid=unit-search]', 'Sở TT&TT');
      await page.waitForSelector('[data-testid=unit-match-01-SKHCN]', { timeout: 15_000 });
      expect(await page.textContent('[data-testid=unit-match-01-SKHCN]')).toContain('kế thừa Sở Thông tin và Truyền thông từ 01/03/2025');
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      await shot(page, name);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('plan 402’s indicators are readable cards at 375 px and a table on a desktop', async () => {
    const id = await planId402();
    for (const [viewport, name] of [
      [PHONE, 'indicators-375'],
      [DESKTOP, 'indicators-desktop'],
    ] as const) {
      const page = await as('city-shell', 'lanhdao', viewport);
      await page.goto(`${SHELL_URL['city-shell']}ke-hoach/${id}`);
      await page.waitForSelector('[data-testid=indicators] tbody tr', { timeout: 30_000 });
      const row = page.locator('[data-testid=indicators] tbody tr').first();
      await row.scrollIntoViewIfNeeded();
      const display = await row.evaluate((tr) => getComputedStyle(tr).display);
      expect(display).toBe(viewport === PHONE ? 'block' : 'table-row');
      if (viewport === PHONE) {
        // A card as wide as the screen allows, its name on lines of readable width.
        const width = (await row.boundingBox())!.width;
        expect(width).toBeGreaterThan(300);
        expect(await pageWidth(page)).toBeLessThanOrEqual(375);
      }
      await page.locator('[data-testid=indicators]').screenshot({ path: resolve(SCREENSHOTS, `first-time--${name}.png`) }).catch(() => shot(page, name));
      await page.context().close();
    }
  });

  it('issuing a plan of an earlier year defaults to a date the API accepts and says which dates are allowed', async () => {
    const stamp = uniqueStamp();
    const id = await draftPlan('skhcn.daumoi', {
      title: `Kế hoạch năm 2024 ${stamp}`,
      year: 2024,
      focalUnitCode: '01-SKHCN',
      tasks: [{ content: `Nhiệm vụ ${stamp}`, timeframe: 'Quý IV/2024', leads: [{ unit: '01-SKHCN' }] }],
    });
    await submitPlan('skhcn.daumoi', id);
    await approvePlan('lanhdao', id);
    const page = await as('city-shell', 'lanhdao');
    await page.goto(`${SHELL_URL['city-shell']}ke-hoach/${id}`);
    await page.click('[data-testid=issue]');
    await page.waitForSelector('[data-testid=issue-date]');
    expect(await page.inputValue('[data-testid=issue-date]')).toBe('31/12/2024');
    expect(await page.textContent('[data-testid=issue-date-hint]')).toContain('từ 01/01/2023 đến 31/12/2024');
    await page.fill('[data-testid=issue-number]', String(1000 + Math.floor(Math.random() * 98_000)));
    await shot(page, 'issue-form-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.click('[data-testid=issue-send]');
    await page.waitForFunction(() => document.querySelector('[data-testid=plan-status]')?.textContent?.includes('Đã ban hành'), null, { timeout: 30_000 });
    await page.context().close();
  });

  it('the old "Việc của đơn vị" address leads to the work list at /cong-viec', async () => {
    const page = await as('ward-portal', 'hoankiem.canbo', PHONE);
    await page.goto(`${SHELL_URL['ward-portal']}ke-hoach/nhiem-vu`);
    await page.waitForURL((u) => u.pathname.startsWith('/cong-viec'), { timeout: 30_000 });
    await page.context().close();
  });
});
