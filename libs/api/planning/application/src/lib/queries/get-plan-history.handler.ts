import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { planNotFound } from '@dieu-hanh/api/planning/domain';
import { planVisibility } from '../access/plan-access.policy';
import type { PlanHistoryEntryDto } from '@dieu-hanh/shared/contracts';
import { PlanReadModel } from '../ports/plan.read-model';
import { GetPlanHistoryQuery } from './plan.queries';

/** A plan's history from the event log, for whoever may see the plan. */
@QueryHandler(GetPlanHistoryQuery)
export class GetPlanHistoryHandler implements IQueryHandler<GetPlanHistoryQuery> {
  constructor(private readonly readModel: PlanReadModel) {}

  async execute({ scope, id }: GetPlanHistoryQuery): Promise<PlanHistoryEntryDto[]> {
    const history = await this.readModel.history(id, planVisibility(scope));
    if (!history) throw planNotFound(id);
    return history;
  }
}
