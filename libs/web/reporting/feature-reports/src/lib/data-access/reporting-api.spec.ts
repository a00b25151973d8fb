import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { setupReports } from '../testing';
import { ReportingApi, isConflict, reportingProblem } from './reporting-api';

describe('ReportingApi', () => {
  it('calls the reporting routes with their methods, bodies and only the filters that are set', () => {
    const http = setupReports([]);
    const api = TestBed.inject(ReportingApi);
    void firstValueFrom(api.periods({ planId: 'p1', status: '' }));
    const list = http.expectOne((r) => r.url === 'http://api/reporting/periods');
    expect(list.request.params.keys()).toEqual(['planId']);
    list.flush({ items: [] });

    void firstValueFrom(api.openPeriod('p/1', { kind: 'quarter', reference: '2025-11-01' }));
    const open = http.expectOne('http://api/plans/p%2F1/periods');
    expect(open.request.method).toBe('POST');
    expect(open.request.body).toEqual({ kind: 'quarter', reference: '2025-11-01' });
    open.flush({});

    void firstValueFrom(api.myReport('per1'));
    expect(http.expectOne('http://api/reporting/periods/per1/my-report').request.method).toBe('POST');
    void firstValueFrom(api.saveReport('r1', { version: 3 }));
    expect(http.expectOne('http://api/reporting/reports/r1').request.method).toBe('PUT');
    void firstValueFrom(api.decideReport('r1', 'return', { version: 3, reason: 'Thiếu số liệu' }));
    expect(http.expectOne('http://api/reporting/reports/r1/return').request.body).toEqual({ version: 3, reason: 'Thiếu số liệu' });
    void firstValueFrom(api.decideConsolidated('c1', 'approve', { version: 2 }));
    expect(http.expectOne('http://api/reporting/consolidated/c1/approve').request.method).toBe('POST');
    void firstValueFrom(api.urge('per1', { message: 'Nộp gấp' }));
    expect(http.expectOne('http://api/reporting/periods/per1/urge').request.body).toEqual({ message: 'Nộp gấp' });
    void firstValueFrom(api.assignments({ planId: 'p1', unitCode: '00070', status: 'done', limit: 50 }));
    const work = http.expectOne((r) => r.url === 'http://api/execution/work');
    expect(work.request.params.get('unitCode')).toBe('00070');
    expect(work.request.params.get('status')).toBe('done');
    void firstValueFrom(api.startExport({ subject: 'unit-report', id: 'r1', format: 'pdf' }));
    expect(http.expectOne('http://api/reporting/exports').request.body).toEqual({ subject: 'unit-report', id: 'r1', format: 'pdf' });
    void firstValueFrom(api.exportFile('x1'));
    expect(http.expectOne('http://api/reporting/exports/x1/file').request.responseType).toBe('blob');
    void firstValueFrom(api.importIndicatorValues('per1', new Blob(['x']), 'so-lieu.xlsx'));
    const upload = http.expectOne('http://api/reporting/periods/per1/indicator-values/import');
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(Blob);
  });
});

describe('reportingProblem', () => {
  it('reads the bilingual message and the field errors without the body. prefix', () => {
    const p = reportingProblem(
      new HttpErrorResponse({
        status: 400,
        error: { code: 'REPORTING.INVALID', message: { vi: 'Sai', en: 'Wrong' }, errors: [{ field: 'body.indicators.0.denominator', code: 'min', message: { vi: 'Phải lớn hơn 0', en: 'Must be above 0' } }] },
      }),
    );
    expect(p).toEqual({ status: 400, code: 'REPORTING.INVALID', message: { vi: 'Sai', en: 'Wrong' }, fields: { 'indicators.0.denominator': { vi: 'Phải lớn hơn 0', en: 'Must be above 0' } } });
  });

  it('says when the network is down, and knows a version conflict', () => {
    expect(reportingProblem(new HttpErrorResponse({ status: 0 })).message.vi).toBe('Không có kết nối mạng.');
    expect(isConflict(new HttpErrorResponse({ status: 409 }))).toBe(true);
    expect(isConflict(new HttpErrorResponse({ status: 400 }))).toBe(false);
  });
});
