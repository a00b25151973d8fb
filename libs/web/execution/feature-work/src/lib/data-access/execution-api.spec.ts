import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { setupWork } from '../offline/testing';
import { ExecutionApi, executionProblem, isNetworkError } from './execution-api';

describe('ExecutionApi', () => {
  it('sends the filters that are set, and the Idempotency-Key on updates and uploads', async () => {
    const { http } = setupWork();
    const api = TestBed.inject(ExecutionApi);
    void firstValueFrom(api.myWork({ q: 'loa', planId: '', status: null, urgency: 'overdue', limit: 25, offset: 0 }));
    const list = http.expectOne((r) => r.url === 'http://api/my/work');
    expect(list.request.params.keys().sort()).toEqual(['limit', 'offset', 'q', 'urgency']);
    list.flush({ items: [], total: 0, counts: {} });
    void firstValueFrom(api.updateProgress('a/1', { version: 1, status: 'in-progress', percent: 10 }, 'key-1'));
    const progress = http.expectOne('http://api/assignments/a%2F1/progress');
    expect(progress.request.headers.get('Idempotency-Key')).toBe('key-1');
    progress.flush({});
    void firstValueFrom(api.uploadEvidence('a1', new Blob(['x']), 'a.pdf', 'key-2'));
    const upload = http.expectOne('http://api/assignments/a1/evidence');
    expect(upload.request.headers.get('Idempotency-Key')).toBe('key-2');
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(Blob);
    upload.flush({});
    http.verify();
  });
});

describe('executionProblem', () => {
  it('reads the message, field errors (without the body. prefix) and the current state of a 409', () => {
    const p = executionProblem(
      new HttpErrorResponse({
        status: 409,
        error: { code: 'EXECUTION.VERSION_CONFLICT', message: { vi: 'Xung đột', en: 'Conflict' }, errors: [{ field: 'body.version', code: 'stale', message: { vi: 'Cũ', en: 'Stale' } }], current: { version: 4 } },
      }),
    );
    expect(p).toEqual({ status: 409, code: 'EXECUTION.VERSION_CONFLICT', message: { vi: 'Xung đột', en: 'Conflict' }, fields: { version: { vi: 'Cũ', en: 'Stale' } }, current: { version: 4 } });
  });

  it('a request that never reached the API is a network error', () => {
    const err = new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') });
    expect(isNetworkError(err)).toBe(true);
    expect(executionProblem(err).message.vi).toBe('Không có kết nối mạng.');
    expect(isNetworkError(new HttpErrorResponse({ status: 500 }))).toBe(false);
  });
});
