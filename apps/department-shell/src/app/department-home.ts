import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { ApiClient, WorkProgressApi } from '@dieu-hanh/web/shared/data-access-api';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { CapabilitiesCard, HomeHeader, HomeTextPipe, InfoCard, PlanShortlist } from '@dieu-hanh/web/shared/ui';
import { catchError, of } from 'rxjs';

/** Home of department officers: their plans, their own work, the assignment board, the review queue, focal work. */
@Component({
  selector: 'dh-department-home',
  imports: [InfoCard, HomeHeader, CapabilitiesCard, PlanShortlist, TranslatePipe, HomeTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-home-header />
    <div class="dh-grid">
      <dh-info-card [heading]="'dept.work' | ht" [description]="'dept.work.desc' | ht" [count]="work()?.total ?? null"
        link="/cong-viec" [linkLabel]="'open.work' | ht" testId="home-work-link">
        @if (work(); as w) {
          <p data-testid="home-work-counts">{{ 'work.counts' | ht: { open: w.counts.open, overdue: w.counts.overdue, dueSoon: w.counts.dueSoon } }}</p>
        }
      </dh-info-card>
      <dh-info-card [heading]="'dept.plans' | t" [description]="'dept.plans.desc' | t" [count]="plans()?.total ?? null"
        link="/ke-hoach" [linkLabel]="'open.plans' | ht" testId="home-plans-link">
        <dh-plan-shortlist [plans]="plans()?.items ?? []" />
      </dh-info-card>
      <dh-info-card [heading]="'dept.board' | t" [description]="'dept.board.desc' | t"
        link="/cong-viec/theo-doi" [linkLabel]="'open.tracking' | ht" testId="home-tracking-link" />
      <dh-info-card [heading]="'dept.review' | t" [description]="'dept.review.desc' | t" [count]="review()?.total ?? null"
        link="/cong-viec/tham-dinh" [linkLabel]="'open.review' | ht" testId="home-review-link">
        @if (review(); as r) {
          <p>{{ 'review.counts' | ht: { count: r.total } }}</p>
        }
      </dh-info-card>
      @if (auth.hasRole('focal-officer')) {
        <dh-info-card [heading]="'dept.focal' | t" [description]="'dept.focal.desc' | t"
          link="/cong-viec/theo-doi" [query]="{ role: 'focal' }" [linkLabel]="'open.tracking' | ht" testId="home-focal-link" />
      }
      <dh-capabilities-card />
    </div>
  `,
})
export class DepartmentHome {
  protected readonly auth = inject(AuthService);
  private readonly work$ = inject(WorkProgressApi);
  protected readonly plans = toSignal(inject(ApiClient).plans().pipe(catchError(() => of(null))));
  protected readonly work = toSignal(this.work$.myWork({ limit: 1 }).pipe(catchError(() => of(null))));
  protected readonly review = toSignal(this.work$.verificationQueue({ limit: 1 }).pipe(catchError(() => of(null))));
}
