import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { ApiClient, WorkProgressApi } from '@dieu-hanh/web/shared/data-access-api';
import { I18nService, NumberViPipe, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { CapabilitiesCard, HomeHeader, HomeTextPipe, InfoCard, PlanShortlist } from '@dieu-hanh/web/shared/ui';
import { catchError, forkJoin, map, of } from 'rxjs';

/** Home of city leaders and the committee office: approvals, the leader's inbox, the plan portfolio, oversight. */
@Component({
  selector: 'dh-city-home',
  imports: [InfoCard, HomeHeader, CapabilitiesCard, PlanShortlist, TranslatePipe, NumberViPipe, HomeTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-home-header />
    <div class="dh-grid">
      <dh-info-card [heading]="'city.approvals' | t" [description]="'city.approvals.desc' | t" [count]="submitted()?.total ?? null"
        link="/ke-hoach/cho-duyet" [linkLabel]="'open.approvals' | ht" testId="home-approvals-link">
        <dh-plan-shortlist [plans]="submitted()?.items ?? []" emptyKey="city.approvals.none" />
      </dh-info-card>
      @if (leaderOrOffice) {
        <dh-info-card [heading]="'city.inbox' | ht" [description]="'city.inbox.desc' | ht" [count]="inboxCount()"
          link="/cong-viec/hop-thu-lanh-dao" [linkLabel]="'open.inbox' | ht" testId="home-inbox-link">
          @if (inbox(); as i) {
            <p data-testid="home-inbox-counts">{{ 'inbox.counts' | ht: { escalations: i.escalations.length, extensions: i.extensions.length } }}</p>
          }
        </dh-info-card>
      }
      <dh-info-card [heading]="'city.portfolio' | t" [description]="'city.portfolio.desc' | t" [count]="plans()?.total ?? null"
        link="/ke-hoach" [linkLabel]="'open.plans' | ht" testId="home-plans-link">
        <dh-plan-shortlist [plans]="plans()?.items ?? []" />
      </dh-info-card>
      <dh-info-card [heading]="'city.oversight' | t" [description]="'city.oversight.desc' | t"
        link="/cong-viec/theo-doi" [linkLabel]="'open.tracking' | ht" testId="home-tracking-link">
        <ul class="dh-list">
          <li>{{ 'city.departments' | t }}: <strong>{{ scale() ? (scale()!.departments | numVi) : '…' }}</strong></li>
          <li>{{ 'city.communes' | t }}: <strong>{{ scale() ? (scale()!.communes | numVi) : '…' }}</strong></li>
        </ul>
      </dh-info-card>
      <dh-info-card [heading]="reports().heading" [description]="reports().description"
        link="/bao-cao/tong-quan" [linkLabel]="reports().link" testId="home-dashboard-link" />
      <dh-capabilities-card />
    </div>
  `,
})
export class CityHome {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  /** The reporting dashboards (mfe-plans ./report-routes at /bao-cao). */
  protected readonly reports = computed(() =>
    this.i18n.lang() === 'en'
      ? { heading: 'Plan implementation overview', description: 'Progress by plan, department and commune; overdue tasks, indicators, reporting.', link: 'Open the dashboards' }
      : { heading: 'Tổng quan thực hiện kế hoạch', description: 'Tiến độ theo kế hoạch, Sở, ngành và xã, phường; nhiệm vụ quá hạn, chỉ tiêu, báo cáo.', link: 'Mở trang tổng quan' },
  );
  protected readonly leaderOrOffice = this.auth.hasRole('leader') || this.auth.hasRole('office-officer');
  protected readonly submitted = toSignal(this.api.plans({ status: 'submitted' }).pipe(catchError(() => of(null))));
  protected readonly plans = toSignal(this.api.plans().pipe(catchError(() => of(null))));
  protected readonly inbox = toSignal(this.leaderOrOffice ? inject(WorkProgressApi).leaderInbox().pipe(catchError(() => of(null))) : of(null));
  protected readonly inboxCount = computed(() => {
    const i = this.inbox();
    return i ? i.escalations.length + i.extensions.length : null;
  });
  protected readonly scale = toSignal(
    forkJoin([this.api.searchUnits({ kind: 'department', limit: 1 }), this.api.searchUnits({ kind: 'commune', limit: 1 })]).pipe(
      map(([d, c]) => ({ departments: d.total, communes: c.total })),
      catchError(() => of(null)),
    ),
  );
}
