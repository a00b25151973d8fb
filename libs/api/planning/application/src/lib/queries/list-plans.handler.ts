import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { planListActions, planVisibility } from '../access/plan-access.policy';
import type { PlanListDto } from '@dieu-hanh/shared/contracts';
import { PlanReadModel } from '../ports/plan.read-model';
import { ListPlansQuery } from './plan.queries';
import { withAllowedActions } from './with-allowed-actions';

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(private readonly readModel: PlanReadModel) {}

  async execute({ scope, filter }: ListPlansQuery): Promise<PlanListDto> {
    const { items, total } = await this.readModel.list(planVisibility(scope), filter);
    return {
      items: items.map((row) => withAllowedActions(scope, row)),
      total,
      limit: filter.limit,
      offset: filter.offset,
      allowedActions: planListActions(scope),
    };
  }
}
