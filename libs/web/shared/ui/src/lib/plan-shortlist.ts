import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PlanSummaryDto } from '@dieu-hanh/shared/contracts';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';

/** The first plans of a list, linking into the plan viewer (mfe-plans, mounted at /ke-hoach). */
@Component({
  selector: 'dh-plan-shortlist',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (plans().length === 0) {
      <p class="dh-empty">{{ emptyKey() | t }}</p>
    } @else {
      <ul class="dh-list">
        @for (p of plans().slice(0, 5); track p.id) {
          <li>
            <a [routerLink]="['/ke-hoach', p.id]">{{ p.number ? p.number + '/' + p.symbol + ' — ' : '' }}{{ p.title }}</a>
            <span class="dh-chip">{{ 'plans.status.' + p.status | t }}</span>
          </li>
        }
      </ul>
    }
  `,
  styles: `.dh-chip { margin-left: .35rem; }`,
})
export class PlanShortlist {
  readonly plans = input<PlanSummaryDto[]>([]);
  readonly emptyKey = input('plans.none');
}
