import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { WorkProgressApi } from './work-progress-api';

describe('WorkProgressApi', () => {
  it('reads a plan’s roll-up, the caller’s work and the queues, sending only the filters that are set', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }] });
    const api = TestBed.inject(WorkProgressApi);
    const http = TestBed.inject(HttpTestingController);
    api.planProgress('p 1').subscribe();
    http.expectOne('http://api/plans/p%201/progress').flush({});
    api.myWork({ planId: 'p1', limit: 100, offset: 0, q: '' }).subscribe();
    const my = http.expectOne((r) => r.url === 'http://api/my/work');
    expect(my.request.params.keys().sort()).toEqual(['limit', 'offset', 'planId']);
    my.flush({});
    api.verificationQueue({ limit: 1 }).subscribe();
    expect(http.expectOne((r) => r.url === 'http://api/execution/verification-queue').request.params.get('limit')).toBe('1');
    api.leaderInbox().subscribe();
    http.expectOne('http://api/execution/leader-inbox');
    http.verify();
  });
});
