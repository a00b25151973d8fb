import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import type { AssignmentWorkDto, BilingualMessage } from '@dieu-hanh/shared/contracts';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { ExecutionApi, executionProblem } from '../data-access';
import { WorkTextPipe, useWorkText } from '../my-work/work-text';

/** "02/10/2025" (or "2/10/2025") → "2025-10-02"; null when it is not a real date. */
export function parseDmy(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > days) return null;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Ask for a later due date with a reason; the unit that verifies the work decides. */
@Component({
  selector: 'dh-extension-form',
  imports: [WorkTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './work-forms.css',
  template: `
    <form novalidate (submit)="$event.preventDefault(); send()" data-testid="extension-form">
      <label class="dh-l">{{ 'form.extension.date' | wt }}
        <input type="text" inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off" aria-required="true" [value]="date()" (input)="date.set($any($event.target).value)" [attr.aria-invalid]="!!fieldError('requestedDue')" data-testid="extension-date" />
      </label>
      @if (fieldError('requestedDue'); as e) { <p class="dh-field-error" role="alert">{{ e }}</p> }
      <label class="dh-l">{{ 'form.extension.reason' | wt }}
        <textarea maxlength="4000" aria-required="true" [value]="reason()" (input)="reason.set($any($event.target).value)" [attr.aria-invalid]="!!fieldError('reason')" data-testid="extension-reason"></textarea>
      </label>
      @if (fieldError('reason'); as e) { <p class="dh-field-error" role="alert">{{ e }}</p> }
      @if (error(); as e) { <p class="dh-alert" role="alert" data-testid="extension-error">{{ e }}</p> }
      @if (notice(); as n) { <p class="dh-notice" role="status" data-testid="extension-notice">{{ n }}</p> }
      <div class="dh-actions">
        <button type="submit" class="dh-button" [disabled]="busy()" data-testid="extension-send">{{ 'form.extension.send' | wt }}</button>
      </div>
    </form>
  `,
})
export class ExtensionForm {
  private readonly api = inject(ExecutionApi);
  private readonly i18n = inject(I18nService);
  private readonly t = useWorkText();
  readonly assignmentId = input.required<string>();
  readonly updated = output<AssignmentWorkDto>();
  protected readonly date = signal('');
  protected readonly reason = signal('');
  protected readonly fields = signal<Record<string, BilingualMessage>>({});
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected fieldError(name: string): string | null {
    const m = this.fields()[name];
    return m ? (this.i18n.lang() === 'en' ? m.en : m.vi) : null;
  }

  send(): void {
    if (this.busy()) return;
    this.error.set(null);
    this.notice.set(null);
    const requestedDue = parseDmy(this.date());
    const reason = this.reason().trim();
    const fields: Record<string, BilingualMessage> = {};
    if (!requestedDue) fields['requestedDue'] = both(this.t('form.extension.badDate'));
    if (!reason) fields['reason'] = both(this.t('form.extension.required'));
    this.fields.set(fields);
    if (!requestedDue || !reason) return;
    this.busy.set(true);
    this.api.requestExtension(this.assignmentId(), { requestedDue, reason }).subscribe({
      next: (w) => {
        this.busy.set(false);
        this.date.set('');
        this.reason.set('');
        this.notice.set(this.t('form.extension.sent'));
        this.updated.emit(w);
      },
      error: (e) => {
        this.busy.set(false);
        const p = executionProblem(e);
        this.fields.set(p.fields);
        this.error.set(p.status === 0 ? this.t('form.offlineOnly') : this.t('form.failed', { detail: this.i18n.lang() === 'en' ? p.message.en : p.message.vi }));
      },
    });
  }
}

function both(text: string): BilingualMessage {
  return { vi: text, en: text };
}
