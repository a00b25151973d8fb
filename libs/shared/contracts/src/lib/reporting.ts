/**
 * Reporting (báo cáo định kỳ): periods from a plan's reporting duties, each unit's report written from its
 * work, the focal unit's consolidation, the leader's approval, indicator values, dashboards and exports.
 * The API's reporting context implements it; `libs/web/reporting` renders it.
 */
import type { StatusCountsDto, WorkStatus, Verification } from './execution';

/** How often a period comes round, from the plan's reporting duty ("Định kỳ hằng quý" → quarter). */
export type PeriodKind =
  | 'month' // hằng tháng ("trước ngày 20 hằng tháng")
  | 'quarter' // hằng quý
  | 'half-year' // 6 tháng
  | 'year' // cả năm
  | 'ad-hoc'; // đột xuất: opened by the focal unit with its own due date
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half-year', 'year', 'ad-hoc'];

export type PeriodStatus = 'open' | 'closed';

/** What the caller may do with a period. */
export type PeriodAction =
  | 'write-report' // the caller's unit is expected to report in it
  | 'track' // the submission tracker (focal unit, leaders)
  | 'urge' // urge the units that have not submitted
  | 'consolidate' // compose or edit the consolidated report
  | 'close';

/** Completeness and timeliness of a period's unit reports, as DHIS2 shows them. */
export interface CompletenessDto {
  /** Units expected to report (hold an assignment in force or implement an indicator). */
  expected: number;
  /** Submitted (or further: approved by the unit, accepted by the focal unit). */
  submitted: number;
  /** Of the submitted, those whose first submission came on or before the due date. */
  onTime: number;
  /** Accepted by the focal unit. */
  accepted: number;
  /** submitted / expected, 0..1 (1 when nothing is expected). */
  completeness: number;
  /** onTime / expected, 0..1. */
  timeliness: number;
}

export interface ReportingPeriodDto {
  id: string;
  planId: string;
  planTitle: string;
  /** "402/KH-UBND" */
  planSymbol: string;
  kind: PeriodKind;
  /** "Quý IV/2025", "6 tháng đầu năm 2025", "Tháng 11/2025", or the ad hoc period's title. */
  label: string;
  /** yyyy-MM-dd, Vietnam's calendar. */
  startDate: string;
  endDate: string;
  dueDate: string;
  status: PeriodStatus;
  /** A commune leader or department head approves the unit's report before it reaches the focal unit. */
  requiresUnitApproval: boolean;
  focalUnitCode: string;
  focalUnitName: string;
  completeness: CompletenessDto;
  /** The caller's own unit report in this period, when it has one. */
  myReport: { id: string; status: UnitReportStatus; revision: number } | null;
  consolidated: { id: string; status: ConsolidatedReportStatus; revision: number } | null;
  allowedActions: PeriodAction[];
}

export interface PeriodListDto {
  items: ReportingPeriodDto[];
}

/** A period the focal unit opens: a regular one from the plan's duties, or an ad hoc one with its own due date. */
export interface OpenPeriodRequest {
  kind: PeriodKind;
  /** Any day inside the period (yyyy-MM-dd); ignored for ad hoc periods. */
  reference?: string;
  /** Ad hoc only: the title ("Báo cáo đột xuất về …"), the period covered and the due date. */
  title?: string;
  startDate?: string;
  endDate?: string;
  dueDate?: string;
  requiresUnitApproval?: boolean;
}

/** Where a unit's report stands. */
export type UnitReportStatus =
  | 'draft' // đang soạn
  | 'awaiting-approval' // chờ lãnh đạo đơn vị duyệt
  | 'submitted' // đã gửi cơ quan đầu mối
  | 'accepted' // đầu mối đã tiếp nhận: immutable
  | 'returned'; // trả lại, with a reason

export type UnitReportAction = 'edit' | 'submit' | 'approve' | 'accept' | 'return' | 'reopen' | 'export';

/** The free sections every Vietnamese report has. */
export interface ReportSectionsDto {
  /** Kết quả thực hiện */
  results: string;
  /** Khó khăn, vướng mắc */
  difficulties: string;
  /** Đề xuất, kiến nghị */
  proposals: string;
}

/** One coordinator's contribution to a task the report's unit leads, marked by unit. */
export interface ContributionDto {
  unitCode: string;
  unitName: string;
  status: WorkStatus;
  percent: number;
  result: string | null;
  /** From the coordinator's own submitted report for the period when there is one, else from its live work. */
  source: 'report' | 'work';
}

/** One assignment of the unit as the report states it (pre-filled from execution, editable note). */
export interface ReportTaskEntryDto {
  assignmentId: string;
  taskId: string;
  taskOrdinal: number;
  section: string | null;
  taskContent: string;
  role: 'lead' | 'coordinator';
  status: WorkStatus;
  percent: number;
  verification: Verification;
  result: string | null;
  /** The unit's own words for this task in the report (editable). */
  note: string | null;
  due: string | null;
  overdue: boolean;
  evidenceCount: number;
  /** Open and answered obstacles' descriptions. */
  obstacles: string[];
  contributions: ContributionDto[];
}

export type IndicatorValueKind = 'rate' | 'value' | 'rank';

/** One indicator's value from one unit for the period. */
export interface IndicatorValueDto {
  indicatorId: string;
  ordinal: number;
  section: string | null;
  name: string;
  kind: IndicatorValueKind;
  /** The year's target as written ("≥ 95%", "Tốp 5"). */
  targetText: string | null;
  numerator: number | null;
  denominator: number | null;
  /** A rate's value in percent (numerator / denominator × 100), or the value as entered. */
  value: number | null;
  rank: number | null;
  evidence: string | null;
}

export interface IndicatorValueRequest {
  indicatorId: string;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  rank?: number | null;
  evidence?: string | null;
}

export interface UnitReportDto {
  id: string;
  periodId: string;
  planId: string;
  planSymbol: string;
  planTitle: string;
  periodLabel: string;
  dueDate: string;
  unitCode: string;
  unitName: string;
  /** 1 for the first version; reopening makes the next. */
  revision: number;
  /** Optimistic concurrency for edits. */
  version: number;
  status: UnitReportStatus;
  sections: ReportSectionsDto;
  tasks: ReportTaskEntryDto[];
  indicators: IndicatorValueDto[];
  submittedAt: string | null;
  /** First submission on or before the due date; null before any submission. */
  onTime: boolean | null;
  returnReason: string | null;
  /** Why this revision exists (a resubmission or a reopening). */
  revisionReason: string | null;
  allowedActions: UnitReportAction[];
}

export interface SaveUnitReportRequest {
  version: number;
  sections?: Partial<ReportSectionsDto>;
  taskNotes?: { assignmentId: string; note: string | null }[];
  indicators?: IndicatorValueRequest[];
  /** Required when the report was already submitted in this period (figures change only with a reason). */
  reason?: string;
}

export interface ReportDecisionRequest {
  version: number;
  reason?: string;
}

export type ConsolidatedReportStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export type ConsolidatedReportAction = 'edit' | 'submit' | 'approve' | 'return' | 'reopen' | 'export';

/** A city figure for one indicator: ratio of sums for rates, sum or best rank otherwise. */
export interface IndicatorFigureDto {
  indicatorId: string;
  ordinal: number;
  section: string | null;
  name: string;
  kind: IndicatorValueKind;
  targetText: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  rank: number | null;
  /** Units whose value counts (accepted or submitted reports) / units expected to give one. */
  reporting: number;
  expected: number;
  /** Judged against the year's target and its comparator; `unknown` when the target cannot be read. */
  attainment: 'met' | 'not-met' | 'unknown' | 'no-data';
}

export interface ConsolidatedReportDto {
  id: string;
  periodId: string;
  planId: string;
  planSymbol: string;
  planTitle: string;
  periodLabel: string;
  focalUnitCode: string;
  focalUnitName: string;
  revision: number;
  version: number;
  status: ConsolidatedReportStatus;
  /** The document's number and symbol ("125/BC-SKHCN"), place and date, recipients and signer. */
  documentNumber: string | null;
  place: string;
  documentDate: string | null;
  recipients: string[];
  signerTitle: string | null;
  signerName: string | null;
  sections: ReportSectionsDto;
  tasks: StatusCountsDto;
  /** Per task: the lead units' statuses counted. */
  taskRows: { taskId: string; ordinal: number; section: string | null; content: string; counts: StatusCountsDto }[];
  indicators: IndicatorFigureDto[];
  completeness: CompletenessDto;
  unitReports: { id: string; unitCode: string; unitName: string; status: UnitReportStatus; submittedAt: string | null; onTime: boolean | null }[];
  returnReason: string | null;
  revisionReason: string | null;
  approvedAt: string | null;
  allowedActions: ConsolidatedReportAction[];
}

export interface SaveConsolidatedReportRequest {
  version: number;
  sections?: Partial<ReportSectionsDto>;
  documentNumber?: string | null;
  place?: string;
  documentDate?: string | null;
  recipients?: string[];
  signerTitle?: string | null;
  signerName?: string | null;
}

/** The focal unit's view of who has reported. */
export interface SubmissionTrackerRowDto {
  unitCode: string;
  unitName: string;
  tier: 1 | 2;
  /** `missing`: no report started, or a draft not yet submitted. */
  status: UnitReportStatus | 'missing';
  reportId: string | null;
  submittedAt: string | null;
  onTime: boolean | null;
  late: boolean;
  lastUrgedAt: string | null;
}

export interface SubmissionTrackerDto {
  period: ReportingPeriodDto;
  completeness: CompletenessDto;
  rows: SubmissionTrackerRowDto[];
}

export interface UrgeReportsRequest {
  /** Units to urge; omitted: every unit that has not submitted. */
  unitCodes?: string[];
  message?: string;
}

// ---------------------------------------------------------------------------------------------
// Dashboards

export interface PortfolioPlanDto {
  planId: string;
  planTitle: string;
  planSymbol: string;
  year: number;
  focalUnitCode: string | null;
  /** Assignments in force (lead and coordinating), counted; `percent` is their mean progress. */
  counts: StatusCountsDto;
  latestPeriod: { id: string; label: string; completeness: CompletenessDto } | null;
}

export interface PortfolioDto {
  plans: PortfolioPlanDto[];
}

export interface UnitProgressRowDto {
  unitCode: string;
  unitName: string;
  tier: 1 | 2;
  counts: StatusCountsDto;
}

export interface OverdueItemDto {
  assignmentId: string;
  taskId: string;
  taskOrdinal: number;
  taskContent: string;
  unitCode: string;
  unitName: string;
  role: 'lead' | 'coordinator';
  due: string;
  daysOverdue: number;
  percent: number;
}

export interface TrendPointDto {
  /** Monday of the week, yyyy-MM-dd. */
  week: string;
  progressReports: number;
  completed: number;
}

export interface PlanDashboardDto {
  planId: string;
  planTitle: string;
  planSymbol: string;
  counts: StatusCountsDto;
  /** Departments and other tier-1 units, then communes (the units × status heat map). */
  departments: UnitProgressRowDto[];
  communes: UnitProgressRowDto[];
  overdue: OverdueItemDto[];
  overdueTotal: number;
  indicators: IndicatorFigureDto[];
  periods: { id: string; label: string; status: PeriodStatus; dueDate: string; completeness: CompletenessDto }[];
  trend: TrendPointDto[];
  /** The approved consolidated reports, newest first, for download. */
  approvedReports: { id: string; periodLabel: string; revision: number; approvedAt: string }[];
}

/** The commune's own scorecard (ward portal, on a phone). */
export interface UnitScorecardDto {
  unitCode: string;
  unitName: string;
  plans: { planId: string; planSymbol: string; planTitle: string; counts: StatusCountsDto }[];
  overdue: OverdueItemDto[];
  reports: { periodId: string; planSymbol: string; periodLabel: string; dueDate: string; status: UnitReportStatus | 'missing'; onTime: boolean | null }[];
}

// ---------------------------------------------------------------------------------------------
// Exports (run as jobs)

export type ExportFormat = 'docx' | 'pdf' | 'xlsx';
export type ExportSubject = 'unit-report' | 'consolidated-report' | 'plan-assignments' | 'indicator-values';
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportRequest {
  subject: ExportSubject;
  /** The report's id, or the plan's id (assignments), or the period's id (indicator values). */
  id: string;
  format: ExportFormat;
}

export interface ExportJobDto {
  id: string;
  subject: ExportSubject;
  format: ExportFormat;
  status: ExportStatus;
  /** 0..100 */
  progress: number;
  fileName: string | null;
  size: number | null;
  error: { vi: string; en: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

/** What an XLSX import of indicator values did. */
export interface IndicatorImportResultDto {
  applied: number;
  unchanged: number;
  rejected: { row: number; unitCode: string | null; field: string; message: { vi: string; en: string } }[];
}
