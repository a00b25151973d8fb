import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, demoAccount, tokenFor, urls } from '@dieu-hanh/testing/e2e-support';
import { SCREENSHOTS, SHELL_URL, launch, seriousA11yViolations, signIn } from './support/browser';
import { issuedPlan, uniqueStamp } from './support/plans';

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
const WARD = SHELL_URL['ward-portal'];

async function as(username: string) {
  const { apiUrl, idpUrl } = urls();
  const token = await tokenFor(idpUrl, demoAccount(username));
  return (method: 'GET' | 'POST', path: string, body?: unknown) => api(apiUrl, path, { method, token, body: body === undefined ? undefined : JSON.stringify(body) });
}

interface Work {
  assignmentId: string;
  taskContent: string;
  status: string;
  percent: number;
  verification: string;
  version: number;
  note: string | null;
  evidence: { id: string; fileName: string }[];
}

/**
 * The commune officer's side of execution (issue 10) on a 375 px phone: "Việc của tôi" with its overdue
 * marker, an update with a photo from the camera input (upload, then the update), pending verification;
 * the focal unit verifies and the open page follows; an update written offline is kept on the phone,
 * shown as waiting, and sent by itself once the connection returns — exactly once, even when the first
 * answer is lost on the way back.
 */
describe('execution, ward side: a commune officer reports progress from a phone', () => {
  let browser: Browser;
  const stamp = uniqueStamp();
  const title = `Kế hoạch cập nhật tiến độ thử nghiệm ${stamp}`;
  const photoTask = `Rà soát hệ thống loa truyền thanh cơ sở (${stamp})`;
  const offlineTask = `Tổng hợp số liệu dịch vụ công trực tuyến (${stamp})`;
  let photoId = '';
  let offlineId = '';

  beforeAll(async () => {
    browser = await launch();
    // Quý IV/2025: due 31/12/2025, already past → overdue.
    await issuedPlan({
      title,
      focalUnitCode: '01-SKHCN',
      tasks: [
        { content: photoTask, timeframe: 'Quý IV/2025', leads: [{ unit: '00070' }] },
        { content: offlineTask, timeframe: 'Quý IV/2025', leads: [{ unit: '00070' }] },
      ],
    });
    const commune = await as('hoankiem.canbo');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = await commune('GET', `/my/work?q=${encodeURIComponent(stamp)}&limit=25`);
      const items = (r.status === 200 ? r.body.items : []) as Work[];
      photoId = items.find((w) => w.taskContent === photoTask)?.assignmentId ?? '';
      offlineId = items.find((w) => w.taskContent === offlineTask)?.assignmentId ?? '';
      if (photoId && offlineId) break;
      if (Date.now() > deadline) throw new Error(`the commune's work list never showed the plan's two assignments: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  });
  afterAll(async () => browser?.close());
  // Each test's browser closes with it: open pages keep their live streams and refreshes running.
  const opened: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
  });

  async function signedIn(viewport = PHONE): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    opened.push(context);
    const page = await context.newPage();
    await page.goto(`${WARD}?realm=ha-noi`);
    await signIn(page, 'hoankiem.canbo', 'Demo@2025');
    await page.waitForSelector('[data-testid=greeting]', { timeout: 30_000 });
    return { context, page };
  }
  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: resolve(SCREENSHOTS, `execution-ward--${name}.png`), fullPage });
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
  const work = async (id: string): Promise<Work> => {
    const r = await (await as('hoankiem.canbo'))('GET', `/assignments/${id}/work`);
    if (r.status !== 200) throw new Error(`work ${id}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Work;
  };

  /** "Việc của tôi" filtered to this run's plan, then the assignment opened from its card (both pages' code is then loaded). */
  async function openFromList(page: Page, id: string): Promise<void> {
    // (A full load drops the address's query: the shell's sign-in redirect keeps only the path.)
    await page.goto(`${WARD}cong-viec`);
    await page.fill('[data-testid=my-q]', stamp);
    const card = page.locator(`[data-testid=my-item][data-assignment-id="${id}"]`);
    await card.waitFor({ timeout: 30_000 });
    await card.click();
    await page.waitForSelector('[data-testid=work-task]', { timeout: 30_000 });
  }

  it('"Việc của tôi" on a phone: overdue marker, dd/MM/yyyy due date, counts, searchable without diacritics', async () => {
    const { page } = await signedIn();
    // Without diacritics: "ra soat he thong loa" finds "Rà soát hệ thống loa…".
    await page.goto(`${WARD}cong-viec`);
    await page.waitForSelector('[data-testid=my-chips]', { timeout: 30_000 });
    expect(await page.locator('main').innerText()).not.toContain('đang được xây dựng');
    await page.fill('[data-testid=my-q]', `ra soat he thong loa truyen thanh co so (${stamp})`);
    // The API's answer to the search replaces the first page: only this run's assignment is left.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=my-item]').length === 1, undefined, { timeout: 30_000 });
    const card = page.locator(`[data-testid=my-item][data-assignment-id="${photoId}"]`);
    expect(await card.count()).toBe(1);
    const text = await card.innerText();
    expect(text).toMatch(/Quá hạn \d+ ngày/);
    expect(text).toContain('Hạn 31/12/2025');
    expect(text).toContain('Chưa thực hiện');
    expect(await page.locator('[data-testid=my-chip-overdue]').innerText()).toMatch(/Quá hạn\s+1/);
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'my-work-375', false);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('updates an assignment with a photo from the camera input and sees it waiting for verification', async () => {
    const { page } = await signedIn();
    await openFromList(page, photoId);
    expect(await page.locator('[data-testid=work-task]').innerText()).toBe(photoTask);
    expect(await page.locator('[data-testid=work-verifier]').innerText()).toContain('Cơ quan đầu mối');
    await page.click('[data-testid=progress-status-done]');
    await page.waitForFunction(() => (document.querySelector('[data-testid=progress-percent]') as HTMLInputElement | null)?.value === '100');
    expect(await page.locator('[data-testid=progress-percent]').isDisabled()).toBe(true);
    await page.fill('[data-testid=progress-note]', 'Đã rà soát 12 cụm loa, thay 3 cụm hỏng.');
    await page.fill('[data-testid=progress-result]', 'Biên bản rà soát ngày 20/11/2026');
    // A real photo (PNG bytes), as the phone's camera gives one.
    const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 90 } });
    await page.setInputFiles('[data-testid=progress-camera]', { name: 'anh-hien-truong.png', mimeType: 'image/png', buffer: photo });
    await page.waitForSelector('[data-testid=progress-picked]');
    await shot(page, 'update-form-375', false);
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await page.click('[data-testid=progress-send]');
    await page.waitForFunction(() => (document.querySelector('[data-testid=progress-notice]')?.textContent ?? '').includes('Đã gửi cập nhật'), undefined, { timeout: 30_000 });
    expect(await page.locator('[data-testid=work-verification]').innerText()).toContain('Chờ thẩm định');
    expect(await page.locator('[data-testid=work-evidence-item]').innerText()).toContain('anh-hien-truong.png');
    await shot(page, 'updated-375');

    const w = await work(photoId);
    expect(w).toMatchObject({ status: 'done', percent: 100, verification: 'pending', version: 1, note: 'Đã rà soát 12 cụm loa, thay 3 cụm hỏng.' });
    expect(w.evidence.map((e) => e.fileName)).toEqual(['anh-hien-truong.png']);

    // The evidence comes back through the authenticated client, under its name.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click('[data-testid=work-evidence-download]')]);
    expect(download.suggestedFilename()).toBe('anh-hien-truong.png');
  });

  it('the focal unit verifies, and the commune’s open page follows without a reload', async () => {
    const { page } = await signedIn();
    await page.goto(`${WARD}cong-viec/${photoId}`);
    await page.waitForFunction(() => (document.querySelector('[data-testid=work-verification]')?.textContent ?? '').includes('Chờ thẩm định'), undefined, { timeout: 30_000 });
    const { version } = await work(photoId);
    const verify = await (await as('skhcn.daumoi'))('POST', `/assignments/${photoId}/verify`, { version, note: 'Đạt yêu cầu' });
    expect(verify.status).toBe(200);
    // Live: through the notification stream, well before the page's 15-second refresh would see it.
    const t0 = Date.now();
    await page.waitForFunction(() => (document.querySelector('[data-testid=work-verification]')?.textContent ?? '').includes('Đã xác nhận'), undefined, { timeout: 40_000 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    await shot(page, 'verified-375', false);
  });

  it('an update written offline is kept, shown as waiting, and sent once when back online', async () => {
    const { context, page } = await signedIn();
    await openFromList(page, offlineId);
    expect((await work(offlineId)).version).toBe(0);

    await context.setOffline(true);
    await page.click('[data-testid=progress-status-in-progress]');
    await page.fill('[data-testid=progress-percent]', '60');
    await page.fill('[data-testid=progress-note]', 'Đã tổng hợp 60% số liệu (viết khi mất mạng).');
    await page.click('[data-testid=progress-send]');
    await page.waitForSelector('[data-testid=work-pending-state]', { timeout: 15_000 });
    expect(await page.locator('[data-testid=work-pending-state]').innerText()).toContain('Đang chờ gửi');
    expect(await page.locator('[data-testid=progress-notice]').innerText()).toContain('Chưa có mạng');
    await shot(page, 'offline-waiting-375', false);
    // Back on the list (still offline): the assignment carries the marker.
    await page.click('[data-testid=work-back]');
    const mark = page.locator(`[data-testid=my-item][data-assignment-id="${offlineId}"] [data-testid=my-item-queued]`);
    await mark.waitFor({ timeout: 15_000 });
    expect(await mark.innerText()).toContain('Đang chờ gửi');
    expect(await page.locator('[data-testid=my-offline]').count()).toBe(1);
    await shot(page, 'offline-list-375', false);
    // Nothing reached the API.
    expect((await work(offlineId)).version).toBe(0);

    // The first answer is lost on its way back (the API records the update, the phone never hears):
    // the phone sends again with the same key, and the API answers the first result.
    let progressPosts = 0;
    await page.route('**/assignments/*/progress', async (route) => {
      progressPosts++;
      if (progressPosts === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await context.setOffline(false);
    await mark.waitFor({ state: 'detached', timeout: 45_000 });
    expect(progressPosts).toBeGreaterThanOrEqual(2);

    const w = await work(offlineId);
    expect(w).toMatchObject({ status: 'in-progress', percent: 60, version: 1, note: 'Đã tổng hợp 60% số liệu (viết khi mất mạng).' });
    const timeline = await (await as('hoankiem.canbo'))('GET', `/assignments/${offlineId}/timeline`);
    expect(timeline.status).toBe(200);
    expect((timeline.body as { type: string }[]).filter((e) => e.type === 'execution.progress-reported')).toHaveLength(1);
    await page.unroute('**/assignments/*/progress');
    await shot(page, 'offline-sent-375', false);
  });

  it('the assignment page on a desktop', async () => {
    const { page } = await signedIn(DESKTOP);
    await page.goto(`${WARD}cong-viec/${offlineId}`);
    await page.waitForSelector('[data-testid=progress-form]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid=work-timeline-entry]', { timeout: 30_000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'assignment-desktop');
    await page.goto(`${WARD}cong-viec`);
    await page.waitForSelector('[data-testid=my-item]', { timeout: 30_000 });
    await shot(page, 'my-work-desktop', false);
  });
});
