import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { planNotFound } from '@dieu-hanh/api/planning/domain';
import { planVisibility } from '../access/plan-access.policy';
import type { PlanDetailDto } from '@dieu-hanh/shared/contracts';
import { PlanReadModel } from '../ports/plan.read-model';
import { GetPlanQuery } from './plan.queries';
import { withAllowedActions } from './with-allowed-actions';

@QueryHandler(GetPlanQuery)
export class GetPlanHandler implements IQueryHandler<GetPlanQuery> {
  constructor(private readonly readModel: PlanReadModel) {}

  async execute({ scope, id }: GetPlanQuery): Promise<PlanDetailDto> {
    const plan = await this.readModel.get(id, planVisibility(scope));
    if (!plan) throw planNotFound(id);
    return withAllowedActions(scope, plan);
  }
}
