import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { planNotFound } from '@dieu-hanh/api/planning/domain';
import { planVisibility } from '../access/plan-access.policy';
import type { ImplementingPlansDto } from '@dieu-hanh/shared/contracts';
import { PlanReadModel } from '../ports/plan.read-model';
import { GetImplementingPlansQuery } from './plan.queries';

/** Which units holding assignments in a plan have issued their implementing plans (a commune sees only its own row). */
@QueryHandler(GetImplementingPlansQuery)
export class GetImplementingPlansHandler implements IQueryHandler<GetImplementingPlansQuery> {
  constructor(private readonly readModel: PlanReadModel) {}

  async execute({ scope, id }: GetImplementingPlansQuery): Promise<ImplementingPlansDto> {
    const result = await this.readModel.implementing(id, planVisibility(scope));
    if (!result) throw planNotFound(id);
    return result;
  }
}
