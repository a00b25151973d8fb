import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '@dieu-hanh/api/shared/kernel';
import type { PortfolioDto, PortfolioPlanDto } from '@dieu-hanh/shared/contracts';
import { refuse } from '../commands/reporting.views';
import { reportingUnitOf, seesWholePlan } from '../access/report-access.policy';
import { ReportingReadModel } from '../ports/reporting.read-model';
import { completenessIn } from '../ports/reporting.read-model';
import { GetPortfolioQuery } from './reporting.queries';

const EMPTY = { total: 0, notStarted: 0, inProgress: 0, done: 0, unable: 0, verified: 0, pendingVerification: 0, overdue: 0, percent: 0 };

/**
 * The portfolio of the province's issued city plans (tier 1): whole-plan counts for those who see the whole
 * plan (leaders, office, focal, issuing and drafting units), the unit's own share for other departments.
 * Two tally reads and one period read, whatever the number of plans.
 */
@QueryHandler(GetPortfolioQuery)
export class GetPortfolioHandler implements IQueryHandler<GetPortfolioQuery> {
  constructor(private readonly read: ReportingReadModel, private readonly clock: Clock) {}

  async execute({ scope }: GetPortfolioQuery): Promise<PortfolioDto> {
    if (scope.tier !== 1) refuse('Cấp xã xem bảng điểm của đơn vị mình (Báo cáo → Điểm số).', 'Communes see their own scorecard (Reports → Scorecard).');
    const today = this.clock.today();
    const plans = await this.read.portfolioPlans(scope.provinceCode);
    const whole = plans.filter((p) => seesWholePlan(scope, p)).map((p) => p.planId);
    const [counts, own, periods] = await Promise.all([
      this.read.planCounts(whole, today),
      this.read.unitPlans(scope.unitCode, today),
      this.read.periods({ provinceCode: scope.provinceCode, tier: 1, reportingUnit: reportingUnitOf(scope) }, {}),
    ]);
    const ownCounts = new Map(own.map((p) => [p.planId, p.counts]));
    const latest = new Map<string, (typeof periods)[number]>();
    for (const p of periods) if (!latest.has(p.planId)) latest.set(p.planId, p); // newest due date first
    const completeness = await this.read.completeness([...latest.values()].map((p) => p.id));
    const out: PortfolioPlanDto[] = plans
      .map((p) => {
        const c = whole.includes(p.planId) ? counts.get(p.planId) : ownCounts.get(p.planId);
        const period = latest.get(p.planId);
        return {
          planId: p.planId,
          planTitle: p.planTitle,
          planSymbol: p.planSymbol,
          year: p.year,
          focalUnitCode: p.focalUnitCode,
          counts: c ?? EMPTY,
          latestPeriod: period ? { id: period.id, label: period.label, completeness: completenessIn(completeness, period.id) } : null,
        };
      })
      .filter((p) => p.counts.total > 0 || whole.includes(p.planId));
    return { plans: out };
  }
}
