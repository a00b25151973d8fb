import { TestBed } from '@angular/core/testing';
import { MyWork } from './my-work';
import { settle, setup } from './testing/plan-fixture';

describe('MyWork', () => {
  it('shows my assignments and the plans where my commune leads or coordinates', async () => {
    const http = setup([MyWork], { unit: '00070', tier: 2, roles: ['commune-officer'] });
    const fixture = TestBed.createComponent(MyWork);
    fixture.detectChanges();
    http.expectOne('http://api/my/assignments').flush({
      items: [{ id: 'a1', taskId: 't1', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', role: 'lead', viaGroup: '01-G-XA-PHUONG', succeeds: null, status: 'assigned', planId: 'p1', planTitle: 'Kế hoạch 272', planSymbol: 'KH-UBND', taskContent: 'Tuyên truyền', timeframe: 'Quý IV/2025', due: '2025-12-31' }],
      total: 1,
    });
    http.expectOne((r) => r.url === 'http://api/plans' && r.params.get('role') === 'lead').flush({ items: [{ id: 'p1', title: 'Kế hoạch 272', symbol: 'KH-UBND', number: 272, year: 2025, status: 'issued', version: 4, issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN', draftingUnitName: 'Sở Khoa học và Công nghệ', focalUnitCode: '01-SKHCN', issueDate: '2025-10-02', taskCount: 1, indicatorCount: 0, parentPlanId: null, myRoles: ['lead'] }], total: 1, limit: 100, offset: 0 });
    http.expectOne((r) => r.url === 'http://api/plans' && r.params.get('role') === 'coordinator').flush({ items: [], total: 0, limit: 100, offset: 0 });
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=my-assignments]')?.textContent).toContain('Tuyên truyền');
    expect(el.querySelector('[data-testid=my-assignments]')?.textContent).toContain('Hạn 31/12/2025');
    expect(el.querySelector('[data-testid=my-assignments] a')?.getAttribute('href')).toBe('/p1/giao-viec/a1');
    expect(el.querySelector('[data-testid=my-plans-lead]')?.textContent).toContain('272/KH-UBND');
    expect(el.querySelector('[data-testid=my-plans-coordinator]')).toBeNull();
  });
});
