import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output, signal } from '@angular/core';
import { ReportTextPipe } from '../reports.messages';

/**
 * Asks for a reason before a decision (trả lại, mở lại): a labelled dialog in the page's flow (no modal
 * layer to trap a phone's keyboard), the reason required — nothing is sent without one.
 */
@Component({
  selector: 'dh-reason-dialog',
  imports: [ReportTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="dh-confirm" role="dialog" aria-modal="false" [attr.aria-label]="heading()" data-testid="reason-dialog">
      <p>{{ heading() }}</p>
      <label class="dh-l">{{ 'reason.label' | rt }}
        <textarea maxlength="4000" aria-required="true" [value]="reason()" (input)="reason.set($any($event.target).value); missing.set(false)" [attr.aria-invalid]="missing()" data-testid="reason-text"></textarea>
      </label>
      @if (missing()) { <p class="dh-field-error" role="alert" data-testid="reason-required">{{ 'reason.required' | rt }}</p> }
      <div class="dh-row-actions">
        <button type="button" class="dh-button" [class.dh-danger]="danger()" (click)="confirm()" [disabled]="busy()" data-testid="reason-confirm">{{ confirmLabel() }}</button>
        <button type="button" class="dh-button dh-secondary" (click)="cancelled.emit()" data-testid="reason-cancel">{{ 'action.cancel' | rt }}</button>
      </div>
    </div>
  `,
  styles: `
    .dh-confirm { background: #f7fafc; border: 1px solid var(--dh-primary); border-radius: 8px; padding: .6rem .8rem; margin: .5rem 0; display: grid; gap: .45rem; }
    .dh-confirm > p { margin: 0; font-weight: 600; }
    .dh-l { display: grid; gap: .2rem; font-size: .88rem; font-weight: 600; }
    textarea { font: inherit; font-weight: 400; width: 100%; box-sizing: border-box; min-height: 4rem; padding: .45rem .5rem; border: 1px solid #8a97a5; border-radius: 4px; }
    [aria-invalid='true'] { border-color: #b3261e; }
    .dh-field-error { color: #8c1d18; font-size: .85rem; margin: 0; }
    .dh-row-actions { display: flex; flex-wrap: wrap; gap: .4rem; }
    .dh-button { font: inherit; font-size: .9rem; border: 1px solid var(--dh-primary); background: var(--dh-primary); color: #fff; border-radius: 6px; padding: .4rem .9rem; cursor: pointer; min-height: 2.4rem; }
    .dh-secondary { background: #fff; color: var(--dh-primary); }
    .dh-danger { background: #8c1d18; border-color: #8c1d18; }
    .dh-button:disabled { opacity: .6; }
  `,
})
export class ReasonDialog {
  readonly heading = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly danger = input(false);
  readonly busy = input(false);
  readonly confirmed = output<string>();
  readonly cancelled = output<void>();
  protected readonly reason = signal('');
  protected readonly missing = signal(false);

  constructor() {
    const host = inject(ElementRef<HTMLElement>);
    afterNextRender(() => (host.nativeElement as HTMLElement).querySelector('textarea')?.focus());
  }

  protected confirm(): void {
    const reason = this.reason().trim();
    if (!reason) return this.missing.set(true);
    this.confirmed.emit(reason);
  }
}
