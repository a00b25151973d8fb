import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { planVisibility } from '@dieu-hanh/api/shared/auth';
import type { PlanListDto } from '@dieu-hanh/shared/contracts';
import { PlanReadModel } from '../ports/plan.read-model';
import { ListPlansQuery } from './plan.queries';

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(private readonly readModel: PlanReadModel) {}

  async execute({ scope, filter }: ListPlansQuery): Promise<PlanListDto> {
    const { items, total } = await this.readModel.list(planVisibility(scope), filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }
}
