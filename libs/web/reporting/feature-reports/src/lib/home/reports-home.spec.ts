import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { click, completeness, period, settle, setupReports, type } from '../testing';
import { ReportsHome, groupByPlan } from './reports-home';
import { openPeriodRequest } from './open-period-form';

const focalPlan = { id: 'p2', number: 138, symbol: 'KH-UBND', title: 'Kế hoạch cải cách hành chính' };

async function open(items = [period()], focal: unknown[] = []) {
  const http = setupReports([ReportsHome]);
  const fixture = TestBed.createComponent(ReportsHome);
  fixture.detectChanges();
  await fixture.whenStable();
  const plans = http.expectOne((r) => r.url === 'http://api/plans');
  expect(plans.request.params.get('role')).toBe('focal');
  plans.flush({ items: focal, total: focal.length, limit: 100, offset: 0 });
  http.expectOne((r) => r.url === 'http://api/reporting/periods').flush({ items });
  await settle(fixture);
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

describe('groupByPlan', () => {
  it('groups periods by plan, open ones first then newest due date, and adds the plans the unit is focal for', () => {
    const groups = groupByPlan(
      [
        period({ id: 'a', dueDate: '2025-06-20', status: 'closed' }),
        period({ id: 'b', dueDate: '2025-09-20' }),
        period({ id: 'c', dueDate: '2025-12-20' }),
        period({ id: 'd', planId: 'p3', planSymbol: '50/KH-UBND', allowedActions: ['track', 'consolidate'] }),
      ],
      [focalPlan],
    );
    expect(groups.map((g) => [g.planId, g.canOpen])).toEqual([['p1', false], ['p3', true], ['p2', true]]);
    expect(groups[0].periods.map((p) => p.id)).toEqual(['c', 'b', 'a']);
    expect(groups[2]).toMatchObject({ planLabel: '138/KH-UBND', periods: [] });
  });
});

describe('openPeriodRequest', () => {
  it('builds a regular period from a day inside it, and an ad hoc one from its own dates', () => {
    expect(openPeriodRequest({ kind: 'quarter', reference: '15/11/2025', title: '', start: '', end: '', due: '', approval: true })).toEqual({ req: { kind: 'quarter', reference: '2025-11-15', requiresUnitApproval: true } });
    expect(openPeriodRequest({ kind: 'ad-hoc', reference: '', title: ' Báo cáo đột xuất bão số 3 ', start: '01/09/2025', end: '15/09/2025', due: '20/09/2025', approval: false })).toEqual({
      req: { kind: 'ad-hoc', title: 'Báo cáo đột xuất bão số 3', startDate: '2025-09-01', endDate: '2025-09-15', dueDate: '2025-09-20', requiresUnitApproval: false },
    });
  });

  it('names the fields at fault', () => {
    expect(openPeriodRequest({ kind: 'month', reference: '32/01/2025', title: '', start: '', end: '', due: '', approval: false })).toEqual({ errors: { reference: 'open.badDate' } });
    expect(openPeriodRequest({ kind: 'ad-hoc', reference: '', title: '', start: '10/09/2025', end: '01/09/2025', due: 'x', approval: false })).toEqual({
      errors: { title: 'open.required', endDate: 'open.endBeforeStart', dueDate: 'open.badDate' },
    });
  });
});

describe('ReportsHome', () => {
  it('shows each period with its due date, status, completeness and the caller’s report, and only the allowed links', async () => {
    const { el } = await open([
      period({ myReport: { id: 'r1', status: 'returned', revision: 2 }, allowedActions: ['write-report'] }),
      period({ id: 'per2', label: 'Quý III/2025', dueDate: '2025-09-20', status: 'closed', completeness: completeness({ expected: 30, submitted: 30, onTime: 28, completeness: 1 }), allowedActions: ['track'], consolidated: { id: 'c1', status: 'approved', revision: 1 } }),
    ]);
    const plans = el.querySelectorAll('[data-testid=home-plan]');
    expect(plans).toHaveLength(1);
    expect(plans[0].querySelector('h2')?.textContent).toContain('402/KH-UBND — Kế hoạch chuyển đổi số năm 2025');
    const [q4, q3] = [...el.querySelectorAll('[data-testid=home-period]')];
    expect(q4.textContent).toContain('Quý IV/2025');
    expect(q4.textContent).toContain('Hạn nộp 20/12/2025');
    expect(q4.textContent).toContain('Đang mở');
    expect(q4.querySelector('[data-testid=home-completeness]')?.textContent).toContain('Đã nộp 12/30 đơn vị, 10 đúng hạn (40%)');
    expect(q4.querySelector('[data-testid=home-my-report]')?.textContent).toContain('Bị trả lại');
    expect(q4.querySelector('[data-testid=home-my-report]')?.textContent).toContain('Lần 2');
    expect(q4.querySelector('[data-testid=home-open-report]')?.getAttribute('href')).toBe('/bao-cao/don-vi/r1');
    expect(q4.querySelector('[data-testid=home-track]')).toBeNull();
    expect(q4.querySelector('[data-testid=home-consolidate]')).toBeNull();
    expect(q3.textContent).toContain('Đã đóng');
    expect(q3.querySelector('[data-testid=home-track]')?.getAttribute('href')).toBe('/bao-cao/ky/per2/theo-doi');
    expect(q3.querySelector('[data-testid=home-consolidated]')?.getAttribute('href')).toBe('/bao-cao/tong-hop/c1');
    expect(q3.querySelector('[data-testid=home-write]')).toBeNull();
    expect(el.querySelector('[data-testid=home-open-period]')).toBeNull();
  });

  it('“Viết báo cáo” starts the unit’s report and opens it', async () => {
    const { http, fixture, el } = await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    click(el.querySelector('[data-testid=home-write]'));
    const req = http.expectOne('http://api/reporting/periods/per1/my-report');
    expect(req.request.method).toBe('POST');
    req.flush({ id: 'r7' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/bao-cao/don-vi', 'r7']);
  });

  it('“Báo cáo tổng hợp” composes the consolidated report when allowed and opens it', async () => {
    const { http, fixture, el } = await open([period({ allowedActions: ['track', 'consolidate'] })]);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    click(el.querySelector('[data-testid=home-consolidate]'));
    http.expectOne('http://api/reporting/periods/per1/consolidated').flush({ id: 'c9' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/bao-cao/tong-hop', 'c9']);
  });

  it('lets the focal unit open a period on its plan, and reloads', async () => {
    const { http, fixture, el } = await open([], [focalPlan]);
    const group = el.querySelector('[data-plan-id=p2]');
    expect(group?.textContent).toContain('Chưa có kỳ báo cáo nào.');
    click(group?.querySelector('[data-testid=home-open-period]') ?? null);
    await settle(fixture);
    const kind = el.querySelector('[data-testid=open-kind]') as HTMLSelectElement;
    kind.value = 'ad-hoc';
    kind.dispatchEvent(new Event('change'));
    await settle(fixture);
    click(el.querySelector('[data-testid=open-send]'));
    await settle(fixture);
    expect(el.querySelectorAll('[data-testid=open-period-form] [role=alert]').length).toBe(4);
    http.expectNone('http://api/plans/p2/periods');
    type(el.querySelector('[data-testid=open-title]'), 'Báo cáo đột xuất');
    type(el.querySelector('[data-testid=open-startDate]'), '01/09/2025');
    type(el.querySelector('[data-testid=open-endDate]'), '15/09/2025');
    type(el.querySelector('[data-testid=open-dueDate]'), '20/09/2025');
    click(el.querySelector('[data-testid=open-approval]'));
    click(el.querySelector('[data-testid=open-send]'));
    const req = http.expectOne('http://api/plans/p2/periods');
    expect(req.request.body).toEqual({ kind: 'ad-hoc', title: 'Báo cáo đột xuất', startDate: '2025-09-01', endDate: '2025-09-15', dueDate: '2025-09-20', requiresUnitApproval: true });
    req.flush(period({ id: 'per9', planId: 'p2', label: 'Báo cáo đột xuất', dueDate: '2025-09-20' }));
    await settle(fixture);
    expect(el.querySelector('[data-testid=home-notice]')?.textContent).toContain('Đã mở kỳ “Báo cáo đột xuất”, hạn nộp 20/09/2025.');
    http.expectOne((r) => r.url === 'http://api/reporting/periods').flush({ items: [] });
  });
});
