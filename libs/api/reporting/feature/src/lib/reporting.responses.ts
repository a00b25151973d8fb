import { ApiProperty } from '@nestjs/swagger';
import { BilingualMessageSchema } from '@dieu-hanh/api/shared/http';
import {
  type BilingualMessage,
  type CompletenessDto,
  type ConsolidatedReportAction,
  type ConsolidatedReportDto,
  type ConsolidatedReportStatus,
  type ContributionDto,
  type ExportFormat,
  type ExportJobDto,
  type ExportStatus,
  type ExportSubject,
  type IndicatorFigureDto,
  type IndicatorImportResultDto,
  type IndicatorValueDto,
  type IndicatorValueKind,
  type OverdueItemDto,
  PERIOD_KINDS,
  type PeriodAction,
  type PeriodKind,
  type PeriodListDto,
  type PeriodStatus,
  type PlanDashboardDto,
  type PortfolioDto,
  type PortfolioPlanDto,
  type ReportSectionsDto,
  type ReportTaskEntryDto,
  type ReportingPeriodDto,
  type StatusCountsDto,
  type SubmissionTrackerDto,
  type SubmissionTrackerRowDto,
  type TrendPointDto,
  type UnitProgressRowDto,
  type UnitReportAction,
  type UnitReportDto,
  type UnitReportStatus,
  type UnitScorecardDto,
  type Verification,
  WORK_STATUSES,
  type WorkStatus,
} from '@dieu-hanh/shared/contracts';

// Response schemas of reporting's operations. Each class implements its contract in
// @dieu-hanh/shared/contracts (reporting.ts), so the compiler keeps them true; openapi.int.spec.ts compares
// the generated client types with the contracts and checks real answers against these schemas.
// Names are reporting's own: a context imports nothing of another's feature library, so the status counts
// execution also documents are copied here (as `ReportingStatusCountsResponse`), not shared.

const UUID = { type: String, format: 'uuid' } as const;
const DATE = { type: String, format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2025-12-31' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;
const NULLABLE_STRING = { type: String, nullable: true } as const;
const NULLABLE_NUMBER = { type: Number, nullable: true } as const;
const INT = { type: 'integer' } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;
const SHARE = { type: Number, minimum: 0, maximum: 1 } as const;
const ON_TIME = { type: Boolean, nullable: true, description: 'First submission on or before the due date; null before any submission' } as const;
const ROLE = { enum: ['lead', 'coordinator'] } as const;
const TIER = { enum: [1, 2], description: '1 = province/city level, 2 = commune level' } as const;
const PLAN_SYMBOL = { example: '402/KH-UBND' } as const;
const UNIT_CODE = { example: '00070' } as const;
const UNIT_NAME = { example: 'UBND phường Hoàn Kiếm' } as const;
const PERIOD_LABEL = { example: 'Quý IV/2025' } as const;

const PERIOD_STATUSES: readonly PeriodStatus[] = ['open', 'closed'];
const PERIOD_ACTIONS: readonly PeriodAction[] = ['write-report', 'track', 'urge', 'consolidate', 'close'];
const UNIT_REPORT_STATUSES: readonly UnitReportStatus[] = ['draft', 'awaiting-approval', 'submitted', 'accepted', 'returned'];
const TRACKED_STATUSES: readonly (UnitReportStatus | 'missing')[] = [...UNIT_REPORT_STATUSES, 'missing'];
const UNIT_REPORT_ACTIONS: readonly UnitReportAction[] = ['edit', 'submit', 'approve', 'accept', 'return', 'reopen', 'export'];
const CONSOLIDATED_STATUSES: readonly ConsolidatedReportStatus[] = ['draft', 'submitted', 'approved', 'returned'];
const CONSOLIDATED_ACTIONS: readonly ConsolidatedReportAction[] = ['edit', 'submit', 'approve', 'return', 'reopen', 'export'];
const VERIFICATIONS: readonly Verification[] = ['none', 'pending', 'verified', 'returned'];
const INDICATOR_KINDS: readonly IndicatorValueKind[] = ['rate', 'value', 'rank'];
const ATTAINMENTS: readonly IndicatorFigureDto['attainment'][] = ['met', 'not-met', 'unknown', 'no-data'];
const EXPORT_SUBJECTS: readonly ExportSubject[] = ['unit-report', 'consolidated-report', 'plan-assignments', 'indicator-values'];
const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'xlsx'];
const EXPORT_STATUSES: readonly ExportStatus[] = ['queued', 'running', 'done', 'failed'];

// ---------------------------------------------------------------------------------------------
// Shared parts

export class ReportingStatusCountsResponse implements StatusCountsDto {
  @ApiProperty({ ...COUNT, description: 'Assignments counted' }) total!: number;
  @ApiProperty(COUNT) notStarted!: number;
  @ApiProperty(COUNT) inProgress!: number;
  @ApiProperty(COUNT) done!: number;
  @ApiProperty(COUNT) unable!: number;
  @ApiProperty(COUNT) verified!: number;
  @ApiProperty(COUNT) pendingVerification!: number;
  @ApiProperty({ ...COUNT, description: 'Past the due date in force (Vietnam’s today) and neither done nor verified' }) overdue!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100, description: 'Mean of the assignments’ percents, one decimal' }) percent!: number;
}

export class CompletenessResponse implements CompletenessDto {
  @ApiProperty({ ...COUNT, description: 'Units expected to report (an assignment in force, or an indicator they implement)' }) expected!: number;
  @ApiProperty({ ...COUNT, description: 'Submitted, or further (approved by the unit, accepted by the focal unit)' }) submitted!: number;
  @ApiProperty({ ...COUNT, description: 'Of the submitted, those first submitted on or before the due date' }) onTime!: number;
  @ApiProperty({ ...COUNT, description: 'Accepted by the focal unit' }) accepted!: number;
  @ApiProperty({ ...SHARE, description: 'submitted / expected (1 when nothing is expected)' }) completeness!: number;
  @ApiProperty({ ...SHARE, description: 'onTime / expected' }) timeliness!: number;
}

export class ReportSectionsResponse implements ReportSectionsDto {
  @ApiProperty({ description: 'Kết quả thực hiện' }) results!: string;
  @ApiProperty({ description: 'Khó khăn, vướng mắc' }) difficulties!: string;
  @ApiProperty({ description: 'Đề xuất, kiến nghị' }) proposals!: string;
}

/** A city figure for one indicator: ratio of sums for rates, sum or best rank otherwise. */
export class IndicatorFigureResponse implements IndicatorFigureDto {
  @ApiProperty(UUID) indicatorId!: string;
  @ApiProperty(INT) ordinal!: number;
  @ApiProperty(NULLABLE_STRING) section!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: INDICATOR_KINDS }) kind!: IndicatorValueKind;
  @ApiProperty({ ...NULLABLE_STRING, description: 'The year’s target as written', example: '≥ 95%' }) targetText!: string | null;
  @ApiProperty(NULLABLE_NUMBER) numerator!: number | null;
  @ApiProperty(NULLABLE_NUMBER) denominator!: number | null;
  @ApiProperty({ ...NULLABLE_NUMBER, description: 'A rate in percent (sum of numerators / sum of denominators × 100), else the sum' }) value!: number | null;
  @ApiProperty({ ...INT, nullable: true, description: 'The best rank given' }) rank!: number | null;
  @ApiProperty({ ...COUNT, description: 'Units whose value counts (accepted or submitted reports)' }) reporting!: number;
  @ApiProperty({ ...COUNT, description: 'Units expected to give one' }) expected!: number;
  @ApiProperty({ enum: ATTAINMENTS, description: 'Judged against the year’s target; unknown when the target cannot be read' })
  attainment!: IndicatorFigureDto['attainment'];
}

// ---------------------------------------------------------------------------------------------
// Periods

export class PeriodReportRefResponse {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ enum: UNIT_REPORT_STATUSES }) status!: UnitReportStatus;
  @ApiProperty({ ...INT, minimum: 1 }) revision!: number;
}

export class PeriodConsolidatedRefResponse {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ enum: CONSOLIDATED_STATUSES }) status!: ConsolidatedReportStatus;
  @ApiProperty({ ...INT, minimum: 1 }) revision!: number;
}

export class ReportingPeriodResponse implements ReportingPeriodDto {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(UUID) planId!: string;
  @ApiProperty({ example: 'Kế hoạch triển khai chuyển đổi số năm 2025' }) planTitle!: string;
  @ApiProperty(PLAN_SYMBOL) planSymbol!: string;
  @ApiProperty({ enum: PERIOD_KINDS, description: 'hằng tháng | hằng quý | 6 tháng | cả năm | đột xuất' }) kind!: PeriodKind;
  @ApiProperty({ ...PERIOD_LABEL, description: '"Quý IV/2025", "6 tháng đầu năm 2025", "Tháng 11/2025", or an ad hoc period’s title' }) label!: string;
  @ApiProperty({ ...DATE, example: '2025-10-01', description: 'First day covered (Vietnam’s calendar)' }) startDate!: string;
  @ApiProperty({ ...DATE, description: 'Last day covered' }) endDate!: string;
  @ApiProperty({ ...DATE, description: 'Reports are due on or before this day' }) dueDate!: string;
  @ApiProperty({ enum: PERIOD_STATUSES }) status!: PeriodStatus;
  @ApiProperty({ description: 'The unit’s leader approves its report before it reaches the focal unit' }) requiresUnitApproval!: boolean;
  @ApiProperty({ example: '01-SKHCN' }) focalUnitCode!: string;
  @ApiProperty({ example: 'Sở Khoa học và Công nghệ' }) focalUnitName!: string;
  @ApiProperty({ type: () => CompletenessResponse }) completeness!: CompletenessDto;
  @ApiProperty({ type: () => PeriodReportRefResponse, nullable: true, description: 'The caller’s own unit report in this period, when it has one' })
  myReport!: ReportingPeriodDto['myReport'];
  @ApiProperty({ type: () => PeriodConsolidatedRefResponse, nullable: true, description: 'The period’s consolidated report, when composed and visible to the caller' })
  consolidated!: ReportingPeriodDto['consolidated'];
  @ApiProperty({ enum: PERIOD_ACTIONS, isArray: true, description: 'What the caller may do with the period now' }) allowedActions!: PeriodAction[];
}

export class PeriodListResponse implements PeriodListDto {
  @ApiProperty({ type: () => [ReportingPeriodResponse], description: 'Newest due first' }) items!: ReportingPeriodDto[];
}

export class SubmissionTrackerRowResponse implements SubmissionTrackerRowDto {
  @ApiProperty(UNIT_CODE) unitCode!: string;
  @ApiProperty(UNIT_NAME) unitName!: string;
  @ApiProperty(TIER) tier!: 1 | 2;
  @ApiProperty({ enum: TRACKED_STATUSES, description: 'missing: no report started, or a draft not yet submitted' }) status!: UnitReportStatus | 'missing';
  @ApiProperty({ ...UUID, nullable: true }) reportId!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) submittedAt!: string | null;
  @ApiProperty(ON_TIME) onTime!: boolean | null;
  @ApiProperty({ description: 'Past the due date without a submission' }) late!: boolean;
  @ApiProperty({ ...DATE_TIME, nullable: true }) lastUrgedAt!: string | null;
}

export class SubmissionTrackerResponse implements SubmissionTrackerDto {
  @ApiProperty({ type: () => ReportingPeriodResponse }) period!: ReportingPeriodDto;
  @ApiProperty({ type: () => CompletenessResponse }) completeness!: CompletenessDto;
  @ApiProperty({ type: () => [SubmissionTrackerRowResponse] }) rows!: SubmissionTrackerRowDto[];
}

export class UrgeReportsResultResponse {
  @ApiProperty({ ...COUNT, description: 'How many units were urged' }) urged!: number;
}

// ---------------------------------------------------------------------------------------------
// A unit's report

export class ContributionResponse implements ContributionDto {
  @ApiProperty(UNIT_CODE) unitCode!: string;
  @ApiProperty(UNIT_NAME) unitName!: string;
  @ApiProperty({ enum: WORK_STATUSES }) status!: WorkStatus;
  @ApiProperty({ ...INT, minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Kết quả, sản phẩm' }) result!: string | null;
  @ApiProperty({ enum: ['report', 'work'], description: 'report: from the coordinator’s own submitted report for the period; work: from its live work' })
  source!: ContributionDto['source'];
}

export class ReportTaskEntryResponse implements ReportTaskEntryDto {
  @ApiProperty(UUID) assignmentId!: string;
  @ApiProperty(UUID) taskId!: string;
  @ApiProperty({ ...INT, example: 12 }) taskOrdinal!: number;
  @ApiProperty(NULLABLE_STRING) section!: string | null;
  @ApiProperty() taskContent!: string;
  @ApiProperty(ROLE) role!: 'lead' | 'coordinator';
  @ApiProperty({ enum: WORK_STATUSES }) status!: WorkStatus;
  @ApiProperty({ ...INT, minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty({ enum: VERIFICATIONS }) verification!: Verification;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Kết quả, sản phẩm' }) result!: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'The unit’s own words for this task in the report (editable)' }) note!: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: 'The due date in force' }) due!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty(COUNT) evidenceCount!: number;
  @ApiProperty({ type: [String], description: 'Open and answered obstacles’ descriptions' }) obstacles!: string[];
  @ApiProperty({ type: () => [ContributionResponse], description: 'Coordinators’ contributions, when the unit leads the task' }) contributions!: ContributionDto[];
}

export class IndicatorValueResponse implements IndicatorValueDto {
  @ApiProperty(UUID) indicatorId!: string;
  @ApiProperty(INT) ordinal!: number;
  @ApiProperty(NULLABLE_STRING) section!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: INDICATOR_KINDS }) kind!: IndicatorValueKind;
  @ApiProperty({ ...NULLABLE_STRING, description: 'The year’s target as written', example: '≥ 95%' }) targetText!: string | null;
  @ApiProperty({ ...NULLABLE_NUMBER, description: 'Tử số (a rate)' }) numerator!: number | null;
  @ApiProperty({ ...NULLABLE_NUMBER, description: 'Mẫu số (a rate)' }) denominator!: number | null;
  @ApiProperty({ ...NULLABLE_NUMBER, description: 'A rate’s value in percent (numerator / denominator × 100), or the value as entered' }) value!: number | null;
  @ApiProperty({ ...INT, nullable: true, description: 'Xếp hạng (a rank)' }) rank!: number | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Minh chứng: where the figure comes from' }) evidence!: string | null;
}

export class UnitReportResponse implements UnitReportDto {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(UUID) periodId!: string;
  @ApiProperty(UUID) planId!: string;
  @ApiProperty(PLAN_SYMBOL) planSymbol!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty(PERIOD_LABEL) periodLabel!: string;
  @ApiProperty(DATE) dueDate!: string;
  @ApiProperty(UNIT_CODE) unitCode!: string;
  @ApiProperty(UNIT_NAME) unitName!: string;
  @ApiProperty({ ...INT, minimum: 1, description: '1 for the first version; reopening makes the next' }) revision!: number;
  @ApiProperty({ ...INT, minimum: 1, description: 'Optimistic concurrency: send it back with a change' }) version!: number;
  @ApiProperty({ enum: UNIT_REPORT_STATUSES }) status!: UnitReportStatus;
  @ApiProperty({ type: () => ReportSectionsResponse }) sections!: ReportSectionsDto;
  @ApiProperty({ type: () => [ReportTaskEntryResponse] }) tasks!: ReportTaskEntryDto[];
  @ApiProperty({ type: () => [IndicatorValueResponse] }) indicators!: IndicatorValueDto[];
  @ApiProperty({ ...DATE_TIME, nullable: true }) submittedAt!: string | null;
  @ApiProperty(ON_TIME) onTime!: boolean | null;
  @ApiProperty(NULLABLE_STRING) returnReason!: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Why this revision exists (a resubmission or a reopening)' }) revisionReason!: string | null;
  @ApiProperty({ enum: UNIT_REPORT_ACTIONS, isArray: true, description: 'What the caller may do now: a listed action is accepted, an unlisted one refused' })
  allowedActions!: UnitReportAction[];
}

// ---------------------------------------------------------------------------------------------
// The consolidated report

export class ConsolidatedTaskRowResponse {
  @ApiProperty(UUID) taskId!: string;
  @ApiProperty(INT) ordinal!: number;
  @ApiProperty(NULLABLE_STRING) section!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty({ type: () => ReportingStatusCountsResponse, description: 'The lead units’ statuses counted' }) counts!: StatusCountsDto;
}

export class ConsolidatedUnitReportRowResponse {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(UNIT_CODE) unitCode!: string;
  @ApiProperty(UNIT_NAME) unitName!: string;
  @ApiProperty({ enum: UNIT_REPORT_STATUSES }) status!: UnitReportStatus;
  @ApiProperty({ ...DATE_TIME, nullable: true }) submittedAt!: string | null;
  @ApiProperty(ON_TIME) onTime!: boolean | null;
}

export class ConsolidatedReportResponse implements ConsolidatedReportDto {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(UUID) periodId!: string;
  @ApiProperty(UUID) planId!: string;
  @ApiProperty(PLAN_SYMBOL) planSymbol!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty(PERIOD_LABEL) periodLabel!: string;
  @ApiProperty({ example: '01-SKHCN' }) focalUnitCode!: string;
  @ApiProperty({ example: 'Sở Khoa học và Công nghệ' }) focalUnitName!: string;
  @ApiProperty({ ...INT, minimum: 1, description: '1 for the first version; reopening makes the next' }) revision!: number;
  @ApiProperty({ ...INT, minimum: 1, description: 'Optimistic concurrency: send it back with a change' }) version!: number;
  @ApiProperty({ enum: CONSOLIDATED_STATUSES }) status!: ConsolidatedReportStatus;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Số, ký hiệu', example: '125/BC-SKHCN' }) documentNumber!: string | null;
  @ApiProperty({ description: 'Địa danh', example: 'Hà Nội' }) place!: string;
  @ApiProperty({ ...DATE, nullable: true, description: 'Ngày ban hành' }) documentDate!: string | null;
  @ApiProperty({ type: [String], description: 'Nơi nhận' }) recipients!: string[];
  @ApiProperty({ ...NULLABLE_STRING, description: 'Chức vụ người ký' }) signerTitle!: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Họ tên người ký' }) signerName!: string | null;
  @ApiProperty({ type: () => ReportSectionsResponse }) sections!: ReportSectionsDto;
  @ApiProperty({ type: () => ReportingStatusCountsResponse, description: 'The plan’s lead assignments counted' }) tasks!: StatusCountsDto;
  @ApiProperty({ type: () => [ConsolidatedTaskRowResponse], description: 'Per task: the lead units’ statuses counted' }) taskRows!: ConsolidatedReportDto['taskRows'];
  @ApiProperty({ type: () => [IndicatorFigureResponse] }) indicators!: IndicatorFigureDto[];
  @ApiProperty({ type: () => CompletenessResponse }) completeness!: CompletenessDto;
  @ApiProperty({ type: () => [ConsolidatedUnitReportRowResponse], description: 'The period’s unit reports' }) unitReports!: ConsolidatedReportDto['unitReports'];
  @ApiProperty(NULLABLE_STRING) returnReason!: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Why this revision exists (a reopening)' }) revisionReason!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) approvedAt!: string | null;
  @ApiProperty({ enum: CONSOLIDATED_ACTIONS, isArray: true, description: 'What the caller may do now: a listed action is accepted, an unlisted one refused' })
  allowedActions!: ConsolidatedReportAction[];
}

// ---------------------------------------------------------------------------------------------
// Dashboards

export class PortfolioLatestPeriodResponse {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(PERIOD_LABEL) label!: string;
  @ApiProperty({ type: () => CompletenessResponse }) completeness!: CompletenessDto;
}

export class PortfolioPlanResponse implements PortfolioPlanDto {
  @ApiProperty(UUID) planId!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty(PLAN_SYMBOL) planSymbol!: string;
  @ApiProperty({ ...INT, example: 2025 }) year!: number;
  @ApiProperty({ ...NULLABLE_STRING, example: '01-SKHCN' }) focalUnitCode!: string | null;
  @ApiProperty({ type: () => ReportingStatusCountsResponse, description: 'Lead assignments in force, counted; percent is their mean progress' }) counts!: StatusCountsDto;
  @ApiProperty({ type: () => PortfolioLatestPeriodResponse, nullable: true, description: 'The latest period and its completeness' })
  latestPeriod!: PortfolioPlanDto['latestPeriod'];
}

export class PortfolioResponse implements PortfolioDto {
  @ApiProperty({ type: () => [PortfolioPlanResponse] }) plans!: PortfolioPlanDto[];
}

export class UnitProgressRowResponse implements UnitProgressRowDto {
  @ApiProperty(UNIT_CODE) unitCode!: string;
  @ApiProperty(UNIT_NAME) unitName!: string;
  @ApiProperty(TIER) tier!: 1 | 2;
  @ApiProperty({ type: () => ReportingStatusCountsResponse }) counts!: StatusCountsDto;
}

export class OverdueItemResponse implements OverdueItemDto {
  @ApiProperty(UUID) assignmentId!: string;
  @ApiProperty(UUID) taskId!: string;
  @ApiProperty({ ...INT, example: 12 }) taskOrdinal!: number;
  @ApiProperty() taskContent!: string;
  @ApiProperty(UNIT_CODE) unitCode!: string;
  @ApiProperty(UNIT_NAME) unitName!: string;
  @ApiProperty(ROLE) role!: 'lead' | 'coordinator';
  @ApiProperty({ ...DATE, description: 'The due date in force' }) due!: string;
  @ApiProperty({ ...INT, description: 'Days past the due date in force' }) daysOverdue!: number;
  @ApiProperty({ ...INT, minimum: 0, maximum: 100 }) percent!: number;
}

export class TrendPointResponse implements TrendPointDto {
  @ApiProperty({ ...DATE, example: '2025-12-01', description: 'Monday of the week' }) week!: string;
  @ApiProperty({ ...COUNT, description: 'Progress reports that week' }) progressReports!: number;
  @ApiProperty({ ...COUNT, description: 'Assignments completed that week' }) completed!: number;
}

export class DashboardPeriodResponse {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(PERIOD_LABEL) label!: string;
  @ApiProperty({ enum: PERIOD_STATUSES }) status!: PeriodStatus;
  @ApiProperty(DATE) dueDate!: string;
  @ApiProperty({ type: () => CompletenessResponse }) completeness!: CompletenessDto;
}

export class ApprovedReportResponse {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(PERIOD_LABEL) periodLabel!: string;
  @ApiProperty({ ...INT, minimum: 1 }) revision!: number;
  @ApiProperty(DATE_TIME) approvedAt!: string;
}

export class PlanDashboardResponse implements PlanDashboardDto {
  @ApiProperty(UUID) planId!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty(PLAN_SYMBOL) planSymbol!: string;
  @ApiProperty({ type: () => ReportingStatusCountsResponse }) counts!: StatusCountsDto;
  @ApiProperty({ type: () => [UnitProgressRowResponse], description: 'Departments and other tier-1 units' }) departments!: UnitProgressRowDto[];
  @ApiProperty({ type: () => [UnitProgressRowResponse], description: 'Communes (a commune account sees its own only)' }) communes!: UnitProgressRowDto[];
  @ApiProperty({ type: () => [OverdueItemResponse], description: 'The most overdue first' }) overdue!: OverdueItemDto[];
  @ApiProperty({ ...COUNT, description: 'Overdue assignments in all' }) overdueTotal!: number;
  @ApiProperty({ type: () => [IndicatorFigureResponse] }) indicators!: IndicatorFigureDto[];
  @ApiProperty({ type: () => [DashboardPeriodResponse] }) periods!: PlanDashboardDto['periods'];
  @ApiProperty({ type: () => [TrendPointResponse], description: 'Weekly progress reports and completions' }) trend!: TrendPointDto[];
  @ApiProperty({ type: () => [ApprovedReportResponse], description: 'The approved consolidated reports, newest first, for download' }) approvedReports!: PlanDashboardDto['approvedReports'];
}

export class ScorecardPlanResponse {
  @ApiProperty(UUID) planId!: string;
  @ApiProperty(PLAN_SYMBOL) planSymbol!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty({ type: () => ReportingStatusCountsResponse }) counts!: StatusCountsDto;
}

export class ScorecardReportResponse {
  @ApiProperty(UUID) periodId!: string;
  @ApiProperty(PLAN_SYMBOL) planSymbol!: string;
  @ApiProperty(PERIOD_LABEL) periodLabel!: string;
  @ApiProperty(DATE) dueDate!: string;
  @ApiProperty({ enum: TRACKED_STATUSES, description: 'missing: no report started, or a draft not yet submitted' }) status!: UnitReportStatus | 'missing';
  @ApiProperty(ON_TIME) onTime!: boolean | null;
}

export class UnitScorecardResponse implements UnitScorecardDto {
  @ApiProperty(UNIT_CODE) unitCode!: string;
  @ApiProperty(UNIT_NAME) unitName!: string;
  @ApiProperty({ type: () => [ScorecardPlanResponse] }) plans!: UnitScorecardDto['plans'];
  @ApiProperty({ type: () => [OverdueItemResponse] }) overdue!: OverdueItemDto[];
  @ApiProperty({ type: () => [ScorecardReportResponse] }) reports!: UnitScorecardDto['reports'];
}

// ---------------------------------------------------------------------------------------------
// Exports and the indicator import

export class ExportJobResponse implements ExportJobDto {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ enum: EXPORT_SUBJECTS }) subject!: ExportSubject;
  @ApiProperty({ enum: EXPORT_FORMATS }) format!: ExportFormat;
  @ApiProperty({ enum: EXPORT_STATUSES }) status!: ExportStatus;
  @ApiProperty({ ...INT, minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ ...NULLABLE_STRING, description: 'The file’s name, once done', example: 'bao-cao-tong-hop-712-kh-ubnd-quy-iv-2025.docx' }) fileName!: string | null;
  @ApiProperty({ ...INT, minimum: 0, nullable: true, description: 'The file’s size in bytes, once done' }) size!: number | null;
  @ApiProperty({ type: () => BilingualMessageSchema, nullable: true, description: 'Why it failed' }) error!: BilingualMessage | null;
  @ApiProperty(DATE_TIME) createdAt!: string;
  @ApiProperty({ ...DATE_TIME, nullable: true }) finishedAt!: string | null;
}

export class ImportRejectedRowResponse {
  @ApiProperty({ ...INT, minimum: 1, description: 'The sheet’s row' }) row!: number;
  @ApiProperty({ ...NULLABLE_STRING, example: '00070' }) unitCode!: string | null;
  @ApiProperty({ example: 'numerator' }) field!: string;
  @ApiProperty({ type: () => BilingualMessageSchema }) message!: BilingualMessage;
}

export class IndicatorImportResultResponse implements IndicatorImportResultDto {
  @ApiProperty({ ...COUNT, description: 'Values changed' }) applied!: number;
  @ApiProperty({ ...COUNT, description: 'Values already as in the file' }) unchanged!: number;
  @ApiProperty({ type: () => [ImportRejectedRowResponse], description: 'Rows refused, with the field at fault' }) rejected!: IndicatorImportResultDto['rejected'];
}
