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
    http.expectOne('http://api/plans/p1/history').flush([{ at: '2025-10-02T03:00:00Z', type: 'plan.issued', actor: 'Lãnh đạo', unitCode: '01-UBND', payload: { number: 272 } }]);
    await settle(fixture);
    const row = fixture.nativeElement.querySelector('[data-testid=plan-history] tbody tr')?.textContent ?? '';
    expect(row).toContain('02/10/2025');
    expect(row).toContain('Ban hành');
    expect(row).toContain('UBND Thành phố');
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
