import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/**
 * A titled panel of a home page: what it is for, then its content or an honest empty state. With `link`,
 * the heading and a footer link open the page the card summarises.
 */
@Component({
  selector: 'dh-info-card',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="dh-card" [attr.aria-labelledby]="id">
      <header>
        <h2 [id]="id">
          @if (link(); as l) {
            <a [routerLink]="l" [queryParams]="query()">{{ heading() }}</a>
          } @else {
            {{ heading() }}
          }
        </h2>
        @if (count() !== null) {
          <span class="dh-count" [attr.aria-label]="heading() + ': ' + count()">{{ count() }}</span>
        }
      </header>
      @if (description()) {
        <p class="dh-desc">{{ description() }}</p>
      }
      <ng-content />
      @if (link() && linkLabel()) {
        <p class="dh-more"><a [routerLink]="link()" [queryParams]="query()" [attr.data-testid]="testId()">{{ linkLabel() }} →</a></p>
      }
    </section>
  `,
  styles: `
    .dh-card { background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; padding: 1rem 1.1rem; height: 100%; box-sizing: border-box; display: flex; flex-direction: column; }
    header { display: flex; align-items: baseline; justify-content: space-between; gap: .5rem; }
    h2 { font-size: 1rem; margin: 0; color: var(--dh-primary); }
    h2 a { color: inherit; }
    .dh-count { font-size: 1.6rem; font-weight: 700; color: var(--dh-ink); }
    .dh-desc { color: var(--dh-muted); font-size: .88rem; margin: .35rem 0 .75rem; }
    .dh-more { margin: auto 0 0; padding-top: .6rem; font-weight: 600; }
    .dh-more a { display: inline-block; padding: .35rem 0; }
  `,
})
export class InfoCard {
  private static seq = 0;
  readonly heading = input.required<string>();
  readonly description = input<string>('');
  readonly count = input<number | null>(null);
  /** The page this card summarises (a router path such as "/cong-viec/tham-dinh"). */
  readonly link = input<string | null>(null);
  readonly query = input<Record<string, string> | null>(null);
  readonly linkLabel = input<string>('');
  readonly testId = input<string | null>(null);
  protected readonly id = `dh-card-${InfoCard.seq++}`;
}
