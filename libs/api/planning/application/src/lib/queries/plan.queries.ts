import { Query } from '@nestjs/cqrs';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentDetailDto, PlanDetailDto, PlanListDto } from '@dieu-hanh/shared/contracts';

export class ListPlansQuery extends Query<PlanListDto> {
  constructor(readonly scope: AccessScope, readonly filter: { status?: string; year?: number; limit: number; offset: number }) {
    super();
  }
}

export class GetPlanQuery extends Query<PlanDetailDto> {
  constructor(readonly scope: AccessScope, readonly id: string) {
    super();
  }
}

export class GetAssignmentQuery extends Query<AssignmentDetailDto> {
  constructor(readonly scope: AccessScope, readonly id: string) {
    super();
  }
}
