import { TestBed } from '@angular/core/testing';
import type { WorkListDto } from '@dieu-hanh/shared/contracts';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { MemoryOfflineStore } from '../offline/offline-store';
import type { QueuedUpdate } from '../offline/offline-queue';
import { nextRequest, setOnline, setupWork, tick, workItem } from '../offline/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { MyWork } from './my-work';
import { MemorySnapshotStore, WORK_SNAPSHOT_STORE } from './last-work-lists';

const isList = (r: { url: string }) => r.url === 'http://api/my/work';
const isPlans = (r: { url: string }) => r.url === 'http://api/plans';

function list(items: WorkListDto['items'], total = items.length, counts: Partial<WorkListDto['counts']> = {}): WorkListDto {
  return { items, total, counts: { overdue: 0, dueSoon: 0, done: 0, pendingVerification: 0, open: items.length, ...counts } };
}

async function open(store = new MemoryOfflineStore<unknown>()) {
  const { http } = setupWork([MyWork], store);
  const fixture = TestBed.createComponent(MyWork);
  fixture.detectChanges();
  (await nextRequest(http, isPlans)).flush({ items: [{ id: 'p2', number: 7, symbol: 'KH-UBND', title: 'Kế hoạch cải cách hành chính' }], total: 1, limit: 100, offset: 0, allowedActions: [] });
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { http, fixture, el, settle };
}

afterEach(() => jest.restoreAllMocks());

describe('MyWork', () => {
  beforeEach(() => setOnline(true));

  it('lists the unit’s work with counts, overdue days, dd/MM/yyyy dates and links to each assignment', async () => {
    const { http, el, settle } = await open();
    const req = await nextRequest(http, isList);
    expect(req.request.params.get('limit')).toBe('25');
    expect(req.request.params.get('offset')).toBe('0');
    expect(req.request.params.has('q')).toBe(false);
    req.flush(
      list(
        [workItem(), workItem({ assignmentId: 'a2', taskOrdinal: 4, urgency: 'due-soon', days: 5, due: '2026-12-03', originalDue: '2026-11-01', verification: 'pending', status: 'done', percent: 100 })],
        2,
        { overdue: 1, dueSoon: 1, pendingVerification: 1, done: 1 },
      ),
    );
    await settle();
    const items = el.querySelectorAll('[data-testid=my-item]');
    expect(items).toHaveLength(2);
    expect(items[0].getAttribute('href')).toBe('/a1');
    expect(items[0].textContent).toContain('402/KH-UBND · Nhiệm vụ 3 · Chủ trì');
    expect(items[0].querySelector('[data-testid=my-item-overdue]')?.textContent).toContain('Quá hạn 332 ngày');
    expect(items[0].querySelector('[data-testid=my-item-due]')?.textContent).toContain('Hạn 31/12/2025');
    expect(items[1].querySelector('[data-testid=my-item-soon]')?.textContent).toContain('Còn 5 ngày');
    expect(items[1].querySelector('[data-testid=my-item-due]')?.textContent).toContain('(gia hạn từ 01/11/2026)');
    expect(items[1].querySelector('[data-testid=my-item-verification]')?.textContent).toContain('Chờ thẩm định');
    expect(el.querySelector('[data-testid=my-chip-overdue]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Quá hạn 1');
    expect(el.querySelector('[data-testid=my-chip-pending]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Chờ thẩm định 1');
    expect(el.querySelector('[data-testid=my-total]')?.textContent).toContain('Hiển thị 2/2 nhiệm vụ');
    expect(el.querySelector('[data-testid=my-more]')).toBeNull();
    // The plan filter offers the issued plans.
    expect([...el.querySelectorAll('[data-testid=my-plan] option')].map((o) => o.textContent?.trim())).toEqual([
      'Tất cả kế hoạch',
      '7/KH-UBND — Kế hoạch cải cách hành chính',
      '402/KH-UBND — Kế hoạch chuyển đổi số năm 2025',
    ]);
  });

  it('a chip filters through the API and keeps every chip’s count; search and plan go to the API', async () => {
    const { http, el, settle } = await open();
    (await nextRequest(http, isList)).flush(list([workItem()], 30, { overdue: 12, dueSoon: 3, done: 4, pendingVerification: 2 }));
    await settle();
    (el.querySelector('[data-testid=my-chip-overdue]') as HTMLButtonElement).click();
    await settle();
    const overdue = await nextRequest(http, isList);
    expect(overdue.request.params.get('urgency')).toBe('overdue');
    overdue.flush(list([workItem()], 12, { overdue: 12, dueSoon: 0 }));
    await settle();
    expect(el.querySelector('[data-testid=my-chip-overdue]')?.getAttribute('aria-pressed')).toBe('true');
    expect(el.querySelector('[data-testid=my-chip-due-soon]')?.textContent).toContain('3');

    const q = el.querySelector('[data-testid=my-q]') as HTMLInputElement;
    q.value = 'loa phuong';
    q.dispatchEvent(new Event('input'));
    const plan = el.querySelector('[data-testid=my-plan]') as HTMLSelectElement;
    plan.value = 'p2';
    plan.dispatchEvent(new Event('change'));
    await settle();
    const searched = await nextRequest(http, isList);
    expect(searched.request.params.get('q')).toBe('loa phuong');
    expect(searched.request.params.get('planId')).toBe('p2');
    expect(searched.request.params.get('urgency')).toBe('overdue');
    searched.flush(list([], 0));
    await settle();
    expect(el.querySelector('[data-testid=my-none]')?.textContent).toContain('Không có nhiệm vụ nào khớp.');
  });

  it('"Xem thêm" appends the next page', async () => {
    const { http, el, settle } = await open();
    const page1 = Array.from({ length: 25 }, (_, i) => workItem({ assignmentId: `a${i}`, taskOrdinal: i + 1 }));
    (await nextRequest(http, isList)).flush(list(page1, 27));
    await settle();
    expect(el.querySelectorAll('[data-testid=my-item]')).toHaveLength(25);
    (el.querySelector('[data-testid=my-more]') as HTMLButtonElement).click();
    const next = await nextRequest(http, isList);
    expect(next.request.params.get('offset')).toBe('25');
    next.flush(list([workItem({ assignmentId: 'a25' }), workItem({ assignmentId: 'a26' })], 27));
    await settle();
    expect(el.querySelectorAll('[data-testid=my-item]')).toHaveLength(27);
    expect(el.querySelector('[data-testid=my-more]')).toBeNull();
  });

  it('groups by plan on demand', async () => {
    const { http, el, settle } = await open();
    (await nextRequest(http, isList)).flush(list([workItem(), workItem({ assignmentId: 'a2', planId: 'p2', planSymbol: '7/KH-UBND', planTitle: 'Cải cách' }), workItem({ assignmentId: 'a3' })]));
    await settle();
    (el.querySelector('[data-testid=my-group]') as HTMLInputElement).click();
    await settle();
    expect([...el.querySelectorAll('[data-testid=my-group-title]')].map((h) => h.textContent?.trim())).toEqual(['402/KH-UBND — Kế hoạch chuyển đổi số năm 2025', '7/KH-UBND — Cải cách']);
    const firstGroup = el.querySelectorAll('[data-testid=my-items]')[0];
    expect(firstGroup.querySelectorAll('[data-testid=my-item]')).toHaveLength(2);
  });

  it('marks assignments with an update waiting on the phone, and says when there is no connection', async () => {
    const store = new MemoryOfflineStore<unknown>();
    const waiting: Partial<QueuedUpdate> = { key: 'k1', assignmentId: 'a1', label: 'x', createdAt: '2026-11-28T01:00:00Z', request: { version: 2, status: 'done', percent: 100 }, files: [], state: 'waiting', attempts: 0, problem: null };
    await store.put('k1', waiting);
    setOnline(false);
    const { http, el, settle } = await open(store);
    (await nextRequest(http, isList)).flush(list([workItem(), workItem({ assignmentId: 'a2' })]));
    await settle();
    await tick(5);
    await settle();
    expect(el.querySelector('[data-testid=my-offline]')?.textContent).toContain('Không có kết nối mạng');
    const marks = el.querySelectorAll('[data-testid=my-item-queued]');
    expect(marks).toHaveLength(1);
    expect(marks[0].closest('[data-testid=my-item]')?.getAttribute('data-assignment-id')).toBe('a1');
    expect(marks[0].textContent).toContain('Đang chờ gửi');
    TestBed.inject(I18nService).setLang('en');
    await settle();
    expect(marks[0].textContent).toContain('Waiting to send');
    TestBed.inject(I18nService).setLang('vi');
  });

  it('without a connection, shows the list this session last saw, under the offline notice', async () => {
    const { http, fixture, settle } = await open();
    (await nextRequest(http, isList)).flush(list([workItem()], 1, { overdue: 1 }));
    await settle();
    fixture.destroy();
    // Back on the list, offline: the request never reaches the API.
    const again = TestBed.createComponent(MyWork);
    again.detectChanges();
    (await nextRequest(http, isList)).error(new ProgressEvent('error'), { status: 0 });
    again.detectChanges();
    await again.whenStable();
    again.detectChanges();
    const el = again.nativeElement as HTMLElement;
    expect(el.querySelectorAll('[data-testid=my-item]')).toHaveLength(1);
    expect(el.querySelector('[data-testid=my-offline]')).not.toBeNull();
    expect(el.querySelector('[data-testid=my-error]')).toBeNull();
  });

  it('started without a connection, shows the list kept on the phone from an earlier start, with its time; another account does not see it', async () => {
    const phone = new MemorySnapshotStore();
    const start = async (username: string) => {
      TestBed.resetTestingModule();
      setupWork([MyWork], undefined, [{ provide: WORK_SNAPSHOT_STORE, useValue: phone }]);
      TestBed.inject(AuthService).user.set({ username, name: 'Cán bộ', unit: '00070', tier: 2, roles: ['commune-officer'], realm: 'ha-noi' });
      const http = TestBed.inject(HttpTestingController);
      const fixture = TestBed.createComponent(MyWork);
      fixture.detectChanges();
      (await nextRequest(http, isPlans)).error(new ProgressEvent('error'), { status: 0 });
      return { http, fixture, el: fixture.nativeElement as HTMLElement };
    };
    const settle = async (f: { detectChanges(): void; whenStable(): Promise<unknown> }) => {
      f.detectChanges();
      await f.whenStable();
      await tick(5);
      f.detectChanges();
    };
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-28T02:30:00Z'));
    const online = await start('hoankiem.canbo');
    (await nextRequest(online.http, isList)).flush(list([workItem()], 1, { overdue: 1 }));
    await settle(online.fixture);
    expect(online.el.querySelector('[data-testid=my-as-of]')).toBeNull();

    // The next morning, the portal is opened with no network.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-29T00:00:00Z'));
    const offline = await start('hoankiem.canbo');
    (await nextRequest(offline.http, isList)).error(new ProgressEvent('error'), { status: 0 });
    await settle(offline.fixture);
    expect(offline.el.querySelectorAll('[data-testid=my-item]')).toHaveLength(1);
    expect(offline.el.querySelector('[data-testid=my-as-of]')?.textContent).toContain('Danh sách lúc 28/11/2026 09:30');
    expect(offline.el.querySelector('[data-testid=my-error]')).toBeNull();

    const other = await start('hoankiem.lanhdao');
    (await nextRequest(other.http, isList)).error(new ProgressEvent('error'), { status: 0 });
    await settle(other.fixture);
    expect(other.el.querySelectorAll('[data-testid=my-item]')).toHaveLength(0);
    expect(other.el.querySelector('[data-testid=my-error]')).not.toBeNull();
  });

  it('says so when the list cannot be loaded', async () => {
    const { http, el, settle } = await open();
    (await nextRequest(http, isList)).flush({ status: 503, message: { vi: 'Máy chủ tạm ngừng', en: 'Unavailable' } }, { status: 503, statusText: 'x' });
    await settle();
    expect(el.querySelector('[data-testid=my-error]')?.textContent).toContain('Không tải được danh sách: Máy chủ tạm ngừng');
  });
});
