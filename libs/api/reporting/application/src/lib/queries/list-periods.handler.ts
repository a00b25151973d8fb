import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PeriodListDto } from '@dieu-hanh/shared/contracts';
import { reportingUnitOf } from '../access/report-access.policy';
import { ReportingViews } from '../commands/reporting.views';
import { ReportingReadModel } from '../ports/reporting.read-model';
import { completenessIn } from '../ports/reporting.read-model';
import { ListPeriodsQuery } from './reporting.queries';

/** The periods the caller sees (its province's city plans; a commune: its own plan's and those it reports in). */
@QueryHandler(ListPeriodsQuery)
export class ListPeriodsHandler implements IQueryHandler<ListPeriodsQuery> {
  constructor(private readonly read: ReportingReadModel, private readonly views: ReportingViews) {}

  async execute({ filter, scope }: ListPeriodsQuery): Promise<PeriodListDto> {
    const rows = await this.read.periods({ provinceCode: scope.provinceCode, tier: scope.tier, reportingUnit: reportingUnitOf(scope) }, filter);
    const completeness = await this.read.completeness(rows.map((r) => r.id));
    return { items: rows.map((r) => this.views.periodDtoFromRow(scope, r, completenessIn(completeness, r.id))) };
  }
}
