import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService, SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { AppFrame, type NavLink } from './app-frame';

@Component({ template: '' })
class Blank {}

const LINKS: NavLink[] = [
  { path: '/', labelKey: 'nav.home', exact: true },
  { path: '/ke-hoach', labelKey: 'nav.plans' },
  { path: '/cong-viec', labelKey: 'nav.work', label: { vi: 'Công việc', en: 'Work' } },
  { path: '/danh-muc', labelKey: 'nav.directory' },
];

function render() {
  const auth = new AuthService();
  auth.user.set({ username: 'hk', name: 'Phạm Thu Mai', unit: '00070', tier: 2, roles: ['commune-officer'], realm: 'ha-noi' });
  TestBed.configureTestingModule({
    imports: [AppFrame],
    providers: [
      provideRouter([{ path: '**', component: Blank }]),
      { provide: AuthService, useValue: auth },
      { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } },
    ],
  });
  const fixture = TestBed.createComponent(AppFrame);
  fixture.componentRef.setInput('titleKey', 'shell.ward');
  fixture.componentRef.setInput('unitName', 'Phường Hoàn Kiếm');
  fixture.componentRef.setInput('links', LINKS);
  fixture.detectChanges();
  return fixture;
}

describe('AppFrame', () => {
  it('names every tab, in the chosen language, labels with or without a message key', () => {
    const fixture = render();
    const el: HTMLElement = fixture.nativeElement;
    const tabs = () => [...el.querySelectorAll('[data-testid=app-nav] a')].map((a) => a.textContent?.trim());
    expect(tabs()).toEqual(['Trang chủ', 'Kế hoạch', 'Công việc', 'Danh mục đơn vị']);
    TestBed.inject(I18nService).setLang('en');
    fixture.detectChanges();
    expect(tabs()).toEqual(['Home', 'Plans', 'Work', 'Unit directory']);
    TestBed.inject(I18nService).setLang('vi');
  });

  it('keeps sign-out named for screen readers when the phone shows only its icon', () => {
    const el: HTMLElement = render().nativeElement;
    const logout = el.querySelector('[data-testid=logout]') as HTMLButtonElement;
    expect(logout.querySelector('.dh-logout-text')?.textContent).toBe('Đăng xuất');
    expect(logout.querySelector('.dh-logout-icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(logout.title).toBe('Đăng xuất');
    // Name and unit stay reachable (title) when the phone hides them.
    expect((el.querySelector('[data-testid=signed-in-user]') as HTMLElement).title).toBe('Phạm Thu Mai — Phường Hoàn Kiếm');
  });

  it('scrolls the tab strip so that the current tab is in view', () => {
    const fixture = render();
    const el: HTMLElement = fixture.nativeElement;
    const nav = el.querySelector('[data-testid=app-nav]') as HTMLElement;
    const tab = [...nav.querySelectorAll('a')][3] as HTMLElement;
    tab.classList.add('dh-active');
    // jsdom has no layout: a 375 px strip whose last tab ends at 470 px.
    nav.getBoundingClientRect = () => ({ left: 0, right: 375 }) as DOMRect;
    tab.getBoundingClientRect = () => ({ left: 330, right: 470 }) as DOMRect;
    (fixture.componentInstance as unknown as { revealActiveTab(): void }).revealActiveTab();
    expect(nav.scrollLeft).toBe(95);
  });
});
