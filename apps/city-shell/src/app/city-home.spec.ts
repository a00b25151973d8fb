import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthService, SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { CityHome } from './city-home';

describe('CityHome', () => {
  it('greets the leader and shows the scope of direction from the directory', async () => {
    const auth = new AuthService();
    auth.user.set({ username: 'lanhdao', name: 'Trần Minh Quang', unit: '01-UBND', tier: 1, roles: ['leader'], realm: 'ha-noi' });
    TestBed.configureTestingModule({
      imports: [CityHome],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: auth }, { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CityHome);
    fixture.detectChanges();
    http.expectOne((r) => r.params.get('kind') === 'department').flush({ items: [], total: 25, limit: 1, offset: 0 });
    http.expectOne((r) => r.params.get('kind') === 'commune').flush({ items: [], total: 126, limit: 1, offset: 0 });
    http.expectOne('http://api/me').flush({ unit: { officialName: 'Ủy ban nhân dân thành phố Hà Nội', shortName: 'UBND Thành phố' } });
    fixture.detectChanges();
    await fixture.whenStable();
    const text: string = fixture.nativeElement.textContent;
    expect(text).toContain('Xin chào, Trần Minh Quang');
    expect(text).toContain('Ủy ban nhân dân thành phố Hà Nội');
    expect(text).toMatch(/Sở, ban, ngành:\s*25/);
    expect(text).toMatch(/Xã, phường:\s*126/);
    expect(text).toContain('Phê duyệt hoặc trả lại kế hoạch');
  });
});
