import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { type BilingualMessage, PERIOD_KINDS, type OpenPeriodRequest, type PeriodKind, type ReportingPeriodDto } from '@dieu-hanh/shared/contracts';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { ReportingApi, reportingProblem } from '../data-access';
import { parseDmy, say } from '../shared/format';
import { ReportTextPipe, useReportText } from '../reports.messages';

/** The request the form's fields make, or the fields at fault (keys of the request). */
export function openPeriodRequest(f: { kind: PeriodKind; reference: string; title: string; start: string; end: string; due: string; approval: boolean }): { req: OpenPeriodRequest } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (f.kind !== 'ad-hoc') {
    const reference = parseDmy(f.reference);
    if (!reference) errors['reference'] = 'open.badDate';
    return reference && !Object.keys(errors).length ? { req: { kind: f.kind, reference, requiresUnitApproval: f.approval } } : { errors };
  }
  const title = f.title.trim();
  const [startDate, endDate, dueDate] = [parseDmy(f.start), parseDmy(f.end), parseDmy(f.due)];
  if (!title) errors['title'] = 'open.required';
  if (!startDate) errors['startDate'] = 'open.badDate';
  if (!endDate) errors['endDate'] = 'open.badDate';
  else if (startDate && endDate < startDate) errors['endDate'] = 'open.endBeforeStart';
  if (!dueDate) errors['dueDate'] = 'open.badDate';
  if (Object.keys(errors).length || !startDate || !endDate || !dueDate) return { errors };
  return { req: { kind: 'ad-hoc', title, startDate, endDate, dueDate, requiresUnitApproval: f.approval } };
}

/**
 * The focal unit opens a reporting period on a plan (POST /plans/:planId/periods): a regular one from the
 * plan's duties (kind and any day inside it), or an ad hoc one with its title, dates and due date; and
 * whether the commune leader or department head approves each unit's report first.
 */
@Component({
  selector: 'dh-open-period-form',
  imports: [ReportTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/reports.css',
  template: `
    <form class="dh-form dh-confirm" novalidate (submit)="$event.preventDefault(); send()" [attr.aria-label]="'open.title' | rt" data-testid="open-period-form">
      <p>{{ 'open.title' | rt }}@if (planLabel()) { — {{ planLabel() }} }</p>
      <label>{{ 'open.kind' | rt }}
        <select (change)="kind.set($any($event.target).value)" data-testid="open-kind">
          @for (k of kinds; track k) { <option [value]="k" [selected]="k === kind()">{{ 'period.kind.' + k | rt }}</option> }
        </select>
      </label>
      @if (kind() !== 'ad-hoc') {
        <label>{{ 'open.reference' | rt }}
          <input type="text" inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off" [value]="reference()" (input)="reference.set($any($event.target).value)" [attr.aria-invalid]="!!errors()['reference']" data-testid="open-reference" />
        </label>
        @if (errors()['reference']; as e) { <p class="dh-field-error" role="alert">{{ e | rt }}</p> }
      } @else {
        <label>{{ 'open.adHocTitle' | rt }}
          <input type="text" maxlength="500" [value]="title()" (input)="title.set($any($event.target).value)" [attr.aria-invalid]="!!errors()['title']" data-testid="open-title" />
        </label>
        @if (errors()['title']; as e) { <p class="dh-field-error" role="alert">{{ e | rt }}</p> }
        @for (d of dateFields; track d.key) {
          <label>{{ d.label | rt }}
            <input type="text" inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off" [value]="d.value()" (input)="d.value.set($any($event.target).value)" [attr.aria-invalid]="!!errors()[d.key]" [attr.data-testid]="'open-' + d.key" />
          </label>
          @if (errors()[d.key]; as e) { <p class="dh-field-error" role="alert">{{ e | rt }}</p> }
        }
      }
      <label class="dh-check"><input type="checkbox" [checked]="approval()" (change)="approval.set($any($event.target).checked)" data-testid="open-approval" /> {{ 'open.approval' | rt }}</label>
      @if (error(); as e) { <p class="dh-alert" role="alert" data-testid="open-error">{{ e }}</p> }
      <div class="dh-row-actions">
        <button type="submit" class="dh-button" [disabled]="busy()" data-testid="open-send">{{ 'open.send' | rt }}</button>
        <button type="button" class="dh-button dh-secondary" (click)="cancelled.emit()" data-testid="open-cancel">{{ 'action.cancel' | rt }}</button>
      </div>
    </form>
  `,
  styles: `.dh-check { display: flex !important; align-items: center; gap: .4rem; font-weight: 400 !important; min-height: 2.2rem; }`,
})
export class OpenPeriodForm {
  private readonly api = inject(ReportingApi);
  private readonly i18n = inject(I18nService);
  private readonly t = useReportText();
  readonly planId = input.required<string>();
  readonly planLabel = input<string>('');
  readonly opened = output<ReportingPeriodDto>();
  readonly cancelled = output<void>();

  protected readonly kinds = PERIOD_KINDS;
  protected readonly kind = signal<PeriodKind>('quarter');
  protected readonly reference = signal('');
  protected readonly title = signal('');
  protected readonly start = signal('');
  protected readonly end = signal('');
  protected readonly due = signal('');
  protected readonly approval = signal(false);
  protected readonly dateFields = [
    { key: 'startDate', label: 'open.start', value: this.start },
    { key: 'endDate', label: 'open.end', value: this.end },
    { key: 'dueDate', label: 'open.due', value: this.due },
  ];
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

  send(): void {
    if (this.busy()) return;
    this.error.set(null);
    const r = openPeriodRequest({ kind: this.kind(), reference: this.reference(), title: this.title(), start: this.start(), end: this.end(), due: this.due(), approval: this.approval() });
    if ('errors' in r) return this.errors.set(r.errors);
    this.errors.set({});
    this.busy.set(true);
    this.api.openPeriod(this.planId(), r.req).subscribe({
      next: (p) => {
        this.busy.set(false);
        this.opened.emit(p);
      },
      error: (e) => {
        this.busy.set(false);
        const p = reportingProblem(e);
        const fieldText = Object.entries(p.fields).map(([f, m]: [string, BilingualMessage]) => `${f}: ${say(this.i18n.lang(), m)}`);
        this.error.set(this.t('action.failed', { detail: [say(this.i18n.lang(), p.message), ...fieldText].join(' · ') }));
      },
    });
  }
}
