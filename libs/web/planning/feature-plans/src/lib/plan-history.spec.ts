import { TestBed } from '@angular/core/testing';
import { PlanHistory } from './plan-history';
import { settle, setup } from './testing/plan-fixture';

describe('PlanHistory', () => {
  it('lists the events with a Vietnamese label, dd/MM/yyyy and the unit’s name', async () => {
    const http = setup([PlanHistory]);
    const fixture = TestBed.createComponent(PlanHistory);
    fixture.componentRef.setInput('planId', 'p1');
    fixture.componentRef.setInput('names', { '01-UBND': 'UBND Thành phố' });
    fixture.detectChanges();
    http.expectOne('http://api/plans/p1/history').flush([
      { at: '2025-10-02T03:00:00Z', type: 'planning.plan-issued', actor: 'lanhdao', unitCode: '01-UBND', payload: { number: 272, symbol: '272/KH-UBND' } },
      { at: '2025-11-05T03:00:00Z', type: 'planning.plan-amended', actor: 'lanhdao', unitCode: '01-UBND', payload: { reason: 'Điều chỉnh thời hạn theo chỉ đạo' } },
    ]);
    await settle(fixture);
    const [issued, amended] = [...fixture.nativeElement.querySelectorAll('[data-testid=plan-history] tbody tr')].map((r: Element) => r.textContent ?? '');
    expect(issued).toContain('02/10/2025');
    expect(issued).toContain('Ban hành');
    expect(issued).toContain('UBND Thành phố');
    expect(issued).toContain('272/KH-UBND');
    expect(amended).toContain('Điều chỉnh');
    expect(amended).toContain('Điều chỉnh thời hạn theo chỉ đạo');
  });

  it('says when there is nothing yet', async () => {
    const http = setup([PlanHistory]);
    const fixture = TestBed.createComponent(PlanHistory);
    fixture.componentRef.setInput('planId', 'p1');
    fixture.detectChanges();
    http.expectOne('http://api/plans/p1/history').flush([]);
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain('Chưa có ghi nhận nào');
  });
});
