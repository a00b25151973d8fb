import { TestBed } from '@angular/core/testing';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { exportJob, setupReports } from '../testing';
import { ExportButton } from './export-button';

describe('ExportButton', () => {
  let createObjectURL: jest.Mock;
  beforeEach(() => {
    jest.useFakeTimers();
    createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  });
  afterEach(() => jest.useRealTimers());

  function open() {
    const http = setupReports([ExportButton]);
    const fixture = TestBed.createComponent(ExportButton);
    fixture.componentRef.setInput('subject', 'unit-report');
    fixture.componentRef.setInput('targetId', 'r1');
    fixture.componentRef.setInput('format', 'docx');
    fixture.componentRef.setInput('describe', 'Phường Hoàn Kiếm — Quý IV/2025');
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    return { http, fixture, el };
  }

  it('starts the job, polls every 700 ms with a progress bar, then downloads the file under its name', () => {
    const { http, fixture, el } = open();
    const button = el.querySelector('[data-testid=export-start]') as HTMLButtonElement;
    expect(button.textContent).toContain('Tải DOCX');
    expect(button.getAttribute('aria-label')).toBe('Tải DOCX: Phường Hoàn Kiếm — Quý IV/2025');
    const anchorClick = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    button.click();
    const start = http.expectOne('http://api/reporting/exports');
    expect(start.request.body).toEqual({ subject: 'unit-report', id: 'r1', format: 'docx' });
    start.flush(exportJob());
    fixture.detectChanges();
    expect(button.disabled).toBe(true);

    jest.advanceTimersByTime(699);
    http.expectNone('http://api/reporting/exports/x1');
    jest.advanceTimersByTime(1);
    http.expectOne('http://api/reporting/exports/x1').flush(exportJob({ status: 'running', progress: 45 }));
    fixture.detectChanges();
    expect((el.querySelector('progress') as HTMLProgressElement).value).toBe(45);
    expect(el.querySelector('[data-testid=export-progress]')?.textContent).toContain('Đang tạo tệp… 45%');

    jest.advanceTimersByTime(700);
    http.expectOne('http://api/reporting/exports/x1').flush(exportJob({ status: 'done', progress: 100, fileName: 'bao-cao-hoan-kiem.docx' }));
    const file = http.expectOne('http://api/reporting/exports/x1/file');
    expect(file.request.responseType).toBe('blob');
    file.flush(new Blob(['docx']));
    fixture.detectChanges();
    expect(createObjectURL).toHaveBeenCalled();
    expect(anchorClick).toHaveBeenCalled();
    expect(el.querySelector('[data-testid=export-done]')?.textContent).toContain('bao-cao-hoan-kiem.docx');
    expect(button.disabled).toBe(false);
    jest.advanceTimersByTime(5000);
    http.verify();
    anchorClick.mockRestore();
  });

  it('shows a failed job’s message in the chosen language, and stops polling', () => {
    const { http, fixture, el } = open();
    (el.querySelector('[data-testid=export-start]') as HTMLButtonElement).click();
    http.expectOne('http://api/reporting/exports').flush(exportJob({ status: 'running', progress: 10 }));
    jest.advanceTimersByTime(700);
    http.expectOne('http://api/reporting/exports/x1').flush(exportJob({ status: 'failed', error: { vi: 'Báo cáo quá lớn', en: 'The report is too large' } }));
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=export-error]')?.textContent).toContain('Không xuất được tệp: Báo cáo quá lớn');
    TestBed.inject(I18nService).lang.set('en');
    fixture.componentInstance.start();
    http.expectOne('http://api/reporting/exports').flush({ code: 'REPORTING.FORBIDDEN', message: { vi: 'Không được xuất', en: 'Export not allowed' } }, { status: 403, statusText: 'Forbidden' });
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=export-error]')?.textContent).toContain('Could not export: Export not allowed');
    jest.advanceTimersByTime(5000);
    http.verify();
    TestBed.inject(I18nService).lang.set('vi');
  });

  it('stops polling when the page goes away', () => {
    const { http, fixture, el } = open();
    (el.querySelector('[data-testid=export-start]') as HTMLButtonElement).click();
    http.expectOne('http://api/reporting/exports').flush(exportJob({ status: 'running' }));
    fixture.destroy();
    jest.advanceTimersByTime(5000);
    http.verify();
  });
});
