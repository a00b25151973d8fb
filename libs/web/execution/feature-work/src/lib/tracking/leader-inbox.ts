import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LeaderInboxDto } from '@dieu-hanh/shared/contracts';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';
import { DmyPipe, I18nService } from '@dieu-hanh/web/shared/i18n';
import type { Observable } from 'rxjs';
import { ExecutionApi, executionProblem } from '../data-access';
import { TrackingTextPipe, useTrackingText } from './tracking.messages';

type Escalation = LeaderInboxDto['escalations'][number];
type Extension = LeaderInboxDto['extensions'][number];
type Kind = '' | 'escalations' | 'extensions';
const PAGE = 20;

/**
 * The leader's inbox in the city shell: obstacles escalated for a directive (ý kiến chỉ đạo, which the
 * API sends to every unit concerned) and extension requests to approve or reject with a note. Searched
 * without diacritics and paged in the browser (the inbox is the leader's own, short list).
 */
@Component({
  selector: 'dh-leader-inbox',
  imports: [RouterLink, DmyPipe, TrackingTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './tracking.css',
  template: `
    <h1 class="dh-page-title">{{ 'inbox.title' | tt }}</h1>
    <p class="dh-intro">{{ 'inbox.intro' | tt }}</p>
    <div class="dh-filters" role="search">
      <label class="dh-q">{{ 'filter.q' | tt }}
        <input type="search" [value]="q()" (input)="q.set($any($event.target).value); page.set(0)" [placeholder]="'filter.qHint' | tt" data-testid="inbox-q" />
      </label>
      <label>{{ 'inbox.kind' | tt }}
        <select (change)="kind.set($any($event.target).value); page.set(0)" data-testid="inbox-kind">
          <option value="">{{ 'inbox.kind.all' | tt }}</option>
          <option value="escalations">{{ 'inbox.kind.escalations' | tt }}</option>
          <option value="extensions">{{ 'inbox.kind.extensions' | tt }}</option>
        </select>
      </label>
    </div>
    @if (notice(); as n) { <p role="status" class="dh-notice" data-testid="inbox-notice">{{ n }}</p> }
    @if (error(); as e) { <p role="alert" class="dh-alert" data-testid="inbox-error">{{ e }}</p> }
    @if (inbox(); as box) {
      @if (kind() !== 'extensions') {
        <h2 class="dh-h2">{{ 'inbox.escalations' | tt: { count: escalations().length } }}</h2>
        <ul class="dh-items" data-testid="inbox-escalations">
          @for (o of pageOf(escalations()); track o.id) {
            <li data-testid="inbox-escalation">
              <p class="dh-task-line"><strong>{{ o.unitName }}</strong> · <span class="dh-muted">{{ o.planTitle }}</span></p>
              <p class="dh-task-line dh-clamp">{{ o.taskContent }}</p>
              <dl class="dh-facts">
                <dt>{{ 'inbox.obstacle' | tt }}</dt><dd>{{ o.description }}</dd>
                @if (o.proposal) { <dt>{{ 'inbox.proposal' | tt }}</dt><dd>{{ o.proposal }}</dd> }
                @if (o.answer) { <dt>{{ 'inbox.answer' | tt }}</dt><dd>{{ o.answer }}</dd> }
              </dl>
              <p class="dh-total">@if (o.escalatedAt) { {{ 'inbox.escalatedAt' | tt: { date: (o.escalatedAt | dmy) } }} · }<a [routerLink]="['/cong-viec', o.assignmentId]">{{ 'inbox.openAssignment' | tt }}</a></p>
              <form class="dh-form" (submit)="$event.preventDefault(); direct(o)">
                <label>{{ 'inbox.directive' | tt }}
                  <textarea maxlength="4000" [value]="draft(o.id)" (input)="setDraft(o.id, $any($event.target).value)" data-testid="inbox-directive"></textarea>
                </label>
                @if (missing() === o.id) { <p role="alert" class="dh-alert">{{ 'inbox.directiveRequired' | tt }}</p> }
                <div class="dh-row-actions">
                  <button type="submit" class="dh-button" [disabled]="busy()" data-testid="inbox-directive-send">{{ 'inbox.sendDirective' | tt }}</button>
                </div>
              </form>
            </li>
          } @empty {
            <li class="dh-empty">{{ 'inbox.none' | tt }}</li>
          }
        </ul>
      }
      @if (kind() !== 'escalations') {
        <h2 class="dh-h2">{{ 'inbox.extensions' | tt: { count: extensions().length } }}</h2>
        <ul class="dh-items" data-testid="inbox-extensions">
          @for (x of pageOf(extensions()); track x.id) {
            <li data-testid="inbox-extension">
              <p class="dh-task-line"><strong>{{ x.unitName }}</strong> · <span class="dh-muted">{{ x.planTitle }}</span></p>
              <p class="dh-task-line dh-clamp">{{ x.taskContent }}</p>
              <dl class="dh-facts">
                <dt>{{ 'inbox.currentDue' | tt }}</dt><dd>{{ x.currentDue ? (x.currentDue | dmy) : ('item.noDue' | tt) }}</dd>
                <dt>{{ 'inbox.requestedDue' | tt }}</dt><dd><strong>{{ x.requestedDue | dmy }}</strong></dd>
                <dt>{{ 'inbox.reason' | tt }}</dt><dd>{{ x.reason }}</dd>
              </dl>
              <p class="dh-total">{{ 'inbox.requestedAt' | tt: { date: (x.requestedAt | dmy) } }} · <a [routerLink]="['/cong-viec', x.assignmentId]">{{ 'inbox.openAssignment' | tt }}</a></p>
              <div class="dh-form">
                <label>{{ 'inbox.decisionNote' | tt }}
                  <textarea maxlength="2000" [value]="draft(x.id)" (input)="setDraft(x.id, $any($event.target).value)" data-testid="inbox-note"></textarea>
                </label>
                @if (missing() === x.id) { <p role="alert" class="dh-alert">{{ 'inbox.rejectNote' | tt }}</p> }
                <div class="dh-row-actions">
                  <button type="button" class="dh-button" (click)="decide(x, true)" [disabled]="busy()" data-testid="inbox-approve">{{ 'inbox.approve' | tt }}</button>
                  <button type="button" class="dh-button dh-danger" (click)="decide(x, false)" [disabled]="busy()" data-testid="inbox-reject">{{ 'inbox.reject' | tt }}</button>
                </div>
              </div>
            </li>
          } @empty {
            <li class="dh-empty">{{ 'inbox.none' | tt }}</li>
          }
        </ul>
      }
      @if (pages() > 1) {
        <div class="dh-pager">
          <button type="button" class="dh-button dh-secondary" (click)="page.set(page() - 1)" [disabled]="page() === 0">{{ 'list.prev' | tt }}</button>
          <span>{{ page() + 1 }}/{{ pages() }}</span>
          <button type="button" class="dh-button dh-secondary" (click)="page.set(page() + 1)" [disabled]="page() + 1 >= pages()">{{ 'list.next' | tt }}</button>
        </div>
      }
    } @else if (!error()) {
      <p role="status">{{ 'list.loading' | tt }}</p>
    }
  `,
})
export class LeaderInbox {
  private readonly api = inject(ExecutionApi);
  private readonly i18n = inject(I18nService);
  private readonly t = useTrackingText();

  protected readonly inbox = signal<LeaderInboxDto | null>(null);
  protected readonly q = signal('');
  protected readonly kind = signal<Kind>('');
  protected readonly page = signal(0);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly missing = signal<string | null>(null);
  private readonly drafts = signal<Record<string, string>>({});

  constructor() {
    this.load();
  }

  private load(): void {
    this.api.leaderInbox().subscribe({
      next: (b) => this.inbox.set({ escalations: b.escalations ?? [], extensions: b.extensions ?? [] }),
      error: (e) => this.error.set(this.t('list.failed', { detail: this.say(executionProblem(e).message) })),
    });
  }

  private matches(text: string): boolean {
    const words = foldVietnamese(this.q()).split(' ').filter(Boolean);
    const hay = foldVietnamese(text);
    return words.every((w) => hay.includes(w));
  }

  protected readonly escalations = computed(() =>
    (this.inbox()?.escalations ?? []).filter((o) => this.matches(`${o.unitName} ${o.planTitle} ${o.taskContent} ${o.description} ${o.proposal ?? ''} ${o.answer ?? ''}`)),
  );
  protected readonly extensions = computed(() => (this.inbox()?.extensions ?? []).filter((x) => this.matches(`${x.unitName} ${x.planTitle} ${x.taskContent} ${x.reason}`)));
  protected readonly pages = computed(() => {
    const n = Math.max(this.kind() !== 'extensions' ? this.escalations().length : 0, this.kind() !== 'escalations' ? this.extensions().length : 0);
    return Math.ceil(n / PAGE);
  });

  protected pageOf<T>(items: T[]): T[] {
    return items.slice(this.page() * PAGE, (this.page() + 1) * PAGE);
  }

  protected draft(id: string): string {
    return this.drafts()[id] ?? '';
  }
  protected setDraft(id: string, text: string): void {
    this.drafts.update((d) => ({ ...d, [id]: text }));
  }

  protected direct(o: Escalation): void {
    const directive = this.draft(o.id).trim();
    if (!directive) {
      this.missing.set(o.id);
      return;
    }
    this.run(o.id, this.api.directive(o.id, { directive }), this.t('inbox.directed'));
  }

  protected decide(x: Extension, approve: boolean): void {
    const note = this.draft(x.id).trim();
    if (!approve && !note) {
      this.missing.set(x.id);
      return;
    }
    this.run(x.id, this.api.decideExtension(x.id, { approve, note: note || null }), this.t(approve ? 'inbox.approved' : 'inbox.rejected'));
  }

  private run(id: string, call: Observable<unknown>, done: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.missing.set(null);
    this.notice.set(null);
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.drafts.update((d) => ({ ...d, [id]: '' }));
        this.notice.set(done);
        this.load();
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(this.t('action.failed', { detail: this.say(executionProblem(e).message) }));
        this.load();
      },
    });
  }

  private say(m: { vi: string; en: string }): string {
    return this.i18n.lang() === 'en' ? m.en : m.vi;
  }
}
