import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { InfoCard } from '@dieu-hanh/web/shared/ui';
import { catchError, of } from 'rxjs';

/** Home of department officers: their plans, the assignment board, the review queue, focal work. */
@Component({
  selector: 'dh-department-home',
  imports: [InfoCard, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (user(); as u) {
      <h1 class="dh-page-title" data-testid="greeting">{{ 'home.greeting' | t: { name: u.name } }}</h1>
      <p class="dh-who">
        <span class="dh-chip" data-testid="unit">{{ me()?.unit?.officialName ?? u.unit }}</span>
        <span class="dh-chip">{{ 'auth.tier1' | t }}</span>
      </p>
    }
    <div class="dh-grid">
      <dh-info-card [heading]="'dept.plans' | t" [description]="'dept.plans.desc' | t" [count]="0">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      <dh-info-card [heading]="'dept.board' | t" [description]="'dept.board.desc' | t" [count]="0">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      <dh-info-card [heading]="'dept.review' | t" [description]="'dept.review.desc' | t" [count]="0">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      @if (auth.hasRole('focal-officer')) {
        <dh-info-card [heading]="'dept.focal' | t" [description]="'dept.focal.desc' | t" [count]="0">
          <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
        </dh-info-card>
      }
      <dh-info-card [heading]="'home.youMay' | t">
        <ul class="dh-list" data-testid="capabilities">
          @for (r of user()?.roles ?? []; track r) {
            <li>{{ 'cap.' + r | t }}</li>
          }
        </ul>
      </dh-info-card>
    </div>
  `,
  styles: `.dh-who { margin: -.5rem 0 1rem; }`,
})
export class DepartmentHome {
  protected readonly auth = inject(AuthService);
  protected readonly user = this.auth.user;
  protected readonly me = toSignal(inject(ApiClient).me().pipe(catchError(() => of(null))));
}
