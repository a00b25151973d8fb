import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService, SHELL_CONFIG, type SignedInUser } from '@dieu-hanh/web/shared/auth';
import { CityHome } from './city-home';

function open(user: SignedInUser) {
  const auth = new AuthService();
  auth.user.set(user);
  TestBed.configureTestingModule({
    imports: [CityHome],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: auth }, { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(CityHome);
  fixture.detectChanges();
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

const leader: SignedInUser = { username: 'lanhdao', name: 'Trần Minh Quang', unit: '01-UBND', tier: 1, roles: ['leader'], realm: 'ha-noi' };

describe('CityHome', () => {
  it('greets the leader and shows the scope of direction from the directory', async () => {
    const { http, fixture } = open(leader);
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
    expect(text).not.toContain('đang được xây dựng');
  });

  it('links every card to its page and counts the leader’s inbox', async () => {
    const { http, fixture, el } = open(leader);
    http.expectOne('http://api/execution/leader-inbox').flush({ escalations: [{ id: 'o1' }], extensions: [{ id: 'e1' }, { id: 'e2' }] });
    fixture.detectChanges();
    await fixture.whenStable();
    const href = (id: string) => el.querySelector(`[data-testid=${id}]`)?.getAttribute('href');
    expect(href('home-approvals-link')).toBe('/ke-hoach/cho-duyet');
    expect(href('home-inbox-link')).toBe('/cong-viec/hop-thu-lanh-dao');
    expect(href('home-tracking-link')).toBe('/cong-viec/theo-doi');
    expect(href('home-plans-link')).toBe('/ke-hoach');
    expect(el.querySelector('[data-testid=home-inbox-counts]')?.textContent).toContain('1 vướng mắc · 2 đề nghị gia hạn');
  });

  it('shows no leader’s inbox to an administrator', () => {
    const { http, el } = open({ ...leader, username: 'quantri', roles: ['admin'] });
    http.expectNone('http://api/execution/leader-inbox');
    expect(el.querySelector('[data-testid=home-inbox-link]')).toBeNull();
  });
});
