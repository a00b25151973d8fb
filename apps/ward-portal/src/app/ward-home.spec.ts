import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService, SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { WardHome } from './ward-home';

describe('WardHome', () => {
  function open() {
    const auth = new AuthService();
    auth.user.set({ username: 'haian.canbo', name: 'Bùi Phương Thảo', unit: '11413', tier: 2, roles: ['commune-officer'], realm: 'hai-phong' });
    TestBed.configureTestingModule({
      imports: [WardHome],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: auth }, { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(WardHome);
    fixture.detectChanges();
    return { http, fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists the commune’s own offices and partners', async () => {
    const { http, fixture } = open();
    const offices = http.expectOne((r) => r.url === 'http://api/units' && r.params.get('parent') === '11413');
    offices.flush({ items: [{ shortName: 'Phòng Văn hóa - Xã hội' }, { shortName: 'Công an phường' }], total: 2, limit: 100, offset: 0 });
    http.match('http://api/me').forEach((r) => r.flush({ unit: { officialName: 'Ủy ban nhân dân phường Hải An', shortName: 'Phường Hải An' } }));
    fixture.detectChanges();
    await fixture.whenStable();
    const text: string = fixture.nativeElement.textContent;
    expect(text).toContain('Phòng Văn hóa - Xã hội');
    expect(text).toContain('Công an phường');
    expect(text).toContain('Ủy ban nhân dân phường Hải An');
  });

  it('links “Nhiệm vụ của tôi” and “Cập nhật tiến độ” to the work list, with the unit’s counts', async () => {
    const { http, fixture, el } = open();
    http.expectOne((r) => r.url === 'http://api/my/work' && r.params.get('limit') === '1').flush({
      items: [], total: 111, counts: { overdue: 111, dueSoon: 0, done: 0, pendingVerification: 0, open: 111 },
    });
    fixture.detectChanges();
    await fixture.whenStable();
    const text = el.textContent ?? '';
    expect(text).not.toContain('đang được xây dựng');
    expect(el.querySelector('[data-testid=home-work-link]')?.getAttribute('href')).toBe('/cong-viec');
    expect(el.querySelector('[data-testid=home-updates-link]')?.getAttribute('href')).toBe('/cong-viec?loc=overdue');
    expect(el.querySelector('[data-testid=home-work-counts]')?.textContent).toContain('111 đang mở · 111 quá hạn · 0 sắp đến hạn');
  });
});
