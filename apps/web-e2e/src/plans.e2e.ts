import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { SCREENSHOTS, SHELL_URL, launch, seriousA11yViolations, signIn } from './support/browser';
import { issuedPlan, uniqueStamp } from './support/plans';

/**
 * The plan viewer and the assignment detail — micro-frontends of the mfe-plans remote — inside the city
 * shell and the ward portal, on a plan drafted, approved and issued through the API by demo accounts.
 * The title carries a stamp: the demo seed holds a real plan with the same words.
 */
const TITLE = `Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số thành phố Hà Nội năm 2025 (${uniqueStamp()})`;

describe('plan viewer and assignment detail in two shells', () => {
  let browser: Browser;
  let planId: string;

  beforeAll(async () => {
    planId = await issuedPlan({
      title: TITLE,
      focalUnitCode: '01-SKHCN',
      tasks: [
        { section: 'III.1', content: 'Tuyên truyền qua Hệ thống truyền thanh cơ sở, mạng xã hội, pano, infographic', timeframe: 'Thường xuyên, trong quý IV/2025', leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [{ unit: '01-SKHCN' }, { unit: '01-SVHTT' }] },
        { section: 'III.2', content: 'Tổ chức Lễ phát động phong trào Học tập số', timeframe: 'Trong tháng 10/2025', leads: [{ unit: '01-SKHCN' }], coordinators: [{ unit: '01-SGDDT' }, { unit: '01-TDOAN' }] },
      ],
    });
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('a city leader reads the plan with every assignment and opens one', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${SHELL_URL['city-shell']}?realm=ha-noi`);
    await signIn(page, 'lanhdao', 'Demo@2025');
    await page.waitForSelector('[data-testid=greeting]');
    await page.click('nav a[href="/ke-hoach"]');
    await page.waitForSelector('[data-testid=plan-list]');
    await page.click(`text=${TITLE}`);
    await page.waitForSelector('[data-testid=plan-tasks]');
    expect(await page.textContent('[data-testid=plan-status]')).toContain('Đã ban hành');
    // Task 1 went to all 126 communes plus two coordinating departments.
    const tasks = page.locator('[data-testid=plan-tasks] [data-testid=task]');
    expect(await tasks.first().locator('[data-testid=task-assignments] > summary').textContent()).toContain('(128)');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'city-shell--plan-viewer.png'), fullPage: false });
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Long assignment lists start folded: open the second task's list, then its first assignment.
    await tasks.nth(1).locator('[data-testid=task-assignments]').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await tasks.nth(1).locator('[data-testid=assignment-link]').first().click();
    await page.waitForSelector('[data-testid=assignment-unit]');
    expect(await page.textContent('[data-testid=assignment-task]')).toContain('Lễ phát động');
    await page.context().close();
  });

  it('a commune officer sees the plan with only its own assignment, and its detail', async () => {
    const page = await (await browser.newContext({ viewport: { width: 375, height: 812 } })).newPage();
    await page.goto(`${SHELL_URL['ward-portal']}?realm=ha-noi`);
    await signIn(page, 'hoankiem.canbo', 'Demo@2025');
    await page.waitForSelector('[data-testid=greeting]');
    await page.goto(`${SHELL_URL['ward-portal']}ke-hoach/${planId}`);
    await page.waitForSelector('[data-testid=plan-tasks]');
    const links = await page.locator('[data-testid=assignment-link]').allTextContents();
    expect(links).toEqual(['Phường Hoàn Kiếm']);
    await page.click('[data-testid=assignment-link]');
    await page.waitForSelector('[data-testid=assignment-unit]');
    expect(await page.textContent('[data-testid=assignment-unit]')).toContain('00070');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'ward-portal--assignment-detail.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
