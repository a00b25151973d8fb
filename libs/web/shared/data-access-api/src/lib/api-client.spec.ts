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
});
