import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { IndicatorValueDto, ReportSectionsDto, UnitReportAction, UnitReportDto } from '@dieu-hanh/shared/contracts';
import { DmyPipe } from '@dieu-hanh/web/shared/i18n';
import { type Observable, of, switchMap } from 'rxjs';
import { ReportingApi, type UnitReportDecision } from '../data-access';
import { ExportButton } from '../export/export-button';
import { ReportTextPipe } from '../reports.messages';
import { ReportPage } from '../shared/report-page';
import { formatDmyTime, percent } from '../shared/format';
import { ReasonDialog } from '../shared/reason-dialog';
import { type IndicatorDraft, type ReportDraft, draftOf, draftRate, needsReason, saveRequest } from './report-draft';

const SECTIONS: (keyof ReportSectionsDto)[] = ['results', 'difficulties', 'proposals'];
/** The decisions, in the order their buttons show. */
const DECISIONS: UnitReportDecision[] = ['submit', 'approve', 'accept', 'return', 'reopen'];

/**
 * A unit's report (/bao-cao/don-vi/:reportId): written by the unit from its work, read by the focal unit.
 * The header (plan, period, due date, status, revision, on time), the three free sections, the unit's
 * tasks pre-filled from execution with a note per task (coordinators' contributions under the task), the
 * indicator values against the year's targets; Save (with the version read; a reason once submitted),
 * and the decisions `allowedActions` lists. A 409 reloads the report and says so.
 */
@Component({
  selector: 'dh-unit-report-editor',
  imports: [RouterLink, DmyPipe, ReportTextPipe, ExportButton, ReasonDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/reports.css', './unit-report-editor.css'],
  template: `
    <a class="dh-back" routerLink="/bao-cao" data-testid="report-back">{{ 'common.back' | rt }}</a>
    @if (missing(); as m) {
      <p role="alert" class="dh-alert" data-testid="report-missing">{{ m }}</p>
    } @else if (r(); as r) {
      <p class="dh-muted" data-testid="report-plan">{{ r.planSymbol }} — {{ r.planTitle }}</p>
      <h1 class="dh-page-title">{{ 'editor.title' | rt: { unit: r.unitName, period: r.periodLabel } }}</h1>

      @if (conflict()) { <p class="dh-alert" role="alert" data-testid="report-conflict">{{ 'editor.conflict' | rt }}</p> }
      @if (notice(); as n) { <p class="dh-notice" role="status" data-testid="report-notice">{{ n }}</p> }
      @if (error(); as e) { <p class="dh-alert" role="alert" data-testid="report-error">{{ e }}</p> }

      <section class="dh-panel" aria-labelledby="rh-facts">
        <h2 id="rh-facts" class="dh-visually-hidden">{{ 'editor.facts' | rt }}</h2>
        <dl class="dh-facts">
          <dt>{{ 'editor.period' | rt }}</dt><dd>{{ r.periodLabel }}</dd>
          <dt>{{ 'editor.due' | rt }}</dt><dd data-testid="report-due">{{ r.dueDate | dmy }}</dd>
          <dt>{{ 'editor.status' | rt }}</dt>
          <dd data-testid="report-status">
            <span class="dh-chip dh-s-{{ r.status }}">{{ 'report.status.' + r.status | rt }}</span>
            <span class="dh-muted">{{ 'report.revision' | rt: { n: r.revision } }}</span>
            @if (r.onTime === true) { <span class="dh-chip dh-s-on-time" data-testid="report-on-time">{{ 'common.onTime' | rt }}</span> }
            @if (r.onTime === false) { <span class="dh-chip dh-s-late" data-testid="report-late">{{ 'common.late' | rt }}</span> }
          </dd>
          @if (r.submittedAt) { <dt>{{ 'editor.submittedAt' | rt }}</dt><dd data-testid="report-submitted-at">{{ time(r.submittedAt) }}</dd> }
          @if (r.revisionReason) { <dt>{{ 'editor.revisionReason' | rt }}</dt><dd>{{ r.revisionReason }}</dd> }
        </dl>
        @if (r.status === 'returned' && r.returnReason) {
          <p class="dh-returned" role="note" data-testid="report-return-reason"><strong>{{ 'editor.returnReason' | rt }}:</strong> {{ r.returnReason }}</p>
        }
      </section>

      <section class="dh-panel" aria-labelledby="rh-sections">
        <h2 id="rh-sections">{{ 'editor.sections' | rt }}</h2>
        @for (s of sections; track s) {
          @if (editable()) {
            <label class="dh-l dh-section">{{ 'section.' + s | rt }}
              <textarea rows="5" maxlength="20000" [value]="draft().sections[s]" (input)="setSection(s, $any($event.target).value)" [attr.data-testid]="'section-' + s"></textarea>
            </label>
          } @else {
            <h3 class="dh-h3">{{ 'section.' + s | rt }}</h3>
            <p class="dh-text" [attr.data-testid]="'section-' + s">{{ r.sections[s] || ('common.none' | rt) }}</p>
          }
        }
      </section>

      <section class="dh-panel" aria-labelledby="rh-tasks">
        <h2 id="rh-tasks">{{ 'editor.tasks' | rt }} ({{ r.tasks.length }})</h2>
        <div class="dh-table-wrap">
          <table class="dh-table dh-stack" data-testid="report-tasks">
            <caption class="dh-visually-hidden">{{ 'editor.tasks' | rt }}</caption>
            <thead><tr>
              <th scope="col">{{ 'editor.task' | rt }}</th><th scope="col">{{ 'editor.taskStatus' | rt }}</th><th scope="col">{{ 'editor.result' | rt }}</th>
              <th scope="col" class="dh-n">{{ 'editor.evidence' | rt }}</th><th scope="col">{{ 'editor.obstacles' | rt }}</th><th scope="col">{{ 'editor.note' | rt }}</th>
            </tr></thead>
            <tbody>
              @for (t of r.tasks; track t.assignmentId) {
                <tr data-testid="report-task" [attr.data-assignment-id]="t.assignmentId">
                  <td [attr.data-label]="'editor.task' | rt">
                    <strong>{{ 'editor.taskN' | rt: { n: t.taskOrdinal } }}</strong> <span class="dh-chip">{{ 'role.' + t.role | rt }}</span>
                    <a [routerLink]="['/cong-viec', t.assignmentId]" class="dh-task-link">{{ t.taskContent }}</a>
                    @if (t.due) { <span class="dh-muted"> · {{ 'editor.taskDue' | rt: { date: (t.due | dmy) } }}</span> }
                    @if (t.overdue) { <span class="dh-chip dh-s-overdue">{{ 'work.overdue' | rt }}</span> }
                    @if (t.contributions.length) {
                      <ul class="dh-contrib" [attr.aria-label]="'editor.contributions' | rt" data-testid="report-contributions">
                        @for (c of t.contributions; track c.unitCode) {
                          <li><strong>{{ c.unitName }}</strong>: <span class="dh-chip dh-s-{{ c.status }}">{{ 'work.status.' + c.status | rt }}</span> {{ c.percent }}%@if (c.result) { — {{ c.result }} } <span class="dh-muted">({{ 'contribution.' + c.source | rt }})</span></li>
                        }
                      </ul>
                    }
                  </td>
                  <td [attr.data-label]="'editor.taskStatus' | rt"><span class="dh-chip dh-s-{{ t.status }}">{{ 'work.status.' + t.status | rt }}</span> {{ t.percent }}%
                    @if (t.verification !== 'none') { <span class="dh-muted">· {{ 'verification.' + t.verification | rt }}</span> }</td>
                  <td [attr.data-label]="'editor.result' | rt">{{ t.result || '—' }}</td>
                  <td class="dh-n" [attr.data-label]="'editor.evidence' | rt">{{ t.evidenceCount }}</td>
                  <td [attr.data-label]="'editor.obstacles' | rt">
                    @for (o of t.obstacles; track $index) { <p class="dh-obstacle">{{ o }}</p> } @empty { — }
                  </td>
                  <td [attr.data-label]="'editor.note' | rt">
                    @if (editable()) {
                      <textarea rows="2" maxlength="4000" [value]="note(t.assignmentId)" (input)="setNote(t.assignmentId, $any($event.target).value)" [attr.aria-label]="'editor.noteFor' | rt: { n: t.taskOrdinal }" data-testid="task-note"></textarea>
                    } @else {
                      {{ t.note || '—' }}
                    }
                  </td>
                </tr>
              } @empty {
                <tr><td colspan="6" class="dh-muted">{{ 'editor.noTasks' | rt }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      @if (r.indicators.length) {
        <section class="dh-panel" aria-labelledby="rh-indicators">
          <h2 id="rh-indicators">{{ 'editor.indicators' | rt }} ({{ r.indicators.length }})</h2>
          <div class="dh-table-wrap">
            <table class="dh-table dh-stack" data-testid="report-indicators">
              <caption class="dh-visually-hidden">{{ 'editor.indicators' | rt }}</caption>
              <thead><tr>
                <th scope="col">{{ 'indicator.name' | rt }}</th><th scope="col">{{ 'indicator.target' | rt }}</th>
                <th scope="col">{{ 'indicator.value' | rt }}</th><th scope="col">{{ 'indicator.evidence' | rt }}</th>
              </tr></thead>
              <tbody>
                @for (i of r.indicators; track i.indicatorId) {
                  <tr data-testid="report-indicator" [attr.data-indicator-id]="i.indicatorId">
                    <td [attr.data-label]="'indicator.name' | rt"><strong>{{ i.ordinal }}.</strong> {{ i.name }}</td>
                    <td [attr.data-label]="'indicator.target' | rt">{{ i.targetText || '—' }}</td>
                    <td [attr.data-label]="'indicator.value' | rt">
                      @if (editable()) {
                        @switch (i.kind) {
                          @case ('rate') {
                            <div class="dh-rate">
                              <label>{{ 'indicator.numerator' | rt }}<input type="text" inputmode="decimal" [value]="v(i).numerator" (input)="setValue(i, 'numerator', $any($event.target).value)" [attr.aria-invalid]="!!fieldError(i, 'numerator')" data-testid="ind-numerator" /></label>
                              <label>{{ 'indicator.denominator' | rt }}<input type="text" inputmode="decimal" [value]="v(i).denominator" (input)="setValue(i, 'denominator', $any($event.target).value)" [attr.aria-invalid]="!!fieldError(i, 'denominator')" data-testid="ind-denominator" /></label>
                              <output data-testid="ind-rate" [attr.aria-label]="'indicator.rate' | rt">= {{ pct(rate(i)) }}</output>
                            </div>
                          }
                          @case ('rank') {
                            <label>{{ 'indicator.rank' | rt }}<input type="text" inputmode="numeric" [value]="v(i).rank" (input)="setValue(i, 'rank', $any($event.target).value)" [attr.aria-invalid]="!!fieldError(i, 'rank')" data-testid="ind-rank" /></label>
                          }
                          @default {
                            <label>{{ 'indicator.value' | rt }}<input type="text" inputmode="decimal" [value]="v(i).value" (input)="setValue(i, 'value', $any($event.target).value)" [attr.aria-invalid]="!!fieldError(i, 'value')" data-testid="ind-value" /></label>
                          }
                        }
                        @for (f of ['numerator', 'denominator', 'value', 'rank']; track f) {
                          @if (fieldError(i, f); as e) { <p class="dh-field-error" role="alert">{{ e | rt }}</p> }
                        }
                      } @else {
                        <span data-testid="ind-shown">{{ shown(i) }}</span>
                      }
                    </td>
                    <td [attr.data-label]="'indicator.evidence' | rt">
                      @if (editable()) {
                        <input type="text" maxlength="2000" [value]="v(i).evidence" (input)="setValue(i, 'evidence', $any($event.target).value)" [attr.aria-label]="'indicator.evidenceFor' | rt: { n: i.ordinal }" data-testid="ind-evidence" />
                      } @else {
                        {{ i.evidence || '—' }}
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>
      }

      <section class="dh-panel dh-actions-panel" aria-labelledby="rh-actions">
        <h2 id="rh-actions">{{ 'editor.actions' | rt }}</h2>
        @if (editable() && reasonNeeded()) {
          <label class="dh-l">{{ 'editor.reason' | rt }}
            <textarea rows="2" maxlength="4000" aria-required="true" [value]="draft().reason" (input)="setReason($any($event.target).value)" [attr.aria-invalid]="!!errors()['reason']" data-testid="report-reason"></textarea>
          </label>
          @if (errors()['reason']; as e) { <p class="dh-field-error" role="alert" data-testid="report-reason-error">{{ e | rt }}</p> }
        }
        @if (hasErrors()) { <p class="dh-alert" role="alert" data-testid="report-invalid">{{ 'editor.invalid' | rt }}</p> }
        <div class="dh-row-actions">
          @if (editable()) {
            <button type="button" class="dh-button" (click)="save()" [disabled]="busy()" data-testid="report-save">{{ 'action.save' | rt }}</button>
          }
          @for (d of decisions(); track d) {
            <button type="button" class="dh-button" [class.dh-secondary]="d !== 'submit' && d !== 'approve' && d !== 'accept'" [class.dh-danger]="d === 'return'"
              (click)="decide(d)" [disabled]="busy()" [attr.data-testid]="'report-' + d">{{ 'report.action.' + d | rt }}</button>
          }
        </div>
        @if (dialog(); as d) {
          <dh-reason-dialog [heading]="'report.dialog.' + d | rt" [confirmLabel]="'report.action.' + d | rt" [danger]="d === 'return'" [busy]="busy()"
            (confirmed)="run(d, $event)" (cancelled)="dialog.set(null)" />
        }
        @if (may('export')) {
          <div class="dh-row-actions" data-testid="report-exports">
            <dh-export-button subject="unit-report" [targetId]="r.id" format="docx" [describe]="r.unitName + ' — ' + r.periodLabel" />
            <dh-export-button subject="unit-report" [targetId]="r.id" format="pdf" [describe]="r.unitName + ' — ' + r.periodLabel" />
          </div>
        }
      </section>
    } @else {
      <p role="status">{{ 'common.loading' | rt }}</p>
    }
  `,
})
export class UnitReportEditor extends ReportPage<UnitReportDto> {
  private readonly api = inject(ReportingApi);
  /** From the route (component input binding). */
  readonly reportId = input.required<string>();

  protected readonly sections = SECTIONS;
  protected readonly r = signal<UnitReportDto | null>(null);
  protected readonly draft = signal<ReportDraft>({ sections: { results: '', difficulties: '', proposals: '' }, notes: {}, values: {}, reason: '' });

  protected readonly editable = computed(() => this.may('edit'));
  protected readonly reasonNeeded = computed(() => {
    const r = this.r();
    return !!r && needsReason(r);
  });
  protected readonly decisions = computed(() => DECISIONS.filter((d) => this.may(d)));
  protected readonly hasErrors = computed(() => Object.keys(this.errors()).some((k) => k !== 'reason'));

  constructor() {
    super();
    effect(() => {
      const id = this.reportId();
      untracked(() => this.load(id));
    });
  }

  protected may(action: UnitReportAction): boolean {
    return this.r()?.allowedActions.includes(action) ?? false;
  }

  protected setSection(s: keyof ReportSectionsDto, text: string): void {
    this.draft.update((d) => ({ ...d, sections: { ...d.sections, [s]: text } }));
  }

  protected note(assignmentId: string): string {
    return this.draft().notes[assignmentId] ?? '';
  }

  protected setNote(assignmentId: string, text: string): void {
    this.draft.update((d) => ({ ...d, notes: { ...d.notes, [assignmentId]: text } }));
  }

  protected setReason(text: string): void {
    this.draft.update((d) => ({ ...d, reason: text }));
    if (text.trim()) this.errors.update(({ reason: _, ...rest }) => rest);
  }

  protected setValue(i: IndicatorValueDto, field: keyof IndicatorDraft, text: string): void {
    this.draft.update((d) => ({ ...d, values: { ...d.values, [i.indicatorId]: { ...this.v(i), [field]: text } } }));
  }

  protected v(i: IndicatorValueDto): IndicatorDraft {
    return this.draft().values[i.indicatorId] ?? { numerator: '', denominator: '', value: '', rank: '', evidence: '' };
  }

  protected rate(i: IndicatorValueDto): number | null {
    return draftRate(this.draft().values[i.indicatorId]);
  }

  protected fieldError(i: IndicatorValueDto, field: string): string | null {
    return this.errors()[`${i.indicatorId}.${field}`] ?? null;
  }

  protected pct(v: number | null): string {
    return percent(v);
  }

  /** An indicator's value as a reader sees it: "45 / 50 = 90%", "12,5", "hạng 3". */
  protected shown(i: IndicatorValueDto): string {
    if (i.kind === 'rate') return i.numerator === null || i.denominator === null ? '—' : `${i.numerator} / ${i.denominator} = ${percent(i.value)}`;
    if (i.kind === 'rank') return i.rank === null ? '—' : this.t('indicator.rankN', { n: i.rank });
    return i.value === null ? '—' : String(i.value).replace('.', ',');
  }

  protected time(iso: string): string {
    return formatDmyTime(iso);
  }

  protected save(): void {
    const r = this.r();
    if (!r || this.busy()) return;
    this.clearMessages();
    const saved = this.saveIfChanged(r);
    if (!saved) return;
    this.busy.set(true);
    saved.subscribe({
      next: (next) => {
        this.busy.set(false);
        this.replace(next);
        this.notice.set(this.t('editor.saved'));
      },
      error: (e) => this.fail(e),
    });
  }

  protected decide(d: UnitReportDecision): void {
    this.clearMessages();
    if (d === 'return' || d === 'reopen') return this.dialog.set(d);
    this.run(d);
  }

  /** A decision with the current version; a submission saves the unit's changes first. */
  run(d: UnitReportDecision, reason?: string): void {
    const r = this.r();
    if (!r || this.busy()) return;
    const before = d === 'submit' && this.editable() ? this.saveIfChanged(r) : of(r);
    if (!before) return;
    this.busy.set(true);
    before.pipe(switchMap((current) => this.api.decideReport(current.id, d, reason ? { version: current.version, reason } : { version: current.version }))).subscribe({
      next: (next) => {
        this.busy.set(false);
        this.dialog.set(null);
        this.replace(next);
        this.notice.set(this.t(`report.done.${d}`));
      },
      error: (e) => this.fail(e),
    });
  }

  /** The PUT when something changed, the report itself when nothing did, null when the draft is invalid. */
  private saveIfChanged(r: UnitReportDto): Observable<UnitReportDto> | null {
    const built = saveRequest(r, this.draft());
    if ('errors' in built) {
      this.errors.set(built.errors);
      return null;
    }
    this.errors.set({});
    return built.changed ? this.api.saveReport(r.id, built.req) : of(r);
  }

  protected replace(r: UnitReportDto): void {
    this.r.set(r);
    this.draft.set(draftOf(r));
    this.errors.set({});
  }

  protected current(): UnitReportDto | null {
    return this.r();
  }

  protected currentId(): string {
    return this.reportId();
  }

  protected fetch(id: string): Observable<UnitReportDto> {
    return this.api.report(id);
  }
}
