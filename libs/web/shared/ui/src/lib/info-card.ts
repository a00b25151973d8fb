import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A titled panel of a home page: what it is for, then its content or an honest empty state. */
@Component({
  selector: 'dh-info-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="dh-card" [attr.aria-labelledby]="id">
      <header>
        <h2 [id]="id">{{ heading() }}</h2>
        @if (count() !== null) {
          <span class="dh-count" [attr.aria-label]="heading() + ': ' + count()">{{ count() }}</span>
        }
      </header>
      @if (description()) {
        <p class="dh-desc">{{ description() }}</p>
      }
      <ng-content />
    </section>
  `,
  styles: `
    .dh-card { background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; padding: 1rem 1.1rem; height: 100%; box-sizing: border-box; }
    header { display: flex; align-items: baseline; justify-content: space-between; gap: .5rem; }
    h2 { font-size: 1rem; margin: 0; color: var(--dh-primary); }
    .dh-count { font-size: 1.6rem; font-weight: 700; color: var(--dh-ink); }
    .dh-desc { color: var(--dh-muted); font-size: .88rem; margin: .35rem 0 .75rem; }
  `,
})
export class InfoCard {
  private static seq = 0;
  readonly heading = input.required<string>();
  readonly description = input<string>('');
  readonly count = input<number | null>(null);
  protected readonly id = `dh-card-${InfoCard.seq++}`;
}
