import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { CapabilitiesCard, HomeHeader, InfoCard, PlanShortlist } from '@dieu-hanh/web/shared/ui';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, of } from 'rxjs';

/** Home of department officers: their plans, the assignment board, the review queue, focal work. */
@Component({
  selector: 'dh-department-home',
  imports: [InfoCard, HomeHeader, CapabilitiesCard, PlanShortlist, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-home-header />
    <div class="dh-grid">
      <dh-info-card [heading]="'dept.plans' | t" [description]="'dept.plans.desc' | t" [count]="plans()?.total ?? null">
        <dh-plan-shortlist [plans]="plans()?.items ?? []" />
      </dh-info-card>
      <dh-info-card [heading]="'dept.board' | t" [description]="'dept.board.desc' | t">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      <dh-info-card [heading]="'dept.review' | t" [description]="'dept.review.desc' | t">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      @if (auth.hasRole('focal-officer')) {
        <dh-info-card [heading]="'dept.focal' | t" [description]="'dept.focal.desc' | t">
          <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
        </dh-info-card>
      }
      <dh-capabilities-card />
    </div>
  `,
})
export class DepartmentHome {
  protected readonly auth = inject(AuthService);
  protected readonly plans = toSignal(inject(ApiClient).plans().pipe(catchError(() => of(null))));
}
