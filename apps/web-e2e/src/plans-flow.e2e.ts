import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, SHELL_URL, launch, seriousA11yViolations, signIn } from './support/browser';
import { approvePlan, cityPlanForEveryCommune, draftPlan, issuePlan, issuedPlan, submitPlan, submittedImplementingPlan, uniqueStamp } from './support/plans';

/**
 * The plan's whole life through the three shells, as people do it, one step per test:
 * (a) a department drafts a plan with one task led by "UBND các xã, phường" and submits it; the city
 *     leader approves and issues it from the approvals inbox; a commune officer sees the new assignment;
 * (b) the commune officer creates the commune's implementing plan from it (one task, led by one of the
 *     commune's offices) and submits it; the commune leader approves and issues it; the city's plan then
 *     counts one implementing plan issued.
 * Each step starts from a plan of its own, brought to the step's starting point through the API
 * (support/plans.ts), so the steps pass alone and in any order.
 */
const PLAN_STAMP = uniqueStamp();
const TITLE = `Kế hoạch thí điểm chuyển đổi số cơ sở ${PLAN_STAMP}`;
const TASK = `Tuyên truyền chuyển đổi số trên hệ thống truyền thanh cơ sở (${PLAN_STAMP})`;
const CITY_NUMBER = String(500 + Math.floor(Math.random() * 400));
const COMMUNE_NUMBER = String(10 + Math.floor(Math.random() * 80));
/** Searched without diacritics among Phường Hoàn Kiếm's own offices (codes "00070-…"). */
const OFFICE_QUERY = process.env['E2E_OFFICE_QUERY'] ?? 'van hoa';
const PASSWORD = 'Demo@2025';

type ShellName = keyof typeof SHELL_URL;

describe('a plan from draft to the communes’ implementing plans, in the three shells', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  async function as(shell: ShellName, username: string, mobile = false): Promise<Page> {
    const context = await browser.newContext({ viewport: mobile ? { width: 375, height: 812 } : { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${SHELL_URL[shell]}?realm=ha-noi`);
    await signIn(page, username, PASSWORD);
    await page.waitForSelector('[data-testid=greeting]', { timeout: 30_000 });
    return page;
  }

  const planIdIn = (url: string): string => /\/ke-hoach\/([^/?#]+)$/.exec(new URL(url).pathname)?.[1] ?? '';
  const shot = (page: Page, name: string) => page.screenshot({ path: resolve(SCREENSHOTS, `plans-flow--${name}.png`), fullPage: true });

  async function waitForStatus(page: Page, text: string): Promise<void> {
    await page.waitForFunction((t) => document.querySelector('[data-testid=plan-status]')?.textContent?.includes(t), text, { timeout: 30_000 });
  }

  async function approveAndIssue(page: Page, number: string, name: string): Promise<void> {
    await page.waitForSelector('[data-testid=approve]');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.click('[data-testid=approve]');
    await waitForStatus(page, 'Đã duyệt');
    await page.click('[data-testid=issue]');
    await page.fill('[data-testid=issue-number]', number);
    await page.fill('[data-testid=issue-date]', '02/10/2025');
    await shot(page, `${name}-issue`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.click('[data-testid=issue-send]');
    await waitForStatus(page, 'Đã ban hành');
  }

  it('(a) a department officer drafts a plan with one task led by "UBND các xã, phường" and submits it', async () => {
    const page = await as('department-shell', 'skhcn.daumoi');
    await page.click('nav a[href="/ke-hoach"]');
    await page.waitForSelector('[data-testid=new-plan]');
    await page.click('[data-testid=new-plan]');
    await page.waitForSelector('[data-testid=plan-editor]');
    await page.fill('[data-testid=editor-title]', TITLE);
    await page.fill('#pe-year', '2025');
    await page.fill('[data-testid=task-content-0]', TASK);
    await page.fill('[data-testid=task-timeframe-0]', 'Quý IV/2025');
    await page.waitForFunction(() => document.querySelector('[data-testid=task-0] [data-testid=timeframe-preview]')?.textContent?.includes('31/12/2025'));
    await page.selectOption('[data-testid=task-leads-0] [data-testid=unit-picker-group]', '01-G-XA-PHUONG');
    await page.waitForSelector('[data-testid=task-leads-0] [data-testid=picked-01-G-XA-PHUONG]');
    // A timeframe the platform cannot read is kept, with a visible warning, for the reviewer.
    await page.fill('[data-testid=task-timeframe-0]', 'Khi có hướng dẫn rồi tính');
    await page.waitForFunction(() => document.querySelector('[data-testid=task-0] [data-testid=timeframe-preview]')?.textContent?.includes('Chưa hiểu mốc thời gian'));
    await page.fill('[data-testid=task-timeframe-0]', 'Quý IV/2025');
    await shot(page, 'department-editor');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=saved]');
    await page.click('[data-testid=submit]');
    await page.waitForURL((u) => /\/ke-hoach\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/moi'), { timeout: 30_000 });
    await waitForStatus(page, 'Đã trình');
    expect(planIdIn(page.url())).not.toBe('');
    await page.context().close();
  });

  it('(a) the city leader approves it from the approvals inbox and issues it; the tasks fan out', async () => {
    const plan = cityPlanForEveryCommune(uniqueStamp());
    await submitPlan('skhcn.daumoi', await draftPlan('skhcn.daumoi', plan));
    const page = await as('city-shell', 'lanhdao');
    await page.goto(`${SHELL_URL['city-shell']}ke-hoach/cho-duyet`);
    await page.waitForSelector('[data-testid=approvals]');
    await shot(page, 'city-approvals-inbox');
    await page.click(`[data-testid=approvals] a:has-text("${plan.title}")`);
    await page.waitForSelector('[data-testid=plan-tasks]');
    await approveAndIssue(page, CITY_NUMBER, 'city');
    expect(await page.textContent('[data-testid=plan-title]')).toContain(plan.title);
    expect(await page.textContent('body')).toContain(`${CITY_NUMBER}/`);
    // One task for every commune of Hà Nội.
    await page.waitForFunction(() => /\((\d{3,})\)/.test(document.querySelector('[data-testid=plan-tasks] [data-testid=task] [data-testid=task-assignments] > summary')?.textContent ?? ''));
    await shot(page, 'city-issued');
    await page.context().close();
  });

  it('(a) a commune officer sees the new assignment in the ward portal', async () => {
    const plan = cityPlanForEveryCommune(uniqueStamp());
    const planId = await issuedPlan(plan);
    const page = await as('ward-portal', 'hoankiem.canbo', true);
    // "Việc của tôi" lives at /cong-viec now, filtered here to the new plan (the list pages by 25).
    await page.goto(`${SHELL_URL['ward-portal']}cong-viec?plan=${planId}`);
    await page.waitForSelector('[data-testid=my-item]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=my-item]')).toContain(plan.tasks[0].content);
    await shot(page, 'ward-my-work');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
  });

  it('(b) the commune officer creates the implementing plan, assigns a commune office and submits it', async () => {
    const plan = cityPlanForEveryCommune(uniqueStamp());
    const planId = await issuedPlan(plan);
    const page = await as('ward-portal', 'hoankiem.canbo', true);
    await page.goto(`${SHELL_URL['ward-portal']}ke-hoach/${planId}`);
    await page.waitForSelector('[data-testid=implement]');
    await page.click('[data-testid=implement]');
    await page.waitForSelector('[data-testid=plan-editor]');
    expect(await page.inputValue('[data-testid=editor-title]')).toMatch(/^Kế hoạch triển khai /);
    expect(await page.inputValue('[data-testid=task-content-0]')).toBe(plan.tasks[0].content);
    expect(await page.locator('[data-testid^=task-content-]').count()).toBe(1);
    await shot(page, 'ward-implementing-prefilled');
    await page.fill('[data-testid=task-leads-0] [data-testid=unit-picker-search]', OFFICE_QUERY);
    await page.waitForSelector('[data-testid=task-leads-0] [data-testid=unit-picker-results] button', { timeout: 15_000 });
    const office = (await page.textContent('[data-testid=task-leads-0] [data-testid=unit-picker-results] button code')) ?? '';
    expect(office).toMatch(/^00070-/);
    await page.click('[data-testid=task-leads-0] [data-testid=unit-picker-results] button >> nth=0');
    await page.waitForSelector(`[data-testid=task-leads-0] [data-testid="picked-${office}"]`);
    await shot(page, 'ward-implementing-editor');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.click('[data-testid=submit]');
    await page.waitForURL((u) => /\/ke-hoach\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith(planId), { timeout: 30_000 });
    await waitForStatus(page, 'Đã trình');
    expect(planIdIn(page.url())).not.toBe('');
    expect(await page.textContent('[data-testid=plan-facts]')).toContain(plan.title);
    await page.context().close();
  });

  it('(b) the commune leader approves and issues it in the ward portal', async () => {
    const childId = await submittedImplementingPlan(await issuedPlan(cityPlanForEveryCommune(uniqueStamp())));
    const page = await as('ward-portal', 'hoankiem.lanhdao', true);
    await page.goto(`${SHELL_URL['ward-portal']}ke-hoach/${childId}`);
    await page.waitForSelector('[data-testid=plan-tasks]');
    await approveAndIssue(page, COMMUNE_NUMBER, 'ward-leader');
    await page.context().close();
  });

  it('(b) the city’s plan then shows one implementing plan issued', async () => {
    const planId = await issuedPlan(cityPlanForEveryCommune(uniqueStamp()));
    const childId = await submittedImplementingPlan(planId);
    await approvePlan('hoankiem.lanhdao', childId);
    await issuePlan('hoankiem.lanhdao', childId);
    const page = await as('city-shell', 'lanhdao');
    await page.goto(`${SHELL_URL['city-shell']}ke-hoach/${planId}`);
    await page.waitForSelector('[data-testid=implementing-count]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=implementing-count]')).toMatch(/(^|\s)1\/\d+/);
    await page.click('[data-testid=tab-history]');
    await page.waitForSelector('[data-testid=plan-history]');
    await page.click('[role=tab]:has-text("Nội dung")');
    await shot(page, 'city-implementing');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the city leader amends the issued plan with a reason; the history says who and why', async () => {
    const planId = await issuedPlan(cityPlanForEveryCommune(uniqueStamp()));
    const page = await as('city-shell', 'lanhdao');
    await page.goto(`${SHELL_URL['city-shell']}ke-hoach/${planId}`);
    await page.waitForSelector('[data-testid=amend]', { timeout: 30_000 });
    await page.click('[data-testid=amend]');
    await page.waitForSelector('[data-testid=plan-editor]');
    await page.fill('[data-testid=task-timeframe-0]', 'Trong tháng 11/2025');
    await page.waitForFunction(() => document.querySelector('[data-testid=task-0] [data-testid=timeframe-preview]')?.textContent?.includes('30/11/2025'));
    await page.click('[data-testid=save-amendment]');
    await page.waitForSelector('text=Cần ghi lý do điều chỉnh');
    await page.fill('[data-testid=amend-reason]', `Rút ngắn thời hạn theo chỉ đạo (${PLAN_STAMP})`);
    await shot(page, 'city-amend');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.click('[data-testid=save-amendment]');
    await page.waitForURL((u) => u.pathname.endsWith(`/ke-hoach/${planId}`), { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=plan-tasks]')?.textContent?.includes('Trong tháng 11/2025'));
    await page.click('[data-testid=tab-history]');
    await page.waitForSelector('[data-testid=plan-history]');
    const history = (await page.textContent('[data-testid=plan-history]')) ?? '';
    expect(history).toContain('Điều chỉnh');
    expect(history).toContain(`Rút ngắn thời hạn theo chỉ đạo (${PLAN_STAMP})`);
    await page.context().close();
  });
});
