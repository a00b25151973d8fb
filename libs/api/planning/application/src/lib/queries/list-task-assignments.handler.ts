import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { planNotFound } from '@dieu-hanh/api/planning/domain';
import { planVisibility } from '../access/plan-access.policy';
import type { TaskAssignmentsDto } from '@dieu-hanh/shared/contracts';
import { PlanReadModel } from '../ports/plan.read-model';
import { ListTaskAssignmentsQuery } from './plan.queries';

/** Every assignment of one task, paged (a task sent to all communes has 126 of them). */
@QueryHandler(ListTaskAssignmentsQuery)
export class ListTaskAssignmentsHandler implements IQueryHandler<ListTaskAssignmentsQuery> {
  constructor(private readonly readModel: PlanReadModel) {}

  async execute({ scope, planId, taskId, page }: ListTaskAssignmentsQuery): Promise<TaskAssignmentsDto> {
    const result = await this.readModel.taskAssignments(planId, taskId, planVisibility(scope), page);
    if (!result) throw planNotFound(planId);
    return result;
  }
}
