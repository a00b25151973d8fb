import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import type { PlanDetailDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { I18nService, TranslatePipe, formatDmy } from '@dieu-hanh/web/shared/i18n';
import { vietnamDate } from '@dieu-hanh/shared/util-timeframe';
import { parseDmy } from './dates';
import { readProblem } from './problem';

/**
 * The issue dates the API accepts for a plan of `year` (Plan.issue in the planning domain): any day of
 * the plan's year or of the year before — a plan for 2025 is often issued in the last days of 2024.
 */
export function issueDateRange(year: number): { min: string; max: string } {
  return { min: `${year - 1}-01-01`, max: `${year}-12-31` };
}

/** Today (Vietnam's day, yyyy-MM-dd) when the API accepts it, else the nearest accepted day. */
export function defaultIssueDate(year: number, today: string): string {
  const { min, max } = issueDateRange(year);
  return today < min ? min : today > max ? max : today;
}

/** A leader issues an approved plan: its number and issue date (dd/MM/yyyy), within the dates the API accepts. */
@Component({
  selector: 'dh-issue-form',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="dh-panel" (submit)="$event.preventDefault(); send()" data-testid="issue-form" aria-labelledby="dh-issue-h">
      <h2 id="dh-issue-h">{{ 'review.issueTitle' | t }}</h2>
      <div class="dh-row">
        <div class="dh-field">
          <label for="if-number">{{ 'review.number' | t }}</label>
          <input id="if-number" inputmode="numeric" [value]="number()" (input)="number.set($any($event.target).value)" data-testid="issue-number" />
          <span class="dh-hint">/{{ plan().symbol }}</span>
        </div>
        <div class="dh-field">
          <label for="if-date">{{ 'review.issueDate' | t }}</label>
          <input id="if-date" placeholder="dd/MM/yyyy" [value]="date()" (input)="date.set($any($event.target).value)"
            aria-describedby="if-date-hint" data-testid="issue-date" />
        </div>
      </div>
      <p id="if-date-hint" class="dh-hint" data-testid="issue-date-hint">{{ rangeHint() }}</p>
      @if (error(); as e) { <p role="alert" class="dh-err">{{ e }}</p> }
      <div class="dh-actions">
        <button type="button" class="dh-button dh-secondary" (click)="cancelled.emit()">{{ 'review.cancel' | t }}</button>
        <button type="submit" class="dh-button" [disabled]="busy()" data-testid="issue-send">{{ 'review.issue' | t }}</button>
      </div>
    </form>
  `,
  styles: `
    .dh-panel { background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; padding: .75rem 1rem; display: grid; gap: .6rem; margin: 0 0 1rem; }
    h2 { font-size: 1rem; margin: 0; }
    .dh-row { display: flex; flex-wrap: wrap; gap: 1rem; }
    .dh-field { display: grid; gap: .25rem; align-content: start; }
    label { font-size: .85rem; font-weight: 600; }
    input { font: inherit; padding: .4rem .5rem; border: 1px solid #8a97a5; border-radius: 4px; width: 10rem; }
    .dh-hint { font-size: .8rem; color: var(--dh-muted); margin: 0; }
    .dh-actions { display: flex; gap: .5rem; justify-content: flex-end; }
    .dh-err { color: #8c1d18; margin: 0; }
    .dh-button { font: inherit; border: 1px solid var(--dh-primary); background: var(--dh-primary); color: #fff; border-radius: 6px; padding: .4rem .9rem; cursor: pointer; }
    .dh-secondary { background: #fff; color: var(--dh-primary); }
  `,
})
export class IssueForm {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18nService);
  readonly plan = input.required<PlanDetailDto>();
  readonly issued = output<void>();
  readonly cancelled = output<void>();
  protected readonly number = signal('');
  /** The accepted issue dates for this plan, and the sentence that says them. */
  private readonly year = computed(() => this.plan().year);
  protected readonly range = computed(() => issueDateRange(this.year()));
  protected readonly rangeHint = computed(() => {
    const { min, max } = this.range();
    const [from, to, y] = [formatDmy(min), formatDmy(max), this.year()];
    return this.i18n.lang() === 'en'
      ? `Allowed: ${from} to ${to} (the plan’s year ${y} or the year before).`
      : `Ngày hợp lệ: từ ${from} đến ${to} (năm ${y} của kế hoạch hoặc năm trước đó).`;
  });
  /** Defaults to today when it is accepted for this plan, else to the nearest accepted day (31/12 of a past plan year). */
  protected readonly date = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // Once per plan year (a refreshed plan object of the same year keeps what the user typed).
    effect(() => {
      const year = this.year();
      untracked(() => this.date.set(formatDmy(defaultIssueDate(year, vietnamDate(new Date())))));
    });
  }

  protected send(): void {
    const n = Number(this.number().trim());
    if (!/^\d+$/.test(this.number().trim()) || n < 1) return this.error.set(this.i18n.t('review.badNumber'));
    const issueDate = parseDmy(this.date());
    if (!issueDate) return this.error.set(this.i18n.t('review.badDate'));
    const { min, max } = this.range();
    if (issueDate < min || issueDate > max) return this.error.set(this.rangeHint());
    this.busy.set(true);
    this.error.set(null);
    this.api.issuePlan(this.plan().id, { number: n, issueDate }).subscribe({
      next: () => {
        this.busy.set(false);
        this.issued.emit();
      },
      error: (e) => {
        this.busy.set(false);
        const m = readProblem(e).message;
        this.error.set(this.i18n.t('review.failed', { detail: this.i18n.lang() === 'en' ? m.en : m.vi }));
      },
    });
  }
}
