import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ConsolidatedReportAction, ConsolidatedReportDto, ReportSectionsDto } from '@dieu-hanh/shared/contracts';
import { DmyPipe } from '@dieu-hanh/web/shared/i18n';
import { type Observable, of, switchMap } from 'rxjs';
import { type ConsolidatedDecision, ReportingApi } from '../data-access';
import { ExportButton } from '../export/export-button';
import { ReportTextPipe } from '../reports.messages';
import { ReportPage } from '../shared/report-page';
import { formatDmyTime, percent, ratio } from '../shared/format';
import { ReasonDialog } from '../shared/reason-dialog';
import { type ConsolidatedDraft, consolidatedDraft, consolidatedSaveRequest } from './consolidated-draft';

const SECTIONS: (keyof ReportSectionsDto)[] = ['results', 'difficulties', 'proposals'];
const DECISIONS: ConsolidatedDecision[] = ['submit', 'approve', 'return', 'reopen'];
type DocField = 'documentNumber' | 'place' | 'documentDate' | 'signerTitle' | 'signerName';

/**
 * The consolidated report (/bao-cao/tong-hop/:id): the document's number, place, date, recipients and
 * signer, the three sections (editable in draft or returned), the figures composed from the unit reports
 * and the read models (tasks by status, indicators against targets, completeness), the unit reports, and
 * the decisions `allowedActions` lists: submit to the leader, approve, return, reopen; exports.
 */
@Component({
  selector: 'dh-consolidated-report',
  imports: [RouterLink, DmyPipe, ReportTextPipe, ExportButton, ReasonDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/reports.css', '../unit-report/unit-report-editor.css'],
  template: `
    <a class="dh-back" routerLink="/bao-cao" data-testid="cons-back">{{ 'common.back' | rt }}</a>
    @if (missing(); as m) {
      <p role="alert" class="dh-alert" data-testid="cons-missing">{{ m }}</p>
    } @else if (c(); as c) {
      <p class="dh-muted">{{ c.planSymbol }} — {{ c.planTitle }}</p>
      <h1 class="dh-page-title">{{ 'cons.title' | rt: { period: c.periodLabel } }}</h1>
      @if (conflict()) { <p class="dh-alert" role="alert" data-testid="cons-conflict">{{ 'editor.conflict' | rt }}</p> }
      @if (notice(); as n) { <p class="dh-notice" role="status" data-testid="cons-notice">{{ n }}</p> }
      @if (error(); as e) { <p class="dh-alert" role="alert" data-testid="cons-error">{{ e }}</p> }

      <section class="dh-panel" aria-labelledby="ch-doc">
        <h2 id="ch-doc">{{ 'cons.document' | rt }}</h2>
        <dl class="dh-facts">
          <dt>{{ 'cons.focal' | rt }}</dt><dd>{{ c.focalUnitName }}</dd>
          <dt>{{ 'editor.status' | rt }}</dt>
          <dd data-testid="cons-status"><span class="dh-chip dh-s-{{ c.status }}">{{ 'consolidated.status.' + c.status | rt }}</span> <span class="dh-muted">{{ 'report.revision' | rt: { n: c.revision } }}</span>
            @if (c.approvedAt) { <span class="dh-muted">· {{ 'cons.approvedAt' | rt: { date: time(c.approvedAt) } }}</span> }</dd>
          @if (c.revisionReason) { <dt>{{ 'editor.revisionReason' | rt }}</dt><dd>{{ c.revisionReason }}</dd> }
        </dl>
        @if (c.status === 'returned' && c.returnReason) {
          <p class="dh-returned" role="note" data-testid="cons-return-reason"><strong>{{ 'editor.returnReason' | rt }}:</strong> {{ c.returnReason }}</p>
        }
        @if (editable()) {
          <div class="dh-form dh-doc-form">
            @for (f of docFields; track f) {
              <label [class.dh-wide]="f === 'signerTitle'">{{ 'cons.' + f | rt }}
                <input type="text" maxlength="500" [value]="draft()[f]" (input)="setField(f, $any($event.target).value)" [attr.aria-invalid]="!!errors()[f]"
                  [attr.placeholder]="f === 'documentDate' ? 'dd/mm/yyyy' : null" [attr.data-testid]="'cons-' + f" />
              </label>
              @if (errors()[f]; as e) { <p class="dh-field-error" role="alert">{{ e | rt }}</p> }
            }
            <label class="dh-wide">{{ 'cons.recipients' | rt }}
              <textarea rows="4" [value]="draft().recipients" (input)="setField('recipients', $any($event.target).value)" aria-describedby="ch-rec-hint" data-testid="cons-recipients"></textarea>
            </label>
            <p id="ch-rec-hint" class="dh-muted dh-wide">{{ 'cons.recipientsHint' | rt }}</p>
          </div>
        } @else {
          <dl class="dh-facts" data-testid="cons-doc">
            <dt>{{ 'cons.documentNumber' | rt }}</dt><dd>{{ c.documentNumber || '—' }}</dd>
            <dt>{{ 'cons.placeDate' | rt }}</dt><dd>{{ c.place }}@if (c.documentDate) {, {{ c.documentDate | dmy }} }</dd>
            <dt>{{ 'cons.recipients' | rt }}</dt><dd>@for (r of c.recipients; track $index) { <div>{{ r }}</div> } @empty { — }</dd>
            <dt>{{ 'cons.signer' | rt }}</dt><dd>{{ c.signerTitle || '—' }}@if (c.signerName) { — {{ c.signerName }} }</dd>
          </dl>
        }
      </section>

      <section class="dh-panel" aria-labelledby="ch-sections">
        <h2 id="ch-sections">{{ 'editor.sections' | rt }}</h2>
        @for (s of sections; track s) {
          @if (editable()) {
            <label class="dh-l dh-section">{{ 'section.' + s | rt }}
              <textarea rows="6" maxlength="50000" [value]="draft().sections[s]" (input)="setSection(s, $any($event.target).value)" [attr.data-testid]="'section-' + s"></textarea>
            </label>
          } @else {
            <h3 class="dh-h3">{{ 'section.' + s | rt }}</h3>
            <p class="dh-text" [attr.data-testid]="'section-' + s">{{ c.sections[s] || ('common.none' | rt) }}</p>
          }
        }
      </section>

      <section class="dh-panel" aria-labelledby="ch-tasks">
        <h2 id="ch-tasks">{{ 'cons.tasks' | rt }}</h2>
        <p data-testid="cons-task-counts">{{ 'counts.line' | rt: { total: c.tasks.total, done: c.tasks.done, inProgress: c.tasks.inProgress, notStarted: c.tasks.notStarted, unable: c.tasks.unable, overdue: c.tasks.overdue } }}</p>
        <div class="dh-table-wrap">
          <table class="dh-table dh-stack" data-testid="cons-task-rows">
            <caption class="dh-visually-hidden">{{ 'cons.tasks' | rt }}</caption>
            <thead><tr><th scope="col">{{ 'editor.task' | rt }}</th>
              <th scope="col" class="dh-n">{{ 'counts.total' | rt }}</th><th scope="col" class="dh-n">{{ 'work.status.done' | rt }}</th><th scope="col" class="dh-n">{{ 'work.status.in-progress' | rt }}</th>
              <th scope="col" class="dh-n">{{ 'work.status.not-started' | rt }}</th><th scope="col" class="dh-n">{{ 'work.status.unable' | rt }}</th><th scope="col" class="dh-n">{{ 'work.overdue' | rt }}</th>
              <th scope="col" class="dh-n">{{ 'counts.percent' | rt }}</th></tr></thead>
            <tbody>
              @for (t of c.taskRows; track t.taskId) {
                <tr data-testid="cons-task-row">
                  <td [attr.data-label]="'editor.task' | rt"><strong>{{ 'editor.taskN' | rt: { n: t.ordinal } }}</strong> {{ t.content }}</td>
                  <td class="dh-n" [attr.data-label]="'counts.total' | rt">{{ t.counts.total }}</td>
                  <td class="dh-n" [attr.data-label]="'work.status.done' | rt">{{ t.counts.done }}</td>
                  <td class="dh-n" [attr.data-label]="'work.status.in-progress' | rt">{{ t.counts.inProgress }}</td>
                  <td class="dh-n" [attr.data-label]="'work.status.not-started' | rt">{{ t.counts.notStarted }}</td>
                  <td class="dh-n" [attr.data-label]="'work.status.unable' | rt">{{ t.counts.unable }}</td>
                  <td class="dh-n" [attr.data-label]="'work.overdue' | rt">{{ t.counts.overdue }}</td>
                  <td class="dh-n" [attr.data-label]="'counts.percent' | rt">{{ pct(t.counts.percent, 0) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      @if (c.indicators.length) {
        <section class="dh-panel" aria-labelledby="ch-ind">
          <h2 id="ch-ind">{{ 'editor.indicators' | rt }}</h2>
          <div class="dh-table-wrap">
            <table class="dh-table dh-stack" data-testid="cons-indicators">
              <caption class="dh-visually-hidden">{{ 'editor.indicators' | rt }}</caption>
              <thead><tr><th scope="col">{{ 'indicator.name' | rt }}</th><th scope="col">{{ 'indicator.target' | rt }}</th><th scope="col">{{ 'indicator.figure' | rt }}</th>
                <th scope="col" class="dh-n">{{ 'indicator.reporting' | rt }}</th><th scope="col">{{ 'indicator.attainment' | rt }}</th></tr></thead>
              <tbody>
                @for (i of c.indicators; track i.indicatorId) {
                  <tr data-testid="cons-indicator">
                    <td [attr.data-label]="'indicator.name' | rt"><strong>{{ i.ordinal }}.</strong> {{ i.name }}</td>
                    <td [attr.data-label]="'indicator.target' | rt">{{ i.targetText || '—' }}</td>
                    <td [attr.data-label]="'indicator.figure' | rt">{{ figure(i) }}</td>
                    <td class="dh-n" [attr.data-label]="'indicator.reporting' | rt">{{ i.reporting }}/{{ i.expected }}</td>
                    <td [attr.data-label]="'indicator.attainment' | rt"><span class="dh-chip dh-a-{{ i.attainment }}" data-testid="cons-attainment">{{ 'attain.' + i.attainment | rt }}</span></td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>
      }

      <section class="dh-panel" aria-labelledby="ch-units">
        <h2 id="ch-units">{{ 'cons.unitReports' | rt }}</h2>
        <p data-testid="cons-completeness">{{ 'tracker.completeness' | rt: { submitted: c.completeness.submitted, expected: c.completeness.expected } }} ({{ ratio(c.completeness.completeness) }}) ·
          {{ 'tracker.timeliness' | rt: { onTime: c.completeness.onTime, expected: c.completeness.expected } }} ({{ ratio(c.completeness.timeliness) }})</p>
        <ul class="dh-unit-reports">
          @for (u of c.unitReports; track u.id) {
            <li data-testid="cons-unit-report">
              <a [routerLink]="['/bao-cao/don-vi', u.id]">{{ u.unitName }}</a>
              <span class="dh-chip dh-s-{{ u.status }}">{{ 'report.status.' + u.status | rt }}</span>
              @if (u.submittedAt) { <span class="dh-muted">{{ time(u.submittedAt) }}</span> }
              @if (u.onTime === false) { <span class="dh-chip dh-s-late">{{ 'common.late' | rt }}</span> }
            </li>
          } @empty {
            <li class="dh-muted">{{ 'cons.noUnitReports' | rt }}</li>
          }
        </ul>
      </section>

      <section class="dh-panel dh-actions-panel" aria-labelledby="ch-actions">
        <h2 id="ch-actions">{{ 'editor.actions' | rt }}</h2>
        <div class="dh-row-actions">
          @if (editable()) {
            <button type="button" class="dh-button" (click)="save()" [disabled]="busy()" data-testid="cons-save">{{ 'action.save' | rt }}</button>
          }
          @for (d of decisions(); track d) {
            <button type="button" class="dh-button" [class.dh-secondary]="d === 'reopen'" [class.dh-danger]="d === 'return'" (click)="decide(d)" [disabled]="busy()" [attr.data-testid]="'cons-' + d">{{ 'cons.action.' + d | rt }}</button>
          }
        </div>
        @if (dialog(); as d) {
          <dh-reason-dialog [heading]="'cons.dialog.' + d | rt" [confirmLabel]="'cons.action.' + d | rt" [danger]="d === 'return'" [busy]="busy()" (confirmed)="run(d, $event)" (cancelled)="dialog.set(null)" />
        }
        @if (may('export')) {
          <div class="dh-row-actions" data-testid="cons-exports">
            <dh-export-button subject="consolidated-report" [targetId]="c.id" format="docx" [describe]="c.periodLabel" />
            <dh-export-button subject="consolidated-report" [targetId]="c.id" format="pdf" [describe]="c.periodLabel" />
          </div>
        }
      </section>
    } @else {
      <p role="status">{{ 'common.loading' | rt }}</p>
    }
  `,
  styles: `
    .dh-doc-form { grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); margin-top: .6rem; }
    .dh-doc-form .dh-wide { grid-column: 1 / -1; }
    .dh-unit-reports { list-style: none; margin: 0; padding: 0; display: grid; gap: .3rem; font-size: .9rem; }
  `,
})
export class ConsolidatedReport extends ReportPage<ConsolidatedReportDto> {
  private readonly api = inject(ReportingApi);
  /** From the route (component input binding). */
  readonly id = input.required<string>();

  protected readonly sections = SECTIONS;
  protected readonly docFields: DocField[] = ['documentNumber', 'place', 'documentDate', 'signerTitle', 'signerName'];
  protected readonly c = signal<ConsolidatedReportDto | null>(null);
  protected readonly draft = signal<ConsolidatedDraft>({ documentNumber: '', place: '', documentDate: '', recipients: '', signerTitle: '', signerName: '', sections: { results: '', difficulties: '', proposals: '' } });
  protected readonly editable = computed(() => this.may('edit'));
  protected readonly decisions = computed(() => DECISIONS.filter((d) => this.may(d)));
  /** The form differs from the report as the API answered it. */
  private readonly dirty = computed(() => {
    const c = this.c();
    return !!c && JSON.stringify(this.draft()) !== JSON.stringify(consolidatedDraft(c));
  });
  protected readonly ratio = ratio;

  constructor() {
    super();
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected may(a: ConsolidatedReportAction): boolean {
    return this.c()?.allowedActions.includes(a) ?? false;
  }

  protected setField(f: DocField | 'recipients', v: string): void {
    this.draft.update((d) => ({ ...d, [f]: v }));
  }

  protected setSection(s: keyof ReportSectionsDto, v: string): void {
    this.draft.update((d) => ({ ...d, sections: { ...d.sections, [s]: v } }));
  }

  protected pct(v: number | null, digits = 1): string {
    return percent(v, digits);
  }

  protected time(iso: string): string {
    return formatDmyTime(iso);
  }

  /** A city figure: "1.234 / 1.300 = 94,9%", "12,5", "hạng 3", or "—". */
  protected figure(i: ConsolidatedReportDto['indicators'][number]): string {
    if (i.kind === 'rate') return i.value === null ? '—' : i.numerator !== null && i.denominator !== null ? `${i.numerator} / ${i.denominator} = ${percent(i.value)}` : percent(i.value);
    if (i.kind === 'rank') return i.rank === null ? '—' : this.t('indicator.rankN', { n: i.rank });
    return i.value === null ? '—' : String(i.value).replace('.', ',');
  }

  protected save(): void {
    const c = this.c();
    if (!c || this.busy()) return;
    this.clearMessages();
    const put = this.put(c);
    if (!put) return;
    this.busy.set(true);
    put.subscribe({
      next: (next) => {
        this.busy.set(false);
        this.replace(next);
        this.notice.set(this.t('editor.saved'));
      },
      error: (e) => this.fail(e),
    });
  }

  protected decide(d: ConsolidatedDecision): void {
    this.clearMessages();
    if (d === 'return' || d === 'reopen') return this.dialog.set(d);
    this.run(d);
  }

  /** A decision with the current version; submitting saves the form's changes first. */
  run(d: ConsolidatedDecision, reason?: string): void {
    const c = this.c();
    if (!c || this.busy()) return;
    const before = d === 'submit' && this.editable() && this.dirty() ? this.put(c) : of(c);
    if (!before) return;
    this.busy.set(true);
    before.pipe(switchMap((cur) => this.api.decideConsolidated(cur.id, d, reason ? { version: cur.version, reason } : { version: cur.version }))).subscribe({
      next: (next) => {
        this.busy.set(false);
        this.dialog.set(null);
        this.replace(next);
        this.notice.set(this.t(`cons.done.${d}`));
      },
      error: (e) => this.fail(e),
    });
  }

  private put(c: ConsolidatedReportDto): Observable<ConsolidatedReportDto> | null {
    const built = consolidatedSaveRequest(c, this.draft());
    if ('errors' in built) {
      this.errors.set(built.errors);
      return null;
    }
    this.errors.set({});
    return this.api.saveConsolidated(c.id, built.req);
  }

  protected replace(c: ConsolidatedReportDto): void {
    this.c.set(c);
    this.draft.set(consolidatedDraft(c));
    this.errors.set({});
  }

  protected current(): ConsolidatedReportDto | null {
    return this.c();
  }

  protected currentId(): string {
    return this.id();
  }

  protected fetch(id: string): Observable<ConsolidatedReportDto> {
    return this.api.consolidated(id);
  }
}
