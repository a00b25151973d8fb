import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { ApiClient } from './api-client';

describe('ApiClient', () => {
  let api: ApiClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    api = TestBed.inject(ApiClient);
    http = TestBed.inject(HttpTestingController);
  });

  it('sends only the filters that are set', () => {
    api.searchUnits({ q: 'hoan kiem', kind: 'commune', tier: undefined, limit: 20 }).subscribe();
    const req = http.expectOne((r) => r.url === 'http://api/units');
    expect(req.request.params.keys().sort()).toEqual(['kind', 'limit', 'q']);
    expect(req.request.params.get('q')).toBe('hoan kiem');
    req.flush({ items: [], total: 0, limit: 20, offset: 0 });
  });

  it('encodes unit codes in paths', () => {
    api.unit('01-SKHCN').subscribe();
    http.expectOne('http://api/units/01-SKHCN').flush({});
  });

  it('filters plans by role and skips empty filters', () => {
    api.plans({ status: 'submitted', year: null, role: 'lead' }).subscribe();
    const req = http.expectOne((r) => r.url === 'http://api/plans');
    expect(req.request.params.keys().sort()).toEqual(['limit', 'role', 'status']);
    req.flush({ items: [], total: 0, limit: 100, offset: 0 });
  });

  it('writes plans with their version and sends return comments and issue data as bodies', () => {
    api.updatePlan('p1', { title: 'T', year: 2025, tasks: [], version: 3 }).subscribe();
    const put = http.expectOne('http://api/plans/p1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.version).toBe(3);
    put.flush({ id: 'p1', version: 4 });
    api.returnPlan('p1', [{ text: 'Sửa tên', field: 'title' }]).subscribe();
    expect(http.expectOne('http://api/plans/p1/return').request.body).toEqual({ comments: [{ text: 'Sửa tên', field: 'title' }] });
    api.issuePlan('p1', { number: 12, issueDate: '2025-10-02' }).subscribe();
    expect(http.expectOne('http://api/plans/p1/issue').request.body).toEqual({ number: 12, issueDate: '2025-10-02' });
    api.markNotificationRead('n 1').subscribe();
    expect(http.expectOne('http://api/notifications/n%201/read').request.method).toBe('POST');
  });
});
