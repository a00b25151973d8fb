import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BilingualMessage,
  ConsolidatedReportDto,
  ExportJobDto,
  ExportRequest,
  IndicatorImportResultDto,
  OpenPeriodRequest,
  PeriodListDto,
  PeriodStatus,
  PlanDashboardDto,
  PortfolioDto,
  ReportDecisionRequest,
  ReportingPeriodDto,
  SaveConsolidatedReportRequest,
  SaveUnitReportRequest,
  SubmissionTrackerDto,
  UnitReportDto,
  UnitScorecardDto,
  UrgeReportsRequest,
  WorkListDto,
  WorkListQuery,
} from '@dieu-hanh/shared/contracts';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import type { Observable } from 'rxjs';

/** A unit report's decisions (POST /reporting/reports/:id/<decision>). */
export type UnitReportDecision = 'submit' | 'approve' | 'accept' | 'return' | 'reopen';
/** A consolidated report's decisions (POST /reporting/consolidated/:id/<decision>). */
export type ConsolidatedDecision = 'submit' | 'approve' | 'return' | 'reopen';

/**
 * The reporting context's HTTP calls (issue 12), typed with shared/contracts — never redeclared. Every
 * answer carries `allowedActions`: the pages show a button only for a listed action.
 */
@Injectable({ providedIn: 'root' })
export class ReportingApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(SHELL_CONFIG).apiUrl;

  // ── periods ────────────────────────────────────────────────────────────────────────────────────
  /** GET /reporting/periods: the periods the caller sees. */
  periods(filter: { planId?: string | null; status?: PeriodStatus | '' | null } = {}): Observable<PeriodListDto> {
    return this.http.get<PeriodListDto>(`${this.base}/reporting/periods`, { params: toParams(filter) });
  }

  /** POST /plans/:planId/periods: the focal unit opens a period (regular, or ad hoc with its own due date). */
  openPeriod(planId: string, req: OpenPeriodRequest): Observable<ReportingPeriodDto> {
    return this.http.post<ReportingPeriodDto>(`${this.base}/plans/${enc(planId)}/periods`, req);
  }

  period(id: string): Observable<ReportingPeriodDto> {
    return this.http.get<ReportingPeriodDto>(`${this.base}/reporting/periods/${enc(id)}`);
  }

  closePeriod(id: string): Observable<ReportingPeriodDto> {
    return this.http.post<ReportingPeriodDto>(`${this.base}/reporting/periods/${enc(id)}/close`, {});
  }

  /** GET /reporting/periods/:id/tracker: who has reported (focal unit, leaders). */
  tracker(periodId: string): Observable<SubmissionTrackerDto> {
    return this.http.get<SubmissionTrackerDto>(`${this.base}/reporting/periods/${enc(periodId)}/tracker`);
  }

  /** POST /reporting/periods/:id/urge: every unit that has not submitted (or the ones named). */
  urge(periodId: string, req: UrgeReportsRequest = {}): Observable<{ urged: number }> {
    return this.http.post<{ urged: number }>(`${this.base}/reporting/periods/${enc(periodId)}/urge`, req);
  }

  /** POST /reporting/periods/:id/my-report: starts the caller unit's report, pre-filled, or returns it. */
  myReport(periodId: string): Observable<UnitReportDto> {
    return this.http.post<UnitReportDto>(`${this.base}/reporting/periods/${enc(periodId)}/my-report`, {});
  }

  /** POST /reporting/periods/:id/consolidated: composes the consolidated report, or returns it. */
  consolidate(periodId: string): Observable<ConsolidatedReportDto> {
    return this.http.post<ConsolidatedReportDto>(`${this.base}/reporting/periods/${enc(periodId)}/consolidated`, {});
  }

  /** POST /reporting/periods/:id/indicator-values/import (multipart `file`, the export's layout). */
  importIndicatorValues(periodId: string, file: Blob, fileName: string): Observable<IndicatorImportResultDto> {
    const body = new FormData();
    body.append('file', file, fileName);
    return this.http.post<IndicatorImportResultDto>(`${this.base}/reporting/periods/${enc(periodId)}/indicator-values/import`, body);
  }

  // ── a unit's report ────────────────────────────────────────────────────────────────────────────
  report(id: string): Observable<UnitReportDto> {
    return this.http.get<UnitReportDto>(`${this.base}/reporting/reports/${enc(id)}`);
  }

  /** PUT with the version read; 409 when someone else changed it. */
  saveReport(id: string, req: SaveUnitReportRequest): Observable<UnitReportDto> {
    return this.http.put<UnitReportDto>(`${this.base}/reporting/reports/${enc(id)}`, req);
  }

  decideReport(id: string, decision: UnitReportDecision, req: ReportDecisionRequest): Observable<UnitReportDto> {
    return this.http.post<UnitReportDto>(`${this.base}/reporting/reports/${enc(id)}/${decision}`, req);
  }

  // ── the consolidated report ────────────────────────────────────────────────────────────────────
  consolidated(id: string): Observable<ConsolidatedReportDto> {
    return this.http.get<ConsolidatedReportDto>(`${this.base}/reporting/consolidated/${enc(id)}`);
  }

  saveConsolidated(id: string, req: SaveConsolidatedReportRequest): Observable<ConsolidatedReportDto> {
    return this.http.put<ConsolidatedReportDto>(`${this.base}/reporting/consolidated/${enc(id)}`, req);
  }

  decideConsolidated(id: string, decision: ConsolidatedDecision, req: ReportDecisionRequest): Observable<ConsolidatedReportDto> {
    return this.http.post<ConsolidatedReportDto>(`${this.base}/reporting/consolidated/${enc(id)}/${decision}`, req);
  }

  // ── dashboards ─────────────────────────────────────────────────────────────────────────────────
  portfolio(): Observable<PortfolioDto> {
    return this.http.get<PortfolioDto>(`${this.base}/reporting/dashboard/portfolio`);
  }

  planDashboard(planId: string): Observable<PlanDashboardDto> {
    return this.http.get<PlanDashboardDto>(`${this.base}/reporting/dashboard/plans/${enc(planId)}`);
  }

  /** GET /reporting/scorecard: the caller's unit. */
  scorecard(): Observable<UnitScorecardDto> {
    return this.http.get<UnitScorecardDto>(`${this.base}/reporting/scorecard`);
  }

  /**
   * GET /execution/work (the execution context's list, scoped by the API): the dashboard's drill-down
   * to one unit's assignments of a plan, by status or overdue.
   */
  assignments(query: WorkListQuery): Observable<WorkListDto> {
    return this.http.get<WorkListDto>(`${this.base}/execution/work`, { params: toParams(query) });
  }

  // ── exports (jobs) ─────────────────────────────────────────────────────────────────────────────
  /** POST /reporting/exports → 202 with the job. */
  startExport(req: ExportRequest): Observable<ExportJobDto> {
    return this.http.post<ExportJobDto>(`${this.base}/reporting/exports`, req);
  }

  exportJob(id: string): Observable<ExportJobDto> {
    return this.http.get<ExportJobDto>(`${this.base}/reporting/exports/${enc(id)}`);
  }

  /** The finished file as a blob, through the authenticated client (the API wants the bearer token). */
  exportFile(id: string): Observable<Blob> {
    return this.http.get(`${this.base}/reporting/exports/${enc(id)}/file`, { responseType: 'blob' });
  }
}

function enc(id: string): string {
  return encodeURIComponent(id);
}

/** Query parameters from a filter: an empty string, null or undefined is "no filter" and is not sent. */
export function toParams(query: object): HttpParams {
  let p = new HttpParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p = p.set(k, String(v));
  return p;
}

/** An API problem as a page shows it. */
export interface ReportingProblem {
  /** HTTP status; 0 when the request never reached the API. */
  status: number;
  code: string | null;
  message: BilingualMessage;
  /** Field errors: field path without the `body.` prefix → bilingual message. */
  fields: Record<string, BilingualMessage>;
}

const FALLBACK: BilingualMessage = { vi: 'Không thực hiện được. Vui lòng thử lại.', en: 'Could not be done. Please try again.' };
const OFFLINE: BilingualMessage = { vi: 'Không có kết nối mạng.', en: 'No network connection.' };

/** Reads a problem+json error (see libs/api/shared/http) into what the page shows. */
export function reportingProblem(err: unknown): ReportingProblem {
  if (!(err instanceof HttpErrorResponse)) return { status: 0, code: null, message: FALLBACK, fields: {} };
  if (err.status === 0) return { status: 0, code: null, message: OFFLINE, fields: {} };
  const body = (err.error && typeof err.error === 'object' && !(err.error instanceof Blob) ? err.error : {}) as Record<string, unknown>;
  const message = bilingual(body['message']) ?? textMessage(body['detail'] ?? body['title']) ?? FALLBACK;
  const fields: Record<string, BilingualMessage> = {};
  const errors = body['errors'];
  if (Array.isArray(errors)) {
    for (const e of errors as Record<string, unknown>[]) {
      const field = typeof e?.['field'] === 'string' ? (e['field'] as string) : null;
      const m = bilingual(e?.['message']) ?? textMessage(e?.['detail']);
      if (field && m) fields[field.replace(/^(body|query|params|param)\./, '')] = m;
    }
  }
  const code = typeof body['code'] === 'string' ? (body['code'] as string) : null;
  return { status: err.status, code, message, fields };
}

/** A 409: the record changed since it was read (stale version). */
export function isConflict(err: unknown): boolean {
  return err instanceof HttpErrorResponse && err.status === 409;
}

function bilingual(v: unknown): BilingualMessage | null {
  return v && typeof v === 'object' && 'vi' in v && 'en' in v ? (v as BilingualMessage) : null;
}

function textMessage(v: unknown): BilingualMessage | null {
  return typeof v === 'string' && v ? { vi: v, en: v } : null;
}
