import type {
  CompletenessDto,
  ContributionDto,
  OverdueItemDto,
  PeriodKind,
  PeriodStatus,
  ReportSectionsDto,
  ReportTaskEntryDto,
  StatusCountsDto,
  SubmissionTrackerRowDto,
  TrendPointDto,
  UnitProgressRowDto,
  UnitReportStatus,
  ConsolidatedReportStatus,
} from '@dieu-hanh/shared/contracts';
import type { PlanAccessFacts } from '../access/report-access.policy';
import type { AssignmentsSheetRow, IndicatorValuesSheetRow } from '../documents/report-document.renderer';

/** Who asks, as the period list's visibility predicate needs it (`report-access.sql.ts`). */
export interface PeriodVisibility {
  provinceCode: string;
  tier: 1 | 2;
  /** The unit the caller reports for (a commune account: its commune). */
  reportingUnit: string;
}

/** One period as lists show it, with the caller's own report and the consolidated report. */
export interface PeriodRow extends PlanAccessFacts {
  id: string;
  planId: string;
  planTitle: string;
  planSymbol: string;
  kind: PeriodKind;
  label: string;
  startDate: string;
  endDate: string;
  dueDate: string;
  status: PeriodStatus;
  requiresUnitApproval: boolean;
  /** The unit that collects this period's reports (the plan's focal unit, else its issuer). */
  periodFocalUnitCode: string;
  focalUnitName: string;
  callerExpected: boolean;
  myReport: { id: string; status: UnitReportStatus; revision: number } | null;
  consolidated: { id: string; status: ConsolidatedReportStatus; revision: number } | null;
}

/**
 * One indicator's values from the reports that reached the focal unit, summed in SQL: Σ numerators and Σ
 * denominators of the rates, Σ values, the best rank, and how many units gave one. The domain's
 * `aggregateIndicator` then makes the figure: aggregating partial sums gives the same figure as aggregating every
 * unit's value (a property its tests prove), so only one row per indicator leaves the database.
 */
export interface ReportedValueRow {
  indicatorId: string;
  reporting: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  rank: number | null;
}

export interface TaskRow {
  taskId: string;
  ordinal: number;
  section: string | null;
  content: string;
  counts: StatusCountsDto;
}

/** Reporting's reads (plain SQL over its own tables and the published views); SQL in one file per read model. */
/** A period's completeness from the map `completeness()` answers (every id asked for is in it; nothing expected = 1). */
export function completenessIn(map: Map<string, CompletenessDto>, periodId: string): CompletenessDto {
  return map.get(periodId) ?? { expected: 0, submitted: 0, onTime: 0, accepted: 0, completeness: 1, timeliness: 1 };
}

export abstract class ReportingReadModel {
  abstract periods(v: PeriodVisibility, filter: { planId?: string; status?: PeriodStatus; periodId?: string }): Promise<PeriodRow[]>;
  /** Completeness of each period (expected, submitted, on time, accepted) — ratios filled in. */
  abstract completeness(periodIds: string[]): Promise<Map<string, CompletenessDto>>;
  /** The unit's assignments in force with their live work; coordinators' contributions under tasks it leads. */
  abstract liveTaskEntries(planId: string, unitCode: string, periodId: string, today: string): Promise<ReportTaskEntryDto[]>;
  abstract contributions(planId: string, taskIds: string[], periodId: string): Promise<Map<string, ContributionDto[]>>;
  abstract tracker(periodId: string, dueDate: string, today: string): Promise<SubmissionTrackerRowDto[]>;
  abstract reportedSums(periodId: string): Promise<ReportedValueRow[]>;
  /** How many units are expected to give each indicator of the plan. */
  abstract indicatorExpected(planId: string): Promise<Map<string, number>>;
  abstract taskRows(planId: string, today: string): Promise<TaskRow[]>;
  abstract planCounts(planIds: string[], today: string): Promise<Map<string, StatusCountsDto>>;
  abstract unitRows(planId: string, today: string, onlyUnit: string | null): Promise<UnitProgressRowDto[]>;
  /** The first open items past due (their total is the unit tallies' overdue count). */
  abstract overdue(planId: string, today: string, onlyUnit: string | null, limit: number): Promise<OverdueItemDto[]>;
  /**
   * A token that changes whenever anything a plan's dashboard shows may have changed: execution's tally version
   * for the plan, and reporting's own periods, reports, consolidated reports and trend for it.
   */
  abstract dashboardVersion(planId: string): Promise<string>;
  abstract trend(planId: string): Promise<TrendPointDto[]>;
  abstract approvedReports(planId: string): Promise<{ id: string; periodLabel: string; revision: number; approvedAt: string }[]>;
  abstract unitReportsOf(periodId: string): Promise<{ id: string; unitCode: string; unitName: string; status: UnitReportStatus; submittedAt: string | null; onTime: boolean | null }[]>;
  /** The free sections of the reports that reached the focal unit, by unit (the consolidation starts from them). */
  abstract unitSections(periodId: string): Promise<{ unitName: string; sections: ReportSectionsDto }[]>;
  /** The plan's assignments in force with their work, for the XLSX export (one unit's only, or all). */
  abstract assignmentRows(planId: string, onlyUnit: string | null): Promise<AssignmentsSheetRow[]>;
  /** Every expected unit × each indicator it implements, with the value it stated in the period (if any). */
  abstract indicatorSheetRows(periodId: string, planId: string): Promise<Omit<IndicatorValuesSheetRow, 'kind'>[]>;
  /** (unit, indicator) pairs of the plan: who implements what. */
  abstract indicatorUnits(planId: string): Promise<{ indicatorId: string; unitCode: string }[]>;
  /** Issued plans of the province the caller may see on the portfolio. */
  abstract portfolioPlans(provinceCode: string): Promise<(PlanAccessFacts & { planId: string; planTitle: string; planSymbol: string; year: number })[]>;
  abstract unitPlans(unitCode: string, today: string): Promise<{ planId: string; planSymbol: string; planTitle: string; counts: StatusCountsDto }[]>;
  abstract unitOverdue(unitCode: string, today: string, limit: number): Promise<OverdueItemDto[]>;
  abstract unitReportsByPeriod(unitCode: string): Promise<{ periodId: string; planSymbol: string; periodLabel: string; dueDate: string; status: UnitReportStatus | 'missing'; onTime: boolean | null }[]>;
}
