import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { NotificationDto, NotificationGroupDto, NotificationStreamMessageDto } from '@dieu-hanh/shared/contracts';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { Subject } from 'rxjs';
import { NotificationBell } from './notification-bell';
import { NotificationStream } from './notification-bell.stream';

const note = (id: string, over: Partial<NotificationDto> = {}): NotificationDto => ({
  id,
  kind: 'assignment-created',
  unitCode: '01-SKHCN',
  planId: 'p402',
  planTitle: 'Kế hoạch 402',
  assignmentId: `a-${id}`,
  titleVi: `Nhiệm vụ mới (chủ trì): Kế hoạch 402 — ${id}`,
  titleEn: `New assignment (lead): ${id}`,
  createdAt: '2025-10-02T03:00:00.000Z',
  readAt: null,
  actionRequired: false,
  resolvedAt: null,
  ...over,
});
const group = (over: Partial<NotificationGroupDto> = {}): NotificationGroupDto => ({ planId: 'p402', planTitle: 'Kế hoạch 402', count: 195, unread: 195, actionsOpen: 0, latest: note('n195'), ...over });

function setup() {
  const live = new Subject<NotificationStreamMessageDto>();
  TestBed.configureTestingModule({
    imports: [NotificationBell],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } },
      { provide: NotificationStream, useValue: { messages$: live.asObservable() } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(NotificationBell);
  const el: HTMLElement = fixture.nativeElement;
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const click = async (selector: string, index = 0) => {
    (el.querySelectorAll(selector)[index] as HTMLButtonElement).click();
    await render();
  };
  const text = (selector: string) => [...el.querySelectorAll(selector)].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
  return { http, navigate, fixture, el, live, render, click, text };
}

describe('NotificationBell', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows one line per plan (195 tasks are one group), opens a group to its notifications, marks one read and opens it', async () => {
    const { http, navigate, el, render, click, text } = setup();
    const groups = { unread: 196, total: 2, groups: [group(), group({ planId: null, planTitle: null, count: 1, unread: 1, actionsOpen: 1, latest: note('x', { planId: null, kind: 'plan-submitted', actionRequired: true, titleVi: 'Kế hoạch trình duyệt: KH 7' }) })] };
    http.expectOne('http://api/notifications/groups?limit=20').flush(groups);
    await render();
    expect(el.querySelector('[data-testid=notification-count]')?.textContent).toContain('196');
    expect(text('[data-testid=notification-bell]')).toEqual(['Thông báo 196 chưa đọc']);

    await click('[data-testid=notification-bell]');
    http.expectOne('http://api/notifications/groups?limit=20').flush(groups);
    await render();
    expect(el.querySelectorAll('[data-testid=notification-group]')).toHaveLength(2);
    expect(text('[data-testid=notification-group-count]')).toEqual(['195 thông báo', '1 thông báo']);
    expect(text('[data-testid=notification-group]')[0]).toContain('Kế hoạch 402');
    expect(text('[data-testid=notification-group]')[1]).toContain('Thông báo khác');
    expect(text('[data-testid=notification-group]')[1]).toContain('1 cần xử lý');

    await click('[data-testid=notification-group]');
    http.expectOne('http://api/notifications?planId=p402&limit=100').flush({ unread: 196, items: [note('n1'), note('n2', { readAt: '2025-10-03T00:00:00.000Z' })] });
    await render();
    expect(text('#dh-notif-h')).toEqual(['Kế hoạch 402']);
    expect(el.querySelectorAll('[data-testid=notification-item]')).toHaveLength(2);
    expect(el.querySelectorAll('.dh-unread')).toHaveLength(1);

    await click('[data-testid=notification-item]');
    expect(http.expectOne('http://api/notifications/n1/read').request.method).toBe('POST');
    expect(el.querySelector('[data-testid=notification-count]')?.textContent).toContain('195');
    expect(navigate).toHaveBeenCalledWith(['/ke-hoach', 'p402', 'giao-viec', 'a-n1']);
  });

  it('marks a whole group read, then everything', async () => {
    const { http, el, render, click } = setup();
    const groups = { unread: 5, total: 2, groups: [group({ unread: 3, count: 3 }), group({ planId: 'p7', planTitle: 'KH 7', unread: 2, count: 2, latest: note('k', { planId: 'p7' }) })] };
    http.expectOne('http://api/notifications/groups?limit=20').flush(groups);
    await click('[data-testid=notification-bell]');
    http.expectOne('http://api/notifications/groups?limit=20').flush(groups);
    await render();
    await click('[data-testid=notification-group]');
    http.expectOne('http://api/notifications?planId=p402&limit=100').flush({ unread: 5, items: [note('a'), note('b'), note('c')] });
    await render();
    await click('[data-testid=notification-read-all]');
    const req = http.expectOne('http://api/notifications/read-all?planId=p402');
    expect(req.request.method).toBe('POST');
    req.flush({ read: 3 });
    await render();
    expect(el.querySelectorAll('.dh-unread')).toHaveLength(0);
    expect(el.querySelector('[data-testid=notification-count]')?.textContent).toContain('2');

    await click('[data-testid=notification-back]');
    await click('[data-testid=notification-read-all]');
    http.expectOne('http://api/notifications/read-all').flush({ read: 2 });
    await render();
    expect(el.querySelector('[data-testid=notification-count]')).toBeNull();
    expect(el.querySelector('[data-testid=notification-read-all]')).toBeNull();
  });

  it('updates live: a pushed change refetches the count, and the open group shows a request resolved by someone else', async () => {
    const { http, el, live, render, click, text } = setup();
    http.expectOne('http://api/notifications/groups?limit=20').flush({ unread: 0, total: 0, groups: [] });
    await render();
    expect(el.querySelector('[data-testid=notification-count]')).toBeNull();

    // Two changes in quick succession: one refetch.
    live.next({ reason: 'changed' });
    live.next({ reason: 'changed' });
    await new Promise((r) => setTimeout(r, 300));
    const submitted = note('s1', { kind: 'plan-submitted', actionRequired: true, titleVi: 'Kế hoạch trình duyệt: KH 9', planId: 'p9', planTitle: 'KH 9', assignmentId: null });
    http.expectOne('http://api/notifications/groups?limit=20').flush({ unread: 1, total: 1, groups: [group({ planId: 'p9', planTitle: 'KH 9', count: 1, unread: 1, actionsOpen: 1, latest: submitted })] });
    await render();
    expect(el.querySelector('[data-testid=notification-count]')?.textContent).toContain('1');
    expect(text('.dh-sr[aria-live]')).toEqual(['1 thông báo chưa đọc']);

    await click('[data-testid=notification-bell]');
    http.expectOne('http://api/notifications/groups?limit=20').flush({ unread: 1, total: 1, groups: [group({ planId: 'p9', planTitle: 'KH 9', count: 1, unread: 1, actionsOpen: 1, latest: submitted })] });
    await render();
    await click('[data-testid=notification-group]');
    http.expectOne('http://api/notifications?planId=p9&limit=100').flush({ unread: 1, items: [submitted] });
    await render();
    expect(el.querySelector('[data-testid=notification-resolved]')).toBeNull();

    // The plan is approved elsewhere: the stream says so, the bell refetches the count and the group.
    live.next({ reason: 'changed' });
    await new Promise((r) => setTimeout(r, 300));
    const resolved = { ...submitted, resolvedAt: '2025-10-04T00:00:00.000Z' };
    http.expectOne('http://api/notifications/groups?limit=20').flush({ unread: 0, total: 1, groups: [group({ planId: 'p9', planTitle: 'KH 9', count: 1, unread: 0, actionsOpen: 0, latest: resolved })] });
    http.expectOne('http://api/notifications?planId=p9&limit=100').flush({ unread: 0, items: [resolved] });
    await render();
    expect(el.querySelector('[data-testid=notification-count]')).toBeNull();
    expect(text('[data-testid=notification-resolved]')).toEqual(['Đã xử lý']);
    expect(el.querySelectorAll('.dh-unread')).toHaveLength(0);
  });
});
