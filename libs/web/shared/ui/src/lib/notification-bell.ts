import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { NotificationDto, NotificationListDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';

/** The bell in the shell header: unread count (GET /notifications), the list, mark read and open on click. */
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
    @if (open()) {
      <section id="dh-notif-panel" class="dh-panel" aria-labelledby="dh-notif-h" data-testid="notification-panel">
        <div class="dh-panel-head">
          <h2 id="dh-notif-h">{{ 'notif.title' | t }}</h2>
          @if (unread()) {
            <button type="button" class="dh-link" (click)="readAll()" data-testid="notification-read-all">{{ 'notif.readAll' | t }}</button>
          }
        </div>
        @if (items().length === 0) {
          <p class="dh-none">{{ 'notif.none' | t }}</p>
        } @else {
          <ul>
            @for (n of items(); track n.id) {
              <li>
                <button type="button" [class.dh-unread]="!n.readAt" (click)="read(n)" data-testid="notification-item">
                  {{ i18n.lang() === 'en' ? n.titleEn : n.titleVi }}
                  <small>{{ n.createdAt | dmy }}</small>
                </button>
              </li>
            }
          </ul>
        }
      </section>
    }
  `,
  styles: `
    :host { position: relative; }
    .dh-panel-head { display: flex; align-items: baseline; justify-content: space-between; gap: .5rem; }
    .dh-link { font: inherit; font-size: .85rem; background: none; border: 0; color: #0b5cad; text-decoration: underline; cursor: pointer; padding: 0; }
    .dh-btn { font: inherit; font-size: .95rem; color: #fff; background: transparent; border: 1px solid transparent; border-radius: 4px; padding: .35rem .6rem; cursor: pointer; }
    .dh-btn:hover { background: rgba(255,255,255,.12); }
    .dh-btn:focus-visible { outline: 2px solid #ffd54f; outline-offset: 2px; }
    .dh-bell { display: inline-flex; align-items: center; gap: .2rem; }
    .dh-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .dh-count { background: #ffd54f; color: #0b3d6b; border-radius: 999px; padding: 0 .4rem; font-size: .75rem; font-weight: 700; margin-left: .2rem; }
    .dh-panel { position: fixed; right: .5rem; top: 3.6rem; width: min(24rem, calc(100vw - 1rem)); max-height: 70vh; overflow: auto; background: #fff; color: var(--dh-ink); border: 1px solid var(--dh-line); border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); z-index: 20; box-sizing: border-box; }
    h2 { font-size: .95rem; margin: 0; padding: .6rem .8rem; border-bottom: 1px solid var(--dh-line); }
    ul { list-style: none; margin: 0; padding: 0; }
    li button { display: block; width: 100%; text-align: left; font: inherit; font-size: .88rem; background: #fff; border: 0; border-bottom: 1px solid var(--dh-line); padding: .55rem .8rem; cursor: pointer; color: var(--dh-ink); }
    li button.dh-unread { font-weight: 600; background: #f1f6fb; }
    small { display: block; color: var(--dh-muted); font-weight: 400; }
    .dh-none { padding: .6rem .8rem; margin: 0; color: var(--dh-muted); font-size: .88rem; }
  `,
})
export class NotificationBell {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly list = signal<NotificationListDto | null>(null);
  protected readonly open = signal(false);
  protected readonly items = computed(() => this.list()?.items ?? []);
  protected readonly unread = computed(() => this.list()?.unread ?? 0);

  constructor() {
    this.load();
  }

  private load(): void {
    this.api.notifications().subscribe({ next: (l) => this.list.set(l), error: () => this.list.set(null) });
  }

  protected toggle(): void {
    this.open.update((o) => !o);
    if (this.open()) this.load();
  }

  protected readAll(): void {
    const now = new Date().toISOString();
    this.list.update((l) => (l ? { unread: 0, items: l.items.map((x) => ({ ...x, readAt: x.readAt ?? now })) } : l));
    this.api.markAllNotificationsRead().subscribe({ error: () => this.load() });
  }

  protected read(n: NotificationDto): void {
    this.open.set(false);
    if (!n.readAt) {
      this.list.update((l) => (l ? { unread: Math.max(0, l.unread - 1), items: l.items.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)) } : l));
      this.api.markNotificationRead(n.id).subscribe({ error: () => undefined });
    }
    if (n.planId) void this.router.navigate(n.assignmentId ? ['/ke-hoach', n.planId, 'giao-viec', n.assignmentId] : ['/ke-hoach', n.planId]);
  }
}
