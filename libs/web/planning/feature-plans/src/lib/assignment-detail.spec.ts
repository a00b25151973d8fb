import { TestBed } from '@angular/core/testing';
import type { AssignmentDetailDto } from '@dieu-hanh/shared/contracts';
import { AssignmentDetail } from './assignment-detail';
import { settle, setup, task } from './testing/plan-fixture';

function detail(over: Partial<AssignmentDetailDto> = {}): AssignmentDetailDto {
  const { assignments: _a, assignmentCounts: _c, ...t } = task();
  return {
    id: 'a1', taskId: 't1', unitCode: '01-SKHCN', unitName: 'Sở Khoa học và Công nghệ', role: 'lead', viaGroup: '01-G-SO-BAN-NGANH', succeeds: null, status: 'assigned',
    plan: { id: 'p1', title: 'Kế hoạch chuyển đổi số', symbol: 'KH-UBND', number: 402, year: 2025, status: 'issued', issueDate: '2024-12-31', focalUnitCode: '01-SKHCN' },
    task: t,
    ...over,
  };
}

describe('AssignmentDetail', () => {
  it('names the group it was assigned through, never its raw code', async () => {
    const http = setup([AssignmentDetail], { unit: '01-SKHCN' });
    const fixture = TestBed.createComponent(AssignmentDetail);
    fixture.componentRef.setInput('assignmentId', 'a1');
    await settle(fixture);
    http.expectOne('http://api/assignments/a1').flush(detail());
    http.expectOne('http://api/unit-groups').flush([{ code: '01-G-SO-BAN-NGANH', name: 'Các Sở, ban, ngành', provinceCode: '01', memberCount: 3 }]);
    await settle(fixture);
    const via = fixture.nativeElement.querySelector('[data-testid=assignment-via]') as HTMLElement;
    expect(via.textContent?.trim()).toBe('Các Sở, ban, ngành');
    expect(fixture.nativeElement.textContent).not.toContain('01-G-SO-BAN-NGANH');
    http.verify();
  });

  it('names the unit it took over from; keeps the code when the directory does not answer', async () => {
    const http = setup([AssignmentDetail], { unit: '01-SKHCN' });
    const fixture = TestBed.createComponent(AssignmentDetail);
    fixture.componentRef.setInput('assignmentId', 'a1');
    await settle(fixture);
    http.expectOne('http://api/assignments/a1').flush(detail({ viaGroup: '01-G-UNKNOWN', succeeds: '01-STTTT' }));
    http.expectOne('http://api/units/01-STTTT').flush({ code: '01-STTTT', shortName: 'Sở Thông tin và Truyền thông' });
    http.expectOne('http://api/unit-groups').flush([]);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=assignment-succeeds]')?.textContent).toContain('Sở Thông tin và Truyền thông');
    // An unknown group (not visible to the caller): its code rather than nothing.
    expect(el.querySelector('[data-testid=assignment-via]')?.textContent?.trim()).toBe('01-G-UNKNOWN');
    http.verify();
  });
});
