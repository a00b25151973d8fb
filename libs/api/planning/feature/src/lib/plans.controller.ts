import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AmendPlanCommand,
  ApprovePlanCommand,
  ClosePlanCommand,
  GetImplementingPlansQuery,
  GetPlanHistoryQuery,
  ListTaskAssignmentsQuery,
  DraftPlanCommand,
  GetPlanQuery,
  IssuePlanCommand,
  ListPlansQuery,
  ReturnPlanCommand,
  RevisePlanCommand,
  SubmitPlanCommand,
} from '@dieu-hanh/api/planning/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses, commandMetadata } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { IssuePlanBody, ListPlansQueryParams, PageQueryParams, PlanAmendBody, PlanDraftBody, PlanIdParam, PlanReviseBody, PlanTaskParams, ReturnPlanBody } from './plan.dto';
import type { PlanRoleDto } from '@dieu-hanh/shared/contracts';
import {
  ImplementingPlansResponse,
  PLAN_RESPONSE_MODELS,
  PlanAmendResultResponse,
  PlanDetailResponse,
  PlanHistoryEntryResponse,
  PlanIssuedResponse,
  PlanListResponse,
  PlanStatusResponse,
  PlanVersionResponse,
  TaskAssignmentsResponse,
} from './plan.responses';

const PLAN_NOT_FOUND = { status: 404, description: 'No such plan, or not visible to the caller (PLANNING.PLAN_NOT_FOUND)' } as const;
const TRANSITION_REFUSED = {
  status: 409,
  description: 'The plan’s status does not allow this (PLANNING.TRANSITION_REFUSED, with `currentStatus`)',
  example: { code: 'PLANNING.TRANSITION_REFUSED', vi: 'Không thể phê duyệt kế hoạch đang ở trạng thái "dự thảo".', en: 'Cannot approve a plan that is draft.', extra: { currentStatus: 'draft' } },
} as const;

/** Plans (kế hoạch): draft → submit → approve | return → issue (fan-out to assignments). */
@ApiTags('Kế hoạch / Plans')
@ApiExtraModels(...PLAN_RESPONSE_MODELS)
@ApiProblemResponses(401, 503)
@Controller('plans')
export class PlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách kế hoạch / Plans the caller may see' })
  @ApiOkResponse({ type: PlanListResponse })
  @ApiProblemResponses(400)
  list(@CurrentScope() scope: AccessScope, @Query() q: ListPlansQueryParams) {
    return this.queries.execute(
      new ListPlansQuery(scope, { status: q.status, year: q.year, role: q.role as PlanRoleDto | undefined, parentPlanId: q.parentPlanId, q: q.q, limit: q.limit ?? 50, offset: q.offset ?? 0 }),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một kế hoạch / One plan with tasks and the assignments the caller may see' })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiProblemResponses(400, PLAN_NOT_FOUND)
  get(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam) {
    return this.queries.execute(new GetPlanQuery(scope, p.id));
  }

  @Post()
  @ApiOperation({ summary: 'Soạn dự thảo / Draft a plan' })
  @ApiCreatedResponse({ type: PlanVersionResponse, description: 'The draft, at version 1' })
  @ApiProblemResponses(
    { status: 400, description: 'Validation failed, or a reference or the parent plan is not acceptable (REQUEST.VALIDATION_FAILED, REQUEST.MALFORMED_JSON, PLANNING.PLAN_INVALID, PLANNING.PARENT_INVALID, PLANNING.REFERENCE_OUT_OF_REACH)' },
    { status: 403, description: 'The caller’s role does not draft plans (AUTH.FORBIDDEN)' },
    413,
    415,
  )
  draft(@CurrentScope() scope: AccessScope, @Body() body: PlanDraftBody, @Req() req: { id?: unknown }) {
    return this.commands.execute(new DraftPlanCommand(body, commandMetadata(scope, req)));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Sửa dự thảo / Revise a draft (409 with the current version on a conflict)' })
  @ApiOkResponse({ type: PlanVersionResponse, description: 'The new version' })
  @ApiProblemResponses(
    { status: 400, description: 'Validation failed (REQUEST.VALIDATION_FAILED, REQUEST.MALFORMED_JSON, PLANNING.PLAN_INVALID, PLANNING.PARENT_INVALID, PLANNING.REFERENCE_OUT_OF_REACH)' },
    { status: 403, description: 'Only the drafting unit may edit the draft (AUTH.FORBIDDEN)' },
    PLAN_NOT_FOUND,
    {
      status: 409,
      description: 'Someone else changed the draft: `currentVersion` says which to reload (PLANNING.VERSION_CONFLICT); or the plan is no longer editable (PLANNING.NOT_EDITABLE)',
      example: { code: 'PLANNING.VERSION_CONFLICT', vi: 'Dự thảo đã được người khác sửa. Vui lòng tải lại bản mới nhất.', en: 'Someone else changed this draft. Reload the current version.', extra: { currentVersion: 3 } },
    },
    413,
    415,
  )
  revise(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Body() body: PlanReviseBody, @Req() req: { id?: unknown }) {
    const { version, ...data } = body;
    return this.commands.execute(new RevisePlanCommand(p.id, data, version, commandMetadata(scope, req)));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trình / Submit for approval' })
  @ApiOkResponse({ type: PlanStatusResponse })
  @ApiProblemResponses(400, 403, PLAN_NOT_FOUND, TRANSITION_REFUSED)
  submit(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Req() req: { id?: unknown }) {
    return this.commands.execute(new SubmitPlanCommand(p.id, commandMetadata(scope, req)));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Phê duyệt / Approve' })
  @ApiOkResponse({ type: PlanStatusResponse })
  @ApiProblemResponses(400, 403, PLAN_NOT_FOUND, TRANSITION_REFUSED)
  approve(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Req() req: { id?: unknown }) {
    return this.commands.execute(new ApprovePlanCommand(p.id, commandMetadata(scope, req)));
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trả lại kèm ý kiến / Return with comments' })
  @ApiOkResponse({ type: PlanStatusResponse })
  @ApiProblemResponses(400, 403, PLAN_NOT_FOUND, TRANSITION_REFUSED, 413, 415)
  giveBack(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Body() body: ReturnPlanBody, @Req() req: { id?: unknown }) {
    return this.commands.execute(new ReturnPlanCommand(p.id, body.comments, commandMetadata(scope, req)));
  }

  @Post(':id/issue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ban hành / Issue: fans the plan out into assignments' })
  @ApiOkResponse({ type: PlanIssuedResponse })
  @ApiProblemResponses(400, 403, PLAN_NOT_FOUND, { status: 409, description: 'The plan is not approved (PLANNING.TRANSITION_REFUSED), or its number is taken for the year (PLANNING.NUMBER_TAKEN)' }, 413, 415)
  issue(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Body() body: IssuePlanBody, @Req() req: { id?: unknown }) {
    return this.commands.execute(new IssuePlanCommand(p.id, body.number, body.issueDate, commandMetadata(scope, req)));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết thúc / Close an issued plan' })
  @ApiOkResponse({ type: PlanStatusResponse })
  @ApiProblemResponses(400, 403, PLAN_NOT_FOUND, TRANSITION_REFUSED)
  close(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Req() req: { id?: unknown }) {
    return this.commands.execute(new ClosePlanCommand(p.id, commandMetadata(scope, req)));
  }

  @Post(':id/amendments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Điều chỉnh kế hoạch đã ban hành / Amend an issued plan: affected assignments are updated and their holders told' })
  @ApiOkResponse({ type: PlanAmendResultResponse })
  @ApiProblemResponses(400, 403, PLAN_NOT_FOUND, { status: 409, description: 'The plan is not issued (PLANNING.TRANSITION_REFUSED), or it changed since `version` (PLANNING.VERSION_CONFLICT, with `currentVersion`)' }, 413, 415)
  amend(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Body() body: PlanAmendBody, @Req() req: { id?: unknown }) {
    const { version, reason, ...data } = body;
    return this.commands.execute(new AmendPlanCommand(p.id, data, version, reason, commandMetadata(scope, req)));
  }

  @Get(':id/tasks/:taskId/assignments')
  @ApiOperation({ summary: 'Các đơn vị được giao một nhiệm vụ / Every assignment of one task the caller may see, paged' })
  @ApiOkResponse({ type: TaskAssignmentsResponse })
  @ApiProblemResponses(400, PLAN_NOT_FOUND)
  taskAssignments(@CurrentScope() scope: AccessScope, @Param() p: PlanTaskParams, @Query() q: PageQueryParams) {
    return this.queries.execute(new ListTaskAssignmentsQuery(scope, p.id, p.taskId, { limit: q.limit ?? 100, offset: q.offset ?? 0 }));
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Lịch sử kế hoạch / The plan’s history from the event log' })
  @ApiOkResponse({ type: [PlanHistoryEntryResponse], description: 'Oldest first' })
  @ApiProblemResponses(400, PLAN_NOT_FOUND)
  history(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam) {
    return this.queries.execute(new GetPlanHistoryQuery(scope, p.id));
  }

  @Get(':id/implementing')
  @ApiOperation({ summary: 'Kế hoạch triển khai của các đơn vị / Which assigned units issued their implementing plans' })
  @ApiOkResponse({ type: ImplementingPlansResponse })
  @ApiProblemResponses(400, PLAN_NOT_FOUND)
  implementing(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam) {
    return this.queries.execute(new GetImplementingPlansQuery(scope, p.id));
  }
}
