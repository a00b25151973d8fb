import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { commandMetadata } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { IssuePlanBody, ListPlansQueryParams, PageQueryParams, PlanAmendBody, PlanDraftBody, PlanIdParam, PlanReviseBody, PlanTaskParams, ReturnPlanBody } from './plan.dto';
import type { PlanRoleDto } from '@dieu-hanh/shared/contracts';


/** Plans (kế hoạch): draft → submit → approve | return → issue (fan-out to assignments). */
@ApiTags('Kế hoạch / Plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách kế hoạch / Plans the caller may see' })
  list(@CurrentScope() scope: AccessScope, @Query() q: ListPlansQueryParams) {
    return this.queries.execute(
      new ListPlansQuery(scope, { status: q.status, year: q.year, role: q.role as PlanRoleDto | undefined, parentPlanId: q.parentPlanId, q: q.q, limit: q.limit ?? 50, offset: q.offset ?? 0 }),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một kế hoạch / One plan with tasks and the assignments the caller may see' })
  get(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam) {
    return this.queries.execute(new GetPlanQuery(scope, p.id));
  }

  @Post()
  @ApiOperation({ summary: 'Soạn dự thảo / Draft a plan' })
  draft(@CurrentScope() scope: AccessScope, @Body() body: PlanDraftBody, @Req() req: { id?: unknown }) {
    return this.commands.execute(new DraftPlanCommand(body, commandMetadata(scope, req)));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Sửa dự thảo / Revise a draft (409 with the current version on a conflict)' })
  revise(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Body() body: PlanReviseBody, @Req() req: { id?: unknown }) {
    const { version, ...data } = body;
    return this.commands.execute(new RevisePlanCommand(p.id, data, version, commandMetadata(scope, req)));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trình / Submit for approval' })
  submit(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Req() req: { id?: unknown }) {
    return this.commands.execute(new SubmitPlanCommand(p.id, commandMetadata(scope, req)));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Phê duyệt / Approve' })
  approve(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Req() req: { id?: unknown }) {
    return this.commands.execute(new ApprovePlanCommand(p.id, commandMetadata(scope, req)));
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trả lại kèm ý kiến / Return with comments' })
  giveBack(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Body() body: ReturnPlanBody, @Req() req: { id?: unknown }) {
    return this.commands.execute(new ReturnPlanCommand(p.id, body.comments, commandMetadata(scope, req)));
  }

  @Post(':id/issue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ban hành / Issue: fans the plan out into assignments' })
  issue(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Body() body: IssuePlanBody, @Req() req: { id?: unknown }) {
    return this.commands.execute(new IssuePlanCommand(p.id, body.number, body.issueDate, commandMetadata(scope, req)));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết thúc / Close an issued plan' })
  close(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Req() req: { id?: unknown }) {
    return this.commands.execute(new ClosePlanCommand(p.id, commandMetadata(scope, req)));
  }

  @Post(':id/amendments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Điều chỉnh kế hoạch đã ban hành / Amend an issued plan: affected assignments are updated and their holders told' })
  amend(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam, @Body() body: PlanAmendBody, @Req() req: { id?: unknown }) {
    const { version, reason, ...data } = body;
    return this.commands.execute(new AmendPlanCommand(p.id, data, version, reason, commandMetadata(scope, req)));
  }

  @Get(':id/tasks/:taskId/assignments')
  @ApiOperation({ summary: 'Các đơn vị được giao một nhiệm vụ / Every assignment of one task the caller may see, paged' })
  taskAssignments(@CurrentScope() scope: AccessScope, @Param() p: PlanTaskParams, @Query() q: PageQueryParams) {
    return this.queries.execute(new ListTaskAssignmentsQuery(scope, p.id, p.taskId, { limit: q.limit ?? 100, offset: q.offset ?? 0 }));
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Lịch sử kế hoạch / The plan’s history from the event log' })
  history(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam) {
    return this.queries.execute(new GetPlanHistoryQuery(scope, p.id));
  }

  @Get(':id/implementing')
  @ApiOperation({ summary: 'Kế hoạch triển khai của các đơn vị / Which assigned units issued their implementing plans' })
  implementing(@CurrentScope() scope: AccessScope, @Param() p: PlanIdParam) {
    return this.queries.execute(new GetImplementingPlansQuery(scope, p.id));
  }
}
