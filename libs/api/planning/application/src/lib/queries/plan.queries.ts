import { Query } from '@nestjs/cqrs';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type {
  AssignmentDetailDto,
  ImplementingPlansDto,
  MyAssignmentsDto,
  PlanDetailDto,
  PlanHistoryEntryDto,
  PlanListDto,
  TaskAssignmentsDto,
} from '@dieu-hanh/shared/contracts';
import type { PlanListFilter } from '../ports/plan.read-model';

export class ListPlansQuery extends Query<PlanListDto> {
  constructor(readonly scope: AccessScope, readonly filter: PlanListFilter) {
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

export class GetPlanHistoryQuery extends Query<PlanHistoryEntryDto[]> {
  constructor(readonly scope: AccessScope, readonly id: string) {
    super();
  }
}

export class GetImplementingPlansQuery extends Query<ImplementingPlansDto> {
  constructor(readonly scope: AccessScope, readonly id: string) {
    super();
  }
}

export class ListMyAssignmentsQuery extends Query<MyAssignmentsDto> {
  constructor(readonly scope: AccessScope, readonly page: { limit: number; offset: number }) {
    super();
  }
}

export class ListTaskAssignmentsQuery extends Query<TaskAssignmentsDto> {
  constructor(readonly scope: AccessScope, readonly planId: string, readonly taskId: string, readonly page: { limit: number; offset: number }) {
    super();
  }
}
