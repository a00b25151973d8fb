import type { ConsolidatedReportProps, ReportingPeriodProps, UnitReportProps } from '@dieu-hanh/api/reporting/domain';
import type { ExportFormat, ExportStatus, ExportSubject, IndicatorValueKind } from '@dieu-hanh/shared/contracts';
import type { PlanAccessFacts } from '../access/report-access.policy';

/** The plan as reporting needs it (planning's published view `planning_plan`). */
export interface PlanFacts extends PlanAccessFacts {
  planId: string;
  planTitle: string;
  planSymbol: string;
  planStatus: string;
  year: number;
  reportingDuties: { text: string; unitCode?: string | null; timeframe?: string | null }[];
}

/** A unit of the directory as reporting shows it. */
export interface UnitFacts {
  unitCode: string;
  unitName: string;
  /** The official name (documents' header block). */
  officialName: string;
  tier: 1 | 2;
  communeCode: string | null;
}

/** An indicator a unit reports on, with its year's target as written. */
export interface IndicatorFacts {
  indicatorId: string;
  ordinal: number;
  section: string | null;
  name: string;
  kind: IndicatorValueKind;
  targetText: string | null;
}

export interface ExportJobProps {
  id: string;
  subject: ExportSubject;
  subjectId: string;
  format: ExportFormat;
  status: ExportStatus;
  progress: number;
  requestedBy: string;
  /** The requester's access scope, so the job renders only what they may see. */
  scope: unknown;
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  error: { vi: string; en: string } | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Reporting's writes (and the reads its commands lock on); joins the unit of work's transaction. */
export abstract class ReportingStore {
  abstract plan(planId: string): Promise<PlanFacts | null>;
  abstract unit(unitCode: string): Promise<UnitFacts | null>;
  /** Units holding an assignment in force in the plan or named (directly or by group) to implement one of its indicators. */
  abstract expectedUnits(planId: string): Promise<string[]>;
  /** Whether the unit is expected in the period (a commune account: its commune). */
  abstract isExpected(periodId: string, unitCode: string): Promise<boolean>;
  abstract expectedOf(periodId: string): Promise<string[]>;
  abstract addExpected(periodId: string, unitCodes: string[]): Promise<void>;
  /** The indicators a unit implements in a plan, with the plan year's target. */
  abstract indicatorsFor(planId: string, unitCode: string, year: number): Promise<IndicatorFacts[]>;
  abstract indicatorsOf(planId: string, year: number): Promise<IndicatorFacts[]>;

  /** Issued plans that have reporting duties (the schedule opens their regular periods). */
  abstract plansWithDuties(): Promise<PlanFacts[]>;
  /** Open periods due within `days` days of today (Vietnam), not yet reminded with that many days left. */
  abstract periodsToRemind(today: string, days: number[]): Promise<{ periodId: string; daysLeft: number }[]>;
  /** Marks a reminder as sent; false when another runner sent it first. */
  abstract markReminded(periodId: string, daysLeft: number, at: Date): Promise<boolean>;
  abstract period(id: string, options?: { lock?: boolean }): Promise<ReportingPeriodProps | null>;
  abstract periodByKey(planId: string, key: string): Promise<ReportingPeriodProps | null>;
  abstract insertPeriod(p: ReportingPeriodProps): Promise<void>;
  abstract updatePeriod(p: ReportingPeriodProps): Promise<void>;
  abstract recordUrges(periodId: string, unitCodes: string[], at: Date, by: string): Promise<void>;
  /** Expected units of an open period that have not submitted (no report, or a draft or returned one). */
  abstract missingUnits(periodId: string): Promise<string[]>;

  abstract unitReport(id: string, options?: { lock?: boolean }): Promise<UnitReportProps | null>;
  abstract unitReportOf(periodId: string, unitCode: string, options?: { lock?: boolean }): Promise<UnitReportProps | null>;
  /** Inserts or updates the report and replaces its indicator values. */
  abstract saveUnitReport(r: UnitReportProps, isNew: boolean): Promise<void>;
  abstract archiveRevision(reportId: string, kind: 'unit' | 'consolidated', revision: number, content: unknown, at: Date): Promise<void>;

  abstract consolidated(id: string, options?: { lock?: boolean }): Promise<ConsolidatedReportProps | null>;
  abstract consolidatedOf(periodId: string, options?: { lock?: boolean }): Promise<ConsolidatedReportProps | null>;
  abstract saveConsolidated(r: ConsolidatedReportProps, isNew: boolean): Promise<void>;

  abstract insertExport(job: ExportJobProps): Promise<void>;
  abstract exportJob(id: string): Promise<ExportJobProps | null>;
  /** Takes the oldest queued export for this run (SKIP LOCKED: two runners never take the same one). */
  abstract claimExport(now: Date): Promise<ExportJobProps | null>;
  abstract exportProgress(id: string, progress: number): Promise<void>;
  abstract finishExport(id: string, file: { fileName: string; mediaType: string; content: Buffer }, now: Date): Promise<void>;
  abstract failExport(id: string, error: { vi: string; en: string }, now: Date): Promise<void>;
  abstract exportFile(id: string): Promise<{ fileName: string; mediaType: string; content: Buffer } | null>;
  /** Exports left running by a process that died are queued again; finished files older than a day are dropped. */
  abstract tidyExports(now: Date): Promise<void>;
}
