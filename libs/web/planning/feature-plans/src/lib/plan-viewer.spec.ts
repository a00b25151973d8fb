import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import type { PlanDetailDto, PlanProgressDto, StatusCountsDto, WorkItemDto } from '@dieu-hanh/shared/contracts';
import { PlanViewer } from './plan-viewer';
import { plan, settle, setup, task } from './testing/plan-fixture';

describe('PlanViewer', () => {
  it('shows the plan’s number, status, tasks and each task’s assignments', async () => {
    TestBed.configureTestingModule({
      imports: [PlanViewer],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlanViewer);
    fixture.componentRef.setInput('id', 'p1');
    fixture.detectChanges();
    http.expectOne('http://api/plans/p1').flush({
      id: 'p1', title: 'Kế hoạch 272', symbol: 'KH-UBND', number: 272, year: 2025, status: 'issued', version: 4, issuerUnitCode: '01-UBND',
      draftingUnitCode: '01-SKHCN', focalUnitCode: '01-SKHCN', issueDate: '2025-10-02', taskCount: 1, reviewComments: [], names: { '01-G-XA-PHUONG': 'UBND các xã, phường' },
      tasks: [{ id: 't1', ordinal: 1, section: 'III.1', content: 'Tuyên truyền', expectedResult: null, directingLeader: null, timeframe: 'Quý IV/2025',
        leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [], assignments: [{ id: 'a1', taskId: 't1', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', role: 'lead', viaGroup: '01-G-XA-PHUONG', succeeds: null, status: 'assigned' }] }],
    });
    fixture.detectChanges();
    await fixture.whenStable();
    const text: string = fixture.nativeElement.textContent;
    expect(text).toContain('272/KH-UBND');
    expect(text).toContain('Đã ban hành');
    expect(text).toContain('02/10/2025');
    expect(text).toContain('Phường Hoàn Kiếm');
    expect(text).toContain('Quý IV/2025');
    expect(text).toContain('UBND các xã, phường');
  });
});

describe('PlanViewer for its readers and reviewers', () => {
  async function open(p: PlanDetailDto, user?: Parameters<typeof setup>[1]) {
    const http = setup([PlanViewer], user);
    const fixture = TestBed.createComponent(PlanViewer);
    fixture.componentRef.setInput('id', p.id);
    fixture.detectChanges();
    http.expectOne(`http://api/plans/${p.id}`).flush(p);
    await settle(fixture);
    return { http, fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows header facts, sections, timeframes as written and as read, pending units and indicators', async () => {
    const { el } = await open(
      plan({
        theme: 'Chuyển đổi số toàn dân',
        legalBases: ['Kế hoạch số 402/KH-UBND'],
        sections: [{ code: 'III.1', title: 'Tuyên truyền' }],
        tasks: [
          task({ section: 'III.1', timeframe: 'Quý IV/2025', leads: [{ pending: 'UBND các xã, phường đã đề xuất' }] }),
          task({ id: 't2', ordinal: 2, section: 'III.1', content: 'Việc không rõ hạn', timeframe: 'khi nào xong thì thôi' }),
        ],
        indicators: [{ id: 'i1', ordinal: 1, section: null, name: 'Tỷ lệ dân số trưởng thành có điện thoại thông minh', directingLeader: null, focal: [{ unit: '01-SKHCN' }], implementing: [{ group: '01-G-XA-PHUONG' }], coordinators: [],
          targets: [{ year: 2025, text: '> 85%', parsed: { kind: 'value', comparator: '>', value: 85, unit: '%', text: '> 85%' } }, { year: 2026, text: 'Tốp 5', parsed: { kind: 'rank', top: 5, text: 'Tốp 5' } }] }],
      }),
    );
    const text = el.textContent ?? '';
    expect(text).toContain('Chuyển đổi số toàn dân');
    expect(text).toContain('Kế hoạch số 402/KH-UBND');
    expect(text).toContain('Sở Khoa học và Công nghệ');
    expect(el.querySelectorAll('.dh-section').length).toBe(1);
    expect(text).toContain('III.1 Tuyên truyền');
    expect(text).toContain('31/12/2025');
    expect(text).toContain('Chưa hiểu mốc thời gian');
    expect(el.querySelector('[data-testid=pending-ref]')?.textContent).toContain('Chờ xác định: UBND các xã, phường đã đề xuất');
    const indicators = el.querySelector('[data-testid=indicators]')?.textContent ?? '';
    expect(indicators).toContain('> 85%');
    expect(indicators).toContain('(> 85%)');
    expect(indicators).toContain('tốp 5');
  });

  it('lets the city leader approve a submitted plan, then reloads it', async () => {
    const { http, fixture, el } = await open(plan({ status: 'submitted', myRoles: ['issuer'], allowedActions: ['approve', 'return', 'view-history'] }), { unit: '01-UBND', roles: ['leader'] });
    expect(el.querySelector('[data-testid=edit-plan]')).toBeNull();
    (el.querySelector('[data-testid=approve]') as HTMLButtonElement).click();
    http.expectOne('http://api/plans/p1/approve').flush({ id: 'p1', version: 3 });
    http.expectOne('http://api/plans/p1').flush(plan({ status: 'approved', myRoles: ['issuer'], allowedActions: ['issue', 'view-history'] }));
    await settle(fixture);
    expect(el.querySelector('[data-testid=plan-status]')?.textContent).toContain('Đã duyệt');
    expect(el.querySelector('[data-testid=notice]')?.textContent).toContain('Đã phê duyệt');
    expect(el.querySelector('[data-testid=issue]')).not.toBeNull();
  });

  it('returns a plan with comments tied to the title or a task', async () => {
    const { http, fixture, el } = await open(plan({ status: 'submitted', allowedActions: ['approve', 'return'] }), { unit: '01-UBND', roles: ['leader'] });
    (el.querySelector('[data-testid=return]') as HTMLButtonElement).click();
    await settle(fixture);
    const text = el.querySelector('[data-testid=return-text-0]') as HTMLTextAreaElement;
    text.value = 'Ghi rõ thời hạn';
    text.dispatchEvent(new Event('input'));
    const field = el.querySelector('[data-testid=return-field-0]') as HTMLSelectElement;
    expect([...field.options].map((o) => o.textContent?.trim())).toEqual(['Toàn bộ kế hoạch', 'Tên kế hoạch', 'Nhiệm vụ 1: Tuyên truyền']);
    field.value = 'tasks.0';
    field.dispatchEvent(new Event('change'));
    await settle(fixture);
    (el.querySelector('[data-testid=return-send]') as HTMLButtonElement).click();
    const req = http.expectOne('http://api/plans/p1/return');
    expect(req.request.body).toEqual({ comments: [{ text: 'Ghi rõ thời hạn', field: 'tasks.0' }] });
    req.flush({ id: 'p1', version: 3 });
    http.expectOne('http://api/plans/p1').flush(plan({ status: 'returned', reviewComments: [{ by: 'Lãnh đạo', at: '2025-10-01T08:00:00Z', text: 'Ghi rõ thời hạn', field: 'tasks.0' }] }));
    await settle(fixture);
    expect(el.textContent).toContain('Nhiệm vụ 1:');
  });

  it('issues an approved plan with a number and a dd/MM/yyyy date, and refuses an impossible date', async () => {
    const { http, fixture, el } = await open(plan({ status: 'approved', allowedActions: ['issue'] }), { unit: '01-UBND', roles: ['leader'] });
    (el.querySelector('[data-testid=issue]') as HTMLButtonElement).click();
    await settle(fixture);
    const number = el.querySelector('[data-testid=issue-number]') as HTMLInputElement;
    const date = el.querySelector('[data-testid=issue-date]') as HTMLInputElement;
    number.value = '272';
    number.dispatchEvent(new Event('input'));
    date.value = '31/02/2025';
    date.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid=issue-send]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(el.querySelector('[data-testid=issue-form] [role=alert]')?.textContent).toContain('dd/MM/yyyy');
    date.value = '02/10/2025';
    date.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid=issue-send]') as HTMLButtonElement).click();
    const req = http.expectOne('http://api/plans/p1/issue');
    expect(req.request.body).toEqual({ number: 272, issueDate: '2025-10-02' });
    req.flush({ id: 'p1', version: 4 });
    http.expectOne('http://api/plans/p1').flush(
      plan({ status: 'issued', number: 272, issueDate: '2025-10-02', allowedActions: ['close', 'amend', 'track-implementation'], tasks: [task({ assignments: [{ id: 'a1', taskId: 't1', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', role: 'lead', viaGroup: '01-G-XA-PHUONG', succeeds: null, status: 'assigned' }] })] }),
    );
    await settle(fixture);
    http.expectOne('http://api/plans/p1/implementing').flush({ parentPlanId: 'p1', units: [], issuedCount: 0, total: 126 });
    await settle(fixture);
    expect(el.textContent).toContain('272/KH-UBND');
    expect(el.querySelector('[data-testid=assignment-link]')?.textContent).toContain('Phường Hoàn Kiếm');
    expect(el.querySelector('[data-testid=implementing-count]')?.textContent).toContain('0/126');
  });

  it('offers the drafting officer to edit and submit, but not to approve', async () => {
    const { el } = await open(plan({ status: 'returned', myRoles: ['drafting', 'focal'], allowedActions: ['revise', 'submit'] }), { unit: '01-SKHCN', roles: ['department-officer'] });
    expect(el.querySelector('[data-testid=edit-plan]')).not.toBeNull();
    expect(el.querySelector('[data-testid=submit-plan]')).not.toBeNull();
    expect(el.querySelector('[data-testid=approve]')).toBeNull();
  });

  it('offers the issuing committee’s leader to amend an issued plan, and nobody else', async () => {
    const issued = plan({ status: 'issued', number: 402, myRoles: ['issuer'], allowedActions: ['close', 'amend', 'view-history'] });
    const leader = await open(issued, { unit: '01-UBND', roles: ['leader'] });
    expect(leader.el.querySelector('[data-testid=amend]')?.getAttribute('href')).toBe('/dieu-chinh');
    TestBed.resetTestingModule();
    const dept = await open({ ...issued, myRoles: ['drafting'], allowedActions: ['view-history'] }, { unit: '01-SKHCN', roles: ['department-officer'] });
    expect(dept.el.querySelector('[data-testid=amend]')).toBeNull();
  });

  it('offers a commune officer to implement an issued city plan that assigns it tasks', async () => {
    const assigned = task({ assignments: [{ id: 'a1', taskId: 't1', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', role: 'lead', viaGroup: '01-G-XA-PHUONG', succeeds: null, status: 'assigned' }] });
    const { el } = await open(plan({ status: 'issued', number: 272, tasks: [assigned], myRoles: ['lead'], allowedActions: ['implement', 'view-history'] }), { unit: '00070', tier: 2, roles: ['commune-officer'] });
    expect(el.querySelector('[data-testid=implement]')?.getAttribute('href')).toBe('/trien-khai');
    expect(el.querySelector('[data-testid=implementing-panel]')).toBeNull();
  });

  it('counts every assignment, shows the first ones and loads the rest of a task on demand; flags what waits for a human', async () => {
    const first = Array.from({ length: 10 }, (_, i) => ({
      id: `a${i}`, taskId: 't1', unitCode: `0${i}`, unitName: `Phường ${i}`, role: 'lead' as const, viaGroup: '01-G-XA-PHUONG', succeeds: null, status: 'assigned',
    }));
    const p = plan({
      status: 'issued',
      attention: { pendingReferences: 3, unknownTimeframes: 1, unknownTargets: 0 },
      tasks: [task({ assignments: first, assignmentCounts: { total: 126, lead: 126, coordinator: 0, withdrawn: 1 } })],
    });
    const { http, fixture, el } = await open(p);
    expect(el.querySelector('[data-testid=plan-attention]')?.textContent).toContain('3 đơn vị chờ xác định');
    expect(el.querySelector('[data-testid=task-assignments] summary')?.textContent).toContain('(127)');
    expect(el.querySelectorAll('[data-testid=assignment-link]').length).toBe(10);
    (el.querySelector('[data-testid=all-assignments]') as HTMLButtonElement).click();
    const all = [
      ...Array.from({ length: 126 }, (_, i) => ({ ...first[0], id: `b${i}`, unitName: `Xã ${i}` })),
      { ...first[0], id: 'w', unitCode: '01-STTTT', unitName: 'Sở TT&TT', status: 'withdrawn' },
    ];
    http.expectOne('http://api/plans/p1/tasks/t1/assignments?limit=500').flush({ items: all, total: 127, limit: 500, offset: 0 });
    await settle(fixture);
    expect(el.querySelectorAll('[data-testid=assignment-link]').length).toBe(127);
    expect(el.querySelector('.dh-withdrawn')?.textContent).toContain('Đã rút');
    expect(el.querySelector('[data-testid=all-assignments]')).toBeNull();
  });

  it('shows the history on its tab', async () => {
    const { http, fixture, el } = await open(plan());
    (el.querySelector('[data-testid=tab-history]') as HTMLButtonElement).click();
    await settle(fixture);
    http.expectOne('http://api/plans/p1/history').flush([
      { at: '2025-10-01T08:00:00Z', type: 'PlanSubmitted', actor: 'Nguyễn Văn A', unitCode: '01-SKHCN', payload: {} },
      { at: '2025-10-02T08:00:00Z', type: 'SomethingNew', actor: 'Trần B', unitCode: null, payload: {} },
    ]);
    await settle(fixture);
    const rows = [...el.querySelectorAll('[data-testid=plan-history] tbody tr')].map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toContain('01/10/2025');
    expect(rows[0]).toContain('Trình duyệt');
    expect(rows[0]).toContain('Sở Khoa học và Công nghệ');
    expect(rows[1]).toContain('SomethingNew');
  });

  it('shows a button for each action the API allows and for nothing else, whatever the account’s roles', async () => {
    const buttons = (el: HTMLElement) =>
      ['edit-plan', 'submit-plan', 'approve', 'return', 'issue', 'amend', 'implement', 'tab-history'].filter((id) => el.querySelector(`[data-testid=${id}]`));
    // A leader's account, but the API allows nothing on this plan: no button.
    const none = await open(plan({ status: 'submitted', myRoles: ['issuer'], allowedActions: [] }), { unit: '01-UBND', roles: ['leader'] });
    expect(buttons(none.el)).toEqual([]);
    expect(none.el.querySelector('[data-testid=implementing-panel]')).toBeNull();
    TestBed.resetTestingModule();
    // An account with no role at all, and the API allows every command: every button.
    const all = await open(
      plan({ status: 'submitted', allowedActions: ['revise', 'submit', 'approve', 'return', 'issue', 'amend', 'implement', 'view-history'] }),
      { unit: '01-SGDDT', roles: [] },
    );
    expect(buttons(all.el)).toEqual(['edit-plan', 'submit-plan', 'approve', 'return', 'issue', 'amend', 'implement', 'tab-history']);
    TestBed.resetTestingModule();
    // Only the edit, not the submit: the two follow their own actions.
    const edit = await open(plan({ status: 'draft', allowedActions: ['revise'] }), { unit: '01-SKHCN', roles: ['department-officer'] });
    expect(buttons(edit.el)).toEqual(['edit-plan']);
    TestBed.resetTestingModule();
    const tracking = await open(plan({ status: 'issued', allowedActions: ['track-implementation'] }));
    tracking.http.expectOne('http://api/plans/p1/implementing').flush({ parentPlanId: 'p1', units: [], issuedCount: 0, total: 3 });
    await settle(tracking.fixture);
    expect(tracking.el.querySelector('[data-testid=implementing-panel]')).not.toBeNull();
  });
});

describe('PlanViewer: finding tasks in a long plan, its roll-up and what needs review', () => {
  const counts = (over: Partial<StatusCountsDto> = {}): StatusCountsDto => ({
    total: 0, notStarted: 0, inProgress: 0, done: 0, unable: 0, verified: 0, pendingVerification: 0, overdue: 0, percent: 0, ...over,
  });
  const tasks = [
    task({ id: 't1', ordinal: 1, section: 'I', content: 'Tuyên truyền chuyển đổi số', leads: [{ group: '01-G-XA-PHUONG' }] }),
    task({ id: 't2', ordinal: 2, section: 'I', content: 'Đào tạo kỹ năng số', leads: [{ unit: '01-SKHCN' }], coordinators: [{ unit: '01-SGDDT' }] }),
    task({ id: 't3', ordinal: 3, section: 'II', content: 'Xây dựng nền tảng dữ liệu', timeframe: 'khi nào xong thì thôi', leads: [{ pending: 'Các đơn vị liên quan' }] }),
  ];
  const issued = plan({
    status: 'issued', number: 402, tasks, myRoles: ['focal', 'lead'],
    sections: [{ code: 'I', title: 'Nhận thức số' }, { code: 'II', title: 'Dữ liệu' }],
    names: { '01-G-XA-PHUONG': 'UBND các xã, phường', '01-SKHCN': 'Sở Khoa học và Công nghệ', '01-SGDDT': 'Sở Giáo dục và Đào tạo' },
    attention: { pendingReferences: 1, unknownTimeframes: 1, unknownTargets: 0 },
  });
  const progress: PlanProgressDto = {
    planId: 'p1', asOf: '2026-11-28T00:00:00Z',
    lead: counts({ total: 127, done: 20, verified: 5, notStarted: 90, inProgress: 12, overdue: 100, percent: 23 }),
    coordinator: counts({ total: 1, inProgress: 1, percent: 40 }),
    byTask: [
      { taskId: 't1', ordinal: 1, lead: counts({ total: 126, done: 20, verified: 5, notStarted: 90, inProgress: 11, overdue: 100, percent: 22 }), coordinator: counts() },
      { taskId: 't2', ordinal: 2, lead: counts({ total: 1, inProgress: 1, percent: 50 }), coordinator: counts({ total: 1, inProgress: 1, percent: 40 }) },
    ],
    byUnit: [],
  };
  const myItem = (over: Partial<WorkItemDto> = {}): WorkItemDto => ({
    assignmentId: 'a-mine', planId: 'p1', planTitle: 'KH', planSymbol: '402/KH-UBND', taskId: 't2', taskOrdinal: 2, taskContent: 'Đào tạo kỹ năng số',
    unitCode: '01-SKHCN', unitName: 'Sở Khoa học và Công nghệ', role: 'lead', status: 'in-progress', percent: 50, verification: 'none', due: '2025-12-31',
    originalDue: null, urgency: 'overdue', days: 332, openObstacles: 0, pendingExtension: false, updatedAt: null, version: 2, ...over,
  });

  async function open(p: PlanDetailDto, user: Parameters<typeof setup>[1] = { unit: '01-SKHCN', tier: 1, roles: ['department-officer', 'focal-officer'] }) {
    const http = setup([PlanViewer], user);
    const fixture = TestBed.createComponent(PlanViewer);
    fixture.componentRef.setInput('id', p.id);
    fixture.detectChanges();
    http.expectOne(`http://api/plans/${p.id}`).flush(p);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    const shown = () => [...el.querySelectorAll('[data-testid=task]')].map((li) => li.getAttribute('data-task-id'));
    const input = async (testid: string, value: string | boolean) => {
      const e = el.querySelector(`[data-testid=${testid}]`) as HTMLInputElement | HTMLSelectElement;
      if (typeof value === 'boolean') {
        (e as HTMLInputElement).checked = value;
        e.dispatchEvent(new Event('change'));
      } else {
        e.value = value;
        e.dispatchEvent(new Event(e instanceof HTMLSelectElement ? 'change' : 'input'));
      }
      await settle(fixture);
    };
    return { http, fixture, el, shown, input };
  }

  it('finds tasks without diacritics, by content or by a unit’s name, and says how many it shows', async () => {
    const { el, shown, input } = await open({ ...issued, status: 'approved' });
    expect(shown()).toEqual(['t1', 't2', 't3']);
    await input('task-q', 'dao tao ky nang');
    expect(shown()).toEqual(['t2']);
    expect(el.querySelector('[data-testid=task-shown]')?.textContent).toContain('Hiển thị 1/3 nhiệm vụ');
    await input('task-q', 'giao duc');
    expect(shown()).toEqual(['t2']);
    await input('task-q', 'xa phuong');
    expect(shown()).toEqual(['t1']);
    await input('task-q', 'khong co dau vet');
    expect(shown()).toEqual([]);
    expect(el.querySelector('[data-testid=task-none]')).not.toBeNull();
  });

  it('filters by a unit named in the task and collapses sections', async () => {
    const { el, fixture, shown, input } = await open({ ...issued, status: 'approved' });
    await input('task-unit', '01-SGDDT');
    expect(shown()).toEqual(['t2']);
    await input('task-unit', '');
    const toggles = el.querySelectorAll<HTMLButtonElement>('[data-testid=section-toggle]');
    expect([...toggles].map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['▾ I Nhận thức số (2 nhiệm vụ)', '▾ II Dữ liệu (1 nhiệm vụ)']);
    toggles[0].click();
    await settle(fixture);
    expect(shown()).toEqual(['t3']);
    expect(toggles[0].getAttribute('aria-expanded')).toBe('false');
    (el.querySelector('[data-testid=expand-all]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(shown()).toEqual(['t1', 't2', 't3']);
    (el.querySelector('[data-testid=collapse-all]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(shown()).toEqual([]);
  });

  it('shows the roll-up with lead and coordinating units apart, per plan and per task, and filters by status and overdue', async () => {
    const { http, fixture, el, shown, input } = await open(issued);
    http.expectOne('http://api/plans/p1/progress').flush(progress);
    http.expectOne((r) => r.url === 'http://api/my/work' && r.params.get('planId') === 'p1' && r.params.get('limit') === '100').flush({
      items: [myItem()], total: 1, counts: { overdue: 1, dueSoon: 0, done: 0, pendingVerification: 0, open: 1 },
    });
    await settle(fixture);
    const lead = el.querySelector('[data-testid=progress-lead]')?.textContent ?? '';
    const coord = el.querySelector('[data-testid=progress-coordinator]')?.textContent ?? '';
    expect(lead).toContain('Đơn vị chủ trì');
    expect(lead).toContain('Bình quân 23%');
    expect(el.querySelector('[data-testid=overdue-lead]')?.textContent?.trim()).toBe('100');
    expect(coord).toContain('Đơn vị phối hợp');
    expect(el.querySelector('[data-testid=overdue-coordinator]')?.textContent?.trim()).toBe('0');
    expect(el.textContent).toContain('Số liệu đến 28/11/2026');
    expect(el.querySelector('[data-testid=track-link]')?.getAttribute('href')).toBe('/cong-viec/theo-doi?planId=p1');
    const firstTask = el.querySelector('[data-task-id=t1] [data-testid=task-progress]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(firstTask).toContain('Đơn vị chủ trì: 20/126 hoàn thành · 22%');
    expect(firstTask).toContain('100 quá hạn');
    const mine = el.querySelector('[data-task-id=t2] [data-testid=my-work-link]');
    expect(mine?.textContent).toContain('Đang thực hiện 50%');
    expect(mine?.textContent).toContain('quá hạn 332 ngày');
    expect(mine?.getAttribute('href')).toBe('/cong-viec/a-mine');

    await input('task-overdue', true);
    expect(shown()).toEqual(['t1']);
    await input('task-mine', true);
    // Only my unit: its own work on t2 is overdue.
    expect(shown()).toEqual(['t2']);
    await input('task-overdue', false);
    await input('task-status', 'done');
    expect(shown()).toEqual([]);
    await input('task-status', 'in-progress');
    expect(shown()).toEqual(['t2']);
    await input('task-mine', false);
    expect(shown()).toEqual(['t1', 't2']);
    await input('task-status', 'unable');
    expect(shown()).toEqual([]);
  });

  it('links the review banner to the tasks that need a human, and hides the city’s review from a commune', async () => {
    const { el, fixture, shown } = await open({ ...issued, status: 'approved' });
    expect(el.querySelector('[data-testid=plan-attention]')?.textContent).toContain('Cần người xem lại');
    const link = el.querySelector('[data-testid=attention-tasks]') as HTMLButtonElement;
    expect(link.textContent).toContain('Xem 1 nhiệm vụ cần xem lại');
    link.click();
    await settle(fixture);
    expect(shown()).toEqual(['t3']);
    expect(el.querySelector('[data-testid=task-review]')).not.toBeNull();
    (el.querySelector('[data-testid=task-clear]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(shown()).toEqual(['t1', 't2', 't3']);
    TestBed.resetTestingModule();
    const commune = await open({ ...issued, status: 'approved', myRoles: ['lead'] }, { unit: '00070', tier: 2, roles: ['commune-officer'] });
    expect(commune.el.querySelector('[data-testid=plan-attention]')).toBeNull();
    TestBed.resetTestingModule();
    // A commune's own plan: its review is its own business.
    const own = await open({ ...issued, status: 'approved', issuerUnitCode: '00070' }, { unit: '00070', tier: 2, roles: ['commune-leader'] });
    expect(own.el.querySelector('[data-testid=plan-attention]')).not.toBeNull();
  });

  it('pages through the unit’s own work on a big plan', async () => {
    const { http, fixture, el } = await open(issued);
    http.expectOne('http://api/plans/p1/progress').flush(progress);
    const items = (n: number, from: number) => Array.from({ length: n }, (_, i) => myItem({ assignmentId: `m${from + i}`, taskId: 't1', unitName: `Phòng ${from + i}` }));
    http.expectOne((r) => r.url === 'http://api/my/work' && r.params.get('offset') === '0').flush({ items: items(100, 0), total: 130, counts: { overdue: 0, dueSoon: 0, done: 0, pendingVerification: 0, open: 0 } });
    http.expectOne((r) => r.url === 'http://api/my/work' && r.params.get('offset') === '100').flush({ items: items(30, 100), total: 130, counts: { overdue: 0, dueSoon: 0, done: 0, pendingVerification: 0, open: 0 } });
    await settle(fixture);
    expect(el.querySelectorAll('[data-task-id=t1] [data-testid=my-work-link]').length).toBe(130);
  });
});
