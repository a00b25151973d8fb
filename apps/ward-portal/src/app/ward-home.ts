import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { InfoCard } from '@dieu-hanh/web/shared/ui';
import { catchError, map, of } from 'rxjs';

/** Home of a commune (mobile first): my assignments, updates, reports, the commune's plans and offices. */
@Component({
  selector: 'dh-ward-home',
  imports: [InfoCard, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (user(); as u) {
      <h1 class="dh-page-title" data-testid="greeting">{{ 'home.greeting' | t: { name: u.name } }}</h1>
      <p class="dh-who">
        <span class="dh-chip" data-testid="unit">{{ me()?.unit?.officialName ?? u.unit }}</span>
        <span class="dh-chip">{{ 'auth.tier2' | t }}</span>
      </p>
    }
    <div class="dh-grid">
      <dh-info-card [heading]="'ward.assignments' | t" [description]="'ward.assignments.desc' | t" [count]="0">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      <dh-info-card [heading]="'ward.updates' | t" [count]="0">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      <dh-info-card [heading]="'ward.reports' | t" [count]="0">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      <dh-info-card [heading]="'ward.plans' | t" [count]="0">
        <p class="dh-empty">{{ 'home.comingWithPlans' | t }}</p>
      </dh-info-card>
      <dh-info-card [heading]="'ward.offices' | t" [count]="offices()?.length ?? null">
        @if (offices()?.length) {
          <ul class="dh-list">
            @for (o of offices(); track o) {
              <li>{{ o }}</li>
            }
          </ul>
        } @else {
          <p class="dh-empty">{{ 'home.empty' | t }}</p>
        }
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
export class WardHome {
  private readonly api = inject(ApiClient);
  protected readonly user = inject(AuthService).user;
  protected readonly me = toSignal(this.api.me().pipe(catchError(() => of(null))));
  protected readonly offices = toSignal(
    this.api.searchUnits({ parent: this.user()?.unit, limit: 100 }).pipe(
      map((r) => r.items.map((u) => u.shortName)),
      catchError(() => of(null)),
    ),
  );
}
