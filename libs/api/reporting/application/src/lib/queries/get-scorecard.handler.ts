import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '@dieu-hanh/api/shared/kernel';
import type { UnitScorecardDto } from '@dieu-hanh/shared/contracts';
import { reportingUnitOf } from '../access/report-access.policy';
import { ReportingReadModel } from '../ports/reporting.read-model';
import { ReportingStore } from '../ports/reporting.store';
import { GetScorecardQuery } from './reporting.queries';

/** The caller's own unit (a commune: its commune) on one screen: its plans, its overdue work, its reports. */
@QueryHandler(GetScorecardQuery)
export class GetScorecardHandler implements IQueryHandler<GetScorecardQuery> {
  constructor(private readonly store: ReportingStore, private readonly read: ReportingReadModel, private readonly clock: Clock) {}

  async execute({ scope }: GetScorecardQuery): Promise<UnitScorecardDto> {
    const unitCode = reportingUnitOf(scope);
    const today = this.clock.today();
    const [unit, plans, overdue, reports] = await Promise.all([
      this.store.unit(unitCode),
      this.read.unitPlans(unitCode, today),
      this.read.unitOverdue(unitCode, today, 20),
      this.read.unitReportsByPeriod(unitCode),
    ]);
    return { unitCode, unitName: unit?.unitName ?? unitCode, plans, overdue, reports };
  }
}
