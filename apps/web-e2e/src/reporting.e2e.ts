import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, SHELL_URL, launch, seriousA11yViolations, signIn } from './support/browser';
import { apiAs, issuedPlan, openQuarterIV2025, quarterlyReportingPlan, submittedUnitReport, uniqueStamp } from './support/plans';

/**
 * Reporting (issue 12) in the three shells, as people do it:
 * 1. a commune writes and submits its Quý IV/2025 report (figures included); the focal department follows the
 *    submissions, accepts the communes' reports, consolidates them, edits the document and submits it to the
 *    city leader, who approves it and downloads it as DOCX;
 * 2. the focal department urges, from the submission tracker, every commune that has not submitted (126) and a
 *    commune sees the urge in its notifications;
 * 3. the city leader drills down the plan's dashboard (a commune's figure → its assignments; an overdue
 *    assignment → its work page); the commune's scorecard on a 375 px phone.
 * Each flow sets up its own plan through the API with real tokens (support/plans.ts); the steps of a flow run
 * in order on that plan.
 */
type ShellName = keyof typeof SHELL_URL;
const PASSWORD = 'Demo@2025';
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

describe('reporting in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  // Each test's browsers close with it: open pages keep their live streams and refreshes running.
  const opened: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
  });

  async function as(shell: ShellName, username: string, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    opened.push(context);
    const page = await context.newPage();
    await page.goto(`${SHELL_URL[shell]}?realm=ha-noi`);
    await signIn(page, username, PASSWORD);
    await page.waitForSelector('[data-testid=greeting]', { timeout: 30_000 });
    return page;
  }
  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: resolve(SCREENSHOTS, `reporting--${name}.png`), fullPage });
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
  const textOf = (page: Page, testId: string) => page.locator(`[data-testid=${testId}]`).first().innerText();
  const waitForText = (page: Page, selector: string, text: string, timeout = 30_000) =>
    page.waitForFunction(([s, t]) => (document.querySelector(s)?.textContent ?? '').includes(t), [selector, text] as const, { timeout });

  /** Báo cáo from the shell's navigation, then the section of one plan. */
  async function reportsHomePlan(page: Page, planId: string) {
    await page.click('nav a[href="/bao-cao"]');
    const section = page.locator(`[data-testid=home-plan][data-plan-id="${planId}"]`);
    await section.waitFor({ timeout: 30_000 });
    return section;
  }

  /** Polls `read` until `done` says yes (read models follow the event log); `what` names it in the failure. */
  async function eventually<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await read();
      if (done(v)) return v;
      if (Date.now() > deadline) throw new Error(`${what}: never happened; last answer ${JSON.stringify(v).slice(0, 600)}`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  describe('1. a commune submits, the focal department consolidates, the leader approves and downloads the DOCX', () => {
    const stamp = uniqueStamp();
    const results = `Đã vận động 1.200 hộ lắp cáp quang (${stamp}).`;
    const documentNumber = `${100 + Math.floor(Math.random() * 800)}/BC-SKHCN`;
    let planId = '';
    let periodId = '';
    let consolidatedId = '';

    beforeAll(async () => {
      planId = await issuedPlan(quarterlyReportingPlan(stamp));
      periodId = await openQuarterIV2025(planId);
    });

    it('Phường Hoàn Kiếm writes its report from Báo cáo, with the indicator’s figures, saves and submits it', async () => {
      const page = await as('ward-portal', 'hoankiem.canbo', PHONE);
      const section = await reportsHomePlan(page, planId);
      const period = section.locator(`[data-testid=home-period][data-period-id="${periodId}"]`);
      expect(await period.innerText()).toContain('Quý IV/2025');
      expect(await period.locator('[data-testid=home-my-report]').innerText()).toContain('Chưa nộp');
      await shot(page, 'commune-home-375', false);
      expect(await pageWidth(page)).toBeLessThanOrEqual(375);
      await period.getByRole('button', { name: 'Viết báo cáo', exact: true }).click();
      await page.waitForURL(/\/bao-cao\/don-vi\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await page.waitForSelector('[data-testid=report-status]', { timeout: 30_000 });
      expect(await textOf(page, 'report-status')).toContain('Đang soạn');
      // The commune's task comes pre-filled from its work.
      expect(await textOf(page, 'report-tasks')).toContain(stamp);

      await page.getByLabel('Kết quả thực hiện').fill(results);
      const indicator = page.locator('[data-testid=report-indicator]', { hasText: stamp });
      await indicator.getByLabel('Tử số').fill('1200');
      await indicator.getByLabel('Mẫu số').fill('1500');
      await waitForText(page, '[data-testid=ind-rate]', '80');
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await waitForText(page, '[data-testid=report-notice]', 'Đã lưu báo cáo.');
      expect(await pageWidth(page)).toBeLessThanOrEqual(375);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot(page, 'commune-report-saved-375');

      await page.getByRole('button', { name: 'Gửi báo cáo', exact: true }).click();
      await waitForText(page, '[data-testid=report-status]', 'Đã gửi');
      expect(await textOf(page, 'report-notice')).toContain('Đã gửi báo cáo.');
      expect(await textOf(page, 'report-submitted-at')).toMatch(/\d{2}\/\d{2}\/\d{4}/);
      // Submitted while the period is open, it still changes, but only with a reason: what was sent stays.
      expect(await page.getByLabel('Kết quả thực hiện').inputValue()).toBe(results);
      expect(await page.locator('[data-testid=report-indicator]', { hasText: stamp }).getByLabel('Tử số').inputValue()).toBe('1200');
      await page.getByLabel('Lý do điều chỉnh (bắt buộc vì báo cáo đã gửi)').waitFor();
      await shot(page, 'commune-report-submitted-375');
    }, 150_000);

    it('Sở KH&CN follows the submissions, accepts both communes’ reports, consolidates, edits the number and submits it', async () => {
      expect(periodId).toBeTruthy();
      // Phường Ba Đình's report, through the API.
      await submittedUnitReport('badinh.canbo', periodId, { numerator: 300, denominator: 500, results: `Ba Đình: 300 hộ (${stamp}).` });

      const page = await as('department-shell', 'skhcn.daumoi');
      const section = await reportsHomePlan(page, planId);
      await section.locator(`[data-testid=home-period][data-period-id="${periodId}"]`).getByRole('link', { name: 'Theo dõi nộp báo cáo' }).click();
      await page.waitForURL(new RegExp(`/bao-cao/ky/${periodId}/theo-doi$`), { timeout: 30_000 });
      const hoanKiem = page.locator('[data-testid=tracker-row][data-unit="00070"]');
      await hoanKiem.waitFor({ timeout: 30_000 });
      expect(await hoanKiem.innerText()).toContain('Đã gửi');
      expect(await page.locator('[data-testid=tracker-row][data-unit="00004"]').innerText()).toContain('Đã gửi');
      expect(await textOf(page, 'tracker-figures')).toContain('Đã nộp 2/2 đơn vị');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot(page, 'focal-tracker');

      for (const unit of ['00070', '00004']) {
        await page.locator(`[data-testid=tracker-row][data-unit="${unit}"] [data-testid=tracker-report-link]`).click();
        await page.waitForURL(/\/bao-cao\/don-vi\/[0-9a-f-]{36}$/, { timeout: 30_000 });
        await waitForText(page, '[data-testid=report-status]', 'Đã gửi');
        if (unit === '00070') {
          expect(await textOf(page, 'section-results')).toContain(results);
          await shot(page, 'focal-reads-hoan-kiem');
        }
        await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
        await waitForText(page, '[data-testid=report-status]', 'Đã tiếp nhận');
        await page.goBack();
        await waitForText(page, `[data-testid=tracker-row][data-unit="${unit}"]`, 'Đã tiếp nhận');
      }

      await page.getByRole('button', { name: 'Tổng hợp báo cáo', exact: true }).click();
      await page.waitForURL(/\/bao-cao\/tong-hop\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      consolidatedId = /\/bao-cao\/tong-hop\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
      await waitForText(page, '[data-testid=cons-status]', 'Đang soạn');
      // Composed from the unit reports (unit by unit) and the figures: 1.500 of 2.000 households = 75%.
      expect(await page.getByLabel('Kết quả thực hiện').inputValue()).toContain(results);
      expect(await textOf(page, 'cons-indicators')).toMatch(/1500 \/ 2000 = 75/);
      await page.getByLabel('Số, ký hiệu').fill(documentNumber);
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await waitForText(page, '[data-testid=cons-notice]', 'Đã lưu báo cáo.');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot(page, 'focal-consolidated-draft');
      await page.getByRole('button', { name: 'Trình lãnh đạo', exact: true }).click();
      await waitForText(page, '[data-testid=cons-status]', 'Chờ lãnh đạo duyệt');
      expect(await textOf(page, 'cons-doc')).toContain(documentNumber);
    }, 180_000);

    it('the city leader opens the consolidated report, approves it and downloads it as DOCX', async () => {
      expect(consolidatedId).toBeTruthy();
      const page = await as('city-shell', 'lanhdao');
      const section = await reportsHomePlan(page, planId);
      const link = section.locator('[data-testid=home-consolidated]');
      expect(await link.innerText()).toContain('Chờ lãnh đạo duyệt');
      await link.click();
      await page.waitForURL(new RegExp(`/bao-cao/tong-hop/${consolidatedId}$`), { timeout: 30_000 });
      await waitForText(page, '[data-testid=cons-doc]', documentNumber);
      await page.getByRole('button', { name: 'Duyệt báo cáo', exact: true }).click();
      await waitForText(page, '[data-testid=cons-status]', 'Đã duyệt');
      expect(await textOf(page, 'cons-notice')).toContain('Đã duyệt báo cáo tổng hợp.');
      await shot(page, 'leader-approved');

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 90_000 }),
        page.locator('[data-testid=export-docx] [data-testid=export-start]').click(),
      ]);
      const file = await download.path();
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
      await waitForText(page, '[data-testid=export-docx] [data-testid=export-done]', download.suggestedFilename());
      // Approved, the report is read by the others as approved too.
      const seen = await apiAs('skhcn.daumoi', 'GET', `/reporting/consolidated/${consolidatedId}`);
      expect(seen.status).toBe('approved');
    }, 180_000);
  });

  describe('2. the submission tracker urges every commune that has not submitted', () => {
    const stamp = uniqueStamp();
    let planId = '';
    let periodId = '';

    beforeAll(async () => {
      planId = await issuedPlan(quarterlyReportingPlan(stamp, [{ group: '01-G-XA-PHUONG' }]));
      periodId = await openQuarterIV2025(planId);
    });

    it('Sở KH&CN filters “chưa nộp” and urges them in one action, after a confirmation', async () => {
      const page = await as('department-shell', 'skhcn.daumoi');
      await page.goto(`${SHELL_URL['department-shell']}bao-cao/ky/${periodId}/theo-doi`);
      await page.waitForSelector('[data-testid=tracker-row]', { timeout: 30_000 });
      const missing = page.getByRole('button', { name: /^Chưa nộp \(\d+\)$/ });
      await missing.click();
      expect(await missing.getAttribute('aria-pressed')).toBe('true');
      const shown = /Hiển thị (\d+)\/(\d+) đơn vị/.exec(await textOf(page, 'tracker-shown'));
      expect(Number(shown?.[1])).toBeGreaterThanOrEqual(126);
      await shot(page, 'tracker-missing', false);

      await page.getByRole('button', { name: 'Đôn đốc các đơn vị chưa nộp', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: /Đôn đốc \d+ đơn vị chưa nộp báo cáo\?/ });
      await confirm.waitFor();
      await confirm.getByLabel('Lời nhắn (không bắt buộc)').fill(`Đề nghị nộp báo cáo trước ngày 05/01 (${stamp}).`);
      await shot(page, 'tracker-urge-confirm', false);
      await confirm.getByRole('button', { name: 'Gửi đôn đốc', exact: true }).click();
      await page.waitForSelector('[data-testid=tracker-notice]', { timeout: 30_000 });
      const urged = Number(/Đã đôn đốc (\d+) đơn vị/.exec(await textOf(page, 'tracker-notice'))?.[1] ?? 0);
      expect(urged).toBeGreaterThanOrEqual(126);
      // The "last urged" column is filled for Phường Hoàn Kiếm.
      await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('hoan kiem');
      const row = page.locator('[data-testid=tracker-row][data-unit="00070"]');
      await row.waitFor();
      await page.waitForFunction(() => !/—\s*$/.test(document.querySelector('[data-testid=tracker-row][data-unit="00070"] td:last-child')?.textContent ?? '—'), undefined, { timeout: 15_000 });
      await shot(page, 'tracker-urged', false);
    }, 150_000);

    it('Phường Hoàn Kiếm sees the urge in its notifications', async () => {
      const urges = await eventually(
        'a report-urged notification for Phường Hoàn Kiếm',
        async () => ((await apiAs('hoankiem.canbo', 'GET', `/notifications?planId=${planId}`)).items as { kind: string; titleVi: string }[]).filter((n) => n.kind === 'report-urged'),
        (l) => l.length > 0,
      );
      expect(urges[0].titleVi).toContain('Đôn đốc nộp báo cáo Quý IV/2025');

      const page = await as('ward-portal', 'hoankiem.canbo', PHONE);
      await page.click('[data-testid=notification-bell]');
      const group = page.locator('[data-testid=notification-group]', { hasText: stamp });
      await group.waitFor({ timeout: 30_000 });
      await group.click();
      const item = page.locator('[data-testid=notification-item]', { hasText: 'Đôn đốc nộp báo cáo Quý IV/2025' });
      await item.waitFor({ timeout: 15_000 });
      await shot(page, 'commune-urged-375', false);
      expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    }, 120_000);
  });

  describe('3. the plan’s dashboard drills down to a commune’s assignments and an overdue one', () => {
    const stamp = uniqueStamp();
    const communeTask = `Lắp đặt điểm truy cập wifi công cộng (${stamp})`;
    const departmentTask = `Hướng dẫn chuyển đổi số trường học (${stamp})`;
    const title = `Kế hoạch tổng quan thử nghiệm ${stamp}`;
    let planId = '';

    beforeAll(async () => {
      // Quý IV/2025: due 31/12/2025, in the past: every assignment is overdue.
      planId = await issuedPlan({
        title,
        focalUnitCode: '01-SKHCN',
        tasks: [
          { content: communeTask, timeframe: 'Quý IV/2025', leads: [{ unit: '00070' }, { unit: '00004' }] },
          { content: departmentTask, timeframe: 'Quý IV/2025', leads: [{ unit: '01-SGDDT' }], coordinators: [{ unit: '01-SKHCN' }] },
        ],
      });
      // The dashboard reads execution's tallies, which follow the event log.
      await eventually(
        'the plan’s dashboard counting its departments, communes and overdue assignments',
        () => apiAs('lanhdao', 'GET', `/reporting/dashboard/plans/${planId}`),
        (d: { departments: { unitCode: string }[]; communes: { unitCode: string }[]; overdueTotal: number }) =>
          d.departments.some((u) => u.unitCode === '01-SGDDT') && d.communes.some((u) => u.unitCode === '00070') && d.overdueTotal >= 3,
      );
    }, 120_000);

    it('the city leader goes from the portfolio to the plan, drills into a commune’s figure and opens an overdue assignment', async () => {
      const page = await as('city-shell', 'lanhdao');
      await page.click('[data-testid=home-dashboard-link]');
      const card = page.locator('[data-testid=portfolio-plan]', { hasText: stamp });
      await card.waitFor({ timeout: 30_000 });
      await card.locator('[data-testid=portfolio-open]').click();
      await page.waitForURL(new RegExp(`/bao-cao/tong-quan/${planId}$`), { timeout: 30_000 });
      await page.getByRole('heading', { name: title }).waitFor({ timeout: 30_000 });

      // Progress by department (bars and their table) and by commune (heat map; its figures in a table).
      await page.getByRole('heading', { name: 'Tiến độ theo Sở, ban, ngành' }).waitFor();
      expect(await page.locator('[data-testid=dash-table-dept] [data-unit="01-SGDDT"]').innerText()).toContain('Sở Giáo dục');
      await page.getByRole('heading', { name: 'Tiến độ theo xã, phường' }).waitFor();
      expect(await page.locator('[data-testid=chart]').count()).toBeGreaterThanOrEqual(2);
      // The overdue list: both communes and the department.
      const overdue = page.locator('[data-testid=dash-overdue]');
      expect(await overdue.innerText()).toContain(communeTask);
      expect(await overdue.innerText()).toContain(departmentTask);
      await page.waitForTimeout(500); // the charts' first paint
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot(page, 'leader-dashboard');

      // A heat map cell: the top row's "Quá hạn" (the last column; the grid keeps 8 px above and 16 px on the right).
      const heatmap = page.locator('.dh-scroll [data-testid=chart]');
      const box = await heatmap.boundingBox();
      await heatmap.click({ position: { x: (box?.width ?? 0) - 40, y: 22 } });
      const drill = page.locator('[data-testid=dash-drill]');
      await drill.waitFor({ timeout: 15_000 });
      expect(await drill.getByRole('heading').innerText()).toMatch(/^Phường (Ba Đình|Hoàn Kiếm) — Quá hạn$/);
      await drill.locator('[data-testid=dash-drill-item]', { hasText: communeTask }).waitFor({ timeout: 30_000 });
      await drill.getByRole('button', { name: 'Đóng', exact: true }).click();
      await drill.waitFor({ state: 'detached' });

      // A commune's figure in the communes' table: Phường Hoàn Kiếm's overdue count.
      await page.getByText('Bảng số liệu: Tiến độ theo xã, phường').click();
      await page.getByRole('button', { name: /^Xem 1 nhiệm vụ Quá hạn của Phường Hoàn Kiếm$/ }).click();
      await drill.waitFor({ timeout: 15_000 });
      expect(await drill.getByRole('heading').innerText()).toContain('Phường Hoàn Kiếm — Quá hạn');
      const drillItem = drill.locator('[data-testid=dash-drill-item]', { hasText: communeTask });
      await drillItem.waitFor({ timeout: 30_000 });
      expect(await drill.locator('[data-testid=dash-drill-item]').count()).toBe(1);
      const drillHref = await drillItem.getByRole('link').getAttribute('href');
      expect(drillHref).toMatch(/^\/cong-viec\/[0-9a-f-]{36}$/);
      await shot(page, 'leader-drill-commune');

      // An overdue assignment: Phường Hoàn Kiếm's, the same one.
      const row = overdue.locator('[data-testid=dash-overdue-row]', { hasText: 'Phường Hoàn Kiếm' });
      expect(await row.getByRole('link').getAttribute('href')).toBe(drillHref);
      await row.getByRole('link').click();
      await page.waitForURL(/\/cong-viec\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      expect(new URL(page.url()).pathname).toBe(drillHref);
      await page.waitForSelector('[data-testid=work-task]', { timeout: 30_000 });
      expect(await textOf(page, 'work-task')).toBe(communeTask);
      expect(await textOf(page, 'work-plan')).toContain(title);
      await shot(page, 'leader-overdue-assignment');
    }, 180_000);

    it('Phường Hoàn Kiếm’s scorecard fits a 375 px phone and lists the commune’s plans', async () => {
      const page = await as('ward-portal', 'hoankiem.canbo', PHONE);
      await page.goto(`${SHELL_URL['ward-portal']}bao-cao/diem-so`);
      await page.getByRole('heading', { name: 'Kết quả của Phường Hoàn Kiếm' }).waitFor({ timeout: 30_000 });
      const plan = page.locator('[data-testid=score-plan]', { hasText: stamp });
      await plan.waitFor({ timeout: 30_000 });
      expect(await plan.innerText()).toMatch(/Tiến độ \d+% · 0\/1 hoàn thành\s*·\s*1 quá hạn/);
      expect(await page.locator('[data-testid=score-plan]').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('[data-testid=score-overdue]', { hasText: communeTask }).count()).toBe(1);
      expect(await pageWidth(page)).toBeLessThanOrEqual(375);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot(page, 'commune-scorecard-375', false);
      await shot(page, 'commune-scorecard-375-full');
    }, 120_000);
  });
});
