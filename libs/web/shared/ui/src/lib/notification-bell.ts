import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import type { NotificationDto, NotificationGroupDto, NotificationGroupListDto, NotificationListDto } from '@dieu-hanh/shared/contracts';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { debounceTime } from 'rxjs';
import { NotificationStream } from './notification-bell.stream';

/** The group key of the API: a plan's id, or `none` for notifications about no plan. */
const groupKey = (planId: string | null) => planId ?? 'none';

/**
 * The bell in the shell header: the unread count, the notifications grouped per plan (a fan-out of 195
 * tasks is one line), a group opened to its notifications, mark read (one, a group, all) and open on
 * click. Live: it listens to the API's notification stream (NotificationStream) and refetches when its
 * unit's notifications change — in any tab, by any colleague, through any API process. A request to act
 * that someone has dealt with shows as done ("Đã xử lý") and no longer counts as unread.
 */
@Component({
  selector: 'dh-notification-bell',
  // Plain elements, not Material: the frame is on every first paint and must stay light.
  imports: [TranslatePipe, DmyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="dh-btn dh-bell" [attr.aria-expanded]="open()" [attr.aria-controls]="open() ? 'dh-notif-panel' : null" (click)="toggle()" data-testid="notification-bell">
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="currentColor"><path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg>
      <span class="dh-sr">{{ ('notif.title' | t) + ' ' }}</span>
      @if (unread()) {
        <span class="dh-count" data-testid="notification-count">{{ unread() }}</span><span class="dh-sr"> {{ 'notif.unread' | t }}</span>
      }
    </button>
    <span class="dh-sr" aria-live="polite">{{ announce() }}</span>
    @if (open()) {
      <section id="dh-notif-panel" class="dh-panel" aria-labelledby="dh-notif-h" data-testid="notification-panel">
        <div class="dh-panel-head">
          @if (group()) {
            <button type="button" class="dh-link" (click)="back()" data-testid="notification-back">‹ {{ en() ? 'All' : 'Tất cả' }}</button>
          }
          <h2 id="dh-notif-h">{{ group() ? groupTitle(group()!) : ('notif.title' | t) }}</h2>
          @if (group() ? group()!.unread : unread()) {
            <button type="button" class="dh-link" (click)="readAll()" data-testid="notification-read-all">{{ 'notif.readAll' | t }}</button>
          }
        </div>
        @if (group()) {
          @if (groupItems().length === 0) {
            <p class="dh-none">{{ 'notif.none' | t }}</p>
          } @else {
            <ul>
              @for (n of groupItems(); track n.id) {
                <li>
                  <button type="button" [class.dh-unread]="isUnread(n)" [class.dh-done]="!!n.resolvedAt" (click)="read(n)" data-testid="notification-item">
                    {{ en() ? n.titleEn : n.titleVi }}
                    <small>
                      {{ n.createdAt | dmy }}
                      @if (n.resolvedAt) {
                        · <span class="dh-tag" data-testid="notification-resolved">{{ en() ? 'Done' : 'Đã xử lý' }}</span>
                      } @else if (n.actionRequired) {
                        · <span class="dh-tag dh-act">{{ en() ? 'Action needed' : 'Cần xử lý' }}</span>
                      }
                    </small>
                  </button>
                </li>
              }
            </ul>
          }
        } @else if (groups().length === 0) {
          <p class="dh-none">{{ 'notif.none' | t }}</p>
        } @else {
          <ul>
            @for (g of groups(); track groupKeyOf(g)) {
              <li>
                <button type="button" [class.dh-unread]="g.unread > 0" (click)="openGroup(g)" data-testid="notification-group">
                  <span class="dh-group-title">{{ groupTitle(g) }}</span>
                  <span class="dh-latest">{{ en() ? g.latest.titleEn : g.latest.titleVi }}</span>
                  <small>
                    {{ g.latest.createdAt | dmy }} ·
                    <span data-testid="notification-group-count">{{ g.count }} {{ en() ? (g.count === 1 ? 'notification' : 'notifications') : 'thông báo' }}</span>
                    @if (g.unread) {
                      · <strong>{{ g.unread }} {{ 'notif.unread' | t }}</strong>
                    }
                    @if (g.actionsOpen) {
                      · <span class="dh-tag dh-act">{{ g.actionsOpen }} {{ en() ? 'to act on' : 'cần xử lý' }}</span>
                    }
                  </small>
                </button>
              </li>
            }
          </ul>
          @if (moreGroups() > 0) {
            <p class="dh-none">{{ en() ? '+' + moreGroups() + ' more plans' : 'Còn ' + moreGroups() + ' kế hoạch khác' }}</p>
          }
        }
      </section>
    }
  `,
  styles: `
    :host { position: relative; }
    .dh-panel-head { display: flex; align-items: baseline; justify-content: space-between; gap: .5rem; padding-right: .8rem; }
    .dh-panel-head .dh-link:first-child { padding-left: .8rem; }
    .dh-link { font: inherit; font-size: .85rem; background: none; border: 0; color: #0b5cad; text-decoration: underline; cursor: pointer; padding: 0; white-space: nowrap; }
    .dh-btn { font: inherit; font-size: .95rem; color: #fff; background: transparent; border: 1px solid transparent; border-radius: 4px; padding: .35rem .6rem; cursor: pointer; }
    .dh-btn:hover { background: rgba(255,255,255,.12); }
    .dh-btn:focus-visible { outline: 2px solid #ffd54f; outline-offset: 2px; }
    .dh-bell { display: inline-flex; align-items: center; gap: .2rem; }
    .dh-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .dh-count { background: #ffd54f; color: #0b3d6b; border-radius: 999px; padding: 0 .4rem; font-size: .75rem; font-weight: 700; margin-left: .2rem; }
    .dh-panel { position: fixed; right: .5rem; top: 3.6rem; width: min(24rem, calc(100vw - 1rem)); max-height: 70vh; overflow: auto; background: #fff; color: var(--dh-ink); border: 1px solid var(--dh-line); border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); z-index: 20; box-sizing: border-box; }
    h2 { font-size: .95rem; margin: 0; padding: .6rem .8rem; flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .dh-panel-head { border-bottom: 1px solid var(--dh-line); }
    ul { list-style: none; margin: 0; padding: 0; }
    li button { display: block; width: 100%; text-align: left; font: inherit; font-size: .88rem; background: #fff; border: 0; border-bottom: 1px solid var(--dh-line); padding: .55rem .8rem; cursor: pointer; color: var(--dh-ink); }
    li button.dh-unread { font-weight: 600; background: #f1f6fb; }
    li button.dh-done { color: var(--dh-muted); }
    .dh-group-title { display: block; }
    .dh-latest { display: block; font-weight: 400; font-size: .82rem; color: var(--dh-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .dh-tag { font-size: .75rem; border: 1px solid var(--dh-line); border-radius: 999px; padding: 0 .35rem; }
    .dh-act { border-color: #b26a00; color: #7a4800; }
    small { display: block; color: var(--dh-muted); font-weight: 400; }
    .dh-none { padding: .6rem .8rem; margin: 0; color: var(--dh-muted); font-size: .88rem; }
  `,
})
export class NotificationBell {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);
  private readonly base = inject(SHELL_CONFIG).apiUrl;
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly grouped = signal<NotificationGroupListDto | null>(null);
  protected readonly open = signal(false);
  /** The group opened in the panel (null: the list of groups). */
  protected readonly group = signal<NotificationGroupDto | null>(null);
  protected readonly groupList = signal<NotificationListDto | null>(null);
  protected readonly groups = computed(() => this.grouped()?.groups ?? []);
  protected readonly groupItems = computed(() => this.groupList()?.items ?? []);
  protected readonly unread = computed(() => this.grouped()?.unread ?? 0);
  protected readonly moreGroups = computed(() => Math.max(0, (this.grouped()?.total ?? 0) - this.groups().length));
  protected readonly en = computed(() => this.i18n.lang() === 'en');
  /** Said by screen readers when the count changes live. */
  protected readonly announce = signal('');

  constructor() {
    this.load();
    inject(NotificationStream)
      .messages$.pipe(debounceTime(250), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.refresh());
  }

  protected groupKeyOf(g: NotificationGroupDto): string {
    return groupKey(g.planId);
  }

  protected groupTitle(g: NotificationGroupDto): string {
    return g.planTitle ?? (g.planId ? (this.en() ? 'Plan' : 'Kế hoạch') : this.en() ? 'Other notifications' : 'Thông báo khác');
  }

  protected isUnread(n: NotificationDto): boolean {
    return !n.readAt && !n.resolvedAt;
  }

  /** After a live change: the count, and the open group's list. */
  private refresh(): void {
    const before = this.unread();
    this.load(() => {
      const now = this.unread();
      if (now > before) this.announce.set(this.en() ? `${now} unread notifications` : `${now} thông báo chưa đọc`);
    });
    const g = this.group();
    if (this.open() && g) this.loadGroup(g);
  }

  private load(then?: () => void): void {
    this.http.get<NotificationGroupListDto>(`${this.base}/notifications/groups`, { params: new HttpParams().set('limit', 20) }).subscribe({
      next: (l) => {
        this.grouped.set(l);
        const g = this.group();
        if (g) this.group.set(l.groups.find((x) => x.planId === g.planId) ?? g);
        then?.();
      },
      error: () => this.grouped.set(null),
    });
  }

  private loadGroup(g: NotificationGroupDto): void {
    const params = new HttpParams().set('planId', groupKey(g.planId)).set('limit', 100);
    this.http.get<NotificationListDto>(`${this.base}/notifications`, { params }).subscribe({ next: (l) => this.groupList.set(l), error: () => this.groupList.set(null) });
  }

  protected toggle(): void {
    this.open.update((o) => !o);
    if (this.open()) {
      this.load();
      const g = this.group();
      if (g) this.loadGroup(g);
    }
  }

  protected openGroup(g: NotificationGroupDto): void {
    this.group.set(g);
    this.groupList.set(null);
    this.loadGroup(g);
  }

  protected back(): void {
    this.group.set(null);
    this.groupList.set(null);
  }

  protected readAll(): void {
    const now = new Date().toISOString();
    const g = this.group();
    if (g) {
      this.groupList.update((l) => (l ? { ...l, items: l.items.map((x) => ({ ...x, readAt: x.readAt ?? now })) } : l));
      this.grouped.update((l) =>
        l ? { ...l, unread: Math.max(0, l.unread - g.unread), groups: l.groups.map((x) => (x.planId === g.planId ? { ...x, unread: 0 } : x)) } : l,
      );
      this.group.set({ ...g, unread: 0 });
      const params = new HttpParams().set('planId', groupKey(g.planId));
      this.http.post<{ read: number }>(`${this.base}/notifications/read-all`, {}, { params }).subscribe({ error: () => this.load() });
      return;
    }
    this.grouped.update((l) => (l ? { ...l, unread: 0, groups: l.groups.map((x) => ({ ...x, unread: 0 })) } : l));
    this.api.markAllNotificationsRead().subscribe({ error: () => this.load() });
  }

  protected read(n: NotificationDto): void {
    this.open.set(false);
    if (this.isUnread(n)) {
      const now = new Date().toISOString();
      this.groupList.update((l) => (l ? { ...l, unread: Math.max(0, l.unread - 1), items: l.items.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)) } : l));
      this.grouped.update((l) =>
        l
          ? { ...l, unread: Math.max(0, l.unread - 1), groups: l.groups.map((x) => (x.planId === n.planId ? { ...x, unread: Math.max(0, x.unread - 1) } : x)) }
          : l,
      );
      this.api.markNotificationRead(n.id).subscribe({ error: () => undefined });
    }
    if (n.planId) void this.router.navigate(n.assignmentId ? ['/ke-hoach', n.planId, 'giao-viec', n.assignmentId] : ['/ke-hoach', n.planId]);
  }
}
