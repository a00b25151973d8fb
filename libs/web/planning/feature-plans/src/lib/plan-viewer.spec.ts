import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import type { PlanDetailDto } from '@dieu-hanh/shared/contracts';
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
