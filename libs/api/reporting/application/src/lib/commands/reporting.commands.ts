import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type {
  ConsolidatedReportDto,
  ExportJobDto,
  ExportRequest,
  IndicatorImportResultDto,
  OpenPeriodRequest,
  ReportDecisionRequest,
  ReportingPeriodDto,
  SaveConsolidatedReportRequest,
  SaveUnitReportRequest,
  UnitReportDto,
  UrgeReportsRequest,
} from '@dieu-hanh/shared/contracts';

/** Reporting's commands: each one transaction with its events, answered with the new state. */

export class OpenPeriodCommand extends Command<ReportingPeriodDto> {
  constructor(readonly planId: string, readonly body: OpenPeriodRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export class ClosePeriodCommand extends Command<ReportingPeriodDto> {
  constructor(readonly periodId: string, readonly metadata: CommandMetadata) {
    super();
  }
}
export class UrgeReportsCommand extends Command<{ urged: number }> {
  constructor(readonly periodId: string, readonly body: UrgeReportsRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
/** Starts the caller unit's report for a period, pre-filled from its work (or returns the one it has). */
export class StartUnitReportCommand extends Command<UnitReportDto> {
  constructor(readonly periodId: string, readonly metadata: CommandMetadata) {
    super();
  }
}
export class SaveUnitReportCommand extends Command<UnitReportDto> {
  constructor(readonly reportId: string, readonly body: SaveUnitReportRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export type UnitReportDecision = 'submit' | 'approve' | 'accept' | 'return' | 'reopen';
export class DecideUnitReportCommand extends Command<UnitReportDto> {
  constructor(readonly reportId: string, readonly decision: UnitReportDecision, readonly body: ReportDecisionRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
/** Composes (or returns) the period's consolidated report. */
export class ConsolidatePeriodCommand extends Command<ConsolidatedReportDto> {
  constructor(readonly periodId: string, readonly metadata: CommandMetadata) {
    super();
  }
}
export class SaveConsolidatedReportCommand extends Command<ConsolidatedReportDto> {
  constructor(readonly reportId: string, readonly body: SaveConsolidatedReportRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export type ConsolidatedDecision = 'submit' | 'approve' | 'return' | 'reopen';
export class DecideConsolidatedReportCommand extends Command<ConsolidatedReportDto> {
  constructor(readonly reportId: string, readonly decision: ConsolidatedDecision, readonly body: ReportDecisionRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export class RequestExportCommand extends Command<ExportJobDto> {
  constructor(readonly body: ExportRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
/** The focal unit loads a period's indicator values for many units from an XLSX in the export's layout. */
export class ImportIndicatorValuesCommand extends Command<IndicatorImportResultDto> {
  constructor(readonly periodId: string, readonly file: { name: string; content: Buffer }, readonly reason: string | null, readonly metadata: CommandMetadata) {
    super();
  }
}
