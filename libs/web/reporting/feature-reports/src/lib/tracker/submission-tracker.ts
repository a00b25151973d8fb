import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { PeriodAction, ReportingPeriodDto, SubmissionTrackerDto } from '@dieu-hanh/shared/contracts';
import { DmyPipe, I18nService, formatDmy } from '@dieu-hanh/web/shared/i18n';
import { ReportingApi, reportingProblem } from '../data-access';
import { ExportButton } from '../export/export-button';
import { OpenPeriodForm } from '../home/open-period-form';
import { ReportTextPipe, useReportText } from '../reports.messages';
import { formatDmyTime, ratio, say } from '../shared/format';
import { IndicatorImport } from './indicator-import';
import { TRACKER_FILTERS, type TrackerFilter, filterCounts, filterRows } from './tracker-filter';

/**
 * Theo dõi nộp báo cáo (/bao-cao/ky/:periodId/theo-doi), for the focal unit and leaders: completeness and
 * timeliness, every expected unit with its report's status, when it submitted and was last urged; filter
 * chips and a search that ignores diacritics; urging the units that have not submitted; composing the
 * consolidated report; exports (XLSX) and, for the focal unit, the import of indicator values.
 */
@Component({
  selector: 'dh-submission-tracker',
  imports: [RouterLink, DmyPipe, ReportTextPipe, ExportButton, IndicatorImport, OpenPeriodForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/reports.css', './submission-tracker.css'],
  template: `
    <a class="dh-back" routerLink="/bao-cao" data-testid="tracker-back">{{ 'common.back' | rt }}</a>
    @if (missing(); as m) {
      <p role="alert" class="dh-alert" data-testid="tracker-missing">{{ m }}</p>
    } @else if (tr(); as tr) {
      <p class="dh-muted">{{ tr.period.planSymbol }} — {{ tr.period.planTitle }}</p>
      <h1 class="dh-page-title">{{ 'tracker.title' | rt: { period: tr.period.label } }}</h1>
      <p class="dh-intro">
        {{ 'tracker.due' | rt: { date: (tr.period.dueDate | dmy) } }} · <span class="dh-chip dh-s-{{ tr.period.status }}">{{ 'period.status.' + tr.period.status | rt }}</span>
        · {{ 'tracker.focal' | rt: { unit: tr.period.focalUnitName } }}
      </p>

      @if (notice(); as n) { <p role="status" class="dh-notice" data-testid="tracker-notice">{{ n }}</p> }
      @if (error(); as e) { <p role="alert" class="dh-alert" data-testid="tracker-error">{{ e }}</p> }

      <section class="dh-figures" [attr.aria-label]="'tracker.figures' | rt" data-testid="tracker-figures">
        <div class="dh-panel"><p class="dh-big">{{ pct(tr.completeness.completeness) }}</p><p>{{ 'tracker.completeness' | rt: { submitted: tr.completeness.submitted, expected: tr.completeness.expected } }}</p>
          <div class="dh-bar" aria-hidden="true"><span [style.width.%]="tr.completeness.completeness * 100"></span></div></div>
        <div class="dh-panel"><p class="dh-big">{{ pct(tr.completeness.timeliness) }}</p><p>{{ 'tracker.timeliness' | rt: { onTime: tr.completeness.onTime, expected: tr.completeness.expected } }}</p>
          <div class="dh-bar" aria-hidden="true"><span [style.width.%]="tr.completeness.timeliness * 100"></span></div></div>
        <div class="dh-panel"><p class="dh-big">{{ tr.completeness.accepted }}</p><p>{{ 'tracker.accepted' | rt }}</p></div>
        <div class="dh-panel"><p class="dh-big dh-late">{{ counts().missing }}</p><p>{{ 'tracker.notSubmitted' | rt }}</p></div>
      </section>

      <div class="dh-row-actions">
        @if (may('urge') && counts().missing > 0) {
          <button type="button" class="dh-button" (click)="askUrge()" [disabled]="busy()" data-testid="tracker-urge">{{ 'tracker.urge' | rt }}</button>
        }
        @if (tr.period.consolidated; as c) {
          <a class="dh-button dh-secondary" [routerLink]="['/bao-cao/tong-hop', c.id]" data-testid="tracker-consolidated">{{ 'home.consolidated' | rt }} · {{ 'consolidated.status.' + c.status | rt }}</a>
        } @else if (may('consolidate')) {
          <button type="button" class="dh-button dh-secondary" (click)="consolidate()" [disabled]="busy()" data-testid="tracker-consolidate">{{ 'tracker.consolidate' | rt }}</button>
        }
        @if (may('close') && tr.period.status === 'open') {
          <button type="button" class="dh-button dh-danger" (click)="confirmClose.set(true)" [disabled]="busy()" data-testid="tracker-close">{{ 'tracker.close' | rt }}</button>
        }
        @if (may('consolidate') && !opening()) {
          <button type="button" class="dh-button dh-secondary" (click)="opening.set(true)" data-testid="tracker-open-period">{{ 'home.openPeriod' | rt }}</button>
        }
      </div>
      @if (urging()) {
        <div class="dh-confirm" role="dialog" aria-modal="false" [attr.aria-label]="'tracker.urgeConfirm' | rt: { count: counts().missing }" data-testid="urge-confirm">
          <p>{{ 'tracker.urgeConfirm' | rt: { count: counts().missing } }}</p>
          <label class="dh-l">{{ 'tracker.urgeMessage' | rt }}
            <textarea maxlength="1000" [value]="urgeMessage()" (input)="urgeMessage.set($any($event.target).value)" data-testid="urge-message"></textarea>
          </label>
          <div class="dh-row-actions">
            <button type="button" class="dh-button" (click)="urge()" [disabled]="busy()" data-testid="urge-send">{{ 'tracker.urgeSend' | rt }}</button>
            <button type="button" class="dh-button dh-secondary" (click)="urging.set(false)" data-testid="urge-cancel">{{ 'action.cancel' | rt }}</button>
          </div>
        </div>
      }
      @if (confirmClose()) {
        <div class="dh-confirm" role="dialog" aria-modal="false" [attr.aria-label]="'tracker.closeConfirm' | rt" data-testid="close-confirm">
          <p>{{ 'tracker.closeConfirm' | rt }}</p>
          <div class="dh-row-actions">
            <button type="button" class="dh-button dh-danger" (click)="close()" [disabled]="busy()" data-testid="close-send">{{ 'tracker.close' | rt }}</button>
            <button type="button" class="dh-button dh-secondary" (click)="confirmClose.set(false)">{{ 'action.cancel' | rt }}</button>
          </div>
        </div>
      }
      @if (opening()) {
        <dh-open-period-form [planId]="tr.period.planId" [planLabel]="tr.period.planSymbol" (opened)="onOpened($event)" (cancelled)="opening.set(false)" />
      }

      <h2 class="dh-h2" id="tracker-units">{{ 'tracker.units' | rt }}</h2>
      <div class="dh-filters" role="search">
        <div class="dh-chips" role="group" [attr.aria-label]="'tracker.filter' | rt">
          @for (f of filters; track f) {
            <button type="button" class="dh-filter" [attr.aria-pressed]="filter() === f" (click)="filter.set(f)" [attr.data-testid]="'filter-' + f">{{ 'tracker.filter.' + f | rt }} ({{ counts()[f] }})</button>
          }
        </div>
        <label class="dh-l dh-q">{{ 'tracker.search' | rt }}
          <input type="search" [value]="q()" (input)="q.set($any($event.target).value)" [placeholder]="'tracker.searchHint' | rt" data-testid="tracker-q" />
        </label>
      </div>
      <p class="dh-muted" aria-live="polite" data-testid="tracker-shown">{{ 'tracker.shown' | rt: { shown: rows().length, total: tr.rows.length } }}</p>
      <div class="dh-table-wrap">
        <table class="dh-table dh-stack" aria-labelledby="tracker-units" data-testid="tracker-table">
          <thead><tr>
            <th scope="col">{{ 'tracker.unit' | rt }}</th><th scope="col">{{ 'tracker.tier' | rt }}</th><th scope="col">{{ 'tracker.status' | rt }}</th>
            <th scope="col">{{ 'tracker.submittedAt' | rt }}</th><th scope="col">{{ 'tracker.timely' | rt }}</th><th scope="col">{{ 'tracker.lastUrged' | rt }}</th>
          </tr></thead>
          <tbody>
            @for (row of rows(); track row.unitCode) {
              <tr data-testid="tracker-row" [attr.data-unit]="row.unitCode">
                <td [attr.data-label]="'tracker.unit' | rt">
                  @if (row.reportId) { <a [routerLink]="['/bao-cao/don-vi', row.reportId]" data-testid="tracker-report-link">{{ row.unitName }}</a> } @else { {{ row.unitName }} }
                </td>
                <td [attr.data-label]="'tracker.tier' | rt">{{ 'tier.' + row.tier | rt }}</td>
                <td [attr.data-label]="'tracker.status' | rt"><span class="dh-chip dh-s-{{ row.status }}">{{ 'report.status.' + row.status | rt }}</span></td>
                <td [attr.data-label]="'tracker.submittedAt' | rt">{{ time(row.submittedAt) || '—' }}</td>
                <td [attr.data-label]="'tracker.timely' | rt">
                  @if (row.late) { <span class="dh-chip dh-s-late">{{ 'common.late' | rt }}</span> }
                  @else if (row.onTime) { <span class="dh-chip dh-s-on-time">{{ 'common.onTime' | rt }}</span> }
                  @else { — }
                </td>
                <td [attr.data-label]="'tracker.lastUrged' | rt">{{ time(row.lastUrgedAt) || '—' }}</td>
              </tr>
            } @empty {
              <tr><td colspan="6" class="dh-muted">{{ 'tracker.none' | rt }}</td></tr>
            }
          </tbody>
        </table>
      </div>

      <section class="dh-panel dh-io" aria-labelledby="tracker-exports">
        <h2 id="tracker-exports">{{ 'tracker.exports' | rt }}</h2>
        <div class="dh-row-actions">
          <dh-export-button subject="indicator-values" [targetId]="tr.period.id" format="xlsx" [label]="'tracker.exportIndicators' | rt" [describe]="tr.period.label" />
          <dh-export-button subject="plan-assignments" [targetId]="tr.period.planId" format="xlsx" [label]="'tracker.exportAssignments' | rt" [describe]="tr.period.planSymbol" />
        </div>
        @if (may('consolidate')) {
          <h3 class="dh-h3">{{ 'import.title' | rt }}</h3>
          <dh-indicator-import [periodId]="tr.period.id" (imported)="reload()" />
        }
      </section>
    } @else {
      <p role="status">{{ 'common.loading' | rt }}</p>
    }
  `,
})
export class SubmissionTracker {
  private readonly api = inject(ReportingApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly t = useReportText();
  /** From the route (component input binding). */
  readonly periodId = input.required<string>();

  protected readonly filters = TRACKER_FILTERS;
  protected readonly tr = signal<SubmissionTrackerDto | null>(null);
  protected readonly missing = signal<string | null>(null);
  protected readonly filter = signal<TrackerFilter>('all');
  protected readonly q = signal('');
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly urging = signal(false);
  protected readonly urgeMessage = signal('');
  protected readonly confirmClose = signal(false);
  protected readonly opening = signal(false);

  protected readonly counts = computed(() => filterCounts(this.tr()?.rows ?? []));
  protected readonly rows = computed(() => filterRows(this.tr()?.rows ?? [], this.filter(), this.q()));

  constructor() {
    effect(() => {
      const id = this.periodId();
      untracked(() => this.load(id));
    });
  }

  protected may(a: PeriodAction): boolean {
    return this.tr()?.period.allowedActions.includes(a) ?? false;
  }

  protected pct(v: number): string {
    return ratio(v);
  }

  protected time(iso: string | null): string {
    return formatDmyTime(iso);
  }

  protected askUrge(): void {
    this.urging.set(true);
    this.urgeMessage.set('');
    this.notice.set(null);
    this.error.set(null);
  }

  /** POST urge (every unit that has not submitted), then reload for the "last urged" column. */
  urge(): void {
    if (this.busy()) return;
    this.busy.set(true);
    const message = this.urgeMessage().trim();
    this.api.urge(this.periodId(), message ? { message } : {}).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.urging.set(false);
        this.notice.set(r.urged > 0 ? this.t('tracker.urged', { count: r.urged }) : this.t('tracker.urgedNone'));
        this.reload();
      },
      error: (e) => this.fail(e),
    });
  }

  /** POST consolidated (composes it, or returns it), then opens it. */
  protected consolidate(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.api.consolidate(this.periodId()).subscribe({
      next: (c) => {
        this.busy.set(false);
        void this.router.navigate(['/bao-cao/tong-hop', c.id]);
      },
      error: (e) => this.fail(e),
    });
  }

  protected close(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.api.closePeriod(this.periodId()).subscribe({
      next: () => {
        this.busy.set(false);
        this.confirmClose.set(false);
        this.notice.set(this.t('tracker.closed'));
        this.reload();
      },
      error: (e) => this.fail(e),
    });
  }

  protected onOpened(p: ReportingPeriodDto): void {
    this.opening.set(false);
    this.notice.set(this.t('open.done', { label: p.label, date: formatDmy(p.dueDate) }));
  }

  reload(): void {
    this.load(this.periodId());
  }

  private fail(e: unknown): void {
    this.busy.set(false);
    this.error.set(this.t('action.failed', { detail: say(this.i18n.lang(), reportingProblem(e).message) }));
  }

  private load(id: string): void {
    this.api.tracker(id).subscribe({
      next: (tr) => {
        this.missing.set(null);
        this.tr.set(tr);
      },
      error: (e) => {
        if (this.tr()) return;
        this.missing.set(this.t('common.loadFailed', { detail: say(this.i18n.lang(), reportingProblem(e).message) }));
      },
    });
  }
}
