import { TestBed } from '@angular/core/testing';
import type { PlanProgressDto } from '@dieu-hanh/shared/contracts';
import { TrackingBoard } from './tracking-board';
import { counts, item, list, settle, setupTracking } from './testing';

const progress: PlanProgressDto = {
  planId: 'p1', asOf: '2026-11-28T01:00:00Z',
  lead: counts({ total: 128, done: 2, verified: 1, notStarted: 120, inProgress: 5, overdue: 125, pendingVerification: 2, percent: 4 }),
  coordinator: counts({ total: 3, inProgress: 3, percent: 30 }),
  byTask: [
    { taskId: 't2', ordinal: 2, lead: counts({ total: 2, inProgress: 2, percent: 50 }), coordinator: counts({ total: 3, inProgress: 3, percent: 30 }) },
    { taskId: 't1', ordinal: 1, lead: counts({ total: 126, done: 2, verified: 1, notStarted: 120, inProgress: 3, overdue: 125, percent: 3 }), coordinator: counts() },
  ],
  byUnit: [],
};
const planSummary = { id: 'p1', title: 'Kế hoạch chuyển đổi số', symbol: 'KH-UBND', number: 402, status: 'issued' };

async function open() {
  const http = setupTracking([TrackingBoard]);
  const fixture = TestBed.createComponent(TrackingBoard);
  fixture.detectChanges();
  const plans = http.expectOne((r) => r.url === 'http://api/plans');
  expect(plans.request.params.get('status')).toBe('issued');
  plans.flush({ items: [planSummary, { ...planSummary, id: 'p2', number: 138, title: 'Kế hoạch 138' }], total: 2, limit: 100, offset: 0, allowedActions: [] });
  await settle(fixture);
  http.expectOne('http://api/plans/p1/progress').flush(progress);
  http.expectOne('http://api/plans/p1').flush({
    id: 'p1', tasks: [
      { id: 't1', ordinal: 1, content: 'Tuyên truyền chuyển đổi số trên hệ thống truyền thanh cơ sở' },
      { id: 't2', ordinal: 2, content: 'Đào tạo kỹ năng số cho cán bộ' },
    ],
  });
  await settle(fixture, 200);
  const el = fixture.nativeElement as HTMLElement;
  return { http, fixture, el };
}

describe('TrackingBoard', () => {
  it('shows the plan’s roll-up with lead and coordinating units apart, its tasks, and every unit by status and deadline', async () => {
    const { http, fixture, el } = await open();
    const work = http.expectOne((r) => r.url === 'http://api/execution/work');
    expect(work.request.params.get('planId')).toBe('p1');
    expect(work.request.params.get('limit')).toBe('25');
    expect(work.request.params.has('status')).toBe(false);
    work.flush(list([item(), item({ assignmentId: 'a2', unitName: 'Phường Ba Đình', status: 'done', percent: 100, verification: 'pending', urgency: 'closed', days: null })], 126));
    await settle(fixture);
    expect(el.querySelector('[data-testid=rollup-lead]')?.textContent).toContain('125 quá hạn');
    expect(el.querySelector('[data-testid=rollup-lead]')?.textContent).toContain('128 đơn vị');
    expect(el.querySelector('[data-testid=rollup-coordinator]')?.textContent).toContain('Bình quân 30%');
    const tasks = [...el.querySelectorAll('[data-testid=board-task]')];
    expect(tasks.map((t) => t.getAttribute('data-task-id'))).toEqual(['t1', 't2']);
    expect(tasks[0].textContent).toContain('Tuyên truyền chuyển đổi số trên hệ thống truyền thanh cơ sở');
    expect(tasks[0].textContent).toContain('Chủ trì: 2/126 hoàn thành · 125 quá hạn');
    expect(tasks[1].textContent).toContain('Phối hợp: 0/3 hoàn thành');
    // Urging is offered only where units are late.
    expect(tasks[0].querySelector('[data-testid=board-urge-late]')?.textContent).toContain('Đôn đốc 125 đơn vị quá hạn');
    expect(tasks[1].querySelector('[data-testid=board-urge-late]')).toBeNull();
    const units = [...el.querySelectorAll('[data-testid=board-unit]')];
    expect(units[0].textContent).toContain('Phường Hoàn Kiếm');
    expect(units[0].textContent).toContain('Quá hạn 332 ngày');
    expect(units[0].textContent).toContain('Hạn 31/12/2025');
    expect(units[0].querySelector('[data-testid=work-open]')?.getAttribute('href')).toBe('/cong-viec/a1');
    expect(units[1].textContent).toContain('Chờ thẩm định');
    expect(units[1].querySelector('[data-testid=board-urge-one]')).toBeNull();
    expect(el.querySelector('[data-testid=board-total]')?.textContent).toContain('1–2 / 126');
  });

  it('filters the units by task, status and deadline (the API searches), and pages', async () => {
    const { http, fixture, el } = await open();
    http.expectOne((r) => r.url === 'http://api/execution/work').flush(list([item()], 60));
    await settle(fixture);
    (el.querySelectorAll('[data-testid=board-show-units]')[0] as HTMLButtonElement).click();
    const urgency = el.querySelector('[data-testid=board-urgency]') as HTMLSelectElement;
    urgency.value = 'overdue';
    urgency.dispatchEvent(new Event('change'));
    const q = el.querySelector('[data-testid=board-q]') as HTMLInputElement;
    q.value = 'hoan kiem';
    q.dispatchEvent(new Event('input'));
    await settle(fixture, 200);
    const req = http.expectOne((r) => r.url === 'http://api/execution/work');
    expect(req.request.params.get('taskId')).toBe('t1');
    expect(req.request.params.get('urgency')).toBe('overdue');
    expect(req.request.params.get('q')).toBe('hoan kiem');
    expect(req.request.params.get('offset')).toBe('0');
    req.flush(list([item()], 60));
    await settle(fixture);
    (el.querySelector('[data-testid=board-next]') as HTMLButtonElement).click();
    await settle(fixture, 200);
    expect(http.expectOne((r) => r.url === 'http://api/execution/work').request.params.get('offset')).toBe('25');
  });

  it('urges every late unit of a task in one action, after a confirmation, and says how many', async () => {
    const { http, fixture, el } = await open();
    http.expectOne((r) => r.url === 'http://api/execution/work').flush(list([item()]));
    await settle(fixture);
    (el.querySelector('[data-task-id=t1] [data-testid=board-urge-late]') as HTMLButtonElement).click();
    await settle(fixture);
    const confirm = el.querySelector('[data-task-id=t1] [data-testid=urge-confirm]');
    expect(confirm?.textContent).toContain('Đôn đốc 125 đơn vị quá hạn của nhiệm vụ 1?');
    http.expectNone('http://api/execution/urge');
    const message = el.querySelector('[data-testid=urge-message]') as HTMLTextAreaElement;
    message.value = 'Đề nghị báo cáo trước 05/12';
    message.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid=urge-send]') as HTMLButtonElement).click();
    const urge = http.expectOne('http://api/execution/urge');
    expect(urge.request.method).toBe('POST');
    expect(urge.request.body).toEqual({ taskId: 't1', message: 'Đề nghị báo cáo trước 05/12' });
    urge.flush({ urged: 125 });
    await settle(fixture, 200);
    expect(el.querySelector('[data-testid=board-notice]')?.textContent).toContain('Đã đôn đốc 125 đơn vị.');
    expect(el.querySelector('[data-testid=urge-confirm]')).toBeNull();
    // The list reloads after the urge.
    http.expectOne((r) => r.url === 'http://api/execution/work').flush(list([item()]));
  });

  it('urges one unit, and shows the API’s refusal', async () => {
    const { http, fixture, el } = await open();
    http.expectOne((r) => r.url === 'http://api/execution/work').flush(list([item()]));
    await settle(fixture);
    (el.querySelector('[data-testid=board-urge-one]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(el.querySelector('[data-testid=urge-confirm]')?.textContent).toContain('Đôn đốc Phường Hoàn Kiếm về nhiệm vụ 1?');
    (el.querySelector('[data-testid=urge-send]') as HTMLButtonElement).click();
    const urge = http.expectOne('http://api/execution/urge');
    expect(urge.request.body).toEqual({ assignmentId: 'a1', message: null });
    urge.flush({ code: 'EXECUTION.FORBIDDEN', message: { vi: 'Đơn vị không được đôn đốc nhiệm vụ này.', en: 'Your unit may not urge this task.' } }, { status: 403, statusText: 'Forbidden' });
    await settle(fixture);
    expect(el.querySelector('[data-testid=board-error]')?.textContent).toContain('Đơn vị không được đôn đốc nhiệm vụ này.');
    (el.querySelector('[data-testid=urge-cancel]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(el.querySelector('[data-testid=urge-confirm]')).toBeNull();
  });

  it('finds tasks without diacritics and keeps only those with late units', async () => {
    const { http, fixture, el } = await open();
    http.expectOne((r) => r.url === 'http://api/execution/work').flush(list([]));
    await settle(fixture);
    const q = el.querySelector('[data-testid=board-task-q]') as HTMLInputElement;
    q.value = 'dao tao ky nang';
    q.dispatchEvent(new Event('input'));
    await settle(fixture);
    expect([...el.querySelectorAll('[data-testid=board-task]')].map((t) => t.getAttribute('data-task-id'))).toEqual(['t2']);
    q.value = '';
    q.dispatchEvent(new Event('input'));
    const late = el.querySelector('[data-testid=board-late-tasks]') as HTMLInputElement;
    late.checked = true;
    late.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect([...el.querySelectorAll('[data-testid=board-task]')].map((t) => t.getAttribute('data-task-id'))).toEqual(['t1']);
  });
});
