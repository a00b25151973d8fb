import { ChangeDetectionStrategy, Component, DestroyRef, InjectionToken, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { AssignmentWorkDto, BilingualMessage, EvidenceDto, TimelineEntryDto } from '@dieu-hanh/shared/contracts';
import { DmyPipe, I18nService } from '@dieu-hanh/web/shared/i18n';
import { type Observable, auditTime } from 'rxjs';
import { ExecutionApi, executionProblem } from '../data-access';
import { LastWorkLists } from '../my-work/last-work-lists';
import { WorkTextPipe, useWorkText } from '../my-work/work-text';
import { OfflineQueue, type QueuedUpdate } from '../offline';
import { ExtensionForm } from './extension-form';
import { ObstacleForm } from './obstacle-form';
import { ProgressForm } from './progress-form';
import { formatDmyTime } from '../dmy-time';

export { formatDmyTime } from '../dmy-time';

/**
 * Changes the page should follow live (a verification, a directive, an answer): any emission reloads the
 * assignment. The work routes give it the notification stream's messages; null (a component test) leaves
 * the refresh every WORK_REFRESH_MS alone.
 */
export const WORK_LIVE_CHANGES = new InjectionToken<Observable<unknown> | null>('WORK_LIVE_CHANGES', { providedIn: 'root', factory: () => null });
export const WORK_REFRESH_MS = new InjectionToken<number>('WORK_REFRESH_MS', { providedIn: 'root', factory: () => 15_000 });

/**
 * One assignment's work page (/cong-viec/:assignmentId): the task, plan, due date (and the original one
 * when extended), status, verifier, directives, obstacles, extensions, evidence (downloaded through the
 * authenticated client), the timeline, updates still waiting on the phone, and the forms the API allows
 * (`allowedActions`): progress with evidence, obstacle with proposal, extension request.
 */
@Component({
  selector: 'dh-assignment-work',
  imports: [RouterLink, DmyPipe, WorkTextPipe, ProgressForm, ObstacleForm, ExtensionForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './assignment-work.css',
  template: `
    <a class="dh-back" routerLink="/cong-viec" [queryParams]="listParams()" data-testid="work-back">{{ 'work.back' | wt }}</a>
    @if (missing(); as m) {
      <p role="alert" data-testid="work-missing">{{ m | wt }}</p>
    } @else if (w(); as w) {
      <p class="dh-plan" data-testid="work-plan">{{ w.planSymbol }} — {{ w.planTitle }} · {{ 'my.taskN' | wt: { n: w.taskOrdinal } }}</p>
      <h1 class="dh-page-title">{{ 'work.task' | wt }}</h1>
      <p class="dh-task" data-testid="work-task">{{ w.taskContent }}</p>

      @if (!queue.online()) { <p class="dh-offline" role="status" data-testid="work-offline">{{ 'my.offline' | wt }}</p> }
      @if (asOf(); as at) { <p class="dh-as-of" data-testid="work-as-of">{{ 'work.asOf' | wt: { at: time(dateOf(at)) } }}</p> }
      @if (conflictNotice()) { <p class="dh-alert" role="alert" data-testid="work-conflict">{{ 'form.conflict' | wt }}</p> }
      @if (queueNotice(); as n) { <p class="dh-notice" role="status" data-testid="work-queue-notice">{{ n }}</p> }

      @if (w.verification === 'returned' && w.returnReason) {
        <div class="dh-returned" role="note" data-testid="work-returned"><strong>{{ 'work.returnReason' | wt }}:</strong> {{ w.returnReason }}</div>
      }
      @for (o of directives(); track o.id) {
        <div class="dh-directive" data-testid="work-directive">
          <p><strong>{{ 'work.directives' | wt }}</strong> @if (o.directedAt) { <span class="dh-muted">({{ o.directedAt | dmy }}@if (o.directedBy) {, {{ o.directedBy }} })</span> }</p>
          <p>{{ o.directive }}</p>
        </div>
      }

      <section class="dh-panel" aria-labelledby="dh-facts-h">
        <h2 id="dh-facts-h" class="dh-visually-hidden">{{ 'work.status' | wt }}</h2>
        <dl class="dh-facts">
          <dt>{{ 'work.unit' | wt }}</dt><dd data-testid="work-unit">{{ w.unitName }} · {{ 'role.' + w.role | wt }}</dd>
          <dt>{{ 'work.due' | wt }}</dt>
          <dd data-testid="work-due">
            @if (w.due) { {{ w.due | dmy }} } @else { {{ 'item.noDue' | wt }} }
            @if (w.urgency === 'overdue') { <span class="dh-chip dh-overdue" data-testid="work-overdue">{{ 'item.overdue' | wt: { days: w.days ?? 0 } }}</span> }
            @else if (w.urgency === 'due-soon') { <span class="dh-chip dh-soon">{{ 'item.dueSoon' | wt: { days: w.days ?? 0 } }}</span> }
          </dd>
          @if (w.originalDue) { <dt>{{ 'work.originalDue' | wt }}</dt><dd data-testid="work-original-due">{{ w.originalDue | dmy }}</dd> }
          <dt>{{ 'work.status' | wt }}</dt>
          <dd data-testid="work-status"><span class="dh-chip dh-status-{{ w.status }}">{{ 'status.' + w.status | wt }}</span> {{ w.percent }}%<span class="dh-pbar" aria-hidden="true"><span [style.width.%]="w.percent"></span></span></dd>
          <dt>{{ 'work.verification' | wt }}</dt>
          <dd data-testid="work-verification"><span class="dh-chip dh-ver-{{ w.verification }}">{{ 'verification.' + w.verification | wt }}</span></dd>
          <dt>{{ 'work.verifier' | wt }}</dt>
          <dd data-testid="work-verifier">{{ 'work.verifier.' + w.verifier.kind | wt }}@if (w.verifier.unitNames.length) {: {{ w.verifier.unitNames.join(', ') }} }</dd>
          @if (w.directingLeader) { <dt>{{ 'work.directingLeader' | wt }}</dt><dd>{{ w.directingLeader }}</dd> }
          @if (w.note) { <dt>{{ 'work.note' | wt }}</dt><dd data-testid="work-note">{{ w.note }}</dd> }
          @if (w.result) { <dt>{{ 'work.result' | wt }}</dt><dd data-testid="work-result">{{ w.result }}</dd> }
          @if (w.updatedAt) { <dt>{{ 'work.updatedAt' | wt }}</dt><dd>{{ w.updatedAt | dmy }}</dd> }
        </dl>
      </section>

      @if (pending().length) {
        <section class="dh-panel dh-pending" aria-labelledby="dh-pending-h" data-testid="work-pending">
          <h2 id="dh-pending-h">{{ 'queue.title' | wt }}</h2>
          <ul class="dh-list">
            @for (u of pending(); track u.key) {
              <li data-testid="work-pending-item" [attr.data-state]="u.state">
                <span class="dh-chip" [class.dh-queued]="u.state !== 'attention'" [class.dh-attention]="u.state === 'attention'" data-testid="work-pending-state">{{ 'queue.' + u.state | wt }}</span>
                <span>{{ 'status.' + u.request.status | wt }} · {{ u.request.percent }}%</span>
                @if (u.files.length) { <span class="dh-muted"> · {{ 'queue.files' | wt: { count: u.files.length } }}</span> }
                <p class="dh-muted">{{ time(u.createdAt) }}</p>
                @if (u.state === 'attention') {
                  <p class="dh-alert">{{ u.problem?.status === 409 ? ('queue.conflict' | wt) : say(u.problem?.message) }}</p>
                  <div class="dh-actions">
                    <button type="button" class="dh-button" (click)="retry(u)" data-testid="work-pending-retry">{{ 'queue.retry' | wt }}</button>
                    <button type="button" class="dh-button dh-danger" (click)="discard(u)" data-testid="work-pending-discard">{{ 'queue.discard' | wt }}</button>
                  </div>
                } @else {
                  <p class="dh-muted">{{ 'queue.hint' | wt }}</p>
                  @if (queue.online() && u.state === 'waiting') {
                    <div class="dh-actions"><button type="button" class="dh-button dh-secondary" (click)="flush()" data-testid="work-pending-send">{{ 'queue.sendNow' | wt }}</button></div>
                  }
                }
              </li>
            }
          </ul>
        </section>
      }

      @if (may('update-progress')) {
        <section class="dh-panel" aria-labelledby="dh-update-h">
          <h2 id="dh-update-h">{{ 'form.update' | wt }}</h2>
          <dh-progress-form [work]="w" (updated)="replace($event)" (queued)="onQueued()" (conflict)="onConflict($event)" />
        </section>
      }
      @if (may('raise-obstacle')) {
        <details class="dh-panel" data-testid="work-obstacle-panel">
          <summary>{{ 'form.obstacle' | wt }}</summary>
          <dh-obstacle-form [assignmentId]="w.assignmentId" (updated)="replace($event)" />
        </details>
      }
      @if (may('request-extension')) {
        <details class="dh-panel" data-testid="work-extension-panel">
          <summary>{{ 'form.extension' | wt }}</summary>
          <dh-extension-form [assignmentId]="w.assignmentId" (updated)="replace($event)" />
        </details>
      }

      <section class="dh-panel" aria-labelledby="dh-evidence-h" data-testid="work-evidence">
        <h2 id="dh-evidence-h">{{ 'work.evidence' | wt }}</h2>
        @if (downloadError(); as e) { <p class="dh-alert" role="alert">{{ e }}</p> }
        <ul class="dh-list">
          @for (e of w.evidence; track e.id) {
            <li class="dh-ev" data-testid="work-evidence-item">
              <button type="button" class="dh-link" (click)="download(e)" [attr.aria-label]="'work.evidence.download' | wt: { name: e.fileName }" data-testid="work-evidence-download">{{ e.fileName }}</button>
              <span class="dh-muted">{{ size(e.size) }} · {{ e.uploadedAt | dmy }}</span>
            </li>
          } @empty {
            <li class="dh-muted">{{ 'work.evidence.none' | wt }}</li>
          }
        </ul>
      </section>

      @if (w.obstacles.length) {
        <section class="dh-panel" aria-labelledby="dh-obstacles-h" data-testid="work-obstacles">
          <h2 id="dh-obstacles-h">{{ 'work.obstacles' | wt }}</h2>
          <ul class="dh-list">
            @for (o of w.obstacles; track o.id) {
              <li data-testid="work-obstacle">
                <span class="dh-chip">{{ 'work.obstacle.status.' + o.status | wt }}</span> <span class="dh-muted">{{ 'work.obstacle.raised' | wt: { date: (o.raisedAt | dmy) } }}</span>
                <p>{{ o.description }}</p>
                @if (o.proposal) { <p><strong>{{ 'work.obstacle.proposal' | wt }}:</strong> {{ o.proposal }}</p> }
                @if (o.answer) { <p><strong>{{ 'work.obstacle.answer' | wt }}:</strong> {{ o.answer }}</p> }
                @if (o.directive) { <p><strong>{{ 'work.directives' | wt }}:</strong> {{ o.directive }}</p> }
              </li>
            }
          </ul>
        </section>
      }

      @if (w.extensions.length) {
        <section class="dh-panel" aria-labelledby="dh-ext-h" data-testid="work-extensions">
          <h2 id="dh-ext-h">{{ 'work.extensions' | wt }}</h2>
          <ul class="dh-list">
            @for (x of w.extensions; track x.id) {
              <li data-testid="work-extension">
                <span class="dh-chip">{{ 'work.extension.status.' + x.status | wt }}</span>
                {{ 'work.extension.line' | wt: { from: x.currentDue ? (x.currentDue | dmy) : '—', to: (x.requestedDue | dmy) } }}
                <p>{{ x.reason }}</p>
                @if (x.decisionNote) { <p class="dh-muted">{{ x.decisionNote }}</p> }
              </li>
            }
          </ul>
        </section>
      }

      <section class="dh-panel" aria-labelledby="dh-timeline-h" data-testid="work-timeline">
        <h2 id="dh-timeline-h">{{ 'work.timeline' | wt }}</h2>
        @if (timelineFailed()) {
          <p class="dh-muted">{{ 'work.timeline.failed' | wt }}</p>
        } @else {
          <ol class="dh-timeline">
            @for (e of timeline(); track $index) {
              <li data-testid="work-timeline-entry">
                <time [attr.datetime]="e.at">{{ time(e.at) }}</time>
                {{ e.summary }} @if (e.actor) { <span class="dh-muted">— {{ e.actor }}</span> }
                @for (ev of e.evidence; track ev.id) {
                  <div><button type="button" class="dh-link" (click)="download(ev)" [attr.aria-label]="'work.evidence.download' | wt: { name: ev.fileName }">{{ ev.fileName }}</button></div>
                }
              </li>
            } @empty {
              <li class="dh-muted">{{ 'work.timeline.none' | wt }}</li>
            }
          </ol>
        }
      </section>
    } @else {
      <p role="status">{{ 'work.loading' | wt }}</p>
    }
  `,
})
export class AssignmentWork {
  private readonly api = inject(ExecutionApi);
  private readonly i18n = inject(I18nService);
  private readonly t = useWorkText();
  protected readonly queue = inject(OfflineQueue);
  private readonly kept = inject(LastWorkLists);
  /** Back to the list with the filters it had. */
  protected readonly listParams = this.kept.queryParams;
  /** Set when the page shows the state kept on the phone (no connection): when it was fetched. */
  protected readonly asOf = signal<number | null>(null);
  /** From the route (component input binding). */
  readonly assignmentId = input.required<string>();

  protected readonly w = signal<AssignmentWorkDto | null>(null);
  protected readonly missing = signal<'my.offline' | 'work.notKept' | 'work.notFound' | null>(null);
  protected readonly timeline = signal<TimelineEntryDto[]>([]);
  protected readonly timelineFailed = signal(false);
  protected readonly conflictNotice = signal(false);
  protected readonly queueNotice = signal<string | null>(null);
  protected readonly downloadError = signal<string | null>(null);
  protected readonly pending = computed(() => this.queue.items().filter((u) => u.assignmentId === this.assignmentId()));
  protected readonly directives = computed(() => (this.w()?.obstacles ?? []).filter((o) => !!o.directive));

  constructor() {
    effect(() => {
      const id = this.assignmentId();
      untracked(() => this.load(id));
    });
    // Every state from the API is kept on the phone, for a start without a connection.
    effect(() => {
      const w = this.w();
      if (w && this.asOf() === null) untracked(() => this.kept.setWork(w));
    });
    // Follow what others do (the verifier verifies, a leader gives a directive): at once when the live
    // stream says something changed for the unit, and a quiet refresh every WORK_REFRESH_MS as a floor
    // (the stream may be down, or a change may concern no notification) while visible and online.
    inject(WORK_LIVE_CHANGES)?.pipe(auditTime(300), takeUntilDestroyed()).subscribe(() => this.refresh());
    const timer = setInterval(() => this.refresh(), inject(WORK_REFRESH_MS));
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    if (typeof document !== 'undefined') {
      const visible = () => document.visibilityState === 'visible' && this.refresh();
      document.addEventListener('visibilitychange', visible);
      inject(DestroyRef).onDestroy(() => document.removeEventListener('visibilitychange', visible));
    }
    this.queue.sent.pipe(takeUntilDestroyed()).subscribe(({ update, result }) => {
      if (update.assignmentId !== this.assignmentId()) return;
      this.replace(result);
      this.queueNotice.set(this.t('queue.sent'));
    });
  }

  protected may(action: AssignmentWorkDto['allowedActions'][number]): boolean {
    return this.w()?.allowedActions.includes(action) ?? false;
  }

  /** A write answered the new state; the timeline follows. */
  protected replace(w: AssignmentWorkDto): void {
    this.conflictNotice.set(false);
    this.asOf.set(null);
    if (Array.isArray(w?.allowedActions)) this.w.set(w);
    else this.load(this.assignmentId());
    this.loadTimeline(this.assignmentId());
  }

  protected onQueued(): void {
    this.queueNotice.set(null);
  }

  /** 409: show the current state (sent with the problem, or reloaded) and say so. */
  protected onConflict(current: AssignmentWorkDto | null): void {
    if (current && Array.isArray(current.allowedActions)) this.w.set(current);
    else this.load(this.assignmentId());
    this.loadTimeline(this.assignmentId());
    this.conflictNotice.set(true);
  }

  protected retry(u: QueuedUpdate): void {
    void this.queue.retry(u.key, this.w()?.version);
  }

  protected discard(u: QueuedUpdate): void {
    void this.queue.discard(u.key);
  }

  protected flush(): void {
    void this.queue.flush();
  }

  /** The file through the authenticated client (the API wants the bearer token), saved under its name. */
  protected download(e: EvidenceDto): void {
    this.downloadError.set(null);
    this.api.evidenceContent(e.id).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = e.fileName;
        a.rel = 'noopener';
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 30_000);
      },
      error: (err) => this.downloadError.set(this.t('work.evidence.failed', { detail: this.say(executionProblem(err).message) })),
    });
  }

  protected time(iso: string): string {
    return formatDmyTime(iso);
  }

  protected dateOf(ms: number): string {
    return new Date(ms).toISOString();
  }


  protected size(bytes: number): string {
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }

  protected say(m: BilingualMessage | null | undefined): string {
    if (!m) return '';
    return this.i18n.lang() === 'en' ? m.en : m.vi;
  }

  /** Reloads quietly; the timeline only when the assignment changed. */
  private refresh(): void {
    const current = this.w();
    if (!current || (typeof navigator !== 'undefined' && !navigator.onLine)) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    this.api.assignmentWork(current.assignmentId).subscribe({
      next: (w) => {
        if (w.assignmentId !== this.w()?.assignmentId) return;
        const changed = w.version !== current.version || w.verification !== current.verification || JSON.stringify(w.obstacles) !== JSON.stringify(current.obstacles) || JSON.stringify(w.extensions) !== JSON.stringify(current.extensions);
        if (!changed && this.asOf() === null) return;
        this.asOf.set(null);
        this.w.set(w);
        this.loadTimeline(w.assignmentId);
      },
      error: () => undefined,
    });
  }

  private load(id: string): void {
    this.api.assignmentWork(id).subscribe({
      next: (w) => {
        this.missing.set(null);
        this.asOf.set(null);
        this.w.set(w);
      },
      error: (e) => {
        if (this.w()) return;
        const p = executionProblem(e);
        if (p.status !== 0) return this.missing.set('work.notFound');
        // No connection: the state last fetched (this session or an earlier one), with its time.
        void this.kept.getWork(id).then((kept) => {
          if (this.w() || this.assignmentId() !== id) return;
          if (!kept) return this.missing.set('work.notKept');
          this.queue.online.set(false);
          this.asOf.set(kept.savedAt);
          this.w.set(kept.work);
        });
      },
    });
    this.loadTimeline(id);
  }

  private loadTimeline(id: string): void {
    this.api.timeline(id).subscribe({
      next: (t) => {
        this.timelineFailed.set(false);
        this.timeline.set(t);
      },
      error: () => this.timelineFailed.set(true),
    });
  }
}
