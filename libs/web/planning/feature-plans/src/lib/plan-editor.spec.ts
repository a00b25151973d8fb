import { TestBed } from '@angular/core/testing';
import type { HttpTestingController } from '@angular/common/http/testing';
import { Router } from '@angular/router';
import { PlanEditor } from './plan-editor';
import { plan, settle, setup, task } from './testing/plan-fixture';

function type(el: HTMLElement, selector: string, value: string): void {
  const input = el.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('PlanEditor', () => {
  let http: HttpTestingController;

  async function open(inputs: { mode?: string; id?: string }, user: Parameters<typeof setup>[1] = { unit: '01-SKHCN', roles: ['department-officer', 'focal-officer'] }) {
    http = setup([PlanEditor], user);
    const fixture = TestBed.createComponent(PlanEditor);
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('drafts a new plan: header, one task led by a group, the timeframe read back as it is typed, then saves with POST', async () => {
    const { fixture, el } = await open({ mode: 'new' });
    await settle(fixture);
    http.match('http://api/unit-groups').forEach((r) => r.flush([{ code: '01-G-XA-PHUONG', name: 'UBND các xã, phường', provinceCode: '01', memberCount: 126 }]));
    await settle(fixture);
    type(el, '[data-testid=editor-title]', 'Kế hoạch hưởng ứng Ngày Chuyển đổi số 2025');
    type(el, '#pe-year', '2025');
    type(el, '[data-testid=task-content-0]', 'Tuyên truyền qua hệ thống truyền thanh cơ sở');
    type(el, '[data-testid=task-timeframe-0]', 'Quý IV/2025');
    const group = el.querySelector('[data-testid=task-leads-0] [data-testid=unit-picker-group]') as HTMLSelectElement;
    group.value = '01-G-XA-PHUONG';
    group.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(el.querySelector('[data-testid=task-0] [data-testid=timeframe-preview]')?.textContent).toContain('31/12/2025');
    expect(el.querySelector('[data-testid=task-leads-0]')?.textContent).toContain('UBND các xã, phường');
    type(el, '[data-testid=task-timeframe-0]', 'Sau khi có hướng dẫn rồi tính');
    await settle(fixture);
    expect(el.querySelector('[data-testid=task-0] [data-testid=timeframe-preview]')?.textContent).toContain('Chưa hiểu mốc thời gian');
    type(el, '[data-testid=task-timeframe-0]', 'Quý IV/2025');

    (el.querySelector('[data-testid=save]') as HTMLButtonElement).click();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === 'http://api/plans');
    expect(req.request.body).toMatchObject({
      title: 'Kế hoạch hưởng ứng Ngày Chuyển đổi số 2025',
      year: 2025,
      focalUnitCode: '01-SKHCN',
      tasks: [{ content: 'Tuyên truyền qua hệ thống truyền thanh cơ sở', timeframe: 'Quý IV/2025', leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [] }],
    });
    req.flush({ id: 'p9', version: 1 });
    await settle(fixture);
    expect(el.querySelector('[data-testid=saved]')?.textContent).toContain('phiên bản 1');
  });

  it('picks a unit by a search without diacritics', async () => {
    const { fixture, el } = await open({ mode: 'new' });
    await settle(fixture);
    jest.useFakeTimers();
    try {
      type(el, '[data-testid=task-coordinators-0] [data-testid=unit-picker-search]', 'so khoa hoc');
      jest.advanceTimersByTime(300);
    } finally {
      jest.useRealTimers();
    }
    const req = http.expectOne((r) => r.url === 'http://api/units');
    expect(req.request.params.get('q')).toBe('so khoa hoc');
    req.flush({ items: [{ code: '01-SKHCN', shortName: 'Sở Khoa học và Công nghệ', officialName: 'Sở Khoa học và Công nghệ', kind: 'department', tier: 1, parentCode: null, provinceCode: '01', validFrom: '2025-07-01', validTo: null, aliases: [], groupCodes: [] }], total: 1, limit: 8, offset: 0 });
    await settle(fixture);
    (el.querySelector('[data-testid=task-coordinators-0] [data-testid=unit-picker-results] button') as HTMLButtonElement).click();
    await settle(fixture);
    expect(el.querySelector('[data-testid=task-coordinators-0] [data-testid=picked-01-SKHCN]')?.textContent).toContain('Sở Khoa học và Công nghệ');
  });

  it('refuses to save without a title and says so', async () => {
    const { fixture, el } = await open({ mode: 'new' });
    await settle(fixture);
    (el.querySelector('[data-testid=save]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(el.textContent).toContain('Vui lòng nhập các thông tin bắt buộc');
    expect(http.match((r) => r.method === 'POST')).toEqual([]);
  });

  it('shows a returned plan’s comments beside the fields they name, and general ones at the top', async () => {
    const { fixture, el } = await open({ mode: 'edit', id: 'p1' });
    http.expectOne('http://api/plans/p1').flush(
      plan({
        status: 'returned',
        version: 3,
        tasks: [task(), task({ id: 't2', ordinal: 2, content: 'Việc hai' })],
        reviewComments: [
          { by: 'Lãnh đạo', at: '2025-10-01T08:00:00Z', text: 'Bổ sung căn cứ', field: null },
          { by: 'Lãnh đạo', at: '2025-10-01T08:00:00Z', text: 'Tên chưa đúng', field: 'title' },
          { by: 'Lãnh đạo', at: '2025-10-01T08:00:00Z', text: 'Ghi rõ thời hạn', field: 'tasks.1.timeframe' },
        ],
      }),
    );
    await settle(fixture);
    expect(el.querySelector('[data-testid=general-comments]')?.textContent).toContain('Bổ sung căn cứ');
    expect(el.querySelector('#pe-title')?.parentElement?.textContent).toContain('Tên chưa đúng');
    expect(el.querySelector('#pe-t-tf-1')?.parentElement?.textContent).toContain('Ghi rõ thời hạn');
    expect(el.querySelector('#pe-t-tf-0')?.parentElement?.textContent).not.toContain('Ghi rõ thời hạn');
    expect((el.querySelector('[data-testid=task-content-1]') as HTMLTextAreaElement).value).toBe('Việc hai');
  });

  it('revises with PUT and the version; on 409 says someone else changed it and reloads on request', async () => {
    const { fixture, el } = await open({ mode: 'edit', id: 'p1' });
    http.expectOne('http://api/plans/p1').flush(plan({ version: 3 }));
    await settle(fixture);
    type(el, '[data-testid=editor-title]', 'Tên mới');
    (el.querySelector('[data-testid=save]') as HTMLButtonElement).click();
    const put = http.expectOne((r) => r.method === 'PUT');
    expect(put.request.body.version).toBe(3);
    expect(put.request.body.tasks[0].id).toBe('t1');
    put.flush({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'stale', currentVersion: 5 }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(el.querySelector('[data-testid=conflict]')?.textContent).toContain('Người khác vừa sửa kế hoạch này (phiên bản 5)');
    (el.querySelector('[data-testid=conflict] button') as HTMLButtonElement).click();
    http.expectOne('http://api/plans/p1').flush(plan({ version: 5, title: 'Tên của người khác' }));
    await settle(fixture);
    expect(el.querySelector('[data-testid=conflict]')).toBeNull();
    expect((el.querySelector('[data-testid=editor-title]') as HTMLTextAreaElement).value).toBe('Tên của người khác');
  });

  it('amends an issued plan: the reason is required, tasks keep their ids, then back to the plan', async () => {
    const { fixture, el } = await open({ mode: 'amend', id: 'p1' }, { unit: '01-UBND', roles: ['leader'] });
    http.expectOne('http://api/plans/p1').flush(plan({ status: 'issued', number: 402, version: 6, tasks: [task({ id: 't1' })] }));
    await settle(fixture);
    expect(el.querySelector('[data-testid=editor-heading]')?.textContent).toContain('Điều chỉnh kế hoạch');
    expect(el.querySelector('[data-testid=submit]')).toBeNull();
    type(el, '[data-testid=task-timeframe-0]', 'Trong tháng 11/2025');
    (el.querySelector('[data-testid=save-amendment]') as HTMLButtonElement).click();
    await settle(fixture);
    http.expectNone((r) => r.method === 'POST');
    expect(el.textContent).toContain('Cần ghi lý do điều chỉnh');
    type(el, '[data-testid=amend-reason]', 'Điều chỉnh thời hạn theo chỉ đạo');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (el.querySelector('[data-testid=save-amendment]') as HTMLButtonElement).click();
    const post = http.expectOne('http://api/plans/p1/amendments');
    expect(post.request.body).toMatchObject({ version: 6, reason: 'Điều chỉnh thời hạn theo chỉ đạo', tasks: [expect.objectContaining({ id: 't1', timeframe: 'Trong tháng 11/2025' })] });
    post.flush({ id: 'p1', version: 7, assignmentsAdded: 0, assignmentsWithdrawn: 0, tasksChanged: 1 });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['../..', 'p1'], expect.anything());
  });

  it('shows a 400 problem’s field errors beside their fields', async () => {
    const { fixture, el } = await open({ mode: 'edit', id: 'p1' });
    http.expectOne('http://api/plans/p1').flush(plan({ version: 2 }));
    await settle(fixture);
    (el.querySelector('[data-testid=save]') as HTMLButtonElement).click();
    http.expectOne((r) => r.method === 'PUT').flush(
      {
        type: 'about:blank', title: 'Bad Request', status: 400, detail: 'invalid', code: 'VALIDATION',
        message: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
        errors: [{ field: 'body.tasks.0.leads', code: 'REQUIRED', message: { vi: 'Cần ít nhất một đơn vị chủ trì', en: 'At least one lead unit' } }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(el.querySelector('[data-testid=problem]')?.textContent).toContain('Dữ liệu không hợp lệ');
    expect(el.querySelector('[data-testid=task-leads-0] [data-testid=field-error]')?.textContent).toContain('Cần ít nhất một đơn vị chủ trì');
  });

  it('saves then submits, and opens the plan', async () => {
    const { fixture, el } = await open({ mode: 'edit', id: 'p1' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    http.expectOne('http://api/plans/p1').flush(plan({ version: 2 }));
    await settle(fixture);
    (el.querySelector('[data-testid=submit]') as HTMLButtonElement).click();
    http.expectOne((r) => r.method === 'PUT').flush({ id: 'p1', version: 3 });
    http.expectOne('http://api/plans/p1/submit').flush({ id: 'p1', version: 4 });
    expect(navigate).toHaveBeenCalledWith(['../..', 'p1'], expect.anything());
  });

  it('prefills a commune’s implementing plan from the city plan: one task per assigned task, offices of the commune only', async () => {
    const mine = { id: 'a1', taskId: 't1', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', role: 'lead' as const, viaGroup: '01-G-XA-PHUONG', succeeds: null, status: 'assigned' };
    const { fixture, el } = await open({ mode: 'implement', id: 'p1' }, { unit: '00070', tier: 2, roles: ['commune-officer'] });
    http.expectOne('http://api/plans/p1').flush(
      plan({ status: 'issued', number: 272, tasks: [task({ assignments: [mine] }), task({ id: 't2', ordinal: 2, content: 'Không giao cho phường', assignments: [] })] }),
    );
    await settle(fixture);
    expect((el.querySelector('[data-testid=editor-title]') as HTMLTextAreaElement).value).toMatch(/^Kế hoạch triển khai /);
    expect(el.querySelectorAll('[data-testid^=task-content-]').length).toBe(1);
    expect(el.querySelector('[data-testid=unit-picker-group]')).toBeNull();
    jest.useFakeTimers();
    try {
      type(el, '[data-testid=task-leads-0] [data-testid=unit-picker-search]', 'van hoa');
      jest.advanceTimersByTime(300);
    } finally {
      jest.useRealTimers();
    }
    const search = http.expectOne((r) => r.url === 'http://api/units');
    expect(search.request.params.get('parent')).toBe('00070');
    search.flush({ items: [
      { code: '00070-VHXH', shortName: 'Phòng Văn hóa - Xã hội', officialName: 'Phòng Văn hóa - Xã hội', kind: 'commune-office', tier: 2, parentCode: '00070', provinceCode: '01', validFrom: '2025-07-01', validTo: null, aliases: [], groupCodes: [] },
      { code: '00004-VHXH', shortName: 'Phòng Văn hóa - Xã hội (Ba Đình)', officialName: 'x', kind: 'commune-office', tier: 2, parentCode: '00004', provinceCode: '01', validFrom: '2025-07-01', validTo: null, aliases: [], groupCodes: [] },
    ], total: 2, limit: 8, offset: 0 });
    await settle(fixture);
    const results = el.querySelectorAll('[data-testid=task-leads-0] [data-testid=unit-picker-results] button');
    expect(results.length).toBe(1);
    (results[0] as HTMLButtonElement).click();
    await settle(fixture);
    (el.querySelector('[data-testid=save]') as HTMLButtonElement).click();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === 'http://api/plans');
    expect(post.request.body).toMatchObject({ parentPlanId: 'p1', focalUnitCode: '00070', tasks: [{ parentTaskId: 't1', content: 'Tuyên truyền', leads: [{ unit: '00070-VHXH' }] }] });
  });
});
