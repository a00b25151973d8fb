import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@dieu-hanh/api/shared/kernel';
import { planVisibility } from '../access/plan-access.policy';
import type { AssignmentDetailDto } from '@dieu-hanh/shared/contracts';
import { PlanReadModel } from '../ports/plan.read-model';
import { GetAssignmentQuery } from './plan.queries';

@QueryHandler(GetAssignmentQuery)
export class GetAssignmentHandler implements IQueryHandler<GetAssignmentQuery> {
  constructor(private readonly readModel: PlanReadModel) {}

  async execute({ scope, id }: GetAssignmentQuery): Promise<AssignmentDetailDto> {
    const found = await this.readModel.assignment(id, planVisibility(scope));
    if (!found) {
      throw new DomainError('PLANNING.ASSIGNMENT_NOT_FOUND', 'not-found', `Không tìm thấy nhiệm vụ được giao ${id}.`, `Assignment ${id} was not found.`);
    }
    return found;
  }
}
