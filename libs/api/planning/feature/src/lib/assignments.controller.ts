import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetAssignmentQuery } from '@dieu-hanh/api/planning/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { PlanIdParam } from './plan.dto';

@ApiTags('Giao việc / Assignments')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'Một nhiệm vụ được giao / One assignment with its task and plan' })
  get(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam) {
    return this.queries.execute(new GetAssignmentQuery(scope, p.id));
  }
}
