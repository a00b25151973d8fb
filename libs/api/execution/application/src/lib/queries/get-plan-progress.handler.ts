import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, DomainError } from '@dieu-hanh/api/shared/kernel';
import type { PlanProgressDto } from '@dieu-hanh/shared/contracts';
import { workVisibility } from '../access/work-access.policy';
import { WorkReadModel } from '../ports/work.read-model';
import { GetPlanProgressQuery } from './work-read.queries';

export const progressPlanNotFound = (id: string) =>
  new DomainError('PLANNING.PLAN_NOT_FOUND', 'not-found', `Không tìm thấy kế hoạch ${id}.`, `Plan ${id} was not found.`);

/**
 * GET /plans/:id/progress: the roll-up by role, task and unit from the tallies (one statement, a few
 * summary rows; overdue from the due-date key and Vietnam's today). 404 when the caller sees none of the
 * plan's assignments; a commune account's `byUnit` keeps its own units.
 */
@QueryHandler(GetPlanProgressQuery)
export class GetPlanProgressHandler implements IQueryHandler<GetPlanProgressQuery> {
  constructor(private readonly read: WorkReadModel, private readonly clock: Clock) {}

  async execute({ scope, planId }: GetPlanProgressQuery): Promise<PlanProgressDto> {
    const progress = await this.read.planProgress(workVisibility(scope), planId, this.clock.today(), this.clock.now().toISOString());
    if (!progress) throw progressPlanNotFound(planId);
    return progress;
  }
}
