import { formatNumberVi } from '@dieu-hanh/web/shared/i18n';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { PlanDashboardDto, UnitProgressRowDto, WorkListQuery, WorkStatus } from '@dieu-hanh/shared/contracts';
import { DmyPipe, I18nService } from '@dieu-hanh/web/shared/i18n';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { ReportingApi, reportingProblem } from '../data-access';
import { ExportButton } from '../export/export-button';
import { ReportTextPipe, useReportText } from '../reports.messages';
import { formatDmyTime, percent, ratio, say } from '../shared/format';
import { Chart } from './chart';
import {
  type ChartClick,
  HEAT_COLUMNS,
  type HeatColumn,
  completenessOption,
  departmentsOption,
  drillTarget,
  heatmapHeight,
  heatmapOption,
  indicatorsOption,
  stackedSummary,
  trendOption,
  weekLabel,
} from './chart-options';

const STATUS_OF: Record<Exclude<HeatColumn, 'overdue'>, WorkStatus> = { notStarted: 'not-started', inProgress: 'in-progress', done: 'done', unable: 'unable' };

/** The execution list's query for one unit's assignments of a plan in one column (a status, or overdue). */
export function drillQuery(planId: string, unitCode: string, column: HeatColumn): WorkListQuery {
  const base = { planId, unitCode, limit: 50, offset: 0 };
  return column === 'overdue' ? { ...base, urgency: 'overdue' } : { ...base, status: STATUS_OF[column] };
}

/**
 * One plan's dashboard (/bao-cao/tong-quan/:planId): headline figures; departments' progress (stacked
 * bars); communes as a units × status heat map — a click on a cell, a bar or a table figure drills down
 * to that unit's assignments (listed here, each opening /cong-viec/:id: the tracking board reads no unit
 * filter); the overdue list; indicators against targets; reporting completeness per period (a click opens
 * the tracker); the weekly trend; the approved reports for download. Every chart's figures are in a table.
 */
@Component({
  selector: 'dh-plan-dashboard',
  imports: [NgTemplateOutlet, RouterLink, DmyPipe, ReportTextPipe, Chart, ExportButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/reports.css', './dashboard.css'],
  template: `
    <a class="dh-back" routerLink="/bao-cao/tong-quan" data-testid="dash-back">{{ 'dash.backPortfolio' | rt }}</a>
    @if (failed(); as f) {
      <p role="alert" class="dh-alert" data-testid="dash-error">{{ f }}</p>
    } @else if (d(); as d) {
      <p class="dh-muted">{{ d.planSymbol }}</p>
      <h1 class="dh-page-title">{{ d.planTitle }}</h1>

      <dl class="dh-headline" data-testid="dash-headline">
        <div><dt>{{ 'counts.total' | rt }}</dt><dd>{{ num(d.counts.total) }}</dd></div>
        <div><dt>{{ 'col.done' | rt }}</dt><dd>{{ num(d.counts.done) }}</dd></div>
        <div><dt>{{ 'col.inProgress' | rt }}</dt><dd>{{ num(d.counts.inProgress) }}</dd></div>
        <div><dt>{{ 'col.notStarted' | rt }}</dt><dd>{{ num(d.counts.notStarted) }}</dd></div>
        <div><dt>{{ 'col.unable' | rt }}</dt><dd>{{ num(d.counts.unable) }}</dd></div>
        <div><dt>{{ 'col.overdue' | rt }}</dt><dd class="dh-late">{{ num(d.counts.overdue) }}</dd></div>
        <div><dt>{{ 'counts.percent' | rt }}</dt><dd>{{ pct(d.counts.percent, 0) }}</dd></div>
      </dl>

      @if (drill(); as dr) {
        <section class="dh-panel dh-drill" aria-labelledby="dash-drill-h" data-testid="dash-drill" tabindex="-1" id="dash-drill">
          <h2 id="dash-drill-h">{{ 'dash.drillTitle' | rt: { unit: dr.unit.unitName, column: ('col.' + dr.column | rt) } }}</h2>
          @if (drillList(); as res) {
            @if (res.failed) {
              <p role="alert" class="dh-alert">{{ res.failed }}</p>
            } @else {
              <p class="dh-muted" data-testid="dash-drill-total">{{ 'dash.drillTotal' | rt: { shown: res.items.length, total: res.total } }}</p>
              <ul>
                @for (w of res.items; track w.assignmentId) {
                  <li data-testid="dash-drill-item"><a [routerLink]="['/cong-viec', w.assignmentId]">{{ 'editor.taskN' | rt: { n: w.taskOrdinal } }} — {{ w.taskContent }}</a>
                    <span class="dh-muted"> · {{ 'role.' + w.role | rt }} · {{ 'work.status.' + w.status | rt }} {{ w.percent }}%@if (w.due) { · {{ 'editor.taskDue' | rt: { date: (w.due | dmy) } }} }</span></li>
                } @empty {
                  <li class="dh-muted">{{ 'dash.drillNone' | rt }}</li>
                }
              </ul>
            }
          } @else {
            <p role="status">{{ 'common.loading' | rt }}</p>
          }
          <div class="dh-row-actions">
            <a class="dh-button dh-secondary" routerLink="/cong-viec/theo-doi" [queryParams]="trackingParams(dr.column)" data-testid="dash-drill-tracking">{{ 'dash.openTracking' | rt }}</a>
            <button type="button" class="dh-button dh-secondary" (click)="drill.set(null)" data-testid="dash-drill-close">{{ 'action.close' | rt }}</button>
          </div>
        </section>
      }

      @if (d.departments.length) {
        <h2 class="dh-h2" id="dash-dept">{{ 'dash.departments' | rt }}</h2>
        <dh-chart [options]="deptOption()" [summary]="deptSummary()" [height]="d.departments.length * 30 + 70" (clicked)="onClick($event, d.departments)" />
        <ng-container *ngTemplateOutlet="unitTable; context: { $implicit: d.departments, id: 'dept' }" />
      }

      @if (d.communes.length) {
        <h2 class="dh-h2" id="dash-communes">{{ 'dash.communes' | rt }}</h2>
        <p class="dh-muted">{{ 'dash.heatmapHint' | rt }}</p>
        <div class="dh-scroll">
          <dh-chart [options]="heatOption()" [summary]="heatSummary()" [height]="heatHeight()" (clicked)="onClick($event, d.communes)" />
        </div>
        <details>
          <summary>{{ 'dash.tableOf' | rt: { what: ('dash.communes' | rt) } }}</summary>
          <ng-container *ngTemplateOutlet="unitTable; context: { $implicit: d.communes, id: 'communes' }" />
        </details>
      }

      <h2 class="dh-h2" id="dash-overdue">{{ 'dash.overdue' | rt }} ({{ d.overdueTotal }})</h2>
      @if (d.overdue.length) {
        @if (d.overdueTotal > d.overdue.length) { <p class="dh-muted">{{ 'dash.overdueShown' | rt: { shown: d.overdue.length, total: d.overdueTotal } }}</p> }
        <div class="dh-table-wrap">
          <table class="dh-table dh-stack" aria-labelledby="dash-overdue" data-testid="dash-overdue">
            <thead><tr><th scope="col">{{ 'editor.task' | rt }}</th><th scope="col">{{ 'tracker.unit' | rt }}</th><th scope="col">{{ 'editor.due' | rt }}</th>
              <th scope="col" class="dh-n">{{ 'dash.daysOverdue' | rt }}</th><th scope="col" class="dh-n">{{ 'counts.percent' | rt }}</th></tr></thead>
            <tbody>
              @for (o of d.overdue; track o.assignmentId) {
                <tr data-testid="dash-overdue-row">
                  <td [attr.data-label]="'editor.task' | rt"><a [routerLink]="['/cong-viec', o.assignmentId]">{{ 'editor.taskN' | rt: { n: o.taskOrdinal } }} — {{ o.taskContent }}</a></td>
                  <td [attr.data-label]="'tracker.unit' | rt">{{ o.unitName }} <span class="dh-muted">({{ 'role.' + o.role | rt }})</span></td>
                  <td [attr.data-label]="'editor.due' | rt">{{ o.due | dmy }}</td>
                  <td class="dh-n dh-late" [attr.data-label]="'dash.daysOverdue' | rt">{{ o.daysOverdue }}</td>
                  <td class="dh-n" [attr.data-label]="'counts.percent' | rt">{{ o.percent }}%</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p class="dh-empty">{{ 'dash.noOverdue' | rt }}</p>
      }

      @if (d.indicators.length) {
        <h2 class="dh-h2" id="dash-ind">{{ 'editor.indicators' | rt }}</h2>
        @if (hasRates()) { <dh-chart [options]="indOption()" [summary]="indSummary()" [height]="260" /> }
        <div class="dh-table-wrap">
          <table class="dh-table dh-stack" aria-labelledby="dash-ind" data-testid="dash-indicators">
            <thead><tr><th scope="col">{{ 'indicator.name' | rt }}</th><th scope="col">{{ 'indicator.target' | rt }}</th><th scope="col">{{ 'indicator.figure' | rt }}</th>
              <th scope="col" class="dh-n">{{ 'indicator.reporting' | rt }}</th><th scope="col">{{ 'indicator.attainment' | rt }}</th></tr></thead>
            <tbody>
              @for (i of d.indicators; track i.indicatorId) {
                <tr data-testid="dash-indicator">
                  <td [attr.data-label]="'indicator.name' | rt"><strong>{{ 'dash.indicatorN' | rt: { n: i.ordinal } }}.</strong> {{ i.name }}</td>
                  <td [attr.data-label]="'indicator.target' | rt">{{ i.targetText || '—' }}</td>
                  <td [attr.data-label]="'indicator.figure' | rt">{{ figure(i) }}</td>
                  <td class="dh-n" [attr.data-label]="'indicator.reporting' | rt">{{ i.reporting }}/{{ i.expected }}</td>
                  <td [attr.data-label]="'indicator.attainment' | rt"><span class="dh-chip dh-a-{{ i.attainment }}">{{ 'attain.' + i.attainment | rt }}</span></td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }

      @if (d.periods.length) {
        <h2 class="dh-h2" id="dash-periods">{{ 'dash.completenessTitle' | rt }}</h2>
        <dh-chart [options]="complOption()" [summary]="complSummary()" [height]="260" (clicked)="onPeriodClick($event)" />
        <div class="dh-table-wrap">
          <table class="dh-table dh-stack" aria-labelledby="dash-periods" data-testid="dash-periods">
            <thead><tr><th scope="col">{{ 'editor.period' | rt }}</th><th scope="col">{{ 'editor.due' | rt }}</th><th scope="col">{{ 'editor.status' | rt }}</th>
              <th scope="col" class="dh-n">{{ 'dash.completeness' | rt }}</th><th scope="col" class="dh-n">{{ 'dash.timeliness' | rt }}</th></tr></thead>
            <tbody>
              @for (p of d.periods; track p.id) {
                <tr data-testid="dash-period">
                  <td [attr.data-label]="'editor.period' | rt"><a [routerLink]="['/bao-cao/ky', p.id, 'theo-doi']">{{ p.label }}</a></td>
                  <td [attr.data-label]="'editor.due' | rt">{{ p.dueDate | dmy }}</td>
                  <td [attr.data-label]="'editor.status' | rt"><span class="dh-chip dh-s-{{ p.status }}">{{ 'period.status.' + p.status | rt }}</span></td>
                  <td class="dh-n" [attr.data-label]="'dash.completeness' | rt">{{ p.completeness.submitted }}/{{ p.completeness.expected }} ({{ ratio(p.completeness.completeness) }})</td>
                  <td class="dh-n" [attr.data-label]="'dash.timeliness' | rt">{{ p.completeness.onTime }}/{{ p.completeness.expected }} ({{ ratio(p.completeness.timeliness) }})</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }

      @if (d.trend.length) {
        <h2 class="dh-h2" id="dash-trend">{{ 'dash.trend' | rt }}</h2>
        <dh-chart [options]="trendOpt()" [summary]="trendSummary()" [height]="260" />
        <table class="dh-visually-hidden" data-testid="dash-trend">
          <caption>{{ 'dash.trend' | rt }}</caption>
          <thead><tr><th scope="col">{{ 'dash.week' | rt }}</th><th scope="col">{{ 'dash.progressReports' | rt }}</th><th scope="col">{{ 'dash.completed' | rt }}</th></tr></thead>
          <tbody>
            @for (p of d.trend; track p.week) { <tr><td>{{ week(p.week) }}</td><td>{{ p.progressReports }}</td><td>{{ p.completed }}</td></tr> }
          </tbody>
        </table>
      }

      <h2 class="dh-h2" id="dash-approved">{{ 'dash.approved' | rt }}</h2>
      <ul class="dh-list" data-testid="dash-approved">
        @for (a of d.approvedReports; track a.id) {
          <li data-testid="dash-approved-item">
            <a [routerLink]="['/bao-cao/tong-hop', a.id]">{{ a.periodLabel }}</a>
            <span class="dh-muted"> · {{ 'report.revision' | rt: { n: a.revision } }} · {{ 'cons.approvedAt' | rt: { date: time(a.approvedAt) } }}</span>
            <dh-export-button subject="consolidated-report" [targetId]="a.id" format="docx" [describe]="a.periodLabel" />
          </li>
        } @empty {
          <li class="dh-empty">{{ 'dash.noApproved' | rt }}</li>
        }
      </ul>

      <ng-template #unitTable let-rows let-id="id">
        <div class="dh-table-wrap">
          <table class="dh-table dh-stack" [attr.data-testid]="'dash-table-' + id">
            <caption class="dh-visually-hidden">{{ (id === 'dept' ? 'dash.departments' : 'dash.communes') | rt }}</caption>
            <thead><tr><th scope="col">{{ 'tracker.unit' | rt }}</th><th scope="col" class="dh-n">{{ 'counts.total' | rt }}</th>
              @for (c of columns; track c) { <th scope="col" class="dh-n">{{ 'col.' + c | rt }}</th> }
              <th scope="col" class="dh-n">{{ 'counts.percent' | rt }}</th></tr></thead>
            <tbody>
              @for (u of asRows(rows); track u.unitCode) {
                <tr [attr.data-unit]="u.unitCode" data-testid="dash-unit-row">
                  <th scope="row">{{ u.unitName }}</th>
                  <td class="dh-n" [attr.data-label]="'counts.total' | rt">{{ num(u.counts.total) }}</td>
                  @for (c of columns; track c) {
                    <td class="dh-n" [attr.data-label]="'col.' + c | rt">
                      <button type="button" class="dh-cell" [disabled]="!u.counts[c]" (click)="open(u, c)" [attr.aria-label]="'dash.drillAria' | rt: { unit: u.unitName, column: ('col.' + c | rt), count: u.counts[c] }" [attr.data-testid]="'cell-' + c">{{ u.counts[c] }}</button>
                    </td>
                  }
                  <td class="dh-n" [attr.data-label]="'counts.percent' | rt">{{ pct(u.counts.percent, 0) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </ng-template>
    } @else {
      <p role="status">{{ 'common.loading' | rt }}</p>
    }
  `,
})
export class PlanDashboard {
  private readonly api = inject(ReportingApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly t = useReportText();
  /** From the route (component input binding). */
  readonly planId = input.required<string>();

  protected readonly columns = HEAT_COLUMNS;
  protected readonly ratio = ratio;
  protected readonly d = signal<PlanDashboardDto | null>(null);
  protected readonly failed = signal<string | null>(null);
  protected readonly drill = signal<{ unit: UnitProgressRowDto; column: HeatColumn } | null>(null);

  /** Options rebuild when the data or the language changes. */
  private readonly lang = computed(() => this.i18n.lang());
  protected readonly deptOption = computed(() => {
    this.lang();
    return departmentsOption(this.d()?.departments ?? [], this.t);
  });
  protected readonly deptSummary = computed(() => {
    this.lang();
    return stackedSummary((this.d()?.departments ?? []).map((u) => ({ label: u.unitName, counts: u.counts })), this.t);
  });
  protected readonly heatOption = computed(() => {
    this.lang();
    return heatmapOption(this.d()?.communes ?? [], this.t);
  });
  protected readonly heatSummary = computed(() => {
    this.lang();
    return stackedSummary((this.d()?.communes ?? []).map((u) => ({ label: u.unitName, counts: u.counts })), this.t);
  });
  protected readonly heatHeight = computed(() => heatmapHeight(this.d()?.communes.length ?? 0));
  protected readonly hasRates = computed(() => (this.d()?.indicators ?? []).some((i) => i.kind === 'rate' && i.value !== null));
  protected readonly indOption = computed(() => {
    this.lang();
    return indicatorsOption(this.d()?.indicators ?? [], this.t);
  });
  protected readonly indSummary = computed(() => {
    this.lang();
    const ind = this.d()?.indicators ?? [];
    return this.t('dash.indSummary', { total: ind.length, met: ind.filter((i) => i.attainment === 'met').length, notMet: ind.filter((i) => i.attainment === 'not-met').length });
  });
  protected readonly complOption = computed(() => {
    this.lang();
    return completenessOption(this.d()?.periods ?? [], this.t);
  });
  protected readonly complSummary = computed(() => {
    this.lang();
    return (this.d()?.periods ?? []).map((p) => this.t('dash.periodSummary', { label: p.label, pct: ratio(p.completeness.completeness) })).join('; ');
  });
  protected readonly trendOpt = computed(() => {
    this.lang();
    return trendOption(this.d()?.trend ?? [], this.t);
  });
  protected readonly trendSummary = computed(() => {
    this.lang();
    const tr = this.d()?.trend ?? [];
    return this.t('dash.trendSummary', { weeks: tr.length, reports: tr.reduce((n, p) => n + p.progressReports, 0), completed: tr.reduce((n, p) => n + p.completed, 0) });
  });

  protected readonly drillList = toSignal(
    toObservable(this.drill).pipe(
      switchMap((dr) =>
        dr
          ? this.api.assignments(drillQuery(this.planId(), dr.unit.unitCode, dr.column)).pipe(
              map((l) => ({ items: l.items, total: l.total, failed: null as string | null })),
              catchError((e) => of({ items: [], total: 0, failed: this.t('common.loadFailed', { detail: say(this.i18n.lang(), reportingProblem(e).message) }) })),
              startWith(undefined),
            )
          : of(undefined),
      ),
    ),
  );

  constructor() {
    effect(() => {
      const id = this.planId();
      untracked(() => {
        this.drill.set(null);
        this.api.planDashboard(id).subscribe({
          next: (d) => {
            this.failed.set(null);
            this.d.set(d);
          },
          error: (e) => this.failed.set(this.t('common.loadFailed', { detail: say(this.i18n.lang(), reportingProblem(e).message) })),
        });
      });
    });
  }

  /** A click on a heat map cell or a stacked bar: that unit's assignments in that column. */
  protected onClick(e: ChartClick, rows: UnitProgressRowDto[]): void {
    const target = drillTarget(e, rows);
    if (target) this.open(target.unit, target.column);
  }

  protected open(unit: UnitProgressRowDto, column: HeatColumn): void {
    this.drill.set({ unit, column });
    setTimeout(() => document.getElementById('dash-drill')?.focus?.());
  }

  /** A click on a period's bar opens its submission tracker. */
  protected onPeriodClick(e: ChartClick): void {
    const p = e.dataIndex !== undefined ? this.d()?.periods[e.dataIndex] : undefined;
    if (p) void this.router.navigate(['/bao-cao/ky', p.id, 'theo-doi']);
  }

  /** The tracking board's own query parameters (it reads planId and urgency; it has no unit filter). */
  protected trackingParams(column: HeatColumn): Record<string, string> {
    return column === 'overdue' ? { planId: this.planId(), urgency: 'overdue' } : { planId: this.planId() };
  }

  protected asRows(rows: unknown): UnitProgressRowDto[] {
    return rows as UnitProgressRowDto[];
  }

  /** A count with the thousands grouped as the language writes it ("13.360"). */
  protected num(v: number): string {
    return formatNumberVi(v);
  }

  protected pct(v: number | null, digits = 1): string {
    return percent(v, digits);
  }

  protected time(iso: string): string {
    return formatDmyTime(iso);
  }

  protected week(w: string): string {
    return weekLabel(w);
  }

  protected figure(i: PlanDashboardDto['indicators'][number]): string {
    if (i.kind === 'rate') return percent(i.value);
    if (i.kind === 'rank') return i.rank === null ? '—' : this.t('indicator.rankN', { n: i.rank });
    return i.value === null ? '—' : String(i.value).replace('.', ',');
  }
}
