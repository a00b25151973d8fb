import { TestBed } from '@angular/core/testing';
import { PlanList } from './plan-list';
import { settle, setup } from './testing/plan-fixture';

const summary = { id: 'p1', title: 'Kế hoạch 272', symbol: 'KH-UBND', number: 272, year: 2025, status: 'issued', version: 4, issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN', draftingUnitName: 'Sở Khoa học và Công nghệ', focalUnitCode: '01-SKHCN', issueDate: '2025-10-02', taskCount: 2, indicatorCount: 0, parentPlanId: null, myRoles: ['focal'], allowedActions: ['view-history'] };

describe('PlanList', () => {
  it('lists the plans with my unit’s role and filters by status, year and role', async () => {
    const http = setup([PlanList], { unit: '01-SKHCN', roles: ['department-officer'] });
    const fixture = TestBed.createComponent(PlanList);
    await settle(fixture);
    await new Promise((r) => setTimeout(r, 200));
    http.expectOne((r) => r.url === 'http://api/plans' && !r.params.has('status')).flush({ items: [summary], total: 1, limit: 100, offset: 0, allowedActions: ['draft'] });
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=plan-list]')?.textContent).toContain('272/KH-UBND');
    expect(el.textContent).toContain('Đầu mối');
    expect(el.textContent).toContain('Sở Khoa học và Công nghệ');
    expect(el.querySelector('[data-testid=new-plan]')).not.toBeNull();

    const status = el.querySelector('[data-testid=filter-status]') as HTMLSelectElement;
    status.value = 'returned';
    status.dispatchEvent(new Event('change'));
    const role = el.querySelector('[data-testid=filter-role]') as HTMLSelectElement;
    role.value = 'drafting';
    role.dispatchEvent(new Event('change'));
    const year = el.querySelector('[data-testid=filter-year]') as HTMLInputElement;
    year.value = '2025';
    year.dispatchEvent(new Event('input'));
    const q = el.querySelector('[data-testid=filter-q]') as HTMLInputElement;
    q.value = ' chuyen doi so ';
    q.dispatchEvent(new Event('input'));
    await settle(fixture);
    await new Promise((r) => setTimeout(r, 200));
    const req = http.expectOne((r) => r.url === 'http://api/plans' && r.params.get('status') === 'returned');
    expect(req.request.params.get('role')).toBe('drafting');
    expect(req.request.params.get('year')).toBe('2025');
    expect(req.request.params.get('q')).toBe('chuyen doi so');
    req.flush({ items: [], total: 0, limit: 100, offset: 0, allowedActions: ['draft'] });
    await settle(fixture);
    expect(el.textContent).toContain('Chưa có kế hoạch nào');
  });

  it.each([
    ['a leader: the approvals inbox, no new plan', ['review'], ['inbox-link']],
    ['a commune officer: new plan and the unit’s work', ['draft', 'my-work'], ['my-work-link', 'new-plan']],
    ['nothing allowed: no link, whatever the roles', [], []],
  ] as const)('shows the collection’s links from allowedActions only: %s', async (_l, allowed, links) => {
    // The account claims every role: the links still follow the API's answer alone.
    const http = setup([PlanList], { unit: '01-UBND', roles: ['leader', 'commune-leader', 'department-officer', 'commune-officer'], tier: 2 });
    const fixture = TestBed.createComponent(PlanList);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=new-plan]')).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    http.expectOne((r) => r.url === 'http://api/plans').flush({ items: [], total: 0, limit: 100, offset: 0, allowedActions: allowed });
    await settle(fixture);
    expect(['inbox-link', 'my-work-link', 'new-plan'].filter((id) => el.querySelector(`[data-testid=${id}]`))).toEqual(links);
  });
});
