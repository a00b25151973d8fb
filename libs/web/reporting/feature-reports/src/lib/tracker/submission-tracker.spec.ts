import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { SubmissionTrackerDto } from '@dieu-hanh/shared/contracts';
import { click, period, settle, setupReports, tracker, trackerRow, type } from '../testing';
import { SubmissionTracker } from './submission-tracker';
import { filterCounts, filterRows } from './tracker-filter';

async function open(tr: SubmissionTrackerDto = tracker()) {
  const http = setupReports([SubmissionTracker]);
  const fixture = TestBed.createComponent(SubmissionTracker);
  fixture.componentRef.setInput('periodId', 'per1');
  fixture.detectChanges();
  http.expectOne('http://api/reporting/periods/per1/tracker').flush(tr);
  await settle(fixture);
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

const q = (el: HTMLElement, id: string) => el.querySelector(`[data-testid=${id}]`);
const units = (el: HTMLElement) => [...el.querySelectorAll('[data-testid=tracker-row]')].map((r) => r.getAttribute('data-unit'));

describe('tracker filters', () => {
  const rows = tracker().rows;
  it('keeps the rows a chip names: not submitted, late, submitted', () => {
    expect(filterRows(rows, 'missing', '').map((r) => r.unitCode)).toEqual(['00070', '01-SGTVT']);
    expect(filterRows(rows, 'late', '').map((r) => r.unitCode)).toEqual(['00008']);
    expect(filterRows(rows, 'submitted', '').map((r) => r.unitCode)).toEqual(['00004', '00008']);
    expect(filterCounts(rows)).toEqual({ all: 4, missing: 2, late: 1, submitted: 2 });
  });

  it('searches unit names ignoring diacritics and case', () => {
    expect(filterRows(rows, 'all', 'ba dinh').map((r) => r.unitName)).toEqual(['Phường Ba Đình']);
    expect(filterRows(rows, 'all', 'PHUONG ngoc').map((r) => r.unitName)).toEqual(['Phường Ngọc Hà']);
    expect(filterRows(rows, 'all', 'sở giao').map((r) => r.unitCode)).toEqual(['01-SGTVT']);
    expect(filterRows(rows, 'submitted', 'hoan kiem')).toEqual([]);
  });
});

describe('SubmissionTracker', () => {
  it('shows completeness, timeliness and every unit with its status, times on Vietnam’s clock and links to reports', async () => {
    const { el } = await open();
    expect(el.querySelector('h1')?.textContent).toContain('Theo dõi nộp báo cáo — Quý IV/2025');
    const figures = q(el, 'tracker-figures')?.textContent ?? '';
    expect(figures).toContain('50%');
    expect(figures).toContain('Đã nộp 2/4 đơn vị');
    expect(figures).toContain('Đúng hạn 1/4 đơn vị');
    expect(units(el)).toEqual(['00070', '00004', '00008', '01-SGTVT']);
    const [hk, bd, nh, gt] = [...el.querySelectorAll('[data-testid=tracker-row]')];
    expect(hk.textContent).toContain('Chưa nộp');
    expect(hk.textContent).toContain('Xã, phường');
    expect(hk.querySelector('[data-testid=tracker-report-link]')).toBeNull();
    expect(bd.querySelector('[data-testid=tracker-report-link]')?.getAttribute('href')).toBe('/bao-cao/don-vi/r4');
    expect(bd.textContent).toContain('19/12/2025 10:30');
    expect(bd.textContent).toContain('Đúng hạn');
    expect(nh.textContent).toContain('Muộn');
    expect(gt.textContent).toContain('Sở, ban, ngành');
    expect(gt.textContent).toContain('21/12/2025 08:00');
  });

  it('filters with the chips and finds units without diacritics', async () => {
    const { fixture, el } = await open();
    click(q(el, 'filter-missing'));
    await settle(fixture);
    expect(q(el, 'filter-missing')?.getAttribute('aria-pressed')).toBe('true');
    expect(units(el)).toEqual(['00070', '01-SGTVT']);
    click(q(el, 'filter-all'));
    type(q(el, 'tracker-q'), 'ngoc ha');
    await settle(fixture);
    expect(units(el)).toEqual(['00008']);
    expect(q(el, 'tracker-shown')?.textContent).toContain('Hiển thị 1/4 đơn vị');
  });

  it('urges the units that have not submitted and says how many', async () => {
    const { http, fixture, el } = await open();
    click(q(el, 'tracker-urge'));
    await settle(fixture);
    expect(q(el, 'urge-confirm')?.textContent).toContain('Đôn đốc 2 đơn vị chưa nộp báo cáo?');
    type(q(el, 'urge-message'), 'Đề nghị nộp trước 25/12');
    click(q(el, 'urge-send'));
    const req = http.expectOne('http://api/reporting/periods/per1/urge');
    expect(req.request.body).toEqual({ message: 'Đề nghị nộp trước 25/12' });
    req.flush({ urged: 2 });
    await settle(fixture);
    expect(q(el, 'tracker-notice')?.textContent).toContain('Đã đôn đốc 2 đơn vị.');
    http.expectOne('http://api/reporting/periods/per1/tracker').flush(tracker());
  });

  it('composes the consolidated report and opens it', async () => {
    const { http, fixture, el } = await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    click(q(el, 'tracker-consolidate'));
    http.expectOne('http://api/reporting/periods/per1/consolidated').flush({ id: 'c3' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/bao-cao/tong-hop', 'c3']);
  });

  it('offers urging, consolidating, closing and the import only when allowed', async () => {
    const { el } = await open(tracker({ period: period({ allowedActions: ['track'] }) }));
    for (const id of ['tracker-urge', 'tracker-consolidate', 'tracker-close', 'tracker-open-period', 'import-form']) expect(q(el, id)).toBeNull();
    expect(el.querySelectorAll('dh-export-button')).toHaveLength(2);
  });

  it('imports indicator values from an XLSX file and shows the rows rejected', async () => {
    const { http, fixture, el } = await open(tracker({ rows: [trackerRow()] }));
    const input = q(el, 'import-file') as HTMLInputElement;
    const file = new File(['x'], 'chi-tieu.xlsx');
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await settle(fixture);
    click(q(el, 'import-send'));
    const req = http.expectOne('http://api/reporting/periods/per1/indicator-values/import');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(Blob);
    req.flush({ applied: 12, unchanged: 3, rejected: [{ row: 7, unitCode: '00070', field: 'denominator', message: { vi: 'Mẫu số phải lớn hơn 0', en: 'Denominator must be above 0' } }] });
    await settle(fixture);
    expect(q(el, 'import-result')?.textContent).toContain('Đã cập nhật 12 giá trị, 3 không đổi, 1 dòng bị từ chối.');
    const row = q(el, 'import-rejected-row')?.textContent ?? '';
    expect(row).toContain('7');
    expect(row).toContain('denominator');
    expect(row).toContain('Mẫu số phải lớn hơn 0');
    http.expectOne('http://api/reporting/periods/per1/tracker').flush(tracker());
  });
});
