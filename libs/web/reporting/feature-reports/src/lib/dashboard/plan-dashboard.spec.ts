import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { PlanDashboardDto } from '@dieu-hanh/shared/contracts';
import { click, counts, planDashboard, settle, setupReports } from '../testing';
import { PlanDashboard } from './plan-dashboard';
import { Portfolio } from './portfolio';

async function open(d: PlanDashboardDto = planDashboard()) {
  const http = setupReports([PlanDashboard]);
  const fixture = TestBed.createComponent(PlanDashboard);
  fixture.componentRef.setInput('planId', 'p1');
  fixture.detectChanges();
  http.expectOne('http://api/reporting/dashboard/plans/p1').flush(d);
  await settle(fixture);
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

const q = (el: HTMLElement, id: string) => el.querySelector(`[data-testid=${id}]`);

describe('PlanDashboard', () => {
  it('puts every chart’s figures in tables too, and gives each chart a spoken summary', async () => {
    const { el } = await open();
    expect(el.querySelector('h1')?.textContent).toContain('Kế hoạch chuyển đổi số năm 2025');
    expect(q(el, 'dash-headline')?.textContent).toContain('131');
    const charts = [...el.querySelectorAll('[data-testid=chart]')];
    expect(charts).toHaveLength(5);
    for (const c of charts) {
      expect(c.getAttribute('role')).toBe('img');
      expect(c.getAttribute('aria-label')).toBeTruthy();
    }
    expect(charts[0].getAttribute('aria-label')).toContain('Biểu đồ 1 dòng: 5 nhiệm vụ');
    const commune = q(el, 'dash-table-communes')?.querySelector('[data-unit="00070"]') as HTMLElement;
    expect([...commune.querySelectorAll('td')].map((td) => td.textContent?.trim())).toEqual(['5', '2', '1', '1', '1', '2', '40%']);
    const overdue = q(el, 'dash-overdue-row') as HTMLElement;
    expect(overdue.querySelector('a')?.getAttribute('href')).toBe('/cong-viec/a9');
    expect(overdue.textContent).toContain('31/12/2025');
    expect(overdue.textContent).toContain('40');
    expect(q(el, 'dash-overdue')?.closest('div')?.previousElementSibling?.textContent).toContain('Hiển thị 1 trên 90 nhiệm vụ quá hạn.');
    expect([...el.querySelectorAll('[data-testid=dash-indicator]')].map((r) => r.querySelector('.dh-chip')?.textContent?.trim())).toEqual(['Đạt', 'Chưa đạt']);
    const per = q(el, 'dash-period') as HTMLElement;
    expect(per.querySelector('a')?.getAttribute('href')).toBe('/bao-cao/ky/per1/theo-doi');
    expect(per.textContent).toContain('12/30 (40%)');
    expect(q(el, 'dash-trend')?.textContent).toContain('24/11');
    expect(q(el, 'dash-approved-item')?.querySelector('dh-export-button')).not.toBeNull();
  });

  it('drills down from a table figure (or a chart click) to that unit’s assignments, each opening its work page', async () => {
    const { http, fixture, el } = await open();
    const commune = q(el, 'dash-table-communes')?.querySelector('[data-unit="00070"]') as HTMLElement;
    click(commune.querySelector('[data-testid=cell-overdue]'));
    await settle(fixture, 5);
    const req = http.expectOne((r) => r.url === 'http://api/execution/work');
    expect(req.request.params.get('planId')).toBe('p1');
    expect(req.request.params.get('unitCode')).toBe('00070');
    expect(req.request.params.get('urgency')).toBe('overdue');
    req.flush({ items: [{ assignmentId: 'a9', taskOrdinal: 1, taskContent: 'Tuyên truyền', role: 'lead', status: 'not-started', percent: 0, due: '2025-12-31' }], total: 2, counts: {} });
    await settle(fixture);
    expect(q(el, 'dash-drill')?.querySelector('h2')?.textContent).toContain('Phường Hoàn Kiếm — Quá hạn');
    expect(q(el, 'dash-drill-item')?.querySelector('a')?.getAttribute('href')).toBe('/cong-viec/a9');
    expect(q(el, 'dash-drill-total')?.textContent).toContain('1/2 nhiệm vụ');
    expect(q(el, 'dash-drill-tracking')?.getAttribute('href')).toBe('/cong-viec/theo-doi?planId=p1&urgency=overdue');
    // A click on a heat map cell: Phường Ba Đình × Hoàn thành.
    (fixture.componentInstance as unknown as { onClick(e: unknown, rows: unknown): void }).onClick({ seriesType: 'heatmap', value: [2, 1, 3] }, planDashboard().communes);
    await settle(fixture, 5);
    const second = http.expectOne((r) => r.url === 'http://api/execution/work');
    expect(second.request.params.get('unitCode')).toBe('00004');
    expect(second.request.params.get('status')).toBe('done');
    second.flush({ items: [], total: 0, counts: {} });
    await settle(fixture);
    click(q(el, 'dash-drill-close'));
    await settle(fixture);
    expect(q(el, 'dash-drill')).toBeNull();
  });

  it('a click on a period’s bar opens its tracker; a zero figure cannot be drilled', async () => {
    const { fixture, el } = await open(planDashboard({ communes: [], departments: [], indicators: [], trend: [] }));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (fixture.componentInstance as unknown as { onPeriodClick(e: unknown): void }).onPeriodClick({ seriesType: 'bar', dataIndex: 0 });
    expect(navigate).toHaveBeenCalledWith(['/bao-cao/ky', 'per1', 'theo-doi']);
    expect(el.querySelectorAll('[data-testid=chart]')).toHaveLength(1);
    TestBed.resetTestingModule();
    const other = await open(planDashboard({ communes: [{ unitCode: '1', unitName: 'Xã A', tier: 2, counts: counts({ total: 1, done: 1 }) }] }));
    expect((other.el.querySelector('[data-testid=dash-table-communes] [data-testid=cell-overdue]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says why when the dashboard cannot be loaded', async () => {
    const http = setupReports([PlanDashboard]);
    const fixture = TestBed.createComponent(PlanDashboard);
    fixture.componentRef.setInput('planId', 'p1');
    fixture.detectChanges();
    http.expectOne('http://api/reporting/dashboard/plans/p1').flush({ message: { vi: 'Không có quyền xem', en: 'Forbidden' } }, { status: 403, statusText: 'Forbidden' });
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid=dash-error]')?.textContent).toContain('Không có quyền xem');
  });
});

describe('Portfolio', () => {
  it('shows a card per plan with its counts, a stacked bar and the latest period, each opening the plan’s dashboard', async () => {
    const http = setupReports([Portfolio]);
    const fixture = TestBed.createComponent(Portfolio);
    fixture.detectChanges();
    http.expectOne('http://api/reporting/dashboard/portfolio').flush({
      plans: [
        { planId: 'p1', planTitle: 'Kế hoạch chuyển đổi số năm 2025', planSymbol: '402/KH-UBND', year: 2025, focalUnitCode: '01-SKHCN', counts: counts({ total: 4, done: 1, inProgress: 2, notStarted: 1, overdue: 1, percent: 45 }),
          latestPeriod: { id: 'per1', label: 'Quý IV/2025', completeness: { expected: 30, submitted: 12, onTime: 10, accepted: 4, completeness: 0.4, timeliness: 0.33 } } },
      ],
    });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    const card = el.querySelector('[data-testid=portfolio-plan]') as HTMLElement;
    expect(card.querySelector('[data-testid=portfolio-open]')?.getAttribute('href')).toBe('/bao-cao/tong-quan/p1');
    expect(card.querySelector('[data-testid=portfolio-counts]')?.textContent).toContain('4 nhiệm vụ · 1 hoàn thành · 2 đang thực hiện · 1 chưa thực hiện · 0 không thực hiện được · 1 quá hạn');
    expect(card.querySelector('[data-testid=portfolio-period]')?.textContent).toContain('Kỳ Quý IV/2025: đã nộp 12/30 (40%)');
    expect([...card.querySelectorAll('.dh-stack-bar span')].map((s) => (s as HTMLElement).style.width)).toEqual(['25%', '50%', '25%', '0%']);
    expect(el.querySelector('[data-testid=chart]')?.getAttribute('aria-label')).toContain('Biểu đồ 1 dòng: 4 nhiệm vụ');
  });
});
