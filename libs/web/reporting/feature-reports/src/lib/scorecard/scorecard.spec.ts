import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { click, counts, settle, setupReports } from '../testing';
import { Scorecard } from './scorecard';

describe('Scorecard', () => {
  it('shows the commune’s plans, its overdue assignments and its reports, and opens a report to write', async () => {
    const http = setupReports([Scorecard], { unit: '00070', tier: 2, roles: ['commune-officer'] });
    const fixture = TestBed.createComponent(Scorecard);
    fixture.detectChanges();
    http.expectOne('http://api/reporting/scorecard').flush({
      unitCode: '00070', unitName: 'Phường Hoàn Kiếm',
      plans: [{ planId: 'p1', planSymbol: '402/KH-UBND', planTitle: 'Kế hoạch chuyển đổi số', counts: counts({ total: 10, done: 4, overdue: 3, percent: 52 }) }],
      overdue: [{ assignmentId: 'a9', taskId: 't1', taskOrdinal: 2, taskContent: 'Tuyên truyền', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', role: 'lead', due: '2025-12-31', daysOverdue: 40, percent: 10 }],
      reports: [
        { periodId: 'per1', planSymbol: '402/KH-UBND', periodLabel: 'Quý IV/2025', dueDate: '2025-12-20', status: 'missing', onTime: null },
        { periodId: 'per0', planSymbol: '402/KH-UBND', periodLabel: 'Quý III/2025', dueDate: '2025-09-20', status: 'accepted', onTime: true },
      ],
    });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toContain('Kết quả của Phường Hoàn Kiếm');
    const plan = el.querySelector('[data-testid=score-plan]') as HTMLElement;
    expect(plan.querySelector('a')?.getAttribute('href')).toBe('/ke-hoach/p1');
    expect(plan.textContent).toContain('Tiến độ 52% · 4/10 hoàn thành');
    expect(plan.textContent).toContain('3 quá hạn');
    const overdue = el.querySelector('[data-testid=score-overdue]') as HTMLElement;
    expect(overdue.querySelector('a')?.getAttribute('href')).toBe('/cong-viec/a9');
    expect(overdue.textContent).toContain('Quá hạn 40 ngày');
    expect(overdue.textContent).toContain('31/12/2025');
    const [q4, q3] = [...el.querySelectorAll('[data-testid=score-report]')];
    expect(q4.textContent).toContain('Chưa nộp');
    expect(q4.querySelector('button')?.textContent).toContain('Viết báo cáo');
    expect(q3.textContent).toContain('Đã tiếp nhận');
    expect(q3.textContent).toContain('Đúng hạn');
    expect(q3.querySelector('button')?.textContent).toContain('Mở báo cáo của đơn vị');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    click(q4.querySelector('button'));
    http.expectOne('http://api/reporting/periods/per1/my-report').flush({ id: 'r5' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/bao-cao/don-vi', 'r5']);
  });
});
