import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '@dieu-hanh/api/shared/kernel';
import type { SubmissionTrackerDto } from '@dieu-hanh/shared/contracts';
import { seesWholePlan } from '../access/report-access.policy';
import { ReportingViews, refuse } from '../commands/reporting.views';
import { ReportingReadModel } from '../ports/reporting.read-model';
import { GetSubmissionTrackerQuery } from './reporting.queries';

/** Who has reported in a period, on time or not, and when each was last urged (focal unit, leaders). */
@QueryHandler(GetSubmissionTrackerQuery)
export class GetSubmissionTrackerHandler implements IQueryHandler<GetSubmissionTrackerQuery> {
  constructor(private readonly read: ReportingReadModel, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ periodId, scope }: GetSubmissionTrackerQuery): Promise<SubmissionTrackerDto> {
    const { period, plan } = await this.views.periodInSight(scope, periodId);
    if (!seesWholePlan(scope, plan)) refuse('Chỉ cơ quan đầu mối và lãnh đạo mới theo dõi được việc nộp báo cáo.', 'Only the focal unit and the leaders follow the submissions.');
    const [dto, rows] = await Promise.all([this.views.periodDto(scope, periodId), this.read.tracker(periodId, period.dueDate, this.clock.today())]);
    return { period: dto, completeness: dto.completeness, rows };
  }
}
