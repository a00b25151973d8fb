import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { PlanSummaryDto, WorkItemDto, WorkStatus } from '@dieu-hanh/shared/contracts';
import { WORK_STATUSES } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, I18nService } from '@dieu-hanh/web/shared/i18n';
import { type Subscription, catchError, debounce, debounceTime, distinctUntilChanged, map, of, skip, timer } from 'rxjs';
import { ExecutionApi, type WorkQuery, executionProblem } from '../data-access';
import { type Counts, LastWorkLists } from './last-work-lists';
import { OfflineQueue, type QueuedUpdate } from '../offline';
import { WorkTextPipe, useWorkText } from './work-text';
import { formatDmyTime } from '../dmy-time';

export const MY_WORK_PAGE = 25;

/** The quick filters: each is one query on GET /my/work. */
export type WorkChip = '' | 'overdue' | 'due-soon' | 'pending' | 'done';
const CHIP_QUERY: Record<WorkChip, WorkQuery> = {
  '': {},
  overdue: { urgency: 'overdue' },
  'due-soon': { urgency: 'due-soon' },
  pending: { verification: 'pending' },
  done: { status: 'done' },
};
const CHIPS: WorkChip[] = ['', 'overdue', 'due-soon', 'pending', 'done'];




/**
 * "Việc của tôi" (/cong-viec): the caller's unit's assignments (a commune's include its offices'), phone
 * first. Quick filters with counts (overdue, due soon, awaiting verification, done), search (the API
 * ignores diacritics), plan and status filters, grouping by plan, overdue days and dd/MM/yyyy dates,
 * "Xem thêm" paging, and a marker on assignments with an update still waiting on the phone. The filters
 * live in the address, so coming back from an assignment keeps them.
 */
@Component({
  selector: 'dh-my-work',
  imports: [RouterLink, DmyPipe, WorkTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './my-work.css',
  template: `
    <h1 class="dh-page-title">{{ 'my.title' | wt }}</h1>
    <p class="dh-intro">{{ 'my.intro' | wt }}</p>
    @if (!queue.online()) {
      <p class="dh-offline" role="status" data-testid="my-offline">{{ 'my.offline' | wt }}</p>
    }
    @if (asOf(); as at) {
      <p class="dh-as-of" data-testid="my-as-of">{{ 'my.asOf' | wt: { at: dmyTime(at) } }}</p>
    }
    <div class="dh-chips" role="group" [attr.aria-label]="'my.chips' | wt" data-testid="my-chips">
      @for (c of chips; track c) {
        <button type="button" class="dh-chipbtn dh-c-{{ c || 'all' }}" [attr.aria-pressed]="chip() === c" (click)="setChip(c)" [attr.data-testid]="'my-chip-' + (c || 'all')">
          <span>{{ chipLabel(c) | wt }}</span>
          @if (counts(); as n) { <span class="dh-count"> {{ chipCount(n, c) }}</span> }
        </button>
      }
    </div>
    <div class="dh-filters" role="search">
      <label class="dh-q">{{ 'my.q' | wt }}
        <input type="search" [value]="q()" (input)="q.set($any($event.target).value)" [placeholder]="'my.qHint' | wt" autocomplete="off" data-testid="my-q" />
      </label>
      <label class="dh-plan">{{ 'my.plan' | wt }}
        <select (change)="planId.set($any($event.target).value)" data-testid="my-plan">
          <option value="" [selected]="!planId()">{{ 'my.allPlans' | wt }}</option>
          @for (p of planOptions(); track p.id) {
            <option [value]="p.id" [selected]="p.id === planId()">{{ p.label }}</option>
          }
        </select>
      </label>
      <label>{{ 'my.status' | wt }}
        <select (change)="status.set($any($event.target).value)" data-testid="my-status">
          <option value="" [selected]="!status()">{{ 'my.all' | wt }}</option>
          @for (s of statuses; track s) { <option [value]="s" [selected]="s === status()">{{ 'status.' + s | wt }}</option> }
        </select>
      </label>
      <label class="dh-check"><input type="checkbox" [checked]="grouped()" (change)="grouped.set($any($event.target).checked)" data-testid="my-group" /> {{ 'my.group' | wt }}</label>
      @if (filtered()) { <button type="button" class="dh-link" (click)="clear()" data-testid="my-clear">{{ 'my.clear' | wt }}</button> }
    </div>

    @if (waitingElsewhere().length) {
      <p class="dh-total" data-testid="my-queue-summary"><span class="dh-chip dh-queued">{{ 'queue.waiting' | wt }}: {{ waitingElsewhere().length }}</span> {{ 'queue.hint' | wt }}</p>
    }

    @if (failed(); as f) {
      <p role="alert" class="dh-alert" data-testid="my-error">{{ f }}</p>
    } @else if (loaded()) {
      <p class="dh-total" aria-live="polite" data-testid="my-total">{{ 'my.total' | wt: { shown: items().length, total: total() } }}</p>
      @for (g of groups(); track g.key) {
        @if (g.title) { <h2 class="dh-group" data-testid="my-group-title">{{ g.title }}</h2> }
        <ul class="dh-items" data-testid="my-items">
          @for (w of g.items; track w.assignmentId) {
            <li>
              <a class="dh-card" [class.dh-late]="w.urgency === 'overdue'" [routerLink]="[w.assignmentId]" data-testid="my-item" [attr.data-assignment-id]="w.assignmentId">
                <p class="dh-card-plan">{{ w.planSymbol }} · {{ 'my.taskN' | wt: { n: w.taskOrdinal } }} · {{ 'role.' + w.role | wt }}</p>
                <p class="dh-card-task">{{ w.taskContent }}</p>
                <div class="dh-facts">
                  <span class="dh-chip dh-status-{{ w.status }}" data-testid="my-item-status">{{ 'status.' + w.status | wt }} · {{ w.percent }}%</span>
                  <span class="dh-pbar" aria-hidden="true"><span [style.width.%]="w.percent"></span></span>
                  @if (w.urgency === 'overdue') {
                    <span class="dh-chip dh-overdue" data-testid="my-item-overdue">{{ 'item.overdue' | wt: { days: w.days ?? 0 } }}</span>
                  } @else if (w.urgency === 'due-soon') {
                    <span class="dh-chip dh-soon" data-testid="my-item-soon">{{ 'item.dueSoon' | wt: { days: w.days ?? 0 } }}</span>
                  }
                  <span data-testid="my-item-due">
                    @if (w.due) { {{ 'item.due' | wt: { date: (w.due | dmy) } }} @if (w.originalDue) { <small>{{ 'item.extended' | wt: { date: (w.originalDue | dmy) } }}</small> } }
                    @else { {{ 'item.noDue' | wt }} }
                  </span>
                  @if (w.verification !== 'none') {
                    <span class="dh-chip dh-ver-{{ w.verification }}" data-testid="my-item-verification">{{ 'verification.' + w.verification | wt }}</span>
                  }
                  @if (w.openObstacles) { <span class="dh-chip dh-soon">{{ 'item.obstacles' | wt: { count: w.openObstacles } }}</span> }
                  @if (w.pendingExtension) { <span class="dh-chip dh-soon">{{ 'item.extension' | wt }}</span> }
                  @if (queuedState(w.assignmentId); as st) {
                    <span class="dh-chip" [class.dh-queued]="st !== 'attention'" [class.dh-attention]="st === 'attention'" data-testid="my-item-queued">{{ 'queue.' + st | wt }}</span>
                  }
                </div>
              </a>
            </li>
          }
        </ul>
      } @empty {
        <p class="dh-empty" data-testid="my-none">{{ 'my.none' | wt }}</p>
      }
      @if (items().length < total()) {
        <div class="dh-more">
          <button type="button" class="dh-button dh-secondary" (click)="more()" [disabled]="loadingMore()" data-testid="my-more">{{ (loadingMore() ? 'my.loading' : 'my.more') | wt }}</button>
        </div>
      }
    } @else {
      <p role="status">{{ 'my.loading' | wt }}</p>
    }
  `,
})
export class MyWork {
  private readonly api = inject(ExecutionApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly t = useWorkText();
  protected readonly queue = inject(OfflineQueue);
  private readonly cache = inject(LastWorkLists);
  protected readonly chips = CHIPS;
  protected readonly statuses = WORK_STATUSES;

  private readonly initial = this.route.snapshot.queryParamMap;
  readonly q = signal(this.initial.get('q') ?? '');
  readonly planId = signal(this.initial.get('plan') ?? '');
  readonly status = signal<WorkStatus | ''>(asStatus(this.initial.get('status')));
  readonly chip = signal<WorkChip>(asChip(this.initial.get('loc')));
  readonly grouped = signal(this.initial.get('nhom') === '1');

  protected readonly items = signal<WorkItemDto[]>([]);
  protected readonly total = signal(0);
  protected readonly loaded = signal(false);
  protected readonly failed = signal<string | null>(null);
  protected readonly loadingMore = signal(false);
  /** Set when the list shown is the one kept on the phone (no connection): when it was fetched. */
  protected readonly asOf = signal<number | null>(null);
  /** The counts without the quick filter, so every chip keeps its number while one is pressed. */
  private readonly baseCounts = signal<Counts | null>(null);
  private readonly lastCounts = signal<Counts | null>(null);
  protected readonly counts = computed(() => (this.chip() ? (this.baseCounts() ?? this.lastCounts()) : this.lastCounts()));

  private readonly plans = toSignal(
    inject(ApiClient)
      .plans({ status: 'issued' })
      .pipe(
        map((r) => r.items),
        catchError(() => of([] as PlanSummaryDto[])),
      ),
    { initialValue: [] as PlanSummaryDto[] },
  );
  /** The issued plans, plus any plan of the loaded work the plan list did not have. */
  protected readonly planOptions = computed(() => {
    const opts = this.plans().map((p) => ({ id: p.id, label: `${p.number ? `${p.number}/${p.symbol} — ` : ''}${p.title}` }));
    const seen = new Set(opts.map((o) => o.id));
    for (const w of this.items()) {
      if (!seen.has(w.planId)) {
        seen.add(w.planId);
        opts.push({ id: w.planId, label: `${w.planSymbol} — ${w.planTitle}` });
      }
    }
    return opts;
  });

  protected readonly filtered = computed(() => !!(this.q().trim() || this.planId() || this.status() || this.chip()));

  protected readonly groups = computed(() => {
    const items = this.items();
    if (!items.length) return [];
    if (!this.grouped()) return [{ key: '_', title: null as string | null, items }];
    const byPlan = new Map<string, { key: string; title: string | null; items: WorkItemDto[] }>();
    for (const w of items) {
      let g = byPlan.get(w.planId);
      if (!g) byPlan.set(w.planId, (g = { key: w.planId, title: `${w.planSymbol} — ${w.planTitle}`, items: [] }));
      g.items.push(w);
    }
    return [...byPlan.values()];
  });

  /** Updates waiting on the phone for assignments not on this page. */
  protected readonly waitingElsewhere = computed(() => {
    const shown = new Set(this.items().map((w) => w.assignmentId));
    return this.queue.items().filter((u) => !shown.has(u.assignmentId));
  });

  private readonly query = computed(() => ({ q: this.q().trim(), planId: this.planId(), status: this.status(), chip: this.chip() }));
  /** The filters as the address carries them. */
  private readonly filterParams = computed(() => {
    const f = this.query();
    return { q: f.q || null, plan: f.planId || null, status: f.status || null, loc: f.chip || null, nhom: this.grouped() ? '1' : null };
  });
  private page: Subscription | null = null;

  constructor() {
    let first = true;
    toObservable(this.query)
      .pipe(
        // The first load at once; then wait for the typing to pause.
        debounce(() => timer(first ? ((first = false), 0) : 250)),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.load(false));
    // The way back from an assignment keeps the filters as they are now — not as the address will
    // say after the pause (an assignment may be opened within it).
    effect(() => {
      const params = this.filterParams();
      untracked(() => this.cache.queryParams.set(Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => !!e[1]))));
    });
    // Keep the filters in the address (replace, so Back leaves the list).
    toObservable(this.filterParams)
      .pipe(skip(1), debounceTime(300), takeUntilDestroyed())
      .subscribe((queryParams) => {
        // An assignment opened meanwhile (a tap within the pause after typing) is a navigation away:
        // writing the filters now would cancel it and pull the officer back to the list.
        if (this.router.currentNavigation()) return;
        void this.router.navigate([], { relativeTo: this.route, replaceUrl: true, queryParams });
      });
    // An update sent from the queue changes a row: reload what is shown.
    this.queue.sent.pipe(takeUntilDestroyed()).subscribe(() => this.load(false));
    this.destroyRef.onDestroy(() => this.page?.unsubscribe());
  }

  protected dmyTime(ms: number): string {
    return formatDmyTime(new Date(ms).toISOString());
  }

  protected setChip(c: WorkChip): void {
    this.chip.set(this.chip() === c ? '' : c);
  }

  protected chipLabel(c: WorkChip): string {
    return { '': 'my.chip.all', overdue: 'my.chip.overdue', 'due-soon': 'my.chip.dueSoon', pending: 'my.chip.pending', done: 'my.chip.done' }[c];
  }

  protected chipCount(n: Counts, c: WorkChip): number {
    return { '': n.total, overdue: n.overdue, 'due-soon': n.dueSoon, pending: n.pendingVerification, done: n.done }[c];
  }

  protected queuedState(assignmentId: string): QueuedUpdate['state'] | null {
    const mine = this.queue.items().filter((u) => u.assignmentId === assignmentId);
    if (!mine.length) return null;
    return mine.some((u) => u.state === 'attention') ? 'attention' : mine.some((u) => u.state === 'sending') ? 'sending' : 'waiting';
  }

  protected clear(): void {
    this.q.set('');
    this.planId.set('');
    this.status.set('');
    this.chip.set('');
  }

  protected more(): void {
    this.load(true);
  }

  private load(append: boolean): void {
    const f = this.query();
    const offset = append ? this.items().length : 0;
    const query: WorkQuery = { q: f.q, planId: f.planId, status: f.status, ...CHIP_QUERY[f.chip], limit: MY_WORK_PAGE, offset };
    if (f.chip === 'done' && f.status && f.status !== 'done') query.status = 'done';
    const cacheKey = JSON.stringify(f);
    this.page?.unsubscribe();
    if (append) this.loadingMore.set(true);
    this.page = this.api.myWork(query).subscribe({
      next: (list) => {
        this.failed.set(null);
        this.items.set(append ? [...this.items(), ...list.items.filter((w) => !this.items().some((x) => x.assignmentId === w.assignmentId))] : list.items);
        this.total.set(list.total);
        const counts = { ...list.counts, total: list.total };
        this.lastCounts.set(counts);
        if (!f.chip) this.baseCounts.set(counts);
        this.loaded.set(true);
        this.loadingMore.set(false);
        this.asOf.set(null);
        this.cache.set(cacheKey, { items: this.items(), total: list.total, counts });
      },
      error: (e) => {
        this.loadingMore.set(false);
        if (append) return;
        const p = executionProblem(e);
        const m = p.message;
        const fail = () => this.failed.set(this.t('my.failed', { detail: this.i18n.lang() === 'en' ? m.en : m.vi }));
        if (p.status !== 0) return fail();
        // No connection: the list as last fetched (this session or an earlier one), under the offline
        // notice and with the time it was fetched.
        void this.cache.get(cacheKey).then((kept) => {
          if (!kept) return fail();
          if (JSON.stringify(this.query()) !== cacheKey) return; // the filters moved on meanwhile
          this.queue.online.set(false);
          this.items.set(kept.items);
          this.total.set(kept.total);
          this.lastCounts.set(kept.counts);
          if (!f.chip) this.baseCounts.set(kept.counts);
          this.asOf.set(kept.savedAt);
          this.failed.set(null);
          this.loaded.set(true);
        });
      },
    });
  }
}

function asStatus(v: string | null): WorkStatus | '' {
  return v && (WORK_STATUSES as readonly string[]).includes(v) ? (v as WorkStatus) : '';
}

function asChip(v: string | null): WorkChip {
  return v && (CHIPS as string[]).includes(v) ? (v as WorkChip) : '';
}
