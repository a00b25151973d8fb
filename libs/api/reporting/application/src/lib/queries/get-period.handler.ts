import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReportingPeriodDto } from '@dieu-hanh/shared/contracts';
import { ReportingViews } from '../commands/reporting.views';
import { GetPeriodQuery } from './reporting.queries';

@QueryHandler(GetPeriodQuery)
export class GetPeriodHandler implements IQueryHandler<GetPeriodQuery> {
  constructor(private readonly views: ReportingViews) {}

  execute({ periodId, scope }: GetPeriodQuery): Promise<ReportingPeriodDto> {
    return this.views.periodDto(scope, periodId);
  }
}
