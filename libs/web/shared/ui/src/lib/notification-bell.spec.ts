import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { NotificationBell } from './notification-bell';

describe('NotificationBell', () => {
  it('shows the unread count, lists the notifications, marks one read and opens its plan', async () => {
    TestBed.configureTestingModule({
      imports: [NotificationBell],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    const http = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(NotificationBell);
    const list = {
      unread: 1,
      items: [{ id: 'n1', kind: 'assignment-created', unitCode: '00070', planId: 'p1', assignmentId: 'a1', titleVi: 'Nhiệm vụ mới: Tuyên truyền', titleEn: 'New assignment', createdAt: '2025-10-02T03:00:00Z', readAt: null }],
    };
    http.expectOne('http://api/notifications').flush(list);
    fixture.detectChanges();
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=notification-count]')?.textContent).toContain('1');
    expect(el.querySelector('[data-testid=notification-bell]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Thông báo 1 chưa đọc');
    (el.querySelector('[data-testid=notification-bell]') as HTMLButtonElement).click();
    http.expectOne('http://api/notifications').flush(list);
    fixture.detectChanges();
    (el.querySelector('[data-testid=notification-item]') as HTMLButtonElement).click();
    expect(http.expectOne('http://api/notifications/n1/read').request.method).toBe('POST');
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=notification-count]')).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/ke-hoach', 'p1', 'giao-viec', 'a1']);
  });

  it('marks every notification read at once', async () => {
    TestBed.configureTestingModule({
      imports: [NotificationBell],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(NotificationBell);
    const item = (id: string) => ({ id, kind: 'assignment-created', unitCode: '00070', planId: 'p1', assignmentId: null, titleVi: `Việc ${id}`, titleEn: id, createdAt: '2025-10-02T03:00:00Z', readAt: null });
    const list = { unread: 2, items: [item('n1'), item('n2')] };
    http.expectOne('http://api/notifications').flush(list);
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    (el.querySelector('[data-testid=notification-bell]') as HTMLButtonElement).click();
    http.expectOne('http://api/notifications').flush(list);
    fixture.detectChanges();
    (el.querySelector('[data-testid=notification-read-all]') as HTMLButtonElement).click();
    const req = http.expectOne('http://api/notifications/read-all');
    expect(req.request.method).toBe('POST');
    req.flush({ read: 2 });
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=notification-count]')).toBeNull();
    expect(el.querySelectorAll('.dh-unread').length).toBe(0);
    expect(el.querySelector('[data-testid=notification-read-all]')).toBeNull();
  });
});
