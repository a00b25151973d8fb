import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthService, SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { WardHome } from './ward-home';

describe('WardHome', () => {
  it('lists the commune’s own offices and partners', async () => {
    const auth = new AuthService();
    auth.user.set({ username: 'haian.canbo', name: 'Bùi Phương Thảo', unit: '11413', tier: 2, roles: ['commune-officer'], realm: 'hai-phong' });
    TestBed.configureTestingModule({
      imports: [WardHome],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: auth }, { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(WardHome);
    fixture.detectChanges();
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
});
