import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import {
  type PlanDetailDto,
  type PlanProgressDto,
  type PlanSummaryDto,
  type StatusCountsDto,
  type Urgency,
  type Verification,
  WORK_STATUSES,
  type WorkItemDto,
  type WorkListDto,
  type WorkStatus,
} from '@dieu-hanh/shared/contracts';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, I18nService } from '@dieu-hanh/web/shared/i18n';
import { catchError, debounceTime, map, of, startWith, switchMap } from 'rxjs';
import { ExecutionApi, executionProblem } from '../data-access';
import { TrackingTextPipe, useTrackingText } from './tracking.messages';
import { WorkRow } from './work-row';

const PAGE = 25;
const TASK_PAGE = 20;
const URGENCIES: Urgency[] = ['overdue', 'due-soon', 'on-track', 'no-date', 'closed'];
const VERIFICATIONS: Verification[] = ['none', 'pending', 'verified', 'returned'];

/** One task's line of the roll-up, with its content from the plan when known. */
export interface TaskLine {
  taskId: string;
  ordinal: number;
  content: string;
  lead: StatusCountsDto;
  coordinator: StatusCountsDto;
  overdue: number;
}

/** What the confirmation asks before urging: every late unit of a task, or one unit. */
type Urge = { kind: 'task'; taskId: string; ordinal: number; count: number } | { kind: 'one'; assignmentId: string; unitName: string; ordinal: number };

/**
 * The department's (and the city's) tracking board: per plan, the roll-up (lead and coordinating units
 * apart), every task with its counts, every unit by status and deadline (GET /execution/work, scoped by
 * the API to what the caller may see), each assignment opening its page, and urging (đôn đốc) one unit or
 * every late unit of a task in one action, after a confirmation.
 */
@Component({
  selector: 'dh-tracking-board',
  imports: [NgTemplateOutlet, DmyPipe, TrackingTextPipe, WorkRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './tracking.css',
  template: `
    <h1 class="dh-page-title">{{ 'board.title' | tt }}</h1>
    <p class="dh-intro">{{ 'board.intro' | tt }}</p>

    @if (plans(); as list) {
      @if (list.length === 0) {
        <p class="dh-empty" data-testid="board-no-plans">{{ 'board.noPlans' | tt }}</p>
      } @else {
        <div class="dh-filters">
          <label class="dh-plan">{{ 'board.plan' | tt }}
            <select (change)="selectPlan($any($event.target).value)" data-testid="board-plan">
              @for (p of list; track p.id) {
                <option [value]="p.id" [selected]="p.id === planId()">{{ p.number ? p.number + '/' + p.symbol + ' — ' : '' }}{{ p.title }}</option>
              }
            </select>
          </label>
        </div>
      }
    } @else {
      <p role="status">{{ 'list.loading' | tt }}</p>
    }

    @if (notice(); as n) { <p role="status" class="dh-notice" data-testid="board-notice">{{ n }}</p> }
    @if (error(); as e) { <p role="alert" class="dh-alert" data-testid="board-error">{{ e }}</p> }

    @if (progress(); as pr) {
      <section class="dh-rollup" aria-label="{{ 'board.title' | tt }}" data-testid="board-rollup">
        @for (r of [{ role: 'lead', c: pr.lead }, { role: 'coordinator', c: pr.coordinator }]; track r.role) {
          <div class="dh-panel" [attr.data-testid]="'rollup-' + r.role">
            <h3>{{ 'rollup.' + r.role | tt }}</h3>
            @if (r.c.total === 0) {
              <p class="dh-empty">{{ 'rollup.none' | tt }}</p>
            } @else {
              <div class="dh-bar" aria-hidden="true"><span [style.width.%]="r.c.percent"></span></div>
              <p>{{ 'rollup.percent' | tt: { percent: r.c.percent } }} · <span class="dh-late">{{ 'rollup.overdue' | tt: { count: r.c.overdue } }}</span> · {{ 'rollup.pending' | tt: { count: r.c.pendingVerification } }}</p>
              <p class="dh-muted">{{ 'rollup.line' | tt: { total: r.c.total, done: r.c.done, verified: r.c.verified, inProgress: r.c.inProgress, notStarted: r.c.notStarted, unable: r.c.unable } }}</p>
            }
          </div>
        }
      </section>
      <p class="dh-total">{{ 'rollup.asOf' | tt: { date: (pr.asOf | dmy) } }}</p>

      <h2 class="dh-h2">{{ 'board.byTask' | tt }} ({{ tasks().length }})</h2>
      <div class="dh-filters" role="search">
        <label class="dh-q">{{ 'filter.q' | tt }}
          <input type="search" [value]="taskQ()" (input)="taskQ.set($any($event.target).value); taskPage.set(0)" [placeholder]="'filter.qHint' | tt" data-testid="board-task-q" />
        </label>
        <label class="dh-check"><input type="checkbox" [checked]="lateTasksOnly()" (change)="lateTasksOnly.set($any($event.target).checked); taskPage.set(0)" data-testid="board-late-tasks" /> {{ 'urgency.overdue' | tt }}</label>
      </div>
      <ul class="dh-items" data-testid="board-tasks">
        @for (t of taskPageItems(); track t.taskId) {
          <li [class.dh-selected]="t.taskId === taskId()" data-testid="board-task" [attr.data-task-id]="t.taskId">
            <p class="dh-task-line"><strong>{{ 'board.taskN' | tt: { n: t.ordinal } }}</strong> <span class="dh-clamp">{{ t.content }}</span></p>
            <div class="dh-task-counts">
              @if (t.lead.total) { <span>{{ 'board.leadShort' | tt }}: {{ 'board.taskCounts' | tt: { done: t.lead.done, total: t.lead.total, overdue: t.lead.overdue } }}</span> }
              @if (t.coordinator.total) { <span>{{ 'board.coordShort' | tt }}: {{ 'board.taskCounts' | tt: { done: t.coordinator.done, total: t.coordinator.total, overdue: t.coordinator.overdue } }}</span> }
            </div>
            <div class="dh-row-actions">
              <button type="button" class="dh-button dh-secondary" (click)="showTask(t.taskId)" data-testid="board-show-units">{{ 'board.showUnits' | tt }}</button>
              @if (t.overdue > 0) {
                <button type="button" class="dh-button" (click)="askUrge({ kind: 'task', taskId: t.taskId, ordinal: t.ordinal, count: t.overdue })" [disabled]="busy()" data-testid="board-urge-late">
                  {{ 'board.urgeLate' | tt: { count: t.overdue } }}
                </button>
              }
            </div>
            @if (confirmFor(t.taskId); as c) {
              <ng-container *ngTemplateOutlet="confirmBox; context: { $implicit: c }" />
            }
          </li>
        } @empty {
          <li class="dh-empty">{{ 'list.none' | tt }}</li>
        }
      </ul>
      @if (filteredTasks().length > taskPageSize) {
        <div class="dh-pager">
          <button type="button" class="dh-button dh-secondary" (click)="taskPage.set(taskPage() - 1)" [disabled]="taskPage() === 0">{{ 'list.prev' | tt }}</button>
          <span>{{ 'list.total' | tt: { from: taskPage() * taskPageSize + 1, to: min((taskPage() + 1) * taskPageSize, filteredTasks().length), total: filteredTasks().length } }}</span>
          <button type="button" class="dh-button dh-secondary" (click)="taskPage.set(taskPage() + 1)" [disabled]="(taskPage() + 1) * taskPageSize >= filteredTasks().length">{{ 'list.next' | tt }}</button>
        </div>
      }
    }

    @if (planId()) {
      <h2 class="dh-h2" id="dh-units">{{ 'board.units' | tt }}</h2>
      <div class="dh-filters" role="search" data-testid="board-filters">
        <label class="dh-q">{{ 'filter.q' | tt }}
          <input type="search" [value]="q()" (input)="set(q, $any($event.target).value)" [placeholder]="'filter.qHint' | tt" data-testid="board-q" />
        </label>
        <label>{{ 'board.task' | tt }}
          <select (change)="set(taskId, $any($event.target).value)" data-testid="board-task-filter">
            <option value="">{{ 'board.allTasks' | tt }}</option>
            @for (t of tasks(); track t.taskId) { <option [value]="t.taskId" [selected]="t.taskId === taskId()">{{ 'board.taskN' | tt: { n: t.ordinal } }}</option> }
          </select>
        </label>
        <label>{{ 'filter.status' | tt }}
          <select (change)="set(status, $any($event.target).value)" data-testid="board-status">
            <option value="">{{ 'filter.all' | tt }}</option>
            @for (s of statuses; track s) { <option [value]="s" [selected]="s === status()">{{ 'status.' + s | tt }}</option> }
          </select>
        </label>
        <label>{{ 'filter.urgency' | tt }}
          <select (change)="set(urgency, $any($event.target).value)" data-testid="board-urgency">
            <option value="">{{ 'filter.all' | tt }}</option>
            @for (u of urgencies; track u) { <option [value]="u" [selected]="u === urgency()">{{ 'urgency.' + u | tt }}</option> }
          </select>
        </label>
        <label>{{ 'filter.role' | tt }}
          <select (change)="set(role, $any($event.target).value)" data-testid="board-role">
            <option value="">{{ 'filter.all' | tt }}</option>
            <option value="lead" [selected]="role() === 'lead'">{{ 'role.lead' | tt }}</option>
            <option value="coordinator" [selected]="role() === 'coordinator'">{{ 'role.coordinator' | tt }}</option>
          </select>
        </label>
        <label>{{ 'filter.verification' | tt }}
          <select (change)="set(verification, $any($event.target).value)" data-testid="board-verification">
            <option value="">{{ 'filter.all' | tt }}</option>
            @for (v of verifications; track v) { <option [value]="v" [selected]="v === verification()">{{ 'verification.' + v | tt }}</option> }
          </select>
        </label>
        @if (filtered()) { <button type="button" class="dh-link" (click)="clearFilters()" data-testid="board-clear">{{ 'filter.clear' | tt }}</button> }
      </div>
      @if (work(); as res) {
        @if (res.failed) {
          <p role="alert" class="dh-alert">{{ res.failed }}</p>
        } @else {
          <p class="dh-total" aria-live="polite" data-testid="board-total">
            @if (res.list.total) { {{ 'list.total' | tt: { from: offset() + 1, to: offset() + res.list.items.length, total: res.list.total } }} · }
            <span class="dh-late">{{ 'rollup.overdue' | tt: { count: res.list.counts.overdue } }}</span> · {{ 'rollup.pending' | tt: { count: res.list.counts.pendingVerification } }}
          </p>
          <ul class="dh-items" data-testid="board-units">
            @for (w of res.list.items; track w.assignmentId) {
              <li data-testid="board-unit" [attr.data-assignment-id]="w.assignmentId">
                <dh-work-row [item]="w" [showTask]="!taskId()">
                  <div class="dh-row-actions">
                    @if (w.status !== 'done' && w.verification !== 'verified') {
                      <button type="button" class="dh-button dh-secondary" (click)="askUrge({ kind: 'one', assignmentId: w.assignmentId, unitName: w.unitName, ordinal: w.taskOrdinal })" [disabled]="busy()" data-testid="board-urge-one">{{ 'board.urgeOne' | tt }}</button>
                    }
                  </div>
                </dh-work-row>
                @if (confirmFor(w.assignmentId); as c) {
                  <ng-container *ngTemplateOutlet="confirmBox; context: { $implicit: c }" />
                }
              </li>
            } @empty {
              <li class="dh-empty">{{ 'list.none' | tt }}</li>
            }
          </ul>
          @if (res.list.total > pageSize) {
            <div class="dh-pager">
              <button type="button" class="dh-button dh-secondary" (click)="offset.set(offset() - pageSize)" [disabled]="offset() === 0" data-testid="board-prev">{{ 'list.prev' | tt }}</button>
              <button type="button" class="dh-button dh-secondary" (click)="offset.set(offset() + pageSize)" [disabled]="offset() + pageSize >= res.list.total" data-testid="board-next">{{ 'list.next' | tt }}</button>
            </div>
          }
        }
      } @else {
        <p role="status">{{ 'list.loading' | tt }}</p>
      }
    }

    <ng-template #confirmBox let-c>
      <div class="dh-confirm" role="dialog" aria-modal="false" [attr.aria-label]="confirmText(c)" data-testid="urge-confirm">
        <p>{{ confirmText(c) }}</p>
        <label>{{ 'urge.message' | tt }}
          <textarea maxlength="1000" [value]="urgeMessage()" (input)="urgeMessage.set($any($event.target).value)" data-testid="urge-message"></textarea>
        </label>
        <div class="dh-row-actions">
          <button type="button" class="dh-button" (click)="sendUrge()" [disabled]="busy()" data-testid="urge-send">{{ 'urge.send' | tt }}</button>
          <button type="button" class="dh-button dh-secondary" (click)="pending.set(null)" data-testid="urge-cancel">{{ 'urge.cancel' | tt }}</button>
        </div>
      </div>
    </ng-template>
  `,
})
export class TrackingBoard {
  private readonly api = inject(ExecutionApi);
  private readonly plansApi = inject(ApiClient);
  private readonly i18n = inject(I18nService);
  private readonly t = useTrackingText();
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  protected readonly statuses: readonly WorkStatus[] = WORK_STATUSES;
  protected readonly urgencies = URGENCIES;
  protected readonly verifications = VERIFICATIONS;
  protected readonly pageSize = PAGE;
  protected readonly taskPageSize = TASK_PAGE;
  protected readonly min = Math.min;

  /** Issued plans the caller sees (with `?role=focal`, those its unit is focal for). */
  protected readonly plans = toSignal(
    this.plansApi.plans({ status: 'issued', role: (this.query.get('role') as PlanSummaryDto['myRoles'][number] | null) ?? '' }).pipe(
      map((r) => r.items),
      catchError(() => of([] as PlanSummaryDto[])),
    ),
  );
  protected readonly planId = signal<string>(this.query.get('planId') ?? '');
  protected readonly progress = signal<PlanProgressDto | null>(null);
  private readonly detail = signal<PlanDetailDto | null>(null);

  // Filters of the units list (GET /execution/work).
  protected readonly q = signal('');
  protected readonly taskId = signal(this.query.get('taskId') ?? '');
  protected readonly status = signal<WorkStatus | ''>('');
  protected readonly urgency = signal<Urgency | ''>((this.query.get('urgency') as Urgency | null) ?? '');
  protected readonly role = signal<'lead' | 'coordinator' | ''>('');
  protected readonly verification = signal<Verification | ''>('');
  protected readonly offset = signal(0);
  private readonly reload = signal(0);
  protected readonly filtered = computed(() => !!(this.q() || this.taskId() || this.status() || this.urgency() || this.role() || this.verification()));

  // The task list (client side: the roll-up has every task's counts).
  protected readonly taskQ = signal('');
  protected readonly lateTasksOnly = signal(false);
  protected readonly taskPage = signal(0);

  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly pending = signal<Urge | null>(null);
  protected readonly urgeMessage = signal('');

  constructor() {
    // The first plan is the default; a plan named in the address wins.
    effect(() => {
      const list = this.plans();
      if (list?.length && !untracked(this.planId)) this.planId.set(list[0].id);
    });
    effect(() => {
      const id = this.planId();
      if (id) untracked(() => this.loadPlan(id));
    });
  }

  private loadPlan(id: string): void {
    this.progress.set(null);
    this.detail.set(null);
    this.api.planProgress(id).pipe(catchError(() => of(null))).subscribe((p) => this.progress.set(p));
    // Task contents for the task lines (the roll-up carries ordinals only).
    this.plansApi.plan(id).pipe(catchError(() => of(null))).subscribe((d) => this.detail.set(d));
  }

  protected selectPlan(id: string): void {
    this.planId.set(id);
    this.taskId.set('');
    this.offset.set(0);
    this.taskPage.set(0);
    this.pending.set(null);
    this.notice.set(null);
  }

  protected readonly tasks = computed<TaskLine[]>(() => {
    const contents = new Map((this.detail()?.tasks ?? []).map((t) => [t.id, t.content]));
    return (this.progress()?.byTask ?? [])
      .map((t) => ({ taskId: t.taskId, ordinal: t.ordinal, content: contents.get(t.taskId) ?? '', lead: t.lead, coordinator: t.coordinator, overdue: t.lead.overdue + t.coordinator.overdue }))
      .sort((a, b) => a.ordinal - b.ordinal);
  });
  protected readonly filteredTasks = computed(() => {
    const words = foldVietnamese(this.taskQ()).split(' ').filter(Boolean);
    return this.tasks().filter((t) => (!this.lateTasksOnly() || t.overdue > 0) && words.every((w) => foldVietnamese(`${t.ordinal} ${t.content}`).includes(w)));
  });
  protected readonly taskPageItems = computed(() => this.filteredTasks().slice(this.taskPage() * TASK_PAGE, (this.taskPage() + 1) * TASK_PAGE));

  /** Sets a filter and goes back to the first page. */
  protected set<T>(s: { set(v: T): void }, v: T): void {
    s.set(v);
    this.offset.set(0);
  }

  protected clearFilters(): void {
    this.q.set('');
    this.taskId.set('');
    this.status.set('');
    this.urgency.set('');
    this.role.set('');
    this.verification.set('');
    this.offset.set(0);
  }

  protected showTask(taskId: string): void {
    this.set(this.taskId, taskId);
    setTimeout(() => document.getElementById('dh-units')?.scrollIntoView?.({ behavior: 'smooth', block: 'start' }));
  }

  private readonly workQuery = computed(() => ({
    planId: this.planId(),
    taskId: this.taskId(),
    q: this.q().trim(),
    status: this.status(),
    urgency: this.urgency(),
    role: this.role(),
    verification: this.verification(),
    limit: PAGE,
    offset: this.offset(),
    reload: this.reload(),
  }));

  protected readonly work = toSignal(
    toObservable(this.workQuery).pipe(
      debounceTime(150),
      switchMap(({ reload: _, ...query }) =>
        query.planId
          ? this.api.work(query).pipe(
              map((list) => ({ list, failed: null as string | null })),
              catchError((e) => of({ list: EMPTY_LIST, failed: this.t('list.failed', { detail: this.say(executionProblem(e).message) }) })),
              startWith(undefined),
            )
          : of(undefined),
      ),
    ),
  );

  protected askUrge(u: Urge): void {
    this.pending.set(u);
    this.urgeMessage.set('');
    this.notice.set(null);
    this.error.set(null);
  }

  protected confirmFor(id: string): Urge | null {
    const p = this.pending();
    if (!p) return null;
    return (p.kind === 'task' ? p.taskId : p.assignmentId) === id ? p : null;
  }

  protected confirmText(c: Urge): string {
    return c.kind === 'task' ? this.t('urge.confirmTask', { count: c.count, n: c.ordinal }) : this.t('urge.confirmOne', { unit: c.unitName, n: c.ordinal });
  }

  protected sendUrge(): void {
    const p = this.pending();
    if (!p || this.busy()) return;
    this.busy.set(true);
    const message = this.urgeMessage().trim() || null;
    const req = p.kind === 'task' ? { taskId: p.taskId, message } : { assignmentId: p.assignmentId, message };
    this.api.urge(req).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.pending.set(null);
        this.notice.set(r.urged > 0 ? this.t('urge.done', { count: r.urged }) : this.t('urge.none'));
        this.reload.update((n) => n + 1);
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(this.t('action.failed', { detail: this.say(executionProblem(e).message) }));
      },
    });
  }

  private say(m: { vi: string; en: string }): string {
    return this.i18n.lang() === 'en' ? m.en : m.vi;
  }
}

const EMPTY_LIST: WorkListDto = { items: [] as WorkItemDto[], total: 0, counts: { overdue: 0, dueSoon: 0, done: 0, pendingVerification: 0, open: 0 } };
