import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  type AssignmentDetailDto,
  type AssignmentDto,
  type ImplementingPlansDto,
  type MyAssignmentsDto,
  PLAN_ACTIONS,
  PLAN_LIST_ACTIONS,
  PLAN_ROLES,
  PLAN_STATUSES,
  type PlanAction,
  type PlanAmendResultDto,
  type PlanDetailDto,
  type PlanHistoryEntryDto,
  type PlanIndicatorDto,
  type PlanListAction,
  type PlanListDto,
  type PlanRoleDto,
  type PlanSectionDto,
  type PlanStatusDto,
  type PlanSummaryDto,
  type PlanTaskDto,
  type ReportingDutyDto,
  type ReviewCommentDto,
  type TaskAssignmentsDto,
  type UnitRefDto,
} from '@dieu-hanh/shared/contracts';
import type { IndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';
import type { RecurrenceRule, Timeframe, WeekOfMonth, Weekday } from '@dieu-hanh/shared/util-timeframe';

// Response schemas of the planning endpoints. Each class implements its contract in
// @dieu-hanh/shared/contracts (or the util type it mirrors), so the compiler keeps them true;
// openapi.int.spec.ts checks real responses against them.

const UUID = { type: String, format: 'uuid' } as const;
const DATE = { type: String, format: 'date', example: '2025-10-02' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;
const NULLABLE_STRING = { type: String, nullable: true } as const;
const INT = { type: 'integer' } as const;

// ---------------------------------------------------------------------------------------------
// Unit references: { unit } | { group } | { pending } — in requests and responses alike

const CODE_PATTERN = '^[0-9A-Z][0-9A-Z-]{1,31}$';

export class UnitRefUnit implements Extract<UnitRefDto, { unit: string }> {
  @ApiProperty({ description: 'A unit code', example: '01-SKHCN', pattern: CODE_PATTERN }) unit!: string;
  @ApiPropertyOptional({
    description: 'The wording of the source document',
    example: 'Sở Khoa học và Công nghệ',
    maxLength: 500,
  })
  asWritten?: string;
}

export class UnitRefGroup implements Extract<UnitRefDto, { group: string }> {
  @ApiProperty({
    description: 'A unit group code, expanded at issue',
    example: '01-G-XA-PHUONG',
    pattern: CODE_PATTERN,
  })
  group!: string;
  @ApiPropertyOptional({
    description: 'The wording of the source document',
    example: 'UBND các xã, phường',
    maxLength: 500,
  })
  asWritten?: string;
}

export class UnitRefPending implements Extract<UnitRefDto, { pending: string }> {
  @ApiProperty({
    description: 'A reference kept as written for a human to settle',
    example: 'UBND các xã, phường đã đề xuất',
    minLength: 1,
    maxLength: 500,
  })
  pending!: string;
}

/** A list of unit references: each exactly one of `unit`, `group`, `pending`. */
export const unitRefs = (maxItems?: number) =>
  ({
    type: 'array',
    ...(maxItems ? { maxItems } : {}),
    items: { oneOf: [UnitRefUnit, UnitRefGroup, UnitRefPending].map((m) => ({ $ref: getSchemaPath(m) })) },
  }) as const;
const UNIT_REFS = unitRefs();

// ---------------------------------------------------------------------------------------------
// Timeframes as read by the platform (util-timeframe)

type TimeframeOf<K extends Timeframe['kind']> = Extract<Timeframe, { kind: K }>;

type RuleOf<F extends RecurrenceRule['freq']> = Extract<RecurrenceRule, { freq: F }>;

export class RecurrenceMonthlyWeekday implements Extract<RuleOf<'monthly'>, { weekday: number }> {
  @ApiProperty({ enum: ['monthly'] }) freq!: 'monthly';
  @ApiProperty({ ...INT, enum: [1, 2, 3, 4, 5, 6, 7], description: '1 = Monday … 7 = Sunday' })
  weekday!: Weekday;
  @ApiProperty({ ...INT, enum: [1, 2, 3, 4, -1], description: 'Which week of the month (-1 = the last)' })
  nth!: WeekOfMonth;
}

export class RecurrenceMonthlyDay implements Extract<RuleOf<'monthly'>, { day: number }> {
  @ApiProperty({ enum: ['monthly'] }) freq!: 'monthly';
  @ApiProperty({ ...INT, minimum: 1, maximum: 31, description: 'Day of the month' }) day!: number;
}

export class RecurrenceQuarterly implements RuleOf<'quarterly'> {
  @ApiProperty({ enum: ['quarterly'] }) freq!: 'quarterly';
}

export class RecurrenceHalfYearly implements RuleOf<'half-yearly'> {
  @ApiProperty({ enum: ['half-yearly'] }) freq!: 'half-yearly';
}

export class RecurrenceYearly implements RuleOf<'yearly'> {
  @ApiProperty({ enum: ['yearly'] }) freq!: 'yearly';
  @ApiPropertyOptional({ ...INT, minimum: 1, maximum: 12 }) month?: number;
  @ApiPropertyOptional({ ...INT, minimum: 1, maximum: 31 }) day?: number;
}

const RECURRENCE_RULES = [
  RecurrenceMonthlyWeekday,
  RecurrenceMonthlyDay,
  RecurrenceQuarterly,
  RecurrenceHalfYearly,
  RecurrenceYearly,
];

export class TimeframeRangeResponse implements TimeframeOf<'range'> {
  @ApiProperty({ enum: ['range'] }) kind!: 'range';
  @ApiProperty({ ...DATE, nullable: true }) start!: string | null;
  @ApiProperty(DATE) due!: string;
  @ApiProperty({ example: 'Quý IV/2025' }) text!: string;
}

export class TimeframeOngoingResponse implements TimeframeOf<'ongoing'> {
  @ApiProperty({ enum: ['ongoing'] }) kind!: 'ongoing';
  @ApiProperty({ ...DATE, nullable: true }) start!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) due!: string | null;
  @ApiProperty({ example: 'Thường xuyên' }) text!: string;
}

export class TimeframeRecurringResponse implements TimeframeOf<'recurring'> {
  @ApiProperty({ enum: ['recurring'] }) kind!: 'recurring';
  @ApiProperty({ oneOf: RECURRENCE_RULES.map((m) => ({ $ref: getSchemaPath(m) })) }) rule!: RecurrenceRule;
  @ApiProperty({ ...DATE, nullable: true }) start!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) due!: string | null;
  @ApiProperty({ example: 'Định kỳ thứ Sáu tuần thứ 4 hằng tháng' }) text!: string;
}

export class TimeframeDoneResponse implements TimeframeOf<'done'> {
  @ApiProperty({ enum: ['done'] }) kind!: 'done';
  @ApiProperty({ example: 'Đã hoàn thành' }) text!: string;
}

export class TimeframeExternalResponse implements TimeframeOf<'external'> {
  @ApiProperty({ enum: ['external'] }) kind!: 'external';
  @ApiProperty({ description: 'What the timeframe depends on' }) dependsOn!: string;
  @ApiProperty() text!: string;
}

export class TimeframeUnknownResponse implements TimeframeOf<'unknown'> {
  @ApiProperty({ enum: ['unknown'] }) kind!: 'unknown';
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Why the platform could not read it: it waits for a human' }) reason!: string;
}

const TIMEFRAMES = {
  range: TimeframeRangeResponse,
  ongoing: TimeframeOngoingResponse,
  recurring: TimeframeRecurringResponse,
  done: TimeframeDoneResponse,
  external: TimeframeExternalResponse,
  unknown: TimeframeUnknownResponse,
} satisfies Record<Timeframe['kind'], unknown>;

// ---------------------------------------------------------------------------------------------
// Indicator targets as read by the platform (util-indicator-target)

type TargetOf<K extends IndicatorTarget['kind']> = Extract<IndicatorTarget, { kind: K }>;

export class IndicatorTargetValueResponse implements TargetOf<'value'> {
  @ApiProperty({ enum: ['value'] }) kind!: 'value';
  @ApiProperty({ enum: ['=', '>', '>=', '<', '<=', '~'] }) comparator!: TargetOf<'value'>['comparator'];
  @ApiProperty({ example: 85 }) value!: number;
  @ApiProperty({ ...NULLABLE_STRING, example: '%' }) unit!: string | null;
  @ApiProperty({ example: '> 85%' }) text!: string;
}

export class IndicatorTargetRangeResponse implements TargetOf<'range'> {
  @ApiProperty({ enum: ['range'] }) kind!: 'range';
  @ApiProperty({ example: 7 }) min!: number;
  @ApiProperty({ example: 7.5 }) max!: number;
  @ApiProperty({ ...NULLABLE_STRING, example: '%' }) unit!: string | null;
  @ApiProperty({ example: '7% - 7,5%' }) text!: string;
}

export class IndicatorTargetRankResponse implements TargetOf<'rank'> {
  @ApiProperty({ enum: ['rank'] }) kind!: 'rank';
  @ApiProperty({ ...INT, minimum: 1, example: 5 }) top!: number;
  @ApiProperty({ example: 'Tốp 5' }) text!: string;
}

export class IndicatorTargetMultiResponse implements TargetOf<'multi'> {
  @ApiProperty({ enum: ['multi'] }) kind!: 'multi';
  // Lazy: a part holds a target again (recursive schema).
  @ApiProperty({ type: () => [IndicatorTargetPartResponse] }) parts!: TargetOf<'multi'>['parts'];
  @ApiProperty() text!: string;
}

export class IndicatorTargetUnknownResponse implements TargetOf<'unknown'> {
  @ApiProperty({ enum: ['unknown'] }) kind!: 'unknown';
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Why the platform could not read it: it waits for a human' }) reason!: string;
}

const TARGETS = {
  value: IndicatorTargetValueResponse,
  range: IndicatorTargetRangeResponse,
  rank: IndicatorTargetRankResponse,
  multi: IndicatorTargetMultiResponse,
  unknown: IndicatorTargetUnknownResponse,
} satisfies Record<IndicatorTarget['kind'], unknown>;

const INDICATOR_TARGET = (): {
  oneOf: { $ref: string }[];
  discriminator: { propertyName: string; mapping: Record<string, string> };
} => ({
  oneOf: Object.values(TARGETS).map((m) => ({ $ref: getSchemaPath(m) })),
  discriminator: {
    propertyName: 'kind',
    mapping: Object.fromEntries(Object.entries(TARGETS).map(([k, m]) => [k, getSchemaPath(m)])),
  },
});

export class IndicatorTargetPartResponse {
  @ApiProperty({ example: 'Khu vực đô thị' }) label!: string;
  @ApiProperty(INDICATOR_TARGET()) target!: IndicatorTarget;
}

// ---------------------------------------------------------------------------------------------
// Plans

export class PlanSummaryResponse implements PlanSummaryDto {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ example: 'Kế hoạch hưởng ứng Ngày Chuyển đổi số 2025' }) title!: string;
  @ApiProperty({ example: 'KH-UBND' }) symbol!: string;
  @ApiProperty({ ...INT, nullable: true, description: 'Given at issue', example: 272 }) number!:
    number | null;
  @ApiProperty({ ...INT, example: 2025 }) year!: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatusDto;
  @ApiProperty({
    ...INT,
    minimum: 1,
    description: 'Optimistic concurrency: send it back when revising or amending',
  })
  version!: number;
  @ApiProperty({ example: '01-UBND' }) issuerUnitCode!: string;
  @ApiProperty({ example: '01-SKHCN' }) draftingUnitCode!: string;
  @ApiProperty({ example: 'Sở Khoa học và Công nghệ' }) draftingUnitName!: string;
  @ApiProperty({ ...NULLABLE_STRING, example: '01-SKHCN' }) focalUnitCode!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) issueDate!: string | null;
  @ApiProperty(INT) taskCount!: number;
  @ApiProperty(INT) indicatorCount!: number;
  @ApiProperty({ ...UUID, nullable: true, description: 'The plan this one implements' }) parentPlanId!:
    string | null;
  @ApiProperty({ enum: PLAN_ROLES, isArray: true, description: 'How the caller’s unit takes part' })
  myRoles!: PlanRoleDto[];
  @ApiProperty({
    enum: PLAN_ACTIONS,
    isArray: true,
    description: 'What the caller may do with this plan now (the access policy decides; clients show these and nothing else)',
  })
  allowedActions!: PlanAction[];
}

export class PlanListResponse implements PlanListDto {
  @ApiProperty({ type: [PlanSummaryResponse] }) items!: PlanSummaryDto[];
  @ApiProperty(INT) total!: number;
  @ApiProperty(INT) limit!: number;
  @ApiProperty(INT) offset!: number;
  @ApiProperty({ enum: PLAN_LIST_ACTIONS, isArray: true, description: 'What the caller may do with the plan collection' })
  allowedActions!: PlanListAction[];
}

export class AssignmentResponse implements AssignmentDto {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(UUID) taskId!: string;
  @ApiProperty({ example: '00070' }) unitCode!: string;
  @ApiProperty({ example: 'Phường Hoàn Kiếm' }) unitName!: string;
  @ApiProperty({ enum: ['lead', 'coordinator'] }) role!: 'lead' | 'coordinator';
  @ApiProperty({
    ...NULLABLE_STRING,
    description: 'The group the unit was assigned through',
    example: '01-G-XA-PHUONG',
  })
  viaGroup!: string | null;
  @ApiProperty({
    ...NULLABLE_STRING,
    description: 'The unit this one took the assignment over from (succession)',
  })
  succeeds!: string | null;
  @ApiProperty({
    description: '`assigned`, or `withdrawn` when an amendment took the unit off the task',
    example: 'assigned',
  })
  status!: string;
}

export class AssignmentCountsResponse {
  @ApiProperty(INT) total!: number;
  @ApiProperty(INT) lead!: number;
  @ApiProperty(INT) coordinator!: number;
  @ApiProperty(INT) withdrawn!: number;
}

export class PlanTaskBaseResponse implements Omit<PlanTaskDto, 'assignments' | 'assignmentCounts'> {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ ...INT, minimum: 1 }) ordinal!: number;
  @ApiProperty({ ...NULLABLE_STRING, example: 'I.3' }) section!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty(NULLABLE_STRING) expectedResult!: string | null;
  @ApiProperty(NULLABLE_STRING) directingLeader!: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: 'Quý IV/2025' }) timeframe!: string | null;
  @ApiProperty({
    // Nest drops a `type` next to `oneOf`; buildOpenApiDocument puts `type: object` back (OpenAPI 3.0 needs it beside `nullable`).
    nullable: true,
    description: 'The timeframe read by the platform; `unknown` ones carry a reason and wait for a human',
    oneOf: Object.values(TIMEFRAMES).map((m) => ({ $ref: getSchemaPath(m) })),
    discriminator: {
      propertyName: 'kind',
      mapping: Object.fromEntries(Object.entries(TIMEFRAMES).map(([k, m]) => [k, getSchemaPath(m)])),
    },
  })
  timeframeNormalized!: Timeframe | null;
  @ApiProperty(NULLABLE_STRING) notes!: string | null;
  @ApiProperty({ ...UUID, nullable: true, description: 'The parent plan’s task this one carries out' })
  parentTaskId!: string | null;
  @ApiProperty(UNIT_REFS) leads!: UnitRefDto[];
  @ApiProperty(UNIT_REFS) coordinators!: UnitRefDto[];
}

export class PlanTaskResponse extends PlanTaskBaseResponse implements PlanTaskDto {
  @ApiProperty({
    type: [AssignmentResponse],
    maxItems: 10,
    description:
      'The assignments the caller may see, at most 10 (leads first); all at GET /plans/{id}/tasks/{taskId}/assignments',
  })
  assignments!: AssignmentDto[];
  @ApiProperty({ type: AssignmentCountsResponse }) assignmentCounts!: PlanTaskDto['assignmentCounts'];
}

export class IndicatorTargetYearResponse {
  @ApiProperty({ ...INT, example: 2025 }) year!: number;
  @ApiProperty({ example: '> 85%' }) text!: string;
  @ApiProperty(INDICATOR_TARGET()) parsed!: IndicatorTarget;
}

export class PlanIndicatorResponse implements PlanIndicatorDto {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ ...INT, minimum: 1 }) ordinal!: number;
  @ApiProperty(NULLABLE_STRING) section!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [IndicatorTargetYearResponse] }) targets!: PlanIndicatorDto['targets'];
  @ApiProperty(NULLABLE_STRING) directingLeader!: string | null;
  @ApiProperty(UNIT_REFS) focal!: UnitRefDto[];
  @ApiProperty(UNIT_REFS) implementing!: UnitRefDto[];
  @ApiProperty(UNIT_REFS) coordinators!: UnitRefDto[];
}

export class PlanSectionResponse implements PlanSectionDto {
  @ApiProperty({ example: 'I.3' }) code!: string;
  @ApiProperty({ example: 'Phát triển hạ tầng số' }) title!: string;
}

export class ReportingDutyResponse implements ReportingDutyDto {
  @ApiProperty() text!: string;
  @ApiPropertyOptional(NULLABLE_STRING) unitCode?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) timeframe?: string | null;
}

export class ReviewCommentResponse implements ReviewCommentDto {
  @ApiProperty({ description: 'Who wrote it (username)' }) by!: string;
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty() text!: string;
  @ApiProperty({
    ...NULLABLE_STRING,
    description: 'The field it is about ("title", "tasks.3.timeframe"), or null for the whole plan',
  })
  field!: string | null;
}

export class PlanAttentionResponse {
  @ApiProperty(INT) pendingReferences!: number;
  @ApiProperty(INT) unknownTimeframes!: number;
  @ApiProperty(INT) unknownTargets!: number;
}

export class PlanParentResponse implements NonNullable<PlanDetailDto['parent']> {
  @ApiProperty(UUID) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() symbol!: string;
  @ApiProperty({ ...INT, nullable: true }) number!: number | null;
  @ApiProperty(INT) year!: number;
  @ApiProperty() issuerUnitCode!: string;
}

export class PlanDetailResponse extends PlanSummaryResponse implements PlanDetailDto {
  @ApiProperty(NULLABLE_STRING) theme!: string | null;
  @ApiProperty({ type: [String] }) legalBases!: string[];
  @ApiProperty({ type: [String] }) purposes!: string[];
  @ApiProperty({ type: [String] }) directingLeaders!: string[];
  @ApiProperty({ type: [ReportingDutyResponse] }) reportingDuties!: ReportingDutyDto[];
  @ApiProperty({ type: [PlanSectionResponse] }) sections!: PlanSectionDto[];
  @ApiProperty({ type: [ReviewCommentResponse] }) reviewComments!: ReviewCommentDto[];
  @ApiProperty({ type: [PlanTaskResponse] }) tasks!: PlanTaskDto[];
  @ApiProperty({ type: [PlanIndicatorResponse] }) indicators!: PlanIndicatorDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Names of the units and groups the plan refers to, by code',
    example: { '01-G-XA-PHUONG': 'UBND các xã, phường' },
  })
  names!: Record<string, string>;
  @ApiProperty({ type: PlanAttentionResponse, description: 'What waits for a human' })
  attention!: PlanDetailDto['attention'];
  @ApiProperty({ type: PlanParentResponse, nullable: true }) parent!: PlanDetailDto['parent'];
  @ApiProperty(INT) amendmentCount!: number;
}

export class TaskAssignmentsResponse implements TaskAssignmentsDto {
  @ApiProperty({ type: [AssignmentResponse] }) items!: AssignmentDto[];
  @ApiProperty(INT) total!: number;
  @ApiProperty(INT) limit!: number;
  @ApiProperty(INT) offset!: number;
}

export class AssignmentPlanResponse implements Pick<
  PlanSummaryDto,
  'id' | 'title' | 'symbol' | 'number' | 'year' | 'status' | 'issueDate' | 'focalUnitCode'
> {
  @ApiProperty(UUID) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() symbol!: string;
  @ApiProperty({ ...INT, nullable: true }) number!: number | null;
  @ApiProperty(INT) year!: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatusDto;
  @ApiProperty({ ...DATE, nullable: true }) issueDate!: string | null;
  @ApiProperty(NULLABLE_STRING) focalUnitCode!: string | null;
}

export class AssignmentDetailResponse extends AssignmentResponse implements AssignmentDetailDto {
  @ApiProperty({ type: AssignmentPlanResponse }) plan!: AssignmentDetailDto['plan'];
  @ApiProperty({ type: PlanTaskBaseResponse }) task!: AssignmentDetailDto['task'];
}

type MyAssignmentItem = MyAssignmentsDto['items'][number];

export class MyAssignmentResponse extends AssignmentResponse implements MyAssignmentItem {
  @ApiProperty(UUID) planId!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty() planSymbol!: string;
  @ApiProperty() taskContent!: string;
  @ApiProperty(NULLABLE_STRING) timeframe!: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: 'The due date read from the timeframe, if any' })
  due!: string | null;
}

export class MyAssignmentsResponse implements MyAssignmentsDto {
  @ApiProperty({ type: [MyAssignmentResponse] }) items!: MyAssignmentsDto['items'];
  @ApiProperty(INT) total!: number;
}

export class PlanHistoryEntryResponse implements PlanHistoryEntryDto {
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty({ example: 'planning.plan-issued' }) type!: string;
  @ApiProperty({ description: 'Who did it (username)' }) actor!: string;
  @ApiProperty(NULLABLE_STRING) unitCode!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s facts' })
  payload!: Record<string, unknown>;
}

export class ImplementingPlanRefResponse implements Pick<
  PlanSummaryDto,
  'id' | 'title' | 'symbol' | 'number' | 'status' | 'issueDate'
> {
  @ApiProperty(UUID) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() symbol!: string;
  @ApiProperty({ ...INT, nullable: true }) number!: number | null;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatusDto;
  @ApiProperty({ ...DATE, nullable: true }) issueDate!: string | null;
}

export class ImplementingUnitResponse {
  @ApiProperty({ example: '00070' }) unitCode!: string;
  @ApiProperty({ example: 'Phường Hoàn Kiếm' }) unitName!: string;
  @ApiProperty({
    type: ImplementingPlanRefResponse,
    nullable: true,
    description: 'Its implementing plan, or null while it has none',
  })
  plan!: ImplementingPlansDto['units'][number]['plan'];
}

export class ImplementingPlansResponse implements ImplementingPlansDto {
  @ApiProperty(UUID) parentPlanId!: string;
  @ApiProperty({ type: [ImplementingUnitResponse] }) units!: ImplementingPlansDto['units'];
  @ApiProperty(INT) issuedCount!: number;
  @ApiProperty(INT) total!: number;
}

// ---------------------------------------------------------------------------------------------
// Command results

export class PlanVersionResponse {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ ...INT, minimum: 1 }) version!: number;
}

export class PlanStatusResponse extends PlanVersionResponse {
  @ApiProperty({ enum: PLAN_STATUSES }) status!: string;
}

export class PlanIssuedResponse extends PlanStatusResponse {
  @ApiProperty({ ...INT, description: 'Assignments created by the fan-out' }) assignments!: number;
  @ApiProperty({ ...INT, description: 'References kept as written, waiting for a human' }) pending!: number;
  @ApiProperty({ ...DATE, description: 'The directory date groups and successions were resolved at' })
  resolvedAsOf!: string;
}

export class PlanAmendResultResponse implements PlanAmendResultDto {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ ...INT, minimum: 1 }) version!: number;
  @ApiProperty(INT) assignmentsAdded!: number;
  @ApiProperty(INT) assignmentsWithdrawn!: number;
  @ApiProperty(INT) tasksChanged!: number;
}

/** Schemas referenced only through oneOf: the controllers register them (`@ApiExtraModels(...PLAN_RESPONSE_MODELS)`). */
export const PLAN_RESPONSE_MODELS = [
  UnitRefUnit,
  UnitRefGroup,
  UnitRefPending,
  ...Object.values(TIMEFRAMES),
  ...RECURRENCE_RULES,
  ...Object.values(TARGETS),
];
