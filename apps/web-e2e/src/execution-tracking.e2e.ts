import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, demoAccount, tokenFor, urls } from '@dieu-hanh/testing/e2e-support';
import { SCREENSHOTS, SHELL_URL, launch, seriousA11yViolations, signIn } from './support/browser';
import { issuedPlan, planAs, uniqueStamp } from './support/plans';

type ShellName = keyof typeof SHELL_URL;
function must<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`missing: ${what}`);
  return x;
}
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * The department and city side of execution (issue 10): a department finds, from its home page, the
 * tracking board of a plan it is focal for, urges every late unit of a task in one action (after a
 * confirmation) and a commune sees the urge in its notifications; the verification queue, the leader's
 * inbox and plan 402's task search, at 375 px and on a desktop.
 */
describe('execution tracking: a department urges the late units of a task and they see it', () => {
  let browser: Browser;
  const stamp = uniqueStamp();
  const title = `Kế hoạch đôn đốc thử nghiệm ${stamp}`;
  let planId = '';
  let taskId = '';
  /** A second plan, led by Phường Hoàn Kiếm itself: one task reported done (to verify), one with an escalated obstacle. */
  let obstacleText = '';

  async function call(username: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const { apiUrl, idpUrl } = urls();
    const token = await tokenFor(idpUrl, demoAccount(username));
    const r = await api(apiUrl, path, { method, token, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (r.status < 200 || r.status > 299) throw new Error(`${username} ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  beforeAll(async () => {
    browser = await launch();
    // Quý IV/2025: due 31/12/2025, past for every commune → every one of the 126 is late.
    planId = await issuedPlan({
      title,
      focalUnitCode: '01-SKHCN',
      tasks: [{ content: `Báo cáo số liệu chuyển đổi số cơ sở (${stamp})`, timeframe: 'Quý IV/2025', leads: [{ group: '01-G-XA-PHUONG' }] }],
    });
    taskId = (await planAs('skhcn.daumoi', planId)).tasks[0].id;
  });
  afterAll(async () => browser?.close());

  /** Phường Hoàn Kiếm reports task 1 of a second plan done and raises an obstacle on task 2, which the focal unit escalates. */
  async function reportedAndEscalated(): Promise<void> {
    const second = await issuedPlan({
      title: `Kế hoạch thẩm định thử nghiệm ${stamp}`,
      focalUnitCode: '01-SKHCN',
      tasks: [
        { content: `Số hóa hồ sơ một cửa (${stamp})`, timeframe: 'Quý IV/2025', leads: [{ unit: '00070' }] },
        { content: `Lắp đặt wifi công cộng (${stamp})`, timeframe: 'Quý IV/2025', leads: [{ unit: '00070' }] },
      ],
    });
    const mine = (await call('hoankiem.canbo', 'GET', `/my/work?planId=${second}&limit=25`)).items as { assignmentId: string; taskOrdinal: number; version: number }[];
    const report = must(mine.find((w) => w.taskOrdinal === 1), 'task 1 of the commune');
    const blocked = must(mine.find((w) => w.taskOrdinal === 2), 'task 2 of the commune');
    await call('hoankiem.canbo', 'POST', `/assignments/${report.assignmentId}/progress`,
      { version: report.version, status: 'done', percent: 100, note: `Đã số hóa 1.200 hồ sơ (${stamp})`, result: 'Kho hồ sơ số' }, { 'Idempotency-Key': `e2e-${stamp}-1` });
    obstacleText = `Thiếu kinh phí thiết bị (${stamp})`;
    const raised = await call('hoankiem.canbo', 'POST', `/assignments/${blocked.assignmentId}/obstacles`, { description: obstacleText, proposal: 'Đề nghị bổ sung kinh phí' });
    const obstacle = must((raised.obstacles as { id: string; description: string }[]).find((o) => o.description === obstacleText), 'the raised obstacle');
    await call('skhcn.daumoi', 'POST', `/obstacles/${obstacle.id}/escalate`, { note: 'Vượt thẩm quyền của Sở' });
  }

  // Each test's browsers close with it: open pages keep their live streams and refreshes running.
  const opened: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
  });

  async function as(shell: ShellName, username: string, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport });
    opened.push(context);
    const page = await context.newPage();
    await page.goto(`${SHELL_URL[shell]}?realm=ha-noi`);
    await signIn(page, username, 'Demo@2025');
    await page.waitForSelector('[data-testid=greeting]', { timeout: 30_000 });
    return page;
  }
  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: resolve(SCREENSHOTS, `execution-tracking--${name}.png`), fullPage });
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  /** The board of our plan, reloaded until the read model counts the task's late units (it follows the events). */
  async function boardWithLateUnits(page: Page): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      await page.goto(`${SHELL_URL['department-shell']}cong-viec/theo-doi?planId=${planId}`);
      await page.waitForSelector('[data-testid=board-units], [data-testid=board-no-plans]', { timeout: 30_000 });
      if (await page.locator(`[data-task-id="${taskId}"] [data-testid=board-urge-late]`).count()) return;
      if (Date.now() > deadline) {
        const progress = await call('skhcn.daumoi', 'GET', `/plans/${planId}/progress`).catch((e: Error) => e.message);
        throw new Error(`the task never showed late units on the tracking board; GET /plans/:id/progress: ${JSON.stringify(progress).slice(0, 600)}`);
      }
      await page.waitForTimeout(1_500);
    }
  }

  it('the department home links to the real pages, none “being built”', async () => {
    const page = await as('department-shell', 'skhcn.daumoi');
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('đang được xây dựng');
    const hrefs = await page.locator('main a[data-testid^=home-]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['/cong-viec', '/cong-viec/theo-doi', '/cong-viec/tham-dinh']));
    await shot(page, 'department-home');
    await page.click('[data-testid=home-tracking-link]');
    await page.waitForSelector('[data-testid=board-plan]', { timeout: 30_000 });
  });

  it('a department urges every late unit of a task in one action, after a confirmation', async () => {
    const page = await as('department-shell', 'skhcn.daumoi');
    await boardWithLateUnits(page);
    const task = page.locator(`[data-task-id="${taskId}"]`);
    expect(await task.innerText()).toContain(stamp);
    // Every unit by status and deadline; each opens its assignment.
    await task.locator('[data-testid=board-show-units]').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid=board-units]')?.textContent ?? '').includes('Quá hạn'));
    expect(await page.locator('[data-testid=board-unit] [data-testid=work-open]').first().getAttribute('href')).toMatch(/^\/cong-viec\/[0-9a-f-]{36}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'board-desktop');

    await task.locator('[data-testid=board-urge-late]').click();
    const confirm = task.locator('[data-testid=urge-confirm]');
    expect(await confirm.innerText()).toMatch(/Đôn đốc \d+ đơn vị quá hạn của nhiệm vụ 1\?/);
    await confirm.locator('[data-testid=urge-message]').fill('Đề nghị cập nhật tiến độ trước ngày 05/12.');
    await shot(page, 'board-confirm');
    await confirm.locator('[data-testid=urge-send]').click();
    await page.waitForSelector('[data-testid=board-notice]', { timeout: 15_000 });
    const notice = await page.locator('[data-testid=board-notice]').innerText();
    const urged = Number(/Đã đôn đốc (\d+) đơn vị/.exec(notice)?.[1] ?? 0);
    expect(urged).toBeGreaterThanOrEqual(126);
  });

  it('the commune sees the urge in its notifications', async () => {
    const page = await as('ward-portal', 'hoankiem.canbo', PHONE);
    const deadline = Date.now() + 30_000;
    await page.click('[data-testid=notification-bell]');
    for (;;) {
      const panel = (await page.locator('[data-testid=notification-panel]').innerText().catch(() => '')) ?? '';
      if (panel.includes('Đôn đốc thực hiện nhiệm vụ') && panel.includes(stamp)) break;
      if (Date.now() > deadline) throw new Error(`no urge in the commune's notifications: ${panel.slice(0, 500)}`);
      await page.waitForTimeout(1_000);
    }
    await shot(page, 'commune-urged-375', false);
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
  });

  it('the tracking board and the verification queue fit a 375 px phone', async () => {
    const page = await as('department-shell', 'skhcn.daumoi', PHONE);
    await page.goto(`${SHELL_URL['department-shell']}cong-viec/theo-doi?planId=${planId}`);
    await page.waitForSelector('[data-testid=board-units]', { timeout: 30_000 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'board-375', false);
    await page.goto(`${SHELL_URL['department-shell']}cong-viec/tham-dinh`);
    await page.waitForSelector('[data-testid=queue-items]', { timeout: 30_000 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'queue-375', false);
  });

  it('the focal department verifies a reported result from its queue', async () => {
    await reportedAndEscalated();
    const page = await as('department-shell', 'skhcn.daumoi');
    await page.click('[data-testid=home-review-link]');
    const item = page.locator('[data-testid=queue-item]', { hasText: stamp });
    await item.waitFor({ timeout: 30_000 });
    expect(await item.innerText()).toContain('Chờ thẩm định');
    await item.locator('[data-testid=queue-details]').click();
    await page.waitForSelector('[data-testid=queue-detail]');
    expect(await page.locator('[data-testid=queue-detail]').innerText()).toContain('Đã số hóa 1.200 hồ sơ');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'queue-desktop');
    await item.locator('[data-testid=queue-verify]').click();
    await page.waitForSelector('[data-testid=queue-notice]', { timeout: 15_000 });
    expect(await page.locator('[data-testid=queue-notice]').innerText()).toContain('Đã xác nhận kết quả của');
  });

  it('the city leader reaches the inbox from the home page and gives a directive on an escalated obstacle', async () => {
    const page = await as('city-shell', 'lanhdao');
    expect(await page.locator('main').innerText()).not.toContain('đang được xây dựng');
    await page.click('[data-testid=home-inbox-link]');
    await page.waitForSelector('[data-testid=inbox-escalations]', { timeout: 30_000 });
    const item = page.locator('[data-testid=inbox-escalation]', { hasText: obstacleText });
    await item.waitFor({ timeout: 15_000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'leader-inbox-desktop');
    const phone = await as('city-shell', 'lanhdao', PHONE);
    await phone.goto(`${SHELL_URL['city-shell']}cong-viec/hop-thu-lanh-dao`);
    await phone.waitForSelector('[data-testid=inbox-escalation]', { timeout: 30_000 });
    expect(await pageWidth(phone)).toBeLessThanOrEqual(375);
    await shot(phone, 'leader-inbox-375', false);
    await item.locator('[data-testid=inbox-directive]').fill('Sở Tài chính bố trí kinh phí trong tháng 12.');
    await item.locator('[data-testid=inbox-directive-send]').click();
    await page.waitForSelector('[data-testid=inbox-notice]', { timeout: 15_000 });
    await page.waitForFunction((t) => !(document.querySelector('[data-testid=inbox-escalations]')?.textContent ?? '').includes(t), obstacleText);
  });

  it('plan 402: task search without diacritics, the roll-up, and no city review banner for a commune', async () => {
    const { apiUrl, idpUrl } = urls();
    const token = await tokenFor(idpUrl, demoAccount('lanhdao'));
    const r = await api(apiUrl, '/plans?q=402', { method: 'GET', token });
    const id = (r.body.items as { id: string; number: number | null }[]).find((p) => p.number === 402)?.id;
    expect(id).toBeTruthy();
    const page = await as('department-shell', 'skhcn.daumoi');
    await page.goto(`${SHELL_URL['department-shell']}ke-hoach/${id}`);
    await page.waitForSelector('[data-testid=task-q]', { timeout: 30_000 });
    const all = await page.locator('[data-testid=task]').count();
    await page.fill('[data-testid=task-q]', 'chuyen doi so');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=task]').length < n, all);
    expect(await page.locator('[data-testid=task-shown]').innerText()).toMatch(/Hiển thị \d+\/\d+ nhiệm vụ/);
    await page.waitForSelector('[data-testid=plan-progress]');
    await shot(page, 'plan-402-search', false);
    await page.fill('[data-testid=task-q]', '');
    await page.click('[data-testid=collapse-all]');
    await shot(page, 'plan-402-collapsed');
    const commune = await as('ward-portal', 'hoankiem.canbo', PHONE);
    await commune.goto(`${SHELL_URL['ward-portal']}ke-hoach/${id}`);
    await commune.waitForSelector('[data-testid=task-q]', { timeout: 30_000 });
    expect(await commune.locator('[data-testid=plan-attention]').count()).toBe(0);
    expect(await pageWidth(commune)).toBeLessThanOrEqual(375);
    await shot(commune, 'plan-402-commune-375', false);
  });
});
