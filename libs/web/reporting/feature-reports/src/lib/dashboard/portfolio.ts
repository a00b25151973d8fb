import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { PortfolioDto, StatusCountsDto } from '@dieu-hanh/shared/contracts';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { catchError, map, of } from 'rxjs';
import { ReportingApi, reportingProblem } from '../data-access';
import { ReportTextPipe, useReportText } from '../reports.messages';
import { ratio, say } from '../shared/format';
import { Chart } from './chart';
import { STATUS_COLORS, STATUS_PARTS, type StatusPart, columnLabel, portfolioOption, stackedSummary } from './chart-options';

/** The widths (percent) of a stacked bar's segments, one per status, from a plan's counts. */
export function segments(c: StatusCountsDto): { part: StatusPart; count: number; width: number; color: string }[] {
  return STATUS_PARTS.map((part) => ({ part, count: c[part], width: c.total ? (c[part] / c.total) * 100 : 0, color: STATUS_COLORS[part] }));
}

/**
 * Tổng quan thực hiện kế hoạch (/bao-cao/tong-quan): a card per plan the caller sees with its lead
 * assignments by status (a stacked bar), its mean progress, overdue count and its latest period's
 * completeness; the same figures as one chart; each card opens the plan's dashboard.
 */
@Component({
  selector: 'dh-portfolio',
  imports: [RouterLink, ReportTextPipe, Chart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/reports.css', './dashboard.css'],
  template: `
    <a class="dh-back" routerLink="/bao-cao">{{ 'common.back' | rt }}</a>
    <h1 class="dh-page-title">{{ 'dash.portfolio' | rt }}</h1>
    <p class="dh-intro">{{ 'dash.portfolioIntro' | rt }}</p>
    @if (data(); as d) {
      @if (d.failed) {
        <p role="alert" class="dh-alert" data-testid="portfolio-error">{{ d.failed }}</p>
      } @else if (d.value.plans.length === 0) {
        <p class="dh-empty" data-testid="portfolio-empty">{{ 'dash.noPlans' | rt }}</p>
      } @else {
        <ul class="dh-legend" aria-hidden="true">
          @for (p of parts; track p) { <li><span class="dh-swatch" [style.background]="colors[p]"></span>{{ 'col.' + p | rt }}</li> }
        </ul>
        <div class="dh-cards">
          @for (p of d.value.plans; track p.planId) {
            <section class="dh-panel" [attr.aria-labelledby]="'pf-' + p.planId" data-testid="portfolio-plan">
              <h2 [id]="'pf-' + p.planId"><a [routerLink]="['/bao-cao/tong-quan', p.planId]" data-testid="portfolio-open">{{ p.planSymbol }}</a></h2>
              <p>{{ p.planTitle }}</p>
              <div class="dh-stack-bar" role="img" [attr.aria-label]="'counts.line' | rt: line(p.counts)">
                @for (s of segs(p.counts); track s.part) { <span [style.width.%]="s.width" [style.background]="s.color"></span> }
              </div>
              <p data-testid="portfolio-counts">{{ 'counts.line' | rt: line(p.counts) }}</p>
              <p>{{ 'dash.meanProgress' | rt: { percent: p.counts.percent } }}</p>
              @if (p.latestPeriod; as lp) {
                <p data-testid="portfolio-period">{{ 'dash.latestPeriod' | rt: { label: lp.label, submitted: lp.completeness.submitted, expected: lp.completeness.expected, pct: pct(lp.completeness.completeness) } }}</p>
              }
            </section>
          }
        </div>
        <h2 class="dh-h2" id="pf-chart">{{ 'dash.byPlan' | rt }}</h2>
        <dh-chart [options]="option()!" [summary]="summary()" [height]="chartHeight()" />
      }
    } @else {
      <p role="status">{{ 'common.loading' | rt }}</p>
    }
  `,
})
export class Portfolio {
  private readonly api = inject(ReportingApi);
  private readonly i18n = inject(I18nService);
  private readonly t = useReportText();
  protected readonly parts = STATUS_PARTS;
  protected readonly colors = STATUS_COLORS;

  protected readonly data = toSignal(
    this.api.portfolio().pipe(
      map((value) => ({ value, failed: null as string | null })),
      catchError((e) => of({ value: { plans: [] } as PortfolioDto, failed: this.t('common.loadFailed', { detail: say(this.i18n.lang(), reportingProblem(e).message) }) })),
    ),
  );
  protected readonly option = computed(() => {
    this.i18n.lang();
    const d = this.data();
    return d ? portfolioOption(d.value.plans, this.t) : null;
  });
  protected readonly summary = computed(() => {
    this.i18n.lang();
    return stackedSummary((this.data()?.value.plans ?? []).map((p) => ({ label: p.planSymbol, counts: p.counts })), this.t);
  });
  protected readonly chartHeight = computed(() => Math.max(160, (this.data()?.value.plans.length ?? 0) * 36 + 70));

  protected segs(c: StatusCountsDto) {
    return segments(c);
  }

  protected line(c: StatusCountsDto): Record<string, number> {
    return { total: c.total, done: c.done, inProgress: c.inProgress, notStarted: c.notStarted, unable: c.unable, overdue: c.overdue };
  }

  protected label(p: StatusPart): string {
    return columnLabel(this.t, p);
  }

  protected pct(v: number): string {
    return ratio(v);
  }
}
