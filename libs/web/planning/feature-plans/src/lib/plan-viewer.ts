import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type {
  AssignmentDto,
  PlanAction,
  PlanDetailDto,
  PlanProgressDto,
  PlanTaskDto,
  ReviewCommentDto,
  StatusCountsDto,
  UnitRefDto,
  WorkItemDto,
  WorkListDto,
  WorkStatus,
} from '@dieu-hanh/shared/contracts';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';
import { formatTimeframeVi, parseTimeframe } from '@dieu-hanh/shared/util-timeframe';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { ApiClient, WorkProgressApi } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { EMPTY, catchError, expand, of, reduce } from 'rxjs';
import { ImplementingPanel } from './implementing-panel';
import { IndicatorsTable } from './indicators-table';
import { IssueForm } from './issue-form';
import { PlanHistory } from './plan-history';
import { readProblem } from './problem';
import { ReturnForm } from './return-form';
import { UnitRefs } from './unit-refs';
import { type ViewerTextKey, viewerText } from './plan-viewer.messages';

type Panel = 'none' | 'return' | 'issue';
/** The work-status filter: a status as reported, or "awaiting verification". */
export type TaskStatusFilter = WorkStatus | 'pending' | '';
const STATUS_FILTERS: TaskStatusFilter[] = ['not-started', 'in-progress', 'done', 'unable', 'pending'];
const PAGE = 100;

/** A run of consecutive tasks of one section (or of none), shown under one collapsible heading. */
export interface TaskGroup {
  key: string;
  code: string | null;
  title: string;
  tasks: PlanTaskDto[];
}

/**
 * The plan viewer: header facts, sections with their tasks (timeframe as written and as read, units by
 * name, the assignments the caller may see), indicators, history; the leader's approve / return / issue;
 * the drafting unit's edit and submit; the focal unit's implementing plans; a commune's "implement".
 * Which of those buttons show is the API's answer, `allowedActions`: the browser never reads roles.
 */
@Component({
  selector: 'dh-plan-viewer',
  imports: [RouterLink, TranslatePipe, DmyPipe, UnitRefs, IndicatorsTable, PlanHistory, ImplementingPanel, ReturnForm, IssueForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-viewer.html',
  styleUrl: './plan-viewer.css',
})
export class PlanViewer {
  private readonly api = inject(ApiClient);
  private readonly progressApi = inject(WorkProgressApi);
  private readonly i18n = inject(I18nService);
  private readonly user = inject(AuthService).user;
  readonly id = input.required<string>();
  protected readonly plan = signal<PlanDetailDto | null>(null);
  protected readonly missing = signal(false);
  protected readonly tab = signal<'content' | 'history'>('content');
  protected readonly panel = signal<Panel>('none');
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  /** What the API's access policy lets the caller do with this plan now: a button per action, nothing else. */
  private readonly actions = computed(() => new Set<PlanAction>(this.plan()?.allowedActions ?? []));
  protected may(action: PlanAction): boolean {
    return this.actions().has(action);
  }
  protected readonly canEdit = computed(() => this.actions().has('revise'));
  protected readonly canSubmit = computed(() => this.actions().has('submit'));
  protected readonly canAmend = computed(() => this.actions().has('amend'));
  protected readonly canImplement = computed(() => this.actions().has('implement'));
  protected readonly showImplementing = computed(() => this.actions().has('track-implementation'));
  /** Comments shown at the top of a returned plan, with what they are about. */
  protected readonly comments = computed(() => (this.plan()?.status === 'returned' ? this.plan()?.reviewComments ?? [] : []));
  protected readonly sectionTitles = computed(() => Object.fromEntries((this.plan()?.sections ?? []).map((s) => [s.code, s.title])));

  constructor() {
    effect(() => this.load(this.id()));
  }

  private load(id: string): void {
    this.api.plan(id).subscribe({
      next: (p) => {
        this.allAssignments.set({});
        const plan = withDefaults(p);
        this.plan.set(plan);
        this.missing.set(false);
        this.loadExecution(plan);
      },
      error: () => this.missing.set(true),
    });
  }

  // ── Execution: the roll-up and the caller's own work on this plan (issued plans only) ──────────────

  /** GET /plans/:id/progress: counts by status, lead and coordinators apart; null before issue or on error. */
  protected readonly progress = signal<PlanProgressDto | null>(null);
  /** The caller's unit's assignments on this plan (GET /my/work?planId), for "only my unit" and its status. */
  protected readonly myWork = signal<WorkItemDto[]>([]);
  protected readonly live = computed(() => ['issued', 'closed'].includes(this.plan()?.status ?? ''));

  private loadExecution(p: PlanDetailDto): void {
    this.progress.set(null);
    this.myWork.set([]);
    if (p.status !== 'issued' && p.status !== 'closed') return;
    this.progressApi
      .planProgress(p.id)
      .pipe(catchError(() => of(null)))
      .subscribe((r) => this.progress.set(r));
    const u = this.user();
    if (u?.tier !== 2 && !p.myRoles.some((r) => r === 'lead' || r === 'coordinator')) return;
    const page = (offset: number) => this.progressApi.myWork({ planId: p.id, limit: PAGE, offset }).pipe(catchError(() => of<WorkListDto | null>(null)));
    let offset = 0;
    page(0)
      .pipe(
        expand((r) => ((offset += PAGE), r && r.items.length === PAGE && offset < r.total ? page(offset) : EMPTY)),
        reduce((all, r) => [...all, ...(r?.items ?? [])], [] as WorkItemDto[]),
      )
      .subscribe((items) => this.myWork.set(items));
  }

  private readonly byTask = computed(() => new Map((this.progress()?.byTask ?? []).map((t) => [t.taskId, t])));
  private readonly mineByTask = computed(() => {
    const m = new Map<string, WorkItemDto[]>();
    for (const w of this.myWork()) m.set(w.taskId, [...(m.get(w.taskId) ?? []), w]);
    return m;
  });

  protected taskProgress(t: PlanTaskDto): { role: 'lead' | 'coordinator'; c: StatusCountsDto }[] {
    const r = this.byTask().get(t.id);
    if (!r) return [];
    return [
      { role: 'lead' as const, c: r.lead },
      { role: 'coordinator' as const, c: r.coordinator },
    ].filter((x) => x.c.total > 0);
  }

  protected mineOf(t: PlanTaskDto): WorkItemDto[] {
    return this.mineByTask().get(t.id) ?? [];
  }

  protected tx(key: ViewerTextKey, params: Record<string, string | number> = {}): string {
    return viewerText(this.i18n.lang(), key, params);
  }

  protected statusLabel(s: WorkStatus): string {
    return this.tx(`find.status.${s}` as ViewerTextKey);
  }

  // ── Task search and filters (client side: the plan is loaded whole) ──────────────────────────────

  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly q = signal('');
  protected readonly statusFilter = signal<TaskStatusFilter>('');
  protected readonly unitFilter = signal('');
  protected readonly overdueOnly = signal(false);
  protected readonly mineOnly = signal(false);
  protected readonly reviewOnly = signal(false);
  protected readonly filtering = computed(
    () => !!this.q().trim() || !!this.statusFilter() || !!this.unitFilter() || this.overdueOnly() || this.mineOnly() || this.reviewOnly(),
  );

  /** Each task's searchable text, folded (no diacritics, lower case), built once per plan. */
  private readonly haystacks = computed(() => {
    const p = this.plan();
    const m = new Map<string, string>();
    for (const t of p?.tasks ?? []) {
      const refs = [...t.leads, ...t.coordinators].map((r) => refText(r, p?.names ?? {}));
      const parts = [`${t.ordinal}`, t.section ?? '', this.sectionTitle(t.section), t.content, t.expectedResult ?? '', t.timeframe ?? '', t.directingLeader ?? '', t.notes ?? '', ...refs, ...t.assignments.map((a) => a.unitName)];
      m.set(t.id, foldVietnamese(parts.join(' ')));
    }
    return m;
  });

  /** Units and groups the tasks name (lead or coordinator), by name, for the unit filter. */
  protected readonly unitOptions = computed(() => {
    const p = this.plan();
    const codes = new Set<string>();
    for (const t of p?.tasks ?? []) for (const r of [...t.leads, ...t.coordinators]) if ('unit' in r) codes.add(r.unit); else if ('group' in r) codes.add(r.group);
    return [...codes].map((code) => ({ code, name: this.nameOf(code) })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  });

  /** Whether the caller's unit holds the task (its own work, a named reference, a visible assignment). */
  private isMine(t: PlanTaskDto): boolean {
    const u = this.user();
    if (!u) return false;
    if (this.mineOf(t).length) return true;
    if ([...t.leads, ...t.coordinators].some((r) => 'unit' in r && r.unit === u.unit)) return true;
    // A commune sees only its own (and its offices') assignments: any one it sees is its unit's.
    return t.assignments.some((a) => a.status !== 'withdrawn' && (a.unitCode === u.unit || u.tier === 2));
  }

  private matchesStatus(t: PlanTaskDto, s: TaskStatusFilter, mine: boolean): boolean {
    if (!s) return true;
    if (mine) return this.mineOf(t).some((w) => (s === 'pending' ? w.verification === 'pending' : w.status === s));
    const r = this.byTask().get(t.id);
    if (!r) return false;
    const key: keyof StatusCountsDto = ({ 'not-started': 'notStarted', 'in-progress': 'inProgress', done: 'done', unable: 'unable', pending: 'pendingVerification' } as const)[s];
    return r.lead[key] + r.coordinator[key] > 0;
  }

  private isOverdue(t: PlanTaskDto, mine: boolean): boolean {
    if (mine) return this.mineOf(t).some((w) => w.urgency === 'overdue');
    const r = this.byTask().get(t.id);
    return !!r && r.lead.overdue + r.coordinator.overdue > 0;
  }

  /** What waits for a human in this task: a reference kept as written, or a timeframe the platform could not read. */
  protected needsReview(t: PlanTaskDto): boolean {
    const p = this.plan();
    return [...t.leads, ...t.coordinators].some((r) => 'pending' in r) || !!(p && this.readTimeframe(t, p.year)?.unknown);
  }

  protected readonly reviewTasks = computed(() => (this.plan()?.tasks ?? []).filter((t) => this.needsReview(t)));

  protected readonly visibleTasks = computed(() => {
    const tasks = this.plan()?.tasks ?? [];
    if (!this.filtering()) return tasks;
    const words = foldVietnamese(this.q()).split(' ').filter(Boolean);
    const unit = this.unitFilter();
    const mine = this.mineOnly();
    const hay = this.haystacks();
    return tasks.filter(
      (t) =>
        words.every((w) => hay.get(t.id)?.includes(w)) &&
        (!unit || [...t.leads, ...t.coordinators].some((r) => ('unit' in r && r.unit === unit) || ('group' in r && r.group === unit)) || t.assignments.some((a) => a.unitCode === unit)) &&
        (!mine || this.isMine(t)) &&
        this.matchesStatus(t, this.statusFilter(), mine) &&
        (!this.overdueOnly() || this.isOverdue(t, mine)) &&
        (!this.reviewOnly() || this.needsReview(t)),
    );
  });

  /** The visible tasks in runs of one section, each under a heading that collapses it. */
  protected readonly groups = computed<TaskGroup[]>(() => {
    const out: TaskGroup[] = [];
    for (const t of this.visibleTasks()) {
      const last = out[out.length - 1];
      if (last && last.code === t.section) last.tasks.push(t);
      else out.push({ key: `${t.section ?? ''}#${out.length}`, code: t.section, title: this.sectionTitle(t.section), tasks: [t] });
    }
    return out;
  });

  protected readonly collapsed = signal<ReadonlySet<string>>(new Set());
  protected isCollapsed(g: TaskGroup): boolean {
    return !!g.code && this.collapsed().has(g.code);
  }
  protected toggleSection(g: TaskGroup): void {
    if (!g.code) return;
    const code = g.code;
    this.collapsed.update((s) => {
      const n = new Set(s);
      if (n.has(code)) n.delete(code);
      else n.add(code);
      return n;
    });
  }
  protected collapseAll(): void {
    this.collapsed.set(new Set((this.plan()?.tasks ?? []).map((t) => t.section).filter((s): s is string => !!s)));
  }
  protected expandAll(): void {
    this.collapsed.set(new Set());
  }

  protected clearFilters(): void {
    this.q.set('');
    this.statusFilter.set('');
    this.unitFilter.set('');
    this.overdueOnly.set(false);
    this.mineOnly.set(false);
    this.reviewOnly.set(false);
  }

  /** The review banner, for the city's own people: a commune does not see the city plan's internal review. */
  protected readonly showAttention = computed(() => {
    const p = this.plan();
    if (!p) return false;
    const a = p.attention;
    if (a.pendingReferences + a.unknownTimeframes + a.unknownTargets === 0) return false;
    const u = this.user();
    return !(u?.tier === 2 && p.issuerUnitCode !== u.unit);
  });

  /** From the banner: only the tasks that need review, every section open, the list scrolled into view. */
  protected showReview(): void {
    this.clearFilters();
    this.reviewOnly.set(true);
    this.expandAll();
    this.tab.set('content');
    scrollTo('dh-task-list');
  }

  protected showIndicators(): void {
    this.tab.set('content');
    scrollTo('dh-indicators');
  }

  /** The tracking page of this plan (/cong-viec/theo-doi), for units that follow others' work on it. */
  protected readonly mayTrack = computed(() => {
    const p = this.plan();
    const u = this.user();
    return !!p && this.live() && u?.tier === 1 && (u.roles.some((r) => r === 'leader' || r === 'office-officer') || p.myRoles.some((r) => r === 'focal' || r === 'lead' || r === 'issuer' || r === 'drafting'));
  });

  protected reloadAfter(noticeKey: string): void {
    this.panel.set('none');
    this.notice.set(this.i18n.t(noticeKey));
    this.load(this.id());
  }

  protected approve(): void {
    this.run((id) => this.api.approvePlan(id), 'review.approved');
  }

  protected submit(): void {
    this.run((id) => this.api.submitPlan(id), 'review.submitted');
  }

  private run(action: (id: string) => ReturnType<ApiClient['approvePlan']>, noticeKey: string): void {
    const p = this.plan();
    if (!p || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    action(p.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.reloadAfter(noticeKey);
      },
      error: (e) => {
        this.busy.set(false);
        const m = readProblem(e).message;
        this.error.set(this.i18n.t('review.failed', { detail: this.i18n.lang() === 'en' ? m.en : m.vi }));
      },
    });
  }

  /** What a review comment is about, in words ("Tên kế hoạch", "Nhiệm vụ 3"). */
  protected about(c: ReviewCommentDto): string | null {
    if (!c.field) return null;
    if (c.field === 'title') return this.i18n.t('review.field.title');
    const m = /^tasks\.(\d+)/.exec(c.field);
    return m ? this.i18n.t('review.field.task', { n: Number(m[1]) + 1 }) : c.field;
  }

  /** The task's timeframe as the platform reads it (the API's reading, else the browser's). */
  protected readTimeframe(t: PlanTaskDto, year: number): { unknown: boolean; text: string } | null {
    if (!t.timeframe) return null;
    const tf = t.timeframeNormalized ?? parseTimeframe(t.timeframe, { planYear: year });
    return tf.kind === 'unknown' ? { unknown: true, text: t.timeframe } : { unknown: false, text: formatTimeframeVi(tf) };
  }

  protected nameOf(code: string): string {
    return (this.plan()?.names[code] as string | undefined) ?? code;
  }

  /** Every assignment of a task, loaded on demand (the plan detail carries the first ten and the counts). */
  protected readonly allAssignments = signal<Record<string, AssignmentDto[]>>({});

  protected assignmentsOf(t: PlanTaskDto): AssignmentDto[] {
    return this.allAssignments()[t.id] ?? t.assignments;
  }

  /** Every assignment of the task the caller may see, in force or withdrawn (the detail carries only the first). */
  protected countOf(t: PlanTaskDto): number {
    return t.assignmentCounts.total + t.assignmentCounts.withdrawn;
  }

  protected loadAllAssignments(t: PlanTaskDto): void {
    const p = this.plan();
    if (!p) return;
    this.api.taskAssignments(p.id, t.id, { limit: 500 }).subscribe({
      next: (page) => this.allAssignments.update((all) => ({ ...all, [t.id]: page.items })),
      error: (e) => {
        const m = readProblem(e).message;
        this.error.set(this.i18n.lang() === 'en' ? m.en : m.vi);
      },
    });
  }

  protected sectionTitle(code: string | null): string {
    return code ? (this.sectionTitles()[code] as string | undefined) ?? '' : '';
  }

  protected newSection(tasks: PlanTaskDto[], i: number): boolean {
    return !!tasks[i].section && (i === 0 || tasks[i - 1].section !== tasks[i].section);
  }
}

function refText(r: UnitRefDto, names: Record<string, string>): string {
  if ('unit' in r) return `${r.unit} ${names[r.unit] ?? ''} ${r.asWritten ?? ''}`;
  if ('group' in r) return `${r.group} ${names[r.group] ?? ''} ${r.asWritten ?? ''}`;
  return r.pending;
}

function scrollTo(id: string): void {
  // After the view renders the filtered list.
  setTimeout(() => document.getElementById(id)?.scrollIntoView?.({ behavior: 'smooth', block: 'start' }));
}

/** Lists an older API (or a partial answer) may leave out are read as empty. */
function withDefaults(p: PlanDetailDto): PlanDetailDto {
  return {
    ...p,
    names: p.names ?? {},
    myRoles: p.myRoles ?? [],
    allowedActions: p.allowedActions ?? [],
    legalBases: p.legalBases ?? [],
    purposes: p.purposes ?? [],
    directingLeaders: p.directingLeaders ?? [],
    reportingDuties: p.reportingDuties ?? [],
    sections: p.sections ?? [],
    reviewComments: p.reviewComments ?? [],
    indicators: p.indicators ?? [],
    parent: p.parent ?? null,
    attention: p.attention ?? { pendingReferences: 0, unknownTimeframes: 0, unknownTargets: 0 },
    tasks: (p.tasks ?? []).map((t) => ({
      ...t,
      leads: t.leads ?? [],
      coordinators: t.coordinators ?? [],
      assignments: t.assignments ?? [],
      assignmentCounts: t.assignmentCounts ?? { total: (t.assignments ?? []).length, lead: 0, coordinator: 0, withdrawn: 0 },
      timeframeNormalized: t.timeframeNormalized ?? null,
    })),
  };
}
