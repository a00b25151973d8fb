import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  GetAssignmentTimelineQuery,
  GetLeaderInboxQuery,
  GetPlanProgressQuery,
  ListMyWorkQuery,
  ListVerificationQueueQuery,
  ListWorkQuery,
  type WorkListFilter,
  type WorkPage,
} from '@dieu-hanh/api/execution/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses, sendEncodedJson } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { LeaderInboxDto, PlanProgressDto, TimelineEntryDto, WorkListDto } from '@dieu-hanh/shared/contracts';
import type { Response } from 'express';
import { MyWorkQueryParams, ReadIdParam, WorkQueryParams } from './work-queries.dto';
import { LeaderInboxResponse, PlanProgressResponse, TimelineEntryResponse, WORK_QUERY_RESPONSE_MODELS, WorkListResponse } from './work-queries.responses';

const BAD_QUERY = { status: 400, description: 'A bad filter, id or page (REQUEST.VALIDATION_FAILED, naming the field)' } as const;

const filterOf = (q: WorkQueryParams | MyWorkQueryParams): WorkListFilter => {
  const w = q as WorkQueryParams;
  return { q: q.q, planId: q.planId, status: q.status, urgency: q.urgency, verification: q.verification, taskId: w.taskId, unitCode: w.unitCode, role: w.role };
};
const pageOf = (q: MyWorkQueryParams): WorkPage => ({ limit: q.limit ?? 25, offset: q.offset ?? 0 });

/**
 * Execution's read side: work lists (mine, tracking, verification queue), a plan's progress roll-up
 * from the tallies, an assignment's timeline from the event log, the leader's inbox. Each request is one
 * indexed statement; visibility is execution's access policy (`visibleWorkSql`, `mayViewWork`).
 */
@ApiTags('Thực hiện nhiệm vụ / Execution')
@ApiExtraModels(...WORK_QUERY_RESPONSE_MODELS)
@ApiProblemResponses(401, 503)
@Controller()
export class WorkQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('my/work')
  @ApiOperation({ summary: 'Việc của tôi / My unit’s work (a commune’s includes its offices’): overdue first, searchable without diacritics; 25 a page' })
  @ApiOkResponse({ type: WorkListResponse })
  @ApiProblemResponses(BAD_QUERY)
  myWork(@CurrentScope() scope: AccessScope, @Query() q: MyWorkQueryParams): Promise<WorkListDto> {
    return this.queries.execute(new ListMyWorkQuery(scope, filterOf(q), pageOf(q)));
  }

  @Get('execution/work')
  @ApiOperation({ summary: 'Theo dõi thực hiện / Every assignment the caller sees, by plan, task, unit, role, status, urgency and verification' })
  @ApiOkResponse({ type: WorkListResponse })
  @ApiProblemResponses(BAD_QUERY)
  work(@CurrentScope() scope: AccessScope, @Query() q: WorkQueryParams): Promise<WorkListDto> {
    return this.queries.execute(new ListWorkQuery(scope, filterOf(q), pageOf(q)));
  }

  @Get('execution/verification-queue')
  @ApiOperation({ summary: 'Hàng chờ thẩm định / Work reported done or unable that the caller verifies' })
  @ApiOkResponse({ type: WorkListResponse })
  @ApiProblemResponses(BAD_QUERY)
  verificationQueue(@CurrentScope() scope: AccessScope, @Query() q: WorkQueryParams): Promise<WorkListDto> {
    return this.queries.execute(new ListVerificationQueueQuery(scope, filterOf(q), pageOf(q)));
  }

  @Get('plans/:id/progress')
  @ApiOperation({ summary: 'Tiến độ kế hoạch / A plan’s progress by role, task and unit, from the read model (a commune sees its own units)' })
  @ApiOkResponse({ type: PlanProgressResponse })
  @ApiProblemResponses(BAD_QUERY, { status: 404, description: 'No such plan, or the caller sees none of its assignments (PLANNING.PLAN_NOT_FOUND)' })
  async progress(@CurrentScope() scope: AccessScope, @Param() p: ReadIdParam, @Res() res: Response): Promise<void> {
    // The read model hands back the same object while the plan's tallies stand: its bytes are reused.
    sendEncodedJson(res, await this.queries.execute<GetPlanProgressQuery, PlanProgressDto>(new GetPlanProgressQuery(scope, p.id)));
  }

  @Get('assignments/:id/timeline')
  @ApiOperation({ summary: 'Diễn biến / An assignment’s timeline: who did what and when, with evidence, from the event log' })
  @ApiOkResponse({ type: [TimelineEntryResponse] })
  @ApiProblemResponses(BAD_QUERY, { status: 404, description: 'No such assignment, or not visible to the caller (EXECUTION.ASSIGNMENT_NOT_FOUND)' })
  timeline(@CurrentScope() scope: AccessScope, @Param() p: ReadIdParam): Promise<TimelineEntryDto[]> {
    return this.queries.execute(new GetAssignmentTimelineQuery(scope, p.id));
  }

  @Get('execution/leader-inbox')
  @ApiOperation({ summary: 'Hộp việc lãnh đạo / Escalated obstacles and extension requests waiting for the caller’s decision' })
  @ApiOkResponse({ type: LeaderInboxResponse })
  leaderInbox(@CurrentScope() scope: AccessScope): Promise<LeaderInboxDto> {
    return this.queries.execute(new GetLeaderInboxQuery(scope));
  }
}
