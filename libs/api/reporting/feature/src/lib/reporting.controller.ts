import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ClosePeriodCommand,
  ConsolidatePeriodCommand,
  DecideConsolidatedReportCommand,
  DecideUnitReportCommand,
  GetConsolidatedReportQuery,
  GetPeriodQuery,
  GetSubmissionTrackerQuery,
  GetUnitReportQuery,
  ListPeriodsQuery,
  OpenPeriodCommand,
  SaveConsolidatedReportCommand,
  SaveUnitReportCommand,
  StartUnitReportCommand,
  UrgeReportsCommand,
  type ConsolidatedDecision,
  type UnitReportDecision,
} from '@dieu-hanh/api/reporting/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses, commandMetadata } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { ConsolidatedReportDto, PeriodListDto, ReportingPeriodDto, SubmissionTrackerDto, UnitReportDto } from '@dieu-hanh/shared/contracts';
import { DecisionBody, IdParam, OpenPeriodBody, PeriodListQuery, SaveConsolidatedBody, SaveUnitReportBody, UrgeReportsBody } from './reporting.dto';
import { ConsolidatedReportResponse, PeriodListResponse, ReportingPeriodResponse, SubmissionTrackerResponse, UnitReportResponse, UrgeReportsResultResponse } from './reporting.responses';

const PERIOD_NOT_FOUND = { status: 404, description: 'No such period, or not visible to the caller (REPORTING.PERIOD_NOT_FOUND): the same answer for both' } as const;
const REPORT_NOT_FOUND = { status: 404, description: 'No such report, or not visible to the caller (REPORTING.REPORT_NOT_FOUND): the same answer for both' } as const;
const FORBIDDEN = (who: string) => ({ status: 403, description: `The caller sees it but is not ${who} (AUTH.FORBIDDEN)` }) as const;
const CONFLICT = { status: 409, description: 'A stale `version` (REPORTING.VERSION_CONFLICT) or a state that does not allow this (REPORTING.TRANSITION_REFUSED)' } as const;
const BAD_INPUT = { status: 400, description: 'A bad id or body (REQUEST.VALIDATION_FAILED, REPORTING.INVALID with the fields at fault)' } as const;

/**
 * Reporting's periods and reports (báo cáo định kỳ): the focal unit opens periods, units write their reports
 * from their work, the focal unit accepts, returns and consolidates, the leader approves. Every command is one
 * transaction with its events; every answer carries the caller's `allowedActions`.
 */
@ApiTags('Báo cáo / Reporting')
@ApiProblemResponses(401, 503)
@Controller()
export class ReportingController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Get('reporting/periods')
  @ApiOperation({ summary: 'Các kỳ báo cáo / The reporting periods the caller sees, newest due first, with completeness and the caller’s own report' })
  @ApiOkResponse({ type: PeriodListResponse })
  @ApiProblemResponses(BAD_INPUT)
  list(@CurrentScope() scope: AccessScope, @Query() q: PeriodListQuery): Promise<PeriodListDto> {
    return this.queries.execute(new ListPeriodsQuery({ planId: q.planId, status: q.status }, scope));
  }

  @Post('plans/:id/periods')
  @HttpCode(201)
  @ApiOperation({ summary: 'Mở kỳ báo cáo / The focal unit opens a reporting period of an issued plan (regular, from its reporting duties, or ad hoc)' })
  @ApiCreatedResponse({ type: ReportingPeriodResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the plan’s focal unit'), { status: 404, description: 'No such plan, or not visible (REPORTING.PLAN_NOT_FOUND)' }, {
    status: 409,
    description: 'The period is already open (REPORTING.PERIOD_EXISTS), or the plan is not issued (REPORTING.TRANSITION_REFUSED)',
  })
  open(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: OpenPeriodBody, @Req() req: { id?: unknown }): Promise<ReportingPeriodDto> {
    return this.commands.execute(new OpenPeriodCommand(p.id, body, commandMetadata(scope, req)));
  }

  @Get('reporting/periods/:id')
  @ApiOperation({ summary: 'Một kỳ báo cáo / One reporting period' })
  @ApiOkResponse({ type: ReportingPeriodResponse })
  @ApiProblemResponses(400, PERIOD_NOT_FOUND)
  period(@CurrentScope() scope: AccessScope, @Param() p: IdParam): Promise<ReportingPeriodDto> {
    return this.queries.execute(new GetPeriodQuery(p.id, scope));
  }

  @Post('reporting/periods/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đóng kỳ báo cáo / The focal unit closes a period: reports then change only by reopening' })
  @ApiOkResponse({ type: ReportingPeriodResponse })
  @ApiProblemResponses(400, FORBIDDEN('the focal unit'), PERIOD_NOT_FOUND, CONFLICT)
  close(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Req() req: { id?: unknown }): Promise<ReportingPeriodDto> {
    return this.commands.execute(new ClosePeriodCommand(p.id, commandMetadata(scope, req)));
  }

  @Get('reporting/periods/:id/tracker')
  @ApiOperation({ summary: 'Theo dõi nộp báo cáo / Who has reported, on time or late, last urged (focal unit, leaders)' })
  @ApiOkResponse({ type: SubmissionTrackerResponse })
  @ApiProblemResponses(400, FORBIDDEN('the focal unit or a leader'), PERIOD_NOT_FOUND)
  tracker(@CurrentScope() scope: AccessScope, @Param() p: IdParam): Promise<SubmissionTrackerDto> {
    return this.queries.execute(new GetSubmissionTrackerQuery(p.id, scope));
  }

  @Post('reporting/periods/:id/urge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đôn đốc nộp báo cáo / The focal unit urges the units that have not submitted (all, or those named)' })
  @ApiOkResponse({ type: UrgeReportsResultResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the focal unit'), PERIOD_NOT_FOUND, CONFLICT)
  urge(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: UrgeReportsBody, @Req() req: { id?: unknown }): Promise<{ urged: number }> {
    return this.commands.execute(new UrgeReportsCommand(p.id, body, commandMetadata(scope, req)));
  }

  @Post('reporting/periods/:id/my-report')
  @HttpCode(200)
  @ApiOperation({ summary: 'Báo cáo của đơn vị tôi / Starts the caller unit’s report, pre-filled from its work and indicators, or returns the one it has' })
  @ApiOkResponse({ type: UnitReportResponse })
  @ApiProblemResponses(400, FORBIDDEN('an officer of a unit expected to report'), PERIOD_NOT_FOUND, CONFLICT)
  myReport(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Req() req: { id?: unknown }): Promise<UnitReportDto> {
    return this.commands.execute(new StartUnitReportCommand(p.id, commandMetadata(scope, req)));
  }

  @Post('reporting/periods/:id/consolidated')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tổng hợp báo cáo / The focal unit composes the period’s consolidated report (or gets the one it has)' })
  @ApiOkResponse({ type: ConsolidatedReportResponse })
  @ApiProblemResponses(400, FORBIDDEN('the focal unit'), PERIOD_NOT_FOUND)
  consolidate(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Req() req: { id?: unknown }): Promise<ConsolidatedReportDto> {
    return this.commands.execute(new ConsolidatePeriodCommand(p.id, commandMetadata(scope, req)));
  }

  @Get('reporting/reports/:id')
  @ApiOperation({ summary: 'Báo cáo của một đơn vị / One unit’s report' })
  @ApiOkResponse({ type: UnitReportResponse })
  @ApiProblemResponses(400, REPORT_NOT_FOUND)
  report(@CurrentScope() scope: AccessScope, @Param() p: IdParam): Promise<UnitReportDto> {
    return this.queries.execute(new GetUnitReportQuery(p.id, scope));
  }

  @Put('reporting/reports/:id')
  @ApiOperation({ summary: 'Sửa báo cáo / The unit edits its report: sections, notes per task, indicator values (a submitted one with a reason)' })
  @ApiOkResponse({ type: UnitReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('an officer of the unit'), REPORT_NOT_FOUND, CONFLICT)
  save(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: SaveUnitReportBody, @Req() req: { id?: unknown }): Promise<UnitReportDto> {
    return this.commands.execute(new SaveUnitReportCommand(p.id, body, commandMetadata(scope, req)));
  }

  private decideUnit(scope: AccessScope, id: string, d: UnitReportDecision, body: DecisionBody, req: { id?: unknown }): Promise<UnitReportDto> {
    return this.commands.execute(new DecideUnitReportCommand(id, d, body, commandMetadata(scope, req)));
  }

  @Post('reporting/reports/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gửi báo cáo / The unit submits its report (to its leader when the period asks, else to the focal unit)' })
  @ApiOkResponse({ type: UnitReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('an officer of the unit'), REPORT_NOT_FOUND, CONFLICT)
  submit(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: DecisionBody, @Req() req: { id?: unknown }): Promise<UnitReportDto> {
    return this.decideUnit(scope, p.id, 'submit', body, req);
  }

  @Post('reporting/reports/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lãnh đạo đơn vị duyệt / The unit’s leader approves its report: it goes to the focal unit' })
  @ApiOkResponse({ type: UnitReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the unit’s leader'), REPORT_NOT_FOUND, CONFLICT)
  approve(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: DecisionBody, @Req() req: { id?: unknown }): Promise<UnitReportDto> {
    return this.decideUnit(scope, p.id, 'approve', body, req);
  }

  @Post('reporting/reports/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tiếp nhận báo cáo / The focal unit accepts a report: narrative, statuses and figures together' })
  @ApiOkResponse({ type: UnitReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the focal unit'), REPORT_NOT_FOUND, CONFLICT)
  accept(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: DecisionBody, @Req() req: { id?: unknown }): Promise<UnitReportDto> {
    return this.decideUnit(scope, p.id, 'accept', body, req);
  }

  @Post('reporting/reports/:id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trả lại báo cáo / The focal unit (or the unit’s leader, before approval) returns a report with a reason' })
  @ApiOkResponse({ type: UnitReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the focal unit or the unit’s leader'), REPORT_NOT_FOUND, CONFLICT)
  returnReport(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: DecisionBody, @Req() req: { id?: unknown }): Promise<UnitReportDto> {
    return this.decideUnit(scope, p.id, 'return', body, req);
  }

  @Post('reporting/reports/:id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mở lại báo cáo / The focal unit reopens an accepted report as a new revision, with a reason' })
  @ApiOkResponse({ type: UnitReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the focal unit'), REPORT_NOT_FOUND, CONFLICT)
  reopen(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: DecisionBody, @Req() req: { id?: unknown }): Promise<UnitReportDto> {
    return this.decideUnit(scope, p.id, 'reopen', body, req);
  }

  @Get('reporting/consolidated/:id')
  @ApiOperation({ summary: 'Báo cáo tổng hợp / A consolidated report' })
  @ApiOkResponse({ type: ConsolidatedReportResponse })
  @ApiProblemResponses(400, REPORT_NOT_FOUND)
  consolidated(@CurrentScope() scope: AccessScope, @Param() p: IdParam): Promise<ConsolidatedReportDto> {
    return this.queries.execute(new GetConsolidatedReportQuery(p.id, scope));
  }

  @Put('reporting/consolidated/:id')
  @ApiOperation({ summary: 'Sửa báo cáo tổng hợp / The focal unit edits the consolidated report’s narrative and document fields' })
  @ApiOkResponse({ type: ConsolidatedReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the focal unit'), REPORT_NOT_FOUND, CONFLICT)
  saveConsolidated(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: SaveConsolidatedBody, @Req() req: { id?: unknown }): Promise<ConsolidatedReportDto> {
    return this.commands.execute(new SaveConsolidatedReportCommand(p.id, body, commandMetadata(scope, req)));
  }

  private decideConsolidated(scope: AccessScope, id: string, d: ConsolidatedDecision, body: DecisionBody, req: { id?: unknown }): Promise<ConsolidatedReportDto> {
    return this.commands.execute(new DecideConsolidatedReportCommand(id, d, body, commandMetadata(scope, req)));
  }

  @Post('reporting/consolidated/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trình lãnh đạo / The focal unit submits the consolidated report to the leader (its figures are frozen as sent)' })
  @ApiOkResponse({ type: ConsolidatedReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the focal unit'), REPORT_NOT_FOUND, CONFLICT)
  submitConsolidated(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: DecisionBody, @Req() req: { id?: unknown }): Promise<ConsolidatedReportDto> {
    return this.decideConsolidated(scope, p.id, 'submit', body, req);
  }

  @Post('reporting/consolidated/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Phê duyệt báo cáo tổng hợp / The issuing body’s leader approves: the report becomes immutable' })
  @ApiOkResponse({ type: ConsolidatedReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('a leader of the issuing body'), REPORT_NOT_FOUND, CONFLICT)
  approveConsolidated(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: DecisionBody, @Req() req: { id?: unknown }): Promise<ConsolidatedReportDto> {
    return this.decideConsolidated(scope, p.id, 'approve', body, req);
  }

  @Post('reporting/consolidated/:id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trả lại báo cáo tổng hợp / The leader returns the consolidated report with a reason' })
  @ApiOkResponse({ type: ConsolidatedReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('a leader of the issuing body'), REPORT_NOT_FOUND, CONFLICT)
  returnConsolidated(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: DecisionBody, @Req() req: { id?: unknown }): Promise<ConsolidatedReportDto> {
    return this.decideConsolidated(scope, p.id, 'return', body, req);
  }

  @Post('reporting/consolidated/:id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mở lại báo cáo tổng hợp / Reopens an approved consolidated report as a new revision, with a reason' })
  @ApiOkResponse({ type: ConsolidatedReportResponse })
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('a leader or the focal unit'), REPORT_NOT_FOUND, CONFLICT)
  reopenConsolidated(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Body() body: DecisionBody, @Req() req: { id?: unknown }): Promise<ConsolidatedReportDto> {
    return this.decideConsolidated(scope, p.id, 'reopen', body, req);
  }
}
