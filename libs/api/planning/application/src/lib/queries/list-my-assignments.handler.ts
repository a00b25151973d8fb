import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { planVisibility } from '../access/plan-access.policy';
import type { MyAssignmentsDto } from '@dieu-hanh/shared/contracts';
import { PlanReadModel } from '../ports/plan.read-model';
import { ListMyAssignmentsQuery } from './plan.queries';

/** The caller's unit's assignments in force (a commune's include its offices'). */
@QueryHandler(ListMyAssignmentsQuery)
export class ListMyAssignmentsHandler implements IQueryHandler<ListMyAssignmentsQuery> {
  constructor(private readonly readModel: PlanReadModel) {}

  execute({ scope, page }: ListMyAssignmentsQuery): Promise<MyAssignmentsDto> {
    return this.readModel.myAssignments(planVisibility(scope), page);
  }
}
