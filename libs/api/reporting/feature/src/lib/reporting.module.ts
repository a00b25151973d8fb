import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  DocxRenderer,
  IndicatorValuesSheetReader,
  PdfConverter,
  REPORTING_HANDLERS,
  ReportingReadModel,
  ReportingStore,
  SpreadsheetWriter,
} from '@dieu-hanh/api/reporting/application';
import {
  Decree30DocxRenderer,
  ExcelIndicatorValuesReader,
  ExcelSpreadsheetWriter,
  LibreOfficePdfConverter,
  ReportTrendSubscriber,
  SqlReportingReadModel,
  SqlReportingStore,
} from '@dieu-hanh/api/reporting/infrastructure';
import { ReportingDashboardsController } from './reporting-dashboards.controller';
import { ReportingController } from './reporting.controller';
import { ReportingJobs } from './reporting.jobs';

/**
 * Bounded context: reporting (báo cáo) — periods from the plans' reporting duties, unit reports written from
 * execution's work, the focal unit's consolidation, the leader's approval, indicator values, dashboards and
 * exports. It reads planning's, execution's and the directory's published views and owns its tables.
 */
@Module({
  imports: [CqrsModule],
  controllers: [ReportingController, ReportingDashboardsController],
  providers: [
    ...REPORTING_HANDLERS,
    { provide: ReportingStore, useClass: SqlReportingStore },
    { provide: ReportingReadModel, useClass: SqlReportingReadModel },
    { provide: DocxRenderer, useClass: Decree30DocxRenderer },
    { provide: PdfConverter, useClass: LibreOfficePdfConverter },
    { provide: SpreadsheetWriter, useClass: ExcelSpreadsheetWriter },
    { provide: IndicatorValuesSheetReader, useClass: ExcelIndicatorValuesReader },
    ReportTrendSubscriber,
    ReportingJobs,
  ],
})
export class ReportingModule {}
