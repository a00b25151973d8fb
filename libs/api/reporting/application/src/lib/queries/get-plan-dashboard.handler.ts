import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '@dieu-hanh/api/shared/kernel';
import { planNotFound } from '@dieu-hanh/api/reporting/domain';
import type { PlanDashboardDto } from '@dieu-hanh/shared/contracts';
import { reportingUnitOf, seesWholePlan } from '../access/report-access.policy';
import { ReportingViews, sumCounts } from '../commands/reporting.views';
import { ReportingReadModel } from '../ports/reporting.read-model';
import { completenessIn } from '../ports/reporting.read-model';
import { ReportingStore } from '../ports/reporting.store';
import { GetPlanDashboardQuery } from './reporting.queries';

const OVERDUE_SHOWN = 50;
/** Dashboards kept per plan and audience (see `execute`); a minute at most, a few hundred at most. */
const KEPT_MS = 60_000;
const KEPT_MAX = 300;

/**
 * One plan's dashboard. Those who see the whole plan get every unit; another unit of the province (a
 * department, a commune holding work in it) gets its own share only; anyone else: 404. Reads execution's
 * tallies (no assignment rows), the open items past due by index, and reporting's own small tables.
 */
@QueryHandler(GetPlanDashboardQuery)
export class GetPlanDashboardHandler implements IQueryHandler<GetPlanDashboardQuery> {
  private readonly kept = new Map<string, { token: string; at: number; dto: PlanDashboardDto }>();

  constructor(private readonly store: ReportingStore, private readonly read: ReportingReadModel, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ planId, scope }: GetPlanDashboardQuery): Promise<PlanDashboardDto> {
    const plan = await this.store.plan(planId);
    if (!plan || plan.provinceCode !== scope.provinceCode) throw planNotFound(planId);
    const whole = seesWholePlan(scope, plan);
    const onlyUnit = whole ? null : reportingUnitOf(scope);
    if (onlyUnit && scope.tier === 2 && plan.issuerTier === 1 && !(await this.store.expectedUnits(planId)).includes(onlyUnit)) throw planNotFound(planId);
    if (!whole && plan.issuerTier === 2) throw planNotFound(planId);
    const today = this.clock.today();
    // A dashboard is the same for everyone who sees the same part of the plan, until execution's tallies or
    // reporting's own rows for the plan move (the version token), or the day changes (overdue): kept so, a request
    // is one small read, and the same object lets the controller send the bytes it already encoded.
    const key = `${planId}|${onlyUnit ?? 'whole'}|${scope.tier}|${today}`;
    const token = await this.read.dashboardVersion(planId);
    const now = this.clock.now().getTime();
    const hit = this.kept.get(key);
    if (hit && hit.token === token && now - hit.at < KEPT_MS) return hit.dto;
    const dto = await this.build(planId, plan, whole, onlyUnit, scope, today);
    if (this.kept.size >= KEPT_MAX) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, { token, at: now, dto });
    return dto;
  }

  private async build(
    planId: string,
    plan: NonNullable<Awaited<ReturnType<ReportingStore['plan']>>>,
    whole: boolean,
    onlyUnit: string | null,
    scope: GetPlanDashboardQuery['scope'],
    today: string,
  ): Promise<PlanDashboardDto> {
    const [units, overdue, trend, approved, periods] = await Promise.all([
      this.read.unitRows(planId, today, onlyUnit),
      this.read.overdue(planId, today, onlyUnit, OVERDUE_SHOWN),
      this.read.trend(planId),
      this.read.approvedReports(planId),
      this.read.periods({ provinceCode: scope.provinceCode, tier: scope.tier, reportingUnit: reportingUnitOf(scope) }, { planId }),
    ]);
    const completeness = await this.read.completeness(periods.map((p) => p.id));
    const latest = periods.find((p) => (completeness.get(p.id)?.submitted ?? 0) > 0) ?? periods[0];
    const indicators = latest && whole ? await this.views.indicatorFigures({ id: latest.id, endDate: latest.endDate }, plan) : [];
    return {
      planId,
      planTitle: plan.planTitle,
      planSymbol: plan.planSymbol,
      counts: sumCounts(units.map((u) => u.counts)),
      departments: units.filter((u) => u.tier === 1),
      communes: units.filter((u) => u.tier === 2),
      overdue,
      // The tallies' overdue count is the same rule (open, due before Vietnam's today) over every row.
      overdueTotal: units.reduce((n, u) => n + u.counts.overdue, 0),
      indicators,
      periods: periods.map((p) => ({ id: p.id, label: p.label, status: p.status, dueDate: p.dueDate, completeness: completenessIn(completeness, p.id) })),
      trend,
      approvedReports: whole ? approved : approved.filter(() => scope.tier === 1),
    };
  }
}
