import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UnitReportDto } from '@dieu-hanh/shared/contracts';
import { ReportingViews } from '../commands/reporting.views';
import { GetUnitReportQuery } from './reporting.queries';

@QueryHandler(GetUnitReportQuery)
export class GetUnitReportHandler implements IQueryHandler<GetUnitReportQuery> {
  constructor(private readonly views: ReportingViews) {}

  async execute({ reportId, scope }: GetUnitReportQuery): Promise<UnitReportDto> {
    const { report, period, plan, unit } = await this.views.unitReportInSight(scope, reportId);
    return this.views.unitReportDto(scope, report, period, plan, unit);
  }
}
