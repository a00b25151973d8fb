import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { UnitScorecardDto } from '@dieu-hanh/shared/contracts';
import { DmyPipe, I18nService } from '@dieu-hanh/web/shared/i18n';
import { catchError, map, of } from 'rxjs';
import { ReportingApi, reportingProblem } from '../data-access';
import { ReportTextPipe, useReportText } from '../reports.messages';
import { say } from '../shared/format';

/**
 * The commune's scorecard (/bao-cao/diem-so), on a phone first: its plans with their progress, its
 * overdue assignments (each opening its work page), and its reports per period with their status — a
 * report to write opens (POST my-report starts it, pre-filled, or returns it).
 */
@Component({
  selector: 'dh-scorecard',
  imports: [RouterLink, DmyPipe, ReportTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/reports.css',
  template: `
    @if (data(); as res) {
      @if (res.failed) {
        <h1 class="dh-page-title">{{ 'score.title' | rt }}</h1>
        <p role="alert" class="dh-alert" data-testid="score-error">{{ res.failed }}</p>
      } @else if (res.value; as s) {
        <h1 class="dh-page-title">{{ 'score.titleOf' | rt: { unit: s.unitName } }}</h1>
        @if (error(); as e) { <p role="alert" class="dh-alert" data-testid="score-action-error">{{ e }}</p> }

        <section class="dh-panel" aria-labelledby="sc-plans">
          <h2 id="sc-plans">{{ 'score.plans' | rt }} ({{ s.plans.length }})</h2>
          <ul class="dh-cards">
            @for (p of s.plans; track p.planId) {
              <li data-testid="score-plan">
                <a [routerLink]="['/ke-hoach', p.planId]" class="dh-title">{{ p.planSymbol }}</a>
                <span class="dh-muted dh-clamp">{{ p.planTitle }}</span>
                <div class="dh-bar" role="img" [attr.aria-label]="'score.progress' | rt: { percent: p.counts.percent, done: p.counts.done, total: p.counts.total }"><span [style.width.%]="p.counts.percent"></span></div>
                <span class="dh-small">{{ 'score.progress' | rt: { percent: p.counts.percent, done: p.counts.done, total: p.counts.total } }}
                  @if (p.counts.overdue) { · <span class="dh-late">{{ 'score.overdueN' | rt: { count: p.counts.overdue } }}</span> }</span>
              </li>
            } @empty {
              <li class="dh-muted">{{ 'score.noPlans' | rt }}</li>
            }
          </ul>
        </section>

        <section class="dh-panel" aria-labelledby="sc-overdue">
          <h2 id="sc-overdue">{{ 'score.overdue' | rt }} ({{ s.overdue.length }})</h2>
          <ul class="dh-cards">
            @for (o of s.overdue; track o.assignmentId) {
              <li data-testid="score-overdue">
                <a [routerLink]="['/cong-viec', o.assignmentId]" class="dh-title">{{ 'editor.taskN' | rt: { n: o.taskOrdinal } }} — <span class="dh-clamp">{{ o.taskContent }}</span></a>
                <span class="dh-small"><span class="dh-late">{{ 'score.daysLate' | rt: { days: o.daysOverdue } }}</span> · {{ 'editor.taskDue' | rt: { date: (o.due | dmy) } }} · {{ o.percent }}%</span>
              </li>
            } @empty {
              <li class="dh-muted">{{ 'score.noOverdue' | rt }}</li>
            }
          </ul>
        </section>

        <section class="dh-panel" aria-labelledby="sc-reports">
          <h2 id="sc-reports">{{ 'score.reports' | rt }}</h2>
          <ul class="dh-cards">
            @for (r of s.reports; track r.periodId) {
              <li data-testid="score-report">
                <span class="dh-title">{{ r.periodLabel }} <span class="dh-muted">· {{ r.planSymbol }}</span></span>
                <span class="dh-small">
                  <span class="dh-chip dh-s-{{ r.status }}">{{ 'report.status.' + r.status | rt }}</span>
                  @if (r.onTime === true) { <span class="dh-chip dh-s-on-time">{{ 'common.onTime' | rt }}</span> }
                  @if (r.onTime === false) { <span class="dh-chip dh-s-late">{{ 'common.late' | rt }}</span> }
                  {{ 'home.due' | rt: { date: (r.dueDate | dmy) } }}
                </span>
                <button type="button" class="dh-button" [class.dh-secondary]="r.status !== 'missing' && r.status !== 'returned'" (click)="open(r.periodId)" [disabled]="busy()" data-testid="score-open-report">
                  {{ (r.status === 'missing' ? 'home.write' : 'home.openReport') | rt }}</button>
              </li>
            } @empty {
              <li class="dh-muted">{{ 'score.noReports' | rt }}</li>
            }
          </ul>
        </section>
      }
    } @else {
      <h1 class="dh-page-title">{{ 'score.title' | rt }}</h1>
      <p role="status">{{ 'common.loading' | rt }}</p>
    }
  `,
  styles: `
    :host { max-width: 40rem; }
    .dh-cards { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
    .dh-cards > li { display: grid; gap: .3rem; border-top: 1px solid var(--dh-line); padding-top: .5rem; }
    .dh-cards > li:first-child { border-top: 0; padding-top: 0; }
    .dh-title { font-weight: 600; }
    a.dh-title { display: block; min-height: 2.2rem; }
    .dh-small { font-size: .86rem; }
    .dh-clamp { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
    .dh-cards .dh-button { width: 100%; }
    @media (min-width: 600px) { .dh-cards .dh-button { width: auto; justify-self: start; } }
  `,
})
export class Scorecard {
  private readonly api = inject(ReportingApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly t = useReportText();
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly data = toSignal(
    this.api.scorecard().pipe(
      map((value) => ({ value: value as UnitScorecardDto | null, failed: null as string | null })),
      catchError((e) => of({ value: null, failed: this.t('common.loadFailed', { detail: say(this.i18n.lang(), reportingProblem(e).message) }) })),
    ),
  );

  /** POST my-report (idempotent), then open it. */
  protected open(periodId: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.myReport(periodId).subscribe({
      next: (r) => {
        this.busy.set(false);
        void this.router.navigate(['/bao-cao/don-vi', r.id]);
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(this.t('action.failed', { detail: say(this.i18n.lang(), reportingProblem(e).message) }));
      },
    });
  }
}
