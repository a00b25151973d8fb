import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PlanSummaryDto } from '@dieu-hanh/shared/contracts';
import { DmyPipe, TranslatePipe } from '@dieu-hanh/web/shared/i18n';

/**
 * One plan in a list (plan list, approvals inbox, my work): title linking to the viewer, number, status,
 * drafting unit, tasks, issue date and — where asked — how my unit takes part. Rendered inside an `<li>`.
 */
@Component({
  selector: 'dh-plan-card',
  imports: [RouterLink, TranslatePipe, DmyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = plan();
    <a class="dh-title" [routerLink]="link()">{{ p.title }}</a>
    <span class="dh-meta">
      @if (p.number) { <strong>{{ p.number }}/{{ p.symbol }}</strong> · }
      <span class="dh-chip">{{ 'plans.status.' + p.status | t }}</span>
      {{ p.draftingUnitName || p.draftingUnitCode }} · {{ p.year }} · {{ 'plans.tasks' | t: { count: p.taskCount } }}
      @if (p.issueDate) { · {{ 'plans.issued' | t: { date: (p.issueDate | dmy) } }} }
      @if (showRoles()) {
        @for (r of p.myRoles; track r) { <span class="dh-chip dh-role">{{ 'plans.role.' + r | t }}</span> }
      }
    </span>
  `,
  styles: `
    .dh-title { font-weight: 600; }
    .dh-meta { display: block; margin-top: .35rem; color: var(--dh-muted); font-size: .85rem; }
    .dh-role { background: #eef5ea; color: var(--dh-ok); }
  `,
})
export class PlanCard {
  readonly plan = input.required<PlanSummaryDto>();
  /** Where the title leads (relative to the list's route). */
  readonly link = input.required<unknown[]>();
  readonly showRoles = input(false);
}
