import { TestBed } from '@angular/core/testing';
import { ImplementingPanel } from './implementing-panel';
import { settle, setup } from './testing/plan-fixture';

describe('ImplementingPanel', () => {
  it('shows x/y units that issued their implementing plans, and which', async () => {
    const http = setup([ImplementingPanel]);
    const fixture = TestBed.createComponent(ImplementingPanel);
    fixture.componentRef.setInput('planId', 'p1');
    fixture.detectChanges();
    http.expectOne('http://api/plans/p1/implementing').flush({
      parentPlanId: 'p1',
      issuedCount: 1,
      total: 2,
      units: [
        { unitCode: '00070', unitName: 'Phường Hoàn Kiếm', plan: { id: 'c1', title: 'Kế hoạch triển khai', symbol: 'KH-UBND', number: 15, status: 'issued', issueDate: '2025-10-10' } },
        { unitCode: '00004', unitName: 'Phường Ba Đình', plan: null },
      ],
    });
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=implementing-count]')?.textContent).toContain('1/2 đơn vị đã ban hành kế hoạch triển khai');
    expect(el.textContent).toContain('15/KH-UBND');
    expect(el.textContent).toContain('10/10/2025');
    expect(el.textContent).toContain('Phường Ba Đình: Chưa ban hành');
  });
});
