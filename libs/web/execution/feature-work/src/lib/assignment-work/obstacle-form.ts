import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import type { AssignmentWorkDto, BilingualMessage } from '@dieu-hanh/shared/contracts';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { ExecutionApi, executionProblem } from '../data-access';
import { WorkTextPipe, useWorkText } from '../my-work/work-text';

/** Report an obstacle (khó khăn, vướng mắc) with a proposal (đề xuất); it goes to the focal unit, else the issuing committee. */
@Component({
  selector: 'dh-obstacle-form',
  imports: [WorkTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './work-forms.css',
  template: `
    <form novalidate (submit)="$event.preventDefault(); send()" data-testid="obstacle-form">
      <label class="dh-l">{{ 'form.obstacle.description' | wt }}
        <textarea maxlength="4000" aria-required="true" [value]="description()" (input)="description.set($any($event.target).value)" [attr.aria-invalid]="!!fieldError('description')" data-testid="obstacle-description"></textarea>
      </label>
      @if (fieldError('description'); as e) { <p class="dh-field-error" role="alert">{{ e }}</p> }
      <label class="dh-l">{{ 'form.obstacle.proposal' | wt }}
        <textarea maxlength="4000" [value]="proposal()" (input)="proposal.set($any($event.target).value)" [attr.aria-invalid]="!!fieldError('proposal')" data-testid="obstacle-proposal"></textarea>
      </label>
      @if (fieldError('proposal'); as e) { <p class="dh-field-error" role="alert">{{ e }}</p> }
      @if (error(); as e) { <p class="dh-alert" role="alert" data-testid="obstacle-error">{{ e }}</p> }
      @if (notice(); as n) { <p class="dh-notice" role="status" data-testid="obstacle-notice">{{ n }}</p> }
      <div class="dh-actions">
        <button type="submit" class="dh-button" [disabled]="busy()" data-testid="obstacle-send">{{ 'form.obstacle.send' | wt }}</button>
      </div>
    </form>
  `,
})
export class ObstacleForm {
  private readonly api = inject(ExecutionApi);
  private readonly i18n = inject(I18nService);
  private readonly t = useWorkText();
  readonly assignmentId = input.required<string>();
  readonly updated = output<AssignmentWorkDto>();
  protected readonly description = signal('');
  protected readonly proposal = signal('');
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
    const description = this.description().trim();
    if (!description) {
      const m = this.t('form.obstacle.required');
      this.fields.set({ description: { vi: m, en: m } });
      return;
    }
    this.fields.set({});
    this.busy.set(true);
    this.api.raiseObstacle(this.assignmentId(), { description, proposal: this.proposal().trim() || null }).subscribe({
      next: (w) => {
        this.busy.set(false);
        this.description.set('');
        this.proposal.set('');
        this.notice.set(this.t('form.obstacle.sent'));
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
