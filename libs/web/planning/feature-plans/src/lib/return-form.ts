import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { PlanDetailDto, ReviewCommentDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { readProblem } from './problem';

interface Draft {
  text: string;
  field: string;
}

/** A leader returns a submitted plan with comments, each about the whole plan, its title or one task. */
@Component({
  selector: 'dh-return-form',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="dh-panel" (submit)="$event.preventDefault(); send()" data-testid="return-form" aria-labelledby="dh-return-h">
      <h2 id="dh-return-h">{{ 'review.returnTitle' | t }}</h2>
      @for (c of comments(); track $index; let i = $index) {
        <div class="dh-comment">
          <label [for]="'rf-text-' + i">{{ 'review.comment' | t: { n: i + 1 } }}</label>
          <textarea [id]="'rf-text-' + i" rows="2" [value]="c.text" (input)="edit(i, { text: $any($event.target).value })" [attr.data-testid]="'return-text-' + i"></textarea>
          <label [for]="'rf-field-' + i">{{ 'review.field' | t }}</label>
          <select [id]="'rf-field-' + i" (change)="edit(i, { field: $any($event.target).value })" [attr.data-testid]="'return-field-' + i">
            @for (f of fields(); track f.value) {
              <option [value]="f.value" [selected]="f.value === c.field">{{ f.label }}</option>
            }
          </select>
          @if (comments().length > 1) {
            <button type="button" class="dh-link" (click)="remove(i)">{{ 'review.removeComment' | t: { n: i + 1 } }}</button>
          }
        </div>
      }
      <button type="button" class="dh-button dh-secondary" (click)="add()">+ {{ 'review.addComment' | t }}</button>
      @if (error(); as e) { <p role="alert" class="dh-err">{{ e }}</p> }
      <div class="dh-actions">
        <button type="button" class="dh-button dh-secondary" (click)="cancelled.emit()">{{ 'review.cancel' | t }}</button>
        <button type="submit" class="dh-button" [disabled]="busy()" data-testid="return-send">{{ 'review.send' | t }}</button>
      </div>
    </form>
  `,
  styles: `
    .dh-panel { background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; padding: .75rem 1rem; display: grid; gap: .6rem; margin: 0 0 1rem; }
    h2 { font-size: 1rem; margin: 0; }
    .dh-comment { display: grid; gap: .25rem; border-top: 1px solid var(--dh-line); padding-top: .5rem; }
    label { font-size: .85rem; font-weight: 600; }
    textarea, select { font: inherit; padding: .4rem .5rem; border: 1px solid #8a97a5; border-radius: 4px; max-width: 100%; }
    .dh-actions { display: flex; gap: .5rem; justify-content: flex-end; }
    .dh-err { color: #8c1d18; margin: 0; }
    .dh-button { font: inherit; border: 1px solid var(--dh-primary); background: var(--dh-primary); color: #fff; border-radius: 6px; padding: .4rem .9rem; cursor: pointer; justify-self: start; }
    .dh-secondary { background: #fff; color: var(--dh-primary); }
    .dh-link { font: inherit; font-size: .85rem; border: 0; background: none; color: #8c1d18; text-decoration: underline; cursor: pointer; justify-self: start; }
  `,
})
export class ReturnForm {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18nService);
  readonly plan = input.required<PlanDetailDto>();
  readonly returned = output<void>();
  readonly cancelled = output<void>();
  protected readonly comments = signal<Draft[]>([{ text: '', field: '' }]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fields = computed(() => [
    { value: '', label: this.i18n.t('review.field.plan') },
    { value: 'title', label: this.i18n.t('review.field.title') },
    ...this.plan().tasks.map((t, i) => ({ value: `tasks.${i}`, label: `${this.i18n.t('review.field.task', { n: i + 1 })}: ${short(t.content)}` })),
  ]);

  protected add(): void {
    this.comments.update((c) => [...c, { text: '', field: '' }]);
  }
  protected remove(i: number): void {
    this.comments.update((c) => c.filter((_, j) => j !== i));
  }
  protected edit(i: number, patch: Partial<Draft>): void {
    this.comments.update((c) => c.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  }

  protected send(): void {
    const comments: Pick<ReviewCommentDto, 'text' | 'field'>[] = this.comments()
      .filter((c) => c.text.trim())
      .map((c) => ({ text: c.text.trim(), field: c.field || null }));
    if (comments.length === 0) {
      this.error.set(this.i18n.t('review.needText'));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.returnPlan(this.plan().id, comments).subscribe({
      next: () => {
        this.busy.set(false);
        this.returned.emit();
      },
      error: (e) => {
        this.busy.set(false);
        const m = readProblem(e).message;
        this.error.set(this.i18n.t('review.failed', { detail: this.i18n.lang() === 'en' ? m.en : m.vi }));
      },
    });
  }
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
