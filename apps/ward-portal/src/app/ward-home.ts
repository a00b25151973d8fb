import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { ApiClient, WorkProgressApi } from '@dieu-hanh/web/shared/data-access-api';
import { I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { CapabilitiesCard, HomeHeader, HomeTextPipe, InfoCard, PlanShortlist } from '@dieu-hanh/web/shared/ui';
import { catchError, map, of } from 'rxjs';

/** Home of a commune (mobile first): my assignments, updates, reports, the commune's plans and offices. */
@Component({
  selector: 'dh-ward-home',
  imports: [InfoCard, HomeHeader, CapabilitiesCard, PlanShortlist, TranslatePipe, HomeTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-home-header />
    <div class="dh-grid">
      <dh-info-card [heading]="'ward.assignments' | t" [description]="'ward.assignments.desc' | t" [count]="work()?.total ?? null"
        link="/cong-viec" [linkLabel]="'open.work' | ht" testId="home-work-link">
        @if (work(); as w) {
          <p data-testid="home-work-counts">{{ 'work.counts' | ht: { open: w.counts.open, overdue: w.counts.overdue, dueSoon: w.counts.dueSoon } }}</p>
        }
      </dh-info-card>
      <dh-info-card [heading]="'ward.updates' | t" [description]="'ward.updates.desc' | ht"
        link="/cong-viec" [query]="{ loc: 'overdue' }" [linkLabel]="'open.overdue' | ht" testId="home-updates-link" />
      <dh-info-card [heading]="'ward.reports' | t" [description]="reports().description"
        link="/bao-cao/diem-so" [linkLabel]="reports().link" testId="home-scorecard-link" />
      <dh-info-card [heading]="'ward.plans' | t" [count]="plans()?.total ?? null" link="/ke-hoach" [linkLabel]="'open.plans' | ht" testId="home-plans-link">
        <dh-plan-shortlist [plans]="plans()?.items ?? []" />
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
      <dh-capabilities-card />
    </div>
  `,
})
export class WardHome {
  private readonly api = inject(ApiClient);
  protected readonly user = inject(AuthService).user;
  private readonly i18n = inject(I18nService);
  /** The commune's scorecard and periodic reports (mfe-plans ./report-routes at /bao-cao). */
  protected readonly reports = computed(() =>
    this.i18n.lang() === 'en'
      ? { description: 'Your plans’ progress, overdue tasks and periodic reports.', link: 'Open my unit’s scorecard' }
      : { description: 'Tiến độ các kế hoạch, nhiệm vụ quá hạn và báo cáo định kỳ của đơn vị.', link: 'Xem kết quả, báo cáo của đơn vị' },
  );
  protected readonly plans = toSignal(this.api.plans().pipe(catchError(() => of(null))));
  protected readonly work = toSignal(inject(WorkProgressApi).myWork({ limit: 1 }).pipe(catchError(() => of(null))));
  protected readonly offices = toSignal(
    this.api.searchUnits({ parent: this.user()?.unit, limit: 100 }).pipe(
      map((r) => r.items.map((u) => u.shortName)),
      catchError(() => of(null)),
    ),
  );
}
