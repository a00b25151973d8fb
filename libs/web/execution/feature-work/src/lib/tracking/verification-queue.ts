import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { AssignmentWorkDto, PlanSummaryDto, WorkItemDto, WorkListDto, WorkStatus } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, I18nService } from '@dieu-hanh/web/shared/i18n';
import { catchError, debounceTime, map, of, startWith, switchMap } from 'rxjs';
import { ExecutionApi, executionProblem } from '../data-access';
import { TrackingTextPipe, useTrackingText } from './tracking.messages';
import { WorkRow } from './work-row';

const PAGE = 25;
const EMPTY_LIST: WorkListDto = { items: [], total: 0, counts: { overdue: 0, dueSoon: 0, done: 0, pendingVerification: 0, open: 0 } };

/**
 * The verification queue (hàng chờ thẩm định): results reported done or unable that the caller's unit
 * verifies (the API decides which: a task's lead unit for its coordinators, the focal unit or the
 * committee for lead units). Each is verified or returned with a reason, inline; a stale version (someone
 * updated meanwhile) reloads the list and says so.
 */
@Component({
  selector: 'dh-verification-queue',
  imports: [RouterLink, DmyPipe, TrackingTextPipe, WorkRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './tracking.css',
  template: `
    <h1 class="dh-page-title">{{ 'queue.title' | tt }}</h1>
    <p class="dh-intro">{{ 'queue.intro' | tt }}</p>
    <div class="dh-filters" role="search">
      <label class="dh-q">{{ 'filter.q' | tt }}
        <input type="search" [value]="q()" (input)="set(q, $any($event.target).value)" [placeholder]="'filter.qHint' | tt" data-testid="queue-q" />
      </label>
      @if (plans()?.length) {
        <label class="dh-plan">{{ 'board.plan' | tt }}
          <select (change)="set(planId, $any($event.target).value)" data-testid="queue-plan">
            <option value="">{{ 'filter.all' | tt }}</option>
            @for (p of plans(); track p.id) { <option [value]="p.id">{{ p.number ? p.number + '/' + p.symbol + ' — ' : '' }}{{ p.title }}</option> }
          </select>
        </label>
      }
      <label>{{ 'filter.status' | tt }}
        <select (change)="set(status, $any($event.target).value)" data-testid="queue-status">
          <option value="">{{ 'filter.all' | tt }}</option>
          <option value="done">{{ 'status.done' | tt }}</option>
          <option value="unable">{{ 'status.unable' | tt }}</option>
        </select>
      </label>
    </div>
    @if (notice(); as n) { <p role="status" class="dh-notice" data-testid="queue-notice">{{ n }}</p> }
    @if (error(); as e) { <p role="alert" class="dh-alert" data-testid="queue-error">{{ e }}</p> }
    @if (queue(); as res) {
      @if (res.failed) {
        <p role="alert" class="dh-alert">{{ res.failed }}</p>
      } @else {
        @if (res.list.total) {
          <p class="dh-total" aria-live="polite" data-testid="queue-total">{{ 'list.total' | tt: { from: offset() + 1, to: offset() + res.list.items.length, total: res.list.total } }}</p>
        }
        <ul class="dh-items" data-testid="queue-items">
          @for (w of res.list.items; track w.assignmentId) {
            <li data-testid="queue-item" [attr.data-assignment-id]="w.assignmentId">
              <dh-work-row [item]="w">
                <div class="dh-row-actions">
                  <button type="button" class="dh-button" (click)="verify(w)" [disabled]="busy()" data-testid="queue-verify">{{ 'queue.verify' | tt }}</button>
                  <button type="button" class="dh-button dh-danger" (click)="startReturn(w)" [disabled]="busy()" data-testid="queue-return">{{ 'queue.return' | tt }}</button>
                  <button type="button" class="dh-link" (click)="toggleDetails(w)" [attr.aria-expanded]="details()?.assignmentId === w.assignmentId" data-testid="queue-details">{{ 'queue.details' | tt }}</button>
                </div>
              </dh-work-row>
              @if (details(); as d) {
                @if (d.assignmentId === w.assignmentId) {
                  <dl class="dh-facts" data-testid="queue-detail">
                    @if (d.note) { <dt>{{ 'queue.noteLabel' | tt }}</dt><dd>{{ d.note }}</dd> }
                    @if (d.result) { <dt>{{ 'queue.result' | tt }}</dt><dd>{{ d.result }}</dd> }
                    @if (d.evidence.length) {
                      <dt>{{ 'queue.evidence' | tt }}</dt>
                      <dd>@for (e of d.evidence; track e.id) { <span class="dh-chip">{{ e.fileName }} ({{ e.uploadedAt | dmy }})</span> }</dd>
                    }
                  </dl>
                  <a [routerLink]="['/cong-viec', w.assignmentId]">{{ 'inbox.openAssignment' | tt }} →</a>
                }
              }
              @if (returning() === w.assignmentId) {
                <form class="dh-confirm" novalidate (submit)="$event.preventDefault(); sendReturn(w)" data-testid="queue-return-form">
                  <label>{{ 'queue.reason' | tt }}
                    <textarea aria-required="true" maxlength="2000" [value]="reason()" (input)="reason.set($any($event.target).value)" data-testid="queue-reason"></textarea>
                  </label>
                  @if (reasonMissing()) { <p role="alert" class="dh-alert">{{ 'queue.reasonRequired' | tt }}</p> }
                  <div class="dh-row-actions">
                    <button type="submit" class="dh-button dh-danger" [disabled]="busy()" data-testid="queue-return-send">{{ 'queue.sendReturn' | tt }}</button>
                    <button type="button" class="dh-button dh-secondary" (click)="returning.set(null)">{{ 'urge.cancel' | tt }}</button>
                  </div>
                </form>
              }
            </li>
          } @empty {
            <li class="dh-empty" data-testid="queue-none">{{ 'queue.none' | tt }}</li>
          }
        </ul>
        @if (res.list.total > pageSize) {
          <div class="dh-pager">
            <button type="button" class="dh-button dh-secondary" (click)="offset.set(offset() - pageSize)" [disabled]="offset() === 0">{{ 'list.prev' | tt }}</button>
            <button type="button" class="dh-button dh-secondary" (click)="offset.set(offset() + pageSize)" [disabled]="offset() + pageSize >= res.list.total" data-testid="queue-next">{{ 'list.next' | tt }}</button>
          </div>
        }
      }
    } @else {
      <p role="status">{{ 'list.loading' | tt }}</p>
    }
  `,
})
export class VerificationQueue {
  private readonly api = inject(ExecutionApi);
  private readonly i18n = inject(I18nService);
  private readonly t = useTrackingText();
  protected readonly pageSize = PAGE;

  protected readonly plans = toSignal(
    inject(ApiClient)
      .plans({ status: 'issued' })
      .pipe(
        map((r) => r.items),
        catchError(() => of([] as PlanSummaryDto[])),
      ),
  );
  protected readonly q = signal('');
  protected readonly planId = signal('');
  protected readonly status = signal<WorkStatus | ''>('');
  protected readonly offset = signal(0);
  private readonly reload = signal(0);

  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly returning = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly reasonMissing = signal(false);
  protected readonly details = signal<AssignmentWorkDto | null>(null);

  private readonly query = computed(() => ({ q: this.q().trim(), planId: this.planId(), status: this.status(), limit: PAGE, offset: this.offset(), reload: this.reload() }));
  protected readonly queue = toSignal(
    toObservable(this.query).pipe(
      debounceTime(150),
      switchMap(({ reload: _, ...query }) =>
        this.api.verificationQueue(query).pipe(
          map((list) => ({ list, failed: null as string | null })),
          catchError((e) => of({ list: EMPTY_LIST, failed: this.t('list.failed', { detail: this.say(executionProblem(e).message) }) })),
          startWith(undefined),
        ),
      ),
    ),
  );

  protected set<T>(s: { set(v: T): void }, v: T): void {
    s.set(v);
    this.offset.set(0);
  }

  protected verify(w: WorkItemDto): void {
    this.run(this.api.verify(w.assignmentId, { version: w.version }), this.t('queue.verified', { unit: w.unitName }));
  }

  protected startReturn(w: WorkItemDto): void {
    this.returning.set(w.assignmentId);
    this.reason.set('');
    this.reasonMissing.set(false);
  }

  protected sendReturn(w: WorkItemDto): void {
    const reason = this.reason().trim();
    if (!reason) {
      this.reasonMissing.set(true);
      return;
    }
    this.run(this.api.returnWork(w.assignmentId, { version: w.version, reason }), this.t('queue.returned', { unit: w.unitName }));
  }

  protected toggleDetails(w: WorkItemDto): void {
    if (this.details()?.assignmentId === w.assignmentId) {
      this.details.set(null);
      return;
    }
    this.api.assignmentWork(w.assignmentId).subscribe({
      next: (d) => this.details.set(d),
      error: (e) => this.error.set(this.t('action.failed', { detail: this.say(executionProblem(e).message) })),
    });
  }

  private run(call: ReturnType<ExecutionApi['verify']>, done: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.notice.set(null);
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.returning.set(null);
        this.details.set(null);
        this.notice.set(done);
        this.reload.update((n) => n + 1);
      },
      error: (e) => {
        this.busy.set(false);
        const p = executionProblem(e);
        if (p.status === 409) {
          this.error.set(this.t('action.conflict'));
          this.reload.update((n) => n + 1);
        } else this.error.set(this.t('action.failed', { detail: this.say(p.message) }));
      },
    });
  }

  private say(m: { vi: string; en: string }): string {
    return this.i18n.lang() === 'en' ? m.en : m.vi;
  }
}
