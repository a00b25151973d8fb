import { TestBed } from '@angular/core/testing';
import { ApprovalsInbox } from './approvals-inbox';
import { settle, setup } from './testing/plan-fixture';

describe('ApprovalsInbox', () => {
  it('lists the submitted plans, linking to the viewer', async () => {
    const http = setup([ApprovalsInbox], { unit: '01-UBND', roles: ['leader'] });
    const fixture = TestBed.createComponent(ApprovalsInbox);
    fixture.detectChanges();
    const req = http.expectOne((r) => r.url === 'http://api/plans');
    expect(req.request.params.get('status')).toBe('submitted');
    req.flush({ items: [{ id: 'p7', title: 'Kế hoạch chờ duyệt', symbol: 'KH-UBND', number: null, year: 2025, status: 'submitted', version: 2, issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN', draftingUnitName: 'Sở Khoa học và Công nghệ', focalUnitCode: '01-SKHCN', issueDate: null, taskCount: 3, indicatorCount: 0, parentPlanId: null, myRoles: ['issuer'] }], total: 1, limit: 100, offset: 0 });
    await settle(fixture);
    const link = fixture.nativeElement.querySelector('[data-testid=approvals] a') as HTMLAnchorElement;
    expect(link.textContent).toContain('Kế hoạch chờ duyệt');
    expect(link.getAttribute('href')).toBe('/p7');
  });

  it('says when nothing awaits approval', async () => {
    const http = setup([ApprovalsInbox]);
    const fixture = TestBed.createComponent(ApprovalsInbox);
    fixture.detectChanges();
    http.expectOne((r) => r.url === 'http://api/plans').flush({ items: [], total: 0, limit: 100, offset: 0 });
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain('Không có kế hoạch nào chờ duyệt');
  });
});
