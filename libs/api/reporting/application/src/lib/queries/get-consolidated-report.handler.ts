import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ConsolidatedReportDto } from '@dieu-hanh/shared/contracts';
import { ReportingViews } from '../commands/reporting.views';
import { GetConsolidatedReportQuery } from './reporting.queries';

@QueryHandler(GetConsolidatedReportQuery)
export class GetConsolidatedReportHandler implements IQueryHandler<GetConsolidatedReportQuery> {
  constructor(private readonly views: ReportingViews) {}

  async execute({ reportId, scope }: GetConsolidatedReportQuery): Promise<ConsolidatedReportDto> {
    const { report, period, plan } = await this.views.consolidatedInSight(scope, reportId);
    return this.views.consolidatedDto(scope, report, period, plan);
  }
}
