import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AssignmentDto, PlanAction, PlanDetailDto, PlanTaskDto, ReviewCommentDto } from '@dieu-hanh/shared/contracts';
import { formatTimeframeVi, parseTimeframe } from '@dieu-hanh/shared/util-timeframe';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { ImplementingPanel } from './implementing-panel';
import { IndicatorsTable } from './indicators-table';
import { IssueForm } from './issue-form';
import { PlanHistory } from './plan-history';
import { readProblem } from './problem';
import { ReturnForm } from './return-form';
import { UnitRefs } from './unit-refs';

type Panel = 'none' | 'return' | 'issue';

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
  private readonly i18n = inject(I18nService);
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
        this.plan.set(withDefaults(p));
        this.missing.set(false);
      },
      error: () => this.missing.set(true),
    });
  }

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
