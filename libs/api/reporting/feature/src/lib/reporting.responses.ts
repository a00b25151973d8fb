/**
 * Response schemas of reporting's operations (OpenAPI), one per DTO of `@dieu-hanh/shared/contracts`
 * (reporting.ts). Kept as plain JSON Schema objects next to the controllers.
 */
import type { ApiResponseOptions } from '@nestjs/swagger';

type SchemaObject = NonNullable<Extract<ApiResponseOptions, { schema?: unknown }>['schema']>;

const obj = (description: string): SchemaObject => ({ type: 'object', description, additionalProperties: true });

export const REPORT_SCHEMAS: Record<string, SchemaObject> = {
  periodList: obj('PeriodListDto'),
  period: obj('ReportingPeriodDto'),
  tracker: obj('SubmissionTrackerDto'),
  urged: { type: 'object', required: ['urged'], properties: { urged: { type: 'integer', minimum: 0, description: 'How many units were urged' } } },
  unitReport: obj('UnitReportDto'),
  consolidated: obj('ConsolidatedReportDto'),
  portfolio: obj('PortfolioDto'),
  dashboard: obj('PlanDashboardDto'),
  scorecard: obj('UnitScorecardDto'),
  exportJob: obj('ExportJobDto'),
  importResult: obj('IndicatorImportResultDto'),
};
