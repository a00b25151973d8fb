import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService, SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { DepartmentHome } from './department-home';

describe('DepartmentHome', () => {
  it('links to the unit’s work list, the tracking board, the verification queue and focal work, with counts', async () => {
    const auth = new AuthService();
    auth.user.set({ username: 'skhcn.daumoi', name: 'Lê Thu Hà', unit: '01-SKHCN', tier: 1, roles: ['department-officer', 'focal-officer'], realm: 'ha-noi' });
    TestBed.configureTestingModule({
      imports: [DepartmentHome],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: auth }, { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DepartmentHome);
    fixture.detectChanges();
    http.expectOne((r) => r.url === 'http://api/my/work').flush({ items: [], total: 193, counts: { overdue: 150, dueSoon: 3, done: 10, pendingVerification: 0, open: 183 } });
    http.expectOne((r) => r.url === 'http://api/execution/verification-queue').flush({ items: [], total: 7, counts: { overdue: 0, dueSoon: 0, done: 7, pendingVerification: 7, open: 0 } });
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const href = (id: string) => el.querySelector(`[data-testid=${id}]`)?.getAttribute('href');
    expect(el.textContent).not.toContain('đang được xây dựng');
    expect(href('home-work-link')).toBe('/cong-viec');
    expect(href('home-tracking-link')).toBe('/cong-viec/theo-doi');
    expect(href('home-review-link')).toBe('/cong-viec/tham-dinh');
    expect(href('home-focal-link')).toBe('/cong-viec/theo-doi?role=focal');
    expect(el.querySelector('[data-testid=home-work-counts]')?.textContent).toContain('183 đang mở · 150 quá hạn · 3 sắp đến hạn');
    expect(el.textContent).toContain('7 kết quả chờ xác nhận');
  });
});
