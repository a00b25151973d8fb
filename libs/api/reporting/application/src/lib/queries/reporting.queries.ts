import { Query } from '@nestjs/cqrs';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type {
  ConsolidatedReportDto,
  ExportJobDto,
  PeriodListDto,
  PeriodStatus,
  PlanDashboardDto,
  PortfolioDto,
  ReportingPeriodDto,
  SubmissionTrackerDto,
  UnitReportDto,
  UnitScorecardDto,
} from '@dieu-hanh/shared/contracts';

/** Reporting's queries: each reads the read model with the caller's scope; out of sight is 404. */

export class ListPeriodsQuery extends Query<PeriodListDto> {
  constructor(readonly filter: { planId?: string; status?: PeriodStatus }, readonly scope: AccessScope) {
    super();
  }
}
export class GetPeriodQuery extends Query<ReportingPeriodDto> {
  constructor(readonly periodId: string, readonly scope: AccessScope) {
    super();
  }
}
export class GetSubmissionTrackerQuery extends Query<SubmissionTrackerDto> {
  constructor(readonly periodId: string, readonly scope: AccessScope) {
    super();
  }
}
export class GetUnitReportQuery extends Query<UnitReportDto> {
  constructor(readonly reportId: string, readonly scope: AccessScope) {
    super();
  }
}
export class GetConsolidatedReportQuery extends Query<ConsolidatedReportDto> {
  constructor(readonly reportId: string, readonly scope: AccessScope) {
    super();
  }
}
export class GetPortfolioQuery extends Query<PortfolioDto> {
  constructor(readonly scope: AccessScope) {
    super();
  }
}
export class GetPlanDashboardQuery extends Query<PlanDashboardDto> {
  constructor(readonly planId: string, readonly scope: AccessScope) {
    super();
  }
}
export class GetScorecardQuery extends Query<UnitScorecardDto> {
  constructor(readonly scope: AccessScope) {
    super();
  }
}
export class GetExportJobQuery extends Query<ExportJobDto> {
  constructor(readonly exportId: string, readonly scope: AccessScope) {
    super();
  }
}
/** The file of a finished export, for its requester only. */
export class GetExportFileQuery extends Query<{ fileName: string; mediaType: string; content: Buffer }> {
  constructor(readonly exportId: string, readonly scope: AccessScope) {
    super();
  }
}
