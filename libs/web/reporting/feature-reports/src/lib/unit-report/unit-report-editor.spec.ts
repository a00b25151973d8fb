import { TestBed } from '@angular/core/testing';
import type { UnitReportDto } from '@dieu-hanh/shared/contracts';
import { click, indicatorValue, settle, setupReports, taskEntry, type, unitReport } from '../testing';
import { UnitReportEditor } from './unit-report-editor';

async function open(r: UnitReportDto = unitReport()) {
  const http = setupReports([UnitReportEditor]);
  const fixture = TestBed.createComponent(UnitReportEditor);
  fixture.componentRef.setInput('reportId', r.id);
  fixture.detectChanges();
  http.expectOne(`http://api/reporting/reports/${r.id}`).flush(r);
  await settle(fixture);
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

const q = (el: HTMLElement, id: string) => el.querySelector(`[data-testid=${id}]`);

describe('UnitReportEditor', () => {
  it('shows the header, the tasks pre-filled with coordinators’ contributions, and the indicators with the year’s target', async () => {
    const { el } = await open(
      unitReport({
        status: 'returned', revision: 2, onTime: false, submittedAt: '2025-12-22T02:00:00Z', returnReason: 'Thiếu minh chứng',
        tasks: [taskEntry({ contributions: [{ unitCode: '01-STTTT', unitName: 'Sở Thông tin và Truyền thông', status: 'done', percent: 100, result: 'Cung cấp tài liệu', source: 'report' }] })],
        indicators: [indicatorValue({ numerator: 45, denominator: 50, value: 90 })],
      }),
    );
    expect(q(el, 'report-plan')?.textContent).toContain('402/KH-UBND — Kế hoạch chuyển đổi số năm 2025');
    expect(el.querySelector('h1')?.textContent).toContain('Báo cáo của Phường Hoàn Kiếm — Quý IV/2025');
    expect(q(el, 'report-due')?.textContent).toContain('20/12/2025');
    expect(q(el, 'report-status')?.textContent).toContain('Bị trả lại');
    expect(q(el, 'report-status')?.textContent).toContain('Lần 2');
    expect(q(el, 'report-late')?.textContent).toContain('Muộn');
    expect(q(el, 'report-submitted-at')?.textContent).toContain('22/12/2025 09:00');
    expect(q(el, 'report-return-reason')?.textContent).toContain('Thiếu minh chứng');
    const task = q(el, 'report-task') as HTMLElement;
    expect(task.textContent).toContain('Nhiệm vụ 3');
    expect(task.textContent).toContain('Đang thực hiện');
    expect(task.textContent).toContain('40%');
    expect(task.textContent).toContain('Đã phát 10 buổi');
    expect(task.textContent).toContain('Thiếu kinh phí');
    expect(q(el, 'report-contributions')?.textContent).toContain('Sở Thông tin và Truyền thông');
    expect(q(el, 'report-contributions')?.textContent).toContain('Cung cấp tài liệu');
    const ind = q(el, 'report-indicator') as HTMLElement;
    expect(ind.textContent).toContain('≥ 80%');
    expect((ind.querySelector('[data-testid=ind-numerator]') as HTMLInputElement).value).toBe('45');
    expect(ind.querySelector('[data-testid=ind-rate]')?.textContent).toContain('90%');
  });

  it('shows a button for each action listed, and none for the others', async () => {
    const { el } = await open(unitReport({ allowedActions: ['edit', 'submit', 'export'] }));
    expect(q(el, 'report-save')).not.toBeNull();
    expect(q(el, 'report-submit')?.textContent).toContain('Gửi báo cáo');
    for (const a of ['approve', 'accept', 'return', 'reopen']) expect(q(el, `report-${a}`)).toBeNull();
    expect(q(el, 'report-exports')?.querySelectorAll('dh-export-button')).toHaveLength(2);
    TestBed.resetTestingModule();
    const read = await open(unitReport({ status: 'submitted', allowedActions: ['accept', 'return'] }));
    expect(q(read.el, 'report-save')).toBeNull();
    expect(q(read.el, 'report-accept')).not.toBeNull();
    expect(q(read.el, 'report-return')).not.toBeNull();
    expect(read.el.querySelector('textarea[data-testid=section-results]')).toBeNull();
    expect(q(read.el, 'section-results')?.textContent).toContain('Đã triển khai');
    expect(q(read.el, 'report-exports')).toBeNull();
  });

  it('saves with the version read, recomputes a rate as it is typed', async () => {
    const { http, fixture, el } = await open();
    type(q(el, 'section-difficulties'), 'Thiếu kinh phí');
    type(q(el, 'task-note'), 'Hoàn thành trong tháng 1');
    type(q(el, 'ind-numerator'), '45');
    type(q(el, 'ind-denominator'), '60');
    await settle(fixture);
    expect(q(el, 'ind-rate')?.textContent).toContain('75%');
    click(q(el, 'report-save'));
    const put = http.expectOne('http://api/reporting/reports/r1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      version: 3,
      sections: { results: 'Đã triển khai', difficulties: 'Thiếu kinh phí', proposals: '' },
      taskNotes: [{ assignmentId: 'a1', note: 'Hoàn thành trong tháng 1' }],
      indicators: [{ indicatorId: 'i1', numerator: 45, denominator: 60, evidence: null }],
    });
    put.flush(unitReport({ version: 4 }));
    await settle(fixture);
    expect(q(el, 'report-notice')?.textContent).toContain('Đã lưu báo cáo.');
  });

  it('asks for a reason to change a submitted report, and sends none without it', async () => {
    const { http, fixture, el } = await open(unitReport({ status: 'submitted', allowedActions: ['edit', 'reopen'] }));
    expect(q(el, 'report-reason')).not.toBeNull();
    type(q(el, 'section-results'), 'Số liệu mới');
    click(q(el, 'report-save'));
    await settle(fixture);
    expect(q(el, 'report-reason-error')?.textContent).toContain('Nhập lý do điều chỉnh.');
    http.expectNone('http://api/reporting/reports/r1');
    type(q(el, 'report-reason'), 'Bổ sung số liệu');
    click(q(el, 'report-save'));
    const put = http.expectOne('http://api/reporting/reports/r1');
    expect(put.request.body.reason).toBe('Bổ sung số liệu');
  });

  it('returns only with a reason, given in the dialog', async () => {
    const { http, fixture, el } = await open(unitReport({ status: 'submitted', allowedActions: ['accept', 'return'] }));
    click(q(el, 'report-return'));
    await settle(fixture);
    expect(q(el, 'reason-dialog')?.getAttribute('role')).toBe('dialog');
    click(q(el, 'reason-confirm'));
    await settle(fixture);
    expect(q(el, 'reason-required')?.textContent).toContain('Nhập lý do.');
    http.expectNone('http://api/reporting/reports/r1/return');
    type(q(el, 'reason-text'), 'Thiếu số liệu chỉ tiêu 1');
    click(q(el, 'reason-confirm'));
    const req = http.expectOne('http://api/reporting/reports/r1/return');
    expect(req.request.body).toEqual({ version: 3, reason: 'Thiếu số liệu chỉ tiêu 1' });
    req.flush(unitReport({ status: 'returned', returnReason: 'Thiếu số liệu chỉ tiêu 1', allowedActions: [] }));
    await settle(fixture);
    expect(q(el, 'reason-dialog')).toBeNull();
    expect(q(el, 'report-notice')?.textContent).toContain('Đã trả lại báo cáo.');
  });

  it('submitting saves the changes first, then submits with the new version', async () => {
    const { http, fixture, el } = await open();
    type(q(el, 'section-proposals'), 'Đề nghị bổ sung kinh phí');
    click(q(el, 'report-submit'));
    http.expectOne('http://api/reporting/reports/r1').flush(unitReport({ version: 4, sections: { results: 'Đã triển khai', difficulties: '', proposals: 'Đề nghị bổ sung kinh phí' } }));
    const submit = http.expectOne('http://api/reporting/reports/r1/submit');
    expect(submit.request.body).toEqual({ version: 4 });
    submit.flush(unitReport({ version: 5, status: 'submitted', allowedActions: [] }));
    await settle(fixture);
    expect(q(el, 'report-status')?.textContent).toContain('Đã gửi');
  });

  it('a version conflict reloads the report and says so', async () => {
    const { http, fixture, el } = await open();
    type(q(el, 'section-results'), 'Bản của tôi');
    click(q(el, 'report-save'));
    http.expectOne('http://api/reporting/reports/r1').flush({ code: 'REPORTING.VERSION_CONFLICT', message: { vi: 'Xung đột', en: 'Conflict' } }, { status: 409, statusText: 'Conflict' });
    const reload = http.expectOne('http://api/reporting/reports/r1');
    expect(reload.request.method).toBe('GET');
    reload.flush(unitReport({ version: 7, sections: { results: 'Bản của người khác', difficulties: '', proposals: '' } }));
    await settle(fixture);
    expect(q(el, 'report-conflict')?.textContent).toContain('đã tải lại bản mới nhất');
    expect((q(el, 'section-results') as HTMLTextAreaElement).value).toBe('Bản của người khác');
  });
});
