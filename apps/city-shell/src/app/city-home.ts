import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { NumberViPipe, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { CapabilitiesCard, HomeHeader, InfoCard, PlanShortlist } from '@dieu-hanh/web/shared/ui';
import { catchError, forkJoin, map, of } from 'rxjs';

/** Home of city leaders and the committee office: approvals, the plan portfolio, oversight. */
@Component({
  selector: 'dh-city-home',
  imports: [InfoCard, HomeHeader, CapabilitiesCard, PlanShortlist, TranslatePipe, NumberViPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-home-header />
    <div class="dh-grid">
      <dh-info-card [heading]="'city.approvals' | t" [description]="'city.approvals.desc' | t" [count]="submitted()?.total ?? null">
        <dh-plan-shortlist [plans]="submitted()?.items ?? []" emptyKey="city.approvals.none" />
      </dh-info-card>
      <dh-info-card [heading]="'city.portfolio' | t" [description]="'city.portfolio.desc' | t" [count]="plans()?.total ?? null">
        <dh-plan-shortlist [plans]="plans()?.items ?? []" />
      </dh-info-card>
      <dh-info-card [heading]="'city.oversight' | t" [description]="'city.oversight.desc' | t">
        <ul class="dh-list">
          <li>{{ 'city.departments' | t }}: <strong>{{ scale() ? (scale()!.departments | numVi) : '…' }}</strong></li>
          <li>{{ 'city.communes' | t }}: <strong>{{ scale() ? (scale()!.communes | numVi) : '…' }}</strong></li>
        </ul>
      </dh-info-card>
      <dh-capabilities-card />
    </div>
  `,
})
export class CityHome {
  private readonly api = inject(ApiClient);
  protected readonly submitted = toSignal(this.api.plans({ status: 'submitted' }).pipe(catchError(() => of(null))));
  protected readonly plans = toSignal(this.api.plans().pipe(catchError(() => of(null))));
  protected readonly scale = toSignal(
    forkJoin([this.api.searchUnits({ kind: 'department', limit: 1 }), this.api.searchUnits({ kind: 'commune', limit: 1 })]).pipe(
      map(([d, c]) => ({ departments: d.total, communes: c.total })),
      catchError(() => of(null)),
    ),
  );
}
