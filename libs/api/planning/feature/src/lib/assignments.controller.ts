import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetAssignmentQuery, ListMyAssignmentsQuery } from '@dieu-hanh/api/planning/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { PageQueryParams, PlanIdParam } from './plan.dto';
import { AssignmentDetailResponse, MyAssignmentsResponse, PLAN_RESPONSE_MODELS } from './plan.responses';

@ApiTags('Giao việc / Assignments')
@ApiExtraModels(...PLAN_RESPONSE_MODELS)
@ApiProblemResponses(401, 503)
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'Một nhiệm vụ được giao / One assignment with its task and plan' })
  @ApiOkResponse({ type: AssignmentDetailResponse })
  @ApiProblemResponses(400, { status: 404, description: 'No such assignment, or not visible to the caller (PLANNING.ASSIGNMENT_NOT_FOUND)' })
  get(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam) {
    return this.queries.execute(new GetAssignmentQuery(scope, p.id));
  }
}

/** The signed-in unit's own work. */
@ApiTags('Giao việc / Assignments')
@ApiProblemResponses(401, 503)
@Controller('my')
export class MyWorkController {
  constructor(private readonly queries: QueryBus) {}

  @Get('assignments')
  @ApiOperation({ summary: 'Nhiệm vụ của đơn vị tôi / My unit’s assignments in force (a commune’s include its offices’)' })
  @ApiOkResponse({ type: MyAssignmentsResponse })
  @ApiProblemResponses(400)
  assignments(@CurrentScope() scope: AccessScope, @Query() q: PageQueryParams) {
    return this.queries.execute(new ListMyAssignmentsQuery(scope, { limit: q.limit ?? 100, offset: q.offset ?? 0 }));
  }
}
