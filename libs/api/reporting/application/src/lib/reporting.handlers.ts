import { ReportingViews } from './commands/reporting.views';
import { OpenPeriodHandler } from './commands/open-period.handler';
import { ClosePeriodHandler } from './commands/close-period.handler';
import { UrgeReportsHandler } from './commands/urge-reports.handler';
import { StartUnitReportHandler } from './commands/start-unit-report.handler';
import { SaveUnitReportHandler } from './commands/save-unit-report.handler';
import { DecideUnitReportHandler } from './commands/decide-unit-report.handler';
import { ConsolidatePeriodHandler } from './commands/consolidate-period.handler';
import { SaveConsolidatedReportHandler } from './commands/save-consolidated-report.handler';
import { DecideConsolidatedReportHandler } from './commands/decide-consolidated-report.handler';
import { RequestExportHandler } from './exports/request-export.handler';
import { ImportIndicatorValuesHandler } from './exports/import-indicator-values.handler';
import { GetExportFileHandler, GetExportJobHandler } from './exports/get-export.handlers';
import { ExportRunner } from './exports/export-runner';
import { RunReportingScheduleHandler } from './schedule/run-reporting-schedule.handler';
import { ListPeriodsHandler } from './queries/list-periods.handler';
import { GetPeriodHandler } from './queries/get-period.handler';
import { GetSubmissionTrackerHandler } from './queries/get-submission-tracker.handler';
import { GetUnitReportHandler } from './queries/get-unit-report.handler';
import { GetConsolidatedReportHandler } from './queries/get-consolidated-report.handler';
import { GetPortfolioHandler } from './queries/get-portfolio.handler';
import { GetPlanDashboardHandler } from './queries/get-plan-dashboard.handler';
import { GetScorecardHandler } from './queries/get-scorecard.handler';

/** Every provider of reporting's application layer (the feature module adds the adapters). */
export const REPORTING_HANDLERS = [
  ReportingViews,
  ExportRunner,
  OpenPeriodHandler,
  ClosePeriodHandler,
  UrgeReportsHandler,
  StartUnitReportHandler,
  SaveUnitReportHandler,
  DecideUnitReportHandler,
  ConsolidatePeriodHandler,
  SaveConsolidatedReportHandler,
  DecideConsolidatedReportHandler,
  RequestExportHandler,
  ImportIndicatorValuesHandler,
  GetExportJobHandler,
  GetExportFileHandler,
  RunReportingScheduleHandler,
  ListPeriodsHandler,
  GetPeriodHandler,
  GetSubmissionTrackerHandler,
  GetUnitReportHandler,
  GetConsolidatedReportHandler,
  GetPortfolioHandler,
  GetPlanDashboardHandler,
  GetScorecardHandler,
];
