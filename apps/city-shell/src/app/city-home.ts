import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { NumberViPipe, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { InfoCard } from '@dieu-hanh/web/shared/ui';
import { catchError, forkJoin, map, of } from 'rxjs';

/** Home of city leaders and the committee office: approvals, the plan portfolio, oversight. */
@Component({
  selector: 'dh-city-home',
  imports: [InfoCard, TranslatePipe, NumberViPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (user(); as u) {
      <h1 class="dh-page-title" data-testid="greeting">{{ 'home.greeting' | t: { name: u.name } }}</h1>
      <p class="dh-who">
        <span class="dh-chip" data-testid="unit">{{ me()?.unit?.officialName ?? u.unit }}</span>
        <span class="dh-chip">{{ (u.tier === 1 ? 'auth.tier1' : 'auth.tier2') | t }}</span>
      </p>
    }
    <div class="dh-grid">
      <dh-info-card [heading]="'city.approvals' | t" [description]="'city.approvals.desc' | t" [count]="0">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      <dh-info-card [heading]="'city.portfolio' | t" [description]="'city.portfolio.desc' | t" [count]="0">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      <dh-info-card [heading]="'city.oversight' | t" [description]="'city.oversight.desc' | t">
        <ul class="dh-list">
          <li>{{ 'city.departments' | t }}: <strong>{{ scale() ? (scale()!.departments | numVi) : '…' }}</strong></li>
          <li>{{ 'city.communes' | t }}: <strong>{{ scale() ? (scale()!.communes | numVi) : '…' }}</strong></li>
        </ul>
      </dh-info-card>
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
export class CityHome {
  private readonly api = inject(ApiClient);
  protected readonly user = inject(AuthService).user;
  protected readonly me = toSignal(this.api.me().pipe(catchError(() => of(null))));
  protected readonly scale = toSignal(
    forkJoin([this.api.searchUnits({ kind: 'department', limit: 1 }), this.api.searchUnits({ kind: 'commune', limit: 1 })]).pipe(
      map(([d, c]) => ({ departments: d.total, communes: c.total })),
      catchError(() => of(null)),
    ),
  );
}
