import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { PeriodStatus, PlanSummaryDto, ReportingPeriodDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, I18nService, formatDmy } from '@dieu-hanh/web/shared/i18n';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { ReportingApi, reportingProblem } from '../data-access';
import { ratio, say } from '../shared/format';
import { ReportTextPipe, useReportText } from '../reports.messages';
import { OpenPeriodForm } from './open-period-form';

/** One plan's periods on the reports home, and whether the caller may open a period on it. */
export interface PlanGroup {
  planId: string;
  planLabel: string;
  planTitle: string;
  periods: ReportingPeriodDto[];
  canOpen: boolean;
}

/**
 * The periods grouped by plan, in the API's order of plans; inside a plan the open periods first, then
 * by due date, newest first. Plans the caller's unit is focal for come too (with no period yet), so the
 * first period can be opened; a plan where a period allows 'consolidate' may be given a new period.
 */
export function groupByPlan(periods: ReportingPeriodDto[], focalPlans: Pick<PlanSummaryDto, 'id' | 'number' | 'symbol' | 'title'>[] = []): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  const focal = new Set(focalPlans.map((p) => p.id));
  for (const p of periods) {
    let g = groups.get(p.planId);
    if (!g) groups.set(p.planId, (g = { planId: p.planId, planLabel: p.planSymbol, planTitle: p.planTitle, periods: [], canOpen: focal.has(p.planId) }));
    g.periods.push(p);
    if (p.allowedActions.includes('consolidate')) g.canOpen = true;
  }
  for (const p of focalPlans) {
    if (!groups.has(p.id)) groups.set(p.id, { planId: p.id, planLabel: p.number ? `${p.number}/${p.symbol}` : p.symbol, planTitle: p.title, periods: [], canOpen: true });
  }
  for (const g of groups.values()) {
    g.periods.sort((a, b) => (a.status === b.status ? b.dueDate.localeCompare(a.dueDate) : a.status === 'open' ? -1 : 1));
  }
  return [...groups.values()];
}

/**
 * Báo cáo (/bao-cao): the periods the caller sees (GET /reporting/periods) grouped by plan, each with its
 * due date, status, completeness (submitted / expected, on time), the caller's own report and the links
 * its `allowedActions` allow: write the unit's report, follow the submissions, the consolidated report;
 * and, for the focal unit, opening a new period on a plan.
 */
@Component({
  selector: 'dh-reports-home',
  imports: [RouterLink, DmyPipe, ReportTextPipe, OpenPeriodForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/reports.css',
  template: `
    <h1 class="dh-page-title">{{ 'home.title' | rt }}</h1>
    <p class="dh-intro">{{ 'home.intro' | rt }}</p>
    <div class="dh-row-actions dh-top">
      <label class="dh-l">{{ 'home.status' | rt }}
        <select (change)="status.set($any($event.target).value)" data-testid="home-status">
          <option value="">{{ 'filter.all' | rt }}</option>
          <option value="open" [selected]="status() === 'open'">{{ 'period.status.open' | rt }}</option>
          <option value="closed" [selected]="status() === 'closed'">{{ 'period.status.closed' | rt }}</option>
        </select>
      </label>
      <a class="dh-button dh-secondary" routerLink="/bao-cao/tong-quan" data-testid="home-dashboard">{{ 'home.dashboard' | rt }}</a>
      <a class="dh-button dh-secondary" routerLink="/bao-cao/diem-so" data-testid="home-scorecard">{{ 'home.scorecard' | rt }}</a>
    </div>

    @if (notice(); as n) { <p role="status" class="dh-notice" data-testid="home-notice">{{ n }}</p> }
    @if (error(); as e) { <p role="alert" class="dh-alert" data-testid="home-error">{{ e }}</p> }

    @if (groups(); as list) {
      @for (g of list; track g.planId) {
        <section class="dh-panel" [attr.aria-labelledby]="'plan-' + g.planId" data-testid="home-plan" [attr.data-plan-id]="g.planId">
          <h2 [id]="'plan-' + g.planId">{{ g.planLabel }} — {{ g.planTitle }}</h2>
          @if (g.canOpen) {
            @if (openFor() === g.planId) {
              <dh-open-period-form [planId]="g.planId" [planLabel]="g.planLabel" (opened)="onOpened($event)" (cancelled)="openFor.set(null)" />
            } @else {
              <button type="button" class="dh-button dh-secondary" (click)="openFor.set(g.planId)" data-testid="home-open-period">{{ 'home.openPeriod' | rt }}</button>
            }
          }
          <ul class="dh-periods">
            @for (p of g.periods; track p.id) {
              <li data-testid="home-period" [attr.data-period-id]="p.id">
                <p class="dh-line">
                  <strong>{{ p.label }}</strong>
                  <span class="dh-chip">{{ 'period.kind.' + p.kind | rt }}</span>
                  <span class="dh-chip dh-s-{{ p.status }}">{{ 'period.status.' + p.status | rt }}</span>
                  <span class="dh-muted">{{ 'home.due' | rt: { date: (p.dueDate | dmy) } }}</span>
                </p>
                <div class="dh-completeness" data-testid="home-completeness">
                  <div class="dh-bar" role="img" [attr.aria-label]="'home.completeness' | rt: { submitted: p.completeness.submitted, expected: p.completeness.expected, onTime: p.completeness.onTime }">
                    <span [style.width.%]="p.completeness.completeness * 100"></span>
                  </div>
                  <span>{{ 'home.completeness' | rt: { submitted: p.completeness.submitted, expected: p.completeness.expected, onTime: p.completeness.onTime } }} ({{ pct(p.completeness.completeness) }})</span>
                </div>
                <p class="dh-line" data-testid="home-my-report">
                  {{ 'home.myReport' | rt }}:
                  @if (p.myReport; as r) {
                    <span class="dh-chip dh-s-{{ r.status }}">{{ 'report.status.' + r.status | rt }}</span>
                    @if (r.revision > 1) { <span class="dh-muted">{{ 'report.revision' | rt: { n: r.revision } }}</span> }
                  } @else if (p.allowedActions.includes('write-report')) {
                    <span class="dh-chip dh-s-missing">{{ 'report.status.missing' | rt }}</span>
                  } @else {
                    <span class="dh-muted">{{ 'home.notExpected' | rt }}</span>
                  }
                </p>
                <div class="dh-row-actions">
                  @if (p.myReport; as r) {
                    <a class="dh-button" [routerLink]="['/bao-cao/don-vi', r.id]" data-testid="home-open-report">{{ 'home.openReport' | rt }}</a>
                  } @else if (p.allowedActions.includes('write-report')) {
                    <button type="button" class="dh-button" (click)="write(p)" [disabled]="busy()" data-testid="home-write">{{ 'home.write' | rt }}</button>
                  }
                  @if (p.allowedActions.includes('track')) {
                    <a class="dh-button dh-secondary" [routerLink]="['/bao-cao/ky', p.id, 'theo-doi']" data-testid="home-track">{{ 'home.track' | rt }}</a>
                  }
                  @if (p.consolidated; as c) {
                    <a class="dh-button dh-secondary" [routerLink]="['/bao-cao/tong-hop', c.id]" data-testid="home-consolidated">{{ 'home.consolidated' | rt }} · {{ 'consolidated.status.' + c.status | rt }}</a>
                  } @else if (p.allowedActions.includes('consolidate')) {
                    <button type="button" class="dh-button dh-secondary" (click)="consolidate(p)" [disabled]="busy()" data-testid="home-consolidate">{{ 'home.consolidated' | rt }}</button>
                  }
                </div>
              </li>
            } @empty {
              <li class="dh-muted">{{ 'home.noPeriod' | rt }}</li>
            }
          </ul>
        </section>
      } @empty {
        <p class="dh-empty" data-testid="home-empty">{{ 'home.empty' | rt }}</p>
      }
    } @else if (loadError(); as e) {
      <p role="alert" class="dh-alert">{{ e }}</p>
    } @else {
      <p role="status">{{ 'common.loading' | rt }}</p>
    }
  `,
  styles: `
    .dh-top { margin: 0 0 .75rem; align-items: flex-end; }
    .dh-top .dh-l { min-width: 12rem; }
    .dh-periods { list-style: none; margin: .5rem 0 0; padding: 0; display: grid; gap: .6rem; }
    .dh-periods > li { border-top: 1px solid var(--dh-line); padding-top: .55rem; }
    .dh-periods > li:first-child { border-top: 0; padding-top: 0; }
    .dh-line { margin: .15rem 0; display: flex; flex-wrap: wrap; gap: .2rem .5rem; align-items: baseline; }
    .dh-completeness { display: grid; grid-template-columns: minmax(6rem, 12rem) 1fr; gap: .6rem; align-items: center; font-size: .86rem; margin: .25rem 0; }
    @media (max-width: 600px) { .dh-completeness { grid-template-columns: 1fr; gap: .2rem; } }
  `,
})
export class ReportsHome {
  private readonly api = inject(ReportingApi);
  private readonly plansApi = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly t = useReportText();

  protected readonly status = signal<PeriodStatus | ''>('');
  private readonly reload = signal(0);
  protected readonly openFor = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly loadError = signal<string | null>(null);

  private readonly periods = toSignal(
    toObservable(computed(() => ({ status: this.status(), reload: this.reload() }))).pipe(
      switchMap(({ status }) => {
        this.loadError.set(null);
        return this.api.periods({ status }).pipe(
          map((r) => r.items),
          catchError((e) => {
            this.loadError.set(this.t('common.loadFailed', { detail: say(this.i18n.lang(), reportingProblem(e).message) }));
            return of(null);
          }),
          startWith(undefined),
        );
      }),
    ),
  );
  /** Plans the caller's unit is focal for: a first period can be opened on them. */
  private readonly focalPlans = toSignal(
    this.plansApi.plans({ status: 'issued', role: 'focal' }).pipe(
      map((r) => r.items),
      catchError(() => of([] as PlanSummaryDto[])),
    ),
    { initialValue: [] as PlanSummaryDto[] },
  );
  protected readonly groups = computed(() => {
    const periods = this.periods();
    return periods ? groupByPlan(periods, this.focalPlans()) : null;
  });

  protected pct(v: number): string {
    return ratio(v);
  }

  /** POST my-report (idempotent: starts the unit's report, pre-filled, or returns it), then opens it. */
  protected write(p: ReportingPeriodDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.myReport(p.id).subscribe({
      next: (r) => {
        this.busy.set(false);
        void this.router.navigate(['/bao-cao/don-vi', r.id]);
      },
      error: (e) => this.fail(e),
    });
  }

  /** POST consolidated (idempotent: composes it, or returns it), then opens it. */
  protected consolidate(p: ReportingPeriodDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.consolidate(p.id).subscribe({
      next: (c) => {
        this.busy.set(false);
        void this.router.navigate(['/bao-cao/tong-hop', c.id]);
      },
      error: (e) => this.fail(e),
    });
  }

  protected onOpened(p: ReportingPeriodDto): void {
    this.openFor.set(null);
    this.notice.set(this.t('open.done', { label: p.label, date: formatDmy(p.dueDate) }));
    this.reload.update((n) => n + 1);
  }

  private fail(e: unknown): void {
    this.busy.set(false);
    this.error.set(this.t('action.failed', { detail: say(this.i18n.lang(), reportingProblem(e).message) }));
  }
}
