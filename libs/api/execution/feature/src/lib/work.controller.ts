import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  AnswerObstacleCommand,
  DecideExtensionCommand,
  EscalateObstacleCommand,
  GetAssignmentWorkQuery,
  GiveDirectiveCommand,
  RaiseObstacleCommand,
  ReportProgressCommand,
  RequestExtensionCommand,
  ReturnWorkCommand,
  UrgeCommand,
  VerifyWorkCommand,
} from '@dieu-hanh/api/execution/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses, ProblemDetailsSchema, ProblemException, commandMetadata } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto, UrgeResultDto } from '@dieu-hanh/shared/contracts';
import {
  AnswerObstacleBody,
  DirectiveBody,
  EscalateObstacleBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  ProgressUpdateBody,
  RaiseObstacleBody,
  ReturnWorkBody,
  UrgeBody,
  VerifyBody,
  WorkIdParam,
} from './work.dto';
import { AssignmentWorkResponse, UrgeResultResponse, WORK_RESPONSE_MODELS } from './work.responses';

/** Printable ASCII without spaces, as the idempotency interceptor accepts. */
const KEY = /^[\x21-\x7e]{1,128}$/;

const ASSIGNMENT_NOT_FOUND = { status: 404, description: 'No such assignment, or not visible to the caller (EXECUTION.ASSIGNMENT_NOT_FOUND): the same answer for both' } as const;
const OBSTACLE_NOT_FOUND = { status: 404, description: 'No such obstacle, or its assignment is not visible to the caller (EXECUTION.OBSTACLE_NOT_FOUND)' } as const;
const EXTENSION_NOT_FOUND = { status: 404, description: 'No such extension request, or its assignment is not visible to the caller (EXECUTION.EXTENSION_NOT_FOUND)' } as const;
const FORBIDDEN = (who: string) => ({ status: 403, description: `The caller sees the assignment but is not ${who} (AUTH.FORBIDDEN)` }) as const;
const VERSION_CONFLICT = {
  status: 409,
  description:
    'The assignment changed since `version` (EXECUTION.VERSION_CONFLICT, with `currentVersion` and the current AssignmentWorkDto in `current`), or its state does not allow this (EXECUTION.TRANSITION_REFUSED)',
  example: { code: 'EXECUTION.VERSION_CONFLICT', vi: 'Nhiệm vụ vừa được người khác cập nhật.', en: 'Someone else updated this assignment meanwhile.', extra: { currentVersion: 3 } },
} as const;
const BAD_INPUT = { status: 400, description: 'A bad id or body (REQUEST.VALIDATION_FAILED, EXECUTION.WORK_INVALID, …)' } as const;
const WORK_OK = { type: AssignmentWorkResponse, description: 'The assignment’s work after the change, as the caller sees it' } as const;

function idempotencyKeyRequired(): ProblemException {
  return new ProblemException(
    400,
    'REQUEST.IDEMPOTENCY_KEY_REQUIRED',
    'Cần gửi kèm tiêu đề Idempotency-Key (mỗi lần cập nhật một khóa mới; gửi lại đúng khóa đó khi thử lại).',
    'The Idempotency-Key header is required (a new key per update; the same key when retrying it).',
    [{ field: 'header.idempotency-key', code: 'required', message: { vi: 'Bắt buộc', en: 'Required' } }],
  );
}

/**
 * Execution's write side (thực hiện nhiệm vụ): the assignee reports progress, raises obstacles and asks
 * for extensions; the verifier verifies, returns and decides; the focal unit answers or escalates;
 * leaders give directives; departments urge. Every command is one transaction with its events and
 * answers the assignment's new state (with the caller's allowed actions).
 */
@ApiTags('Thực hiện nhiệm vụ / Execution')
@ApiExtraModels(...WORK_RESPONSE_MODELS)
@ApiProblemResponses(401, 503)
@Controller()
export class WorkController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('assignments/:id/work')
  @ApiOperation({ summary: 'Tình hình thực hiện một nhiệm vụ được giao / One assignment’s work: state, verifier, evidence, obstacles, extensions, allowed actions' })
  @ApiOkResponse({ type: AssignmentWorkResponse })
  @ApiProblemResponses(400, ASSIGNMENT_NOT_FOUND)
  work(@CurrentScope() scope: AccessScope, @Param() p: WorkIdParam): Promise<AssignmentWorkDto> {
    return this.queries.execute(new GetAssignmentWorkQuery(p.id, scope));
  }

  @Post('assignments/:id/progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cập nhật tiến độ / Report progress (the assignee unit; Idempotency-Key required)' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A new key per update (1–128 printable ASCII characters); a retry with the same key returns the first answer and records nothing again', schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,128}$' } })
  @ApiOkResponse(WORK_OK)
  @ApiProblemResponses(
    { status: 400, description: 'No Idempotency-Key (REQUEST.IDEMPOTENCY_KEY_REQUIRED, REQUEST.IDEMPOTENCY_KEY_INVALID), a bad body (REQUEST.VALIDATION_FAILED; EXECUTION.WORK_INVALID: done is 100 %, not started 0 %), or evidence of another assignment (EXECUTION.EVIDENCE_NOT_ATTACHABLE)' },
    FORBIDDEN('an officer of the assignee unit'),
    ASSIGNMENT_NOT_FOUND,
    { ...VERSION_CONFLICT, description: `${VERSION_CONFLICT.description}; or a request with this key is still running (REQUEST.IDEMPOTENCY_IN_PROGRESS)` },
    413,
    415,
  )
  @ApiResponse({
    status: 422,
    description: 'The Idempotency-Key was used for another request (REQUEST.IDEMPOTENCY_KEY_REUSED)',
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
  })
  progress(
    @CurrentScope() scope: AccessScope,
    @Param() p: WorkIdParam,
    @Body() body: ProgressUpdateBody,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: { id?: unknown },
  ): Promise<AssignmentWorkDto> {
    if (typeof key !== 'string' || !KEY.test(key)) throw idempotencyKeyRequired();
    return this.commands.execute(new ReportProgressCommand(p.id, body, key, commandMetadata(scope, req)));
  }

  @Post('assignments/:id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Xác nhận kết quả / Verify work reported done or unable (the verifying unit)' })
  @ApiOkResponse(WORK_OK)
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the verifying unit'), ASSIGNMENT_NOT_FOUND, VERSION_CONFLICT, 413, 415)
  verify(@CurrentScope() scope: AccessScope, @Param() p: WorkIdParam, @Body() body: VerifyBody, @Req() req: { id?: unknown }): Promise<AssignmentWorkDto> {
    return this.commands.execute(new VerifyWorkCommand(p.id, body, commandMetadata(scope, req)));
  }

  @Post('assignments/:id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trả lại kết quả / Return work reported done or unable, with a reason (the verifying unit)' })
  @ApiOkResponse(WORK_OK)
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the verifying unit'), ASSIGNMENT_NOT_FOUND, VERSION_CONFLICT, 413, 415)
  giveBack(@CurrentScope() scope: AccessScope, @Param() p: WorkIdParam, @Body() body: ReturnWorkBody, @Req() req: { id?: unknown }): Promise<AssignmentWorkDto> {
    return this.commands.execute(new ReturnWorkCommand(p.id, body, commandMetadata(scope, req)));
  }

  @Post('assignments/:id/obstacles')
  @HttpCode(200)
  @ApiOperation({ summary: 'Báo cáo khó khăn, vướng mắc / Raise an obstacle with a proposal (the assignee unit)' })
  @ApiOkResponse(WORK_OK)
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('an officer of the assignee unit'), ASSIGNMENT_NOT_FOUND, { status: 409, description: 'The work is verified or no longer carried out (EXECUTION.TRANSITION_REFUSED)' }, 413, 415)
  raiseObstacle(@CurrentScope() scope: AccessScope, @Param() p: WorkIdParam, @Body() body: RaiseObstacleBody, @Req() req: { id?: unknown }): Promise<AssignmentWorkDto> {
    return this.commands.execute(new RaiseObstacleCommand(p.id, body, commandMetadata(scope, req)));
  }

  @Post('obstacles/:id/answer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trả lời khó khăn, vướng mắc / Answer an open obstacle (the focal unit, else the issuing committee)' })
  @ApiOkResponse(WORK_OK)
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the obstacle’s handler'), OBSTACLE_NOT_FOUND, { status: 409, description: 'The obstacle is not open (EXECUTION.OBSTACLE_TRANSITION_REFUSED)' }, 413, 415)
  answerObstacle(@CurrentScope() scope: AccessScope, @Param() p: WorkIdParam, @Body() body: AnswerObstacleBody, @Req() req: { id?: unknown }): Promise<AssignmentWorkDto> {
    return this.commands.execute(new AnswerObstacleCommand(p.id, body, commandMetadata(scope, req)));
  }

  @Post('obstacles/:id/escalate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Báo cáo lãnh đạo / Escalate an open obstacle to the task’s directing leader (the focal unit, else the issuing committee)' })
  @ApiOkResponse(WORK_OK)
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the obstacle’s handler'), OBSTACLE_NOT_FOUND, { status: 409, description: 'The obstacle is not open (EXECUTION.OBSTACLE_TRANSITION_REFUSED)' }, 413, 415)
  escalateObstacle(@CurrentScope() scope: AccessScope, @Param() p: WorkIdParam, @Body() body: EscalateObstacleBody, @Req() req: { id?: unknown }): Promise<AssignmentWorkDto> {
    return this.commands.execute(new EscalateObstacleCommand(p.id, body, commandMetadata(scope, req)));
  }

  @Post('obstacles/:id/directive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ý kiến chỉ đạo / Give a directive on an escalated obstacle (the issuing committee’s leaders)' })
  @ApiOkResponse(WORK_OK)
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('a leader of the issuing committee'), OBSTACLE_NOT_FOUND, { status: 409, description: 'The obstacle is not escalated (EXECUTION.OBSTACLE_TRANSITION_REFUSED)' }, 413, 415)
  giveDirective(@CurrentScope() scope: AccessScope, @Param() p: WorkIdParam, @Body() body: DirectiveBody, @Req() req: { id?: unknown }): Promise<AssignmentWorkDto> {
    return this.commands.execute(new GiveDirectiveCommand(p.id, body, commandMetadata(scope, req)));
  }

  @Post('assignments/:id/extensions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đề nghị gia hạn / Ask for a later due date with a reason (the assignee unit)' })
  @ApiOkResponse(WORK_OK)
  @ApiProblemResponses(
    { status: 400, description: 'A bad body (REQUEST.VALIDATION_FAILED), or a date not after today and the due date in force (EXECUTION.EXTENSION_INVALID)' },
    FORBIDDEN('an officer of the assignee unit'),
    ASSIGNMENT_NOT_FOUND,
    { status: 409, description: 'A request is already pending, or the work is verified or no longer carried out (EXECUTION.TRANSITION_REFUSED)' },
    413,
    415,
  )
  requestExtension(@CurrentScope() scope: AccessScope, @Param() p: WorkIdParam, @Body() body: ExtensionRequestBody, @Req() req: { id?: unknown }): Promise<AssignmentWorkDto> {
    return this.commands.execute(new RequestExtensionCommand(p.id, body, commandMetadata(scope, req)));
  }

  @Post('extensions/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Quyết định gia hạn / Approve or reject an extension request (the unit that verifies the work)' })
  @ApiOkResponse(WORK_OK)
  @ApiProblemResponses(BAD_INPUT, FORBIDDEN('the verifying unit'), EXTENSION_NOT_FOUND, { status: 409, description: 'The request was already decided (EXECUTION.EXTENSION_ALREADY_DECIDED)' }, 413, 415)
  decideExtension(@CurrentScope() scope: AccessScope, @Param() p: WorkIdParam, @Body() body: ExtensionDecisionBody, @Req() req: { id?: unknown }): Promise<AssignmentWorkDto> {
    return this.commands.execute(new DecideExtensionCommand(p.id, body, commandMetadata(scope, req)));
  }

  @Post('execution/urge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đôn đốc / Urge one assignee, or every late unit of a task (lead unit, focal unit, issuing committee)' })
  @ApiOkResponse({ type: UrgeResultResponse })
  @ApiProblemResponses(
    { status: 400, description: 'Not exactly one of assignmentId and taskId (EXECUTION.URGE_INVALID), or a bad body (REQUEST.VALIDATION_FAILED)' },
    FORBIDDEN('allowed to urge these units'),
    { status: 404, description: 'No such assignment or task, or not visible to the caller (EXECUTION.ASSIGNMENT_NOT_FOUND)' },
    { status: 409, description: 'The assignment needs no urging any more (EXECUTION.TRANSITION_REFUSED)' },
    413,
    415,
  )
  urge(@CurrentScope() scope: AccessScope, @Body() body: UrgeBody, @Req() req: { id?: unknown }): Promise<UrgeResultDto> {
    return this.commands.execute(new UrgeCommand(body, commandMetadata(scope, req)));
  }
}
