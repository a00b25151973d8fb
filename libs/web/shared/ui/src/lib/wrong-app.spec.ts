import { TestBed } from '@angular/core/testing';
import { AuthService, SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { WrongApp } from './wrong-app';

describe('WrongApp', () => {
  it('names the account’s own app and links to it, in Vietnamese', () => {
    const auth = new AuthService();
    auth.user.set({ username: 'hk', name: 'Phạm Thu Mai', unit: '00070', tier: 2, roles: ['commune-officer'], realm: 'ha-noi' });
    TestBed.configureTestingModule({
      imports: [WrongApp],
      providers: [
        { provide: AuthService, useValue: auth },
        { provide: SHELL_CONFIG, useValue: { shellUrls: { 'city-shell': 'http://c/', 'department-shell': 'http://d/', 'ward-portal': 'http://w/' } } },
      ],
    });
    const fixture = TestBed.createComponent(WrongApp);
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.textContent).toContain('Cổng Xã, phường');
    expect(el.querySelector('a')?.getAttribute('href')).toBe('http://w/?realm=ha-noi');
  });
});
