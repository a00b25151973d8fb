import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type {
  CompletenessDto,
  ConsolidatedReportDto,
  ExportJobDto,
  IndicatorFigureDto,
  IndicatorValueDto,
  PlanDashboardDto,
  ReportTaskEntryDto,
  ReportingPeriodDto,
  StatusCountsDto,
  SubmissionTrackerDto,
  SubmissionTrackerRowDto,
  UnitProgressRowDto,
  UnitReportDto,
} from '@dieu-hanh/shared/contracts';
import { AuthService, SHELL_CONFIG, type SignedInUser } from '@dieu-hanh/web/shared/auth';
import { provideEchartsCore } from 'ngx-echarts';

/** Test-only: an ECharts stand-in (jsdom has no canvas); remembers the options each chart was given. */
export function fakeEcharts(): { init: () => unknown; options: unknown[] } {
  const options: unknown[] = [];
  return {
    options,
    init: () => ({
      setOption: (o: unknown) => options.push(o),
      on: () => undefined,
      off: () => undefined,
      isDisposed: () => false,
      dispose: () => undefined,
      resize: () => undefined,
      showLoading: () => undefined,
      hideLoading: () => undefined,
    }),
  };
}

/** Test-only: TestBed with the HTTP testing backend, a router, a signed-in user and fake charts. */
export function setupReports(imports: unknown[], user: Partial<SignedInUser> = {}, providers: unknown[] = []): HttpTestingController {
  TestBed.configureTestingModule({
    imports: imports as never[],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } },
      provideEchartsCore({ echarts: fakeEcharts() }),
      ...(providers as never[]),
    ],
  });
  TestBed.inject(AuthService).user.set({ username: 'skhcn.daumoi', name: 'Cán bộ', unit: '01-SKHCN', tier: 1, roles: ['department-officer', 'focal-officer'], realm: 'ha-noi', ...user });
  return TestBed.inject(HttpTestingController);
}

export const wait = (ms = 0) => new Promise((r) => setTimeout(r, ms));

export async function settle(fixture: { detectChanges(): void; whenStable(): Promise<unknown> }, ms = 0): Promise<void> {
  fixture.detectChanges();
  if (ms) await wait(ms);
  await fixture.whenStable();
  fixture.detectChanges();
}

/** Sets an input's or a textarea's value and tells Angular. */
export function type(el: Element | null, value: string): void {
  const input = el as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

export function click(el: Element | null): void {
  (el as HTMLElement).click();
}

export function counts(over: Partial<StatusCountsDto> = {}): StatusCountsDto {
  return { total: 0, notStarted: 0, inProgress: 0, done: 0, unable: 0, verified: 0, pendingVerification: 0, overdue: 0, percent: 0, ...over };
}

export function completeness(over: Partial<CompletenessDto> = {}): CompletenessDto {
  return { expected: 30, submitted: 12, onTime: 10, accepted: 4, completeness: 0.4, timeliness: 1 / 3, ...over };
}

export function period(over: Partial<ReportingPeriodDto> = {}): ReportingPeriodDto {
  return {
    id: 'per1', planId: 'p1', planTitle: 'Kế hoạch chuyển đổi số năm 2025', planSymbol: '402/KH-UBND', kind: 'quarter', label: 'Quý IV/2025',
    startDate: '2025-10-01', endDate: '2025-12-31', dueDate: '2025-12-20', status: 'open', requiresUnitApproval: false,
    focalUnitCode: '01-SKHCN', focalUnitName: 'Sở Khoa học và Công nghệ', completeness: completeness(), myReport: null, consolidated: null,
    allowedActions: ['write-report'], ...over,
  };
}

export function taskEntry(over: Partial<ReportTaskEntryDto> = {}): ReportTaskEntryDto {
  return {
    assignmentId: 'a1', taskId: 't1', taskOrdinal: 3, section: null, taskContent: 'Tuyên truyền chuyển đổi số trên hệ thống loa phường', role: 'lead',
    status: 'in-progress', percent: 40, verification: 'none', result: 'Đã phát 10 buổi', note: null, due: '2025-12-31', overdue: false,
    evidenceCount: 2, obstacles: ['Thiếu kinh phí'], contributions: [], ...over,
  };
}

export function indicatorValue(over: Partial<IndicatorValueDto> = {}): IndicatorValueDto {
  return {
    indicatorId: 'i1', ordinal: 1, section: null, name: 'Tỷ lệ hồ sơ trực tuyến toàn trình', kind: 'rate', targetText: '≥ 80%',
    numerator: null, denominator: null, value: null, rank: null, evidence: null, ...over,
  };
}

export function unitReport(over: Partial<UnitReportDto> = {}): UnitReportDto {
  return {
    id: 'r1', periodId: 'per1', planId: 'p1', planSymbol: '402/KH-UBND', planTitle: 'Kế hoạch chuyển đổi số năm 2025', periodLabel: 'Quý IV/2025',
    dueDate: '2025-12-20', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', revision: 1, version: 3, status: 'draft',
    sections: { results: 'Đã triển khai', difficulties: '', proposals: '' }, tasks: [taskEntry()], indicators: [indicatorValue()],
    submittedAt: null, onTime: null, returnReason: null, revisionReason: null, allowedActions: ['edit', 'submit', 'export'], ...over,
  };
}

export function trackerRow(over: Partial<SubmissionTrackerRowDto> = {}): SubmissionTrackerRowDto {
  return { unitCode: '00070', unitName: 'Phường Hoàn Kiếm', tier: 2, status: 'missing', reportId: null, submittedAt: null, onTime: null, late: false, lastUrgedAt: null, ...over };
}

export function tracker(over: Partial<SubmissionTrackerDto> = {}): SubmissionTrackerDto {
  return {
    period: period({ allowedActions: ['track', 'urge', 'consolidate', 'close'] }),
    completeness: completeness({ expected: 4, submitted: 2, onTime: 1, accepted: 1, completeness: 0.5, timeliness: 0.25 }),
    rows: [
      trackerRow(),
      trackerRow({ unitCode: '00004', unitName: 'Phường Ba Đình', status: 'submitted', reportId: 'r4', submittedAt: '2025-12-19T03:30:00Z', onTime: true }),
      trackerRow({ unitCode: '00008', unitName: 'Phường Ngọc Hà', status: 'accepted', reportId: 'r8', submittedAt: '2025-12-22T09:05:00Z', onTime: false, late: true }),
      trackerRow({ unitCode: '01-SGTVT', unitName: 'Sở Giao thông vận tải', tier: 1, status: 'draft', reportId: 'r9', lastUrgedAt: '2025-12-21T01:00:00Z' }),
    ],
    ...over,
  };
}

export function figure(over: Partial<IndicatorFigureDto> = {}): IndicatorFigureDto {
  return {
    indicatorId: 'i1', ordinal: 1, section: null, name: 'Tỷ lệ hồ sơ trực tuyến toàn trình', kind: 'rate', targetText: '≥ 80%', numerator: 850,
    denominator: 1000, value: 85, rank: null, reporting: 20, expected: 30, attainment: 'met', ...over,
  };
}

export function consolidated(over: Partial<ConsolidatedReportDto> = {}): ConsolidatedReportDto {
  return {
    id: 'c1', periodId: 'per1', planId: 'p1', planSymbol: '402/KH-UBND', planTitle: 'Kế hoạch chuyển đổi số năm 2025', periodLabel: 'Quý IV/2025',
    focalUnitCode: '01-SKHCN', focalUnitName: 'Sở Khoa học và Công nghệ', revision: 1, version: 5, status: 'draft', documentNumber: null,
    place: 'Hà Nội', documentDate: null, recipients: ['UBND Thành phố', 'Lưu: VT'], signerTitle: 'Giám đốc', signerName: null,
    sections: { results: 'Kết quả chung', difficulties: '', proposals: '' }, tasks: counts({ total: 10, done: 4, inProgress: 3, notStarted: 2, unable: 1, overdue: 2, percent: 55 }),
    taskRows: [{ taskId: 't1', ordinal: 1, section: null, content: 'Tuyên truyền', counts: counts({ total: 10, done: 4, inProgress: 3, notStarted: 2, unable: 1, overdue: 2, percent: 55 }) }],
    indicators: [figure(), figure({ indicatorId: 'i2', ordinal: 2, name: 'Số điểm wifi công cộng', kind: 'value', targetText: 'Khoảng 30', value: null, numerator: null, denominator: null, attainment: 'no-data' })],
    completeness: completeness(), unitReports: [{ id: 'r4', unitCode: '00004', unitName: 'Phường Ba Đình', status: 'submitted', submittedAt: '2025-12-19T03:30:00Z', onTime: true }],
    returnReason: null, revisionReason: null, approvedAt: null, allowedActions: ['edit', 'submit', 'export'], ...over,
  };
}

export function unitRow(over: Partial<UnitProgressRowDto> = {}): UnitProgressRowDto {
  return { unitCode: '00070', unitName: 'Phường Hoàn Kiếm', tier: 2, counts: counts({ total: 5, notStarted: 2, inProgress: 1, done: 1, unable: 1, overdue: 2, percent: 40 }), ...over };
}

export function planDashboard(over: Partial<PlanDashboardDto> = {}): PlanDashboardDto {
  return {
    planId: 'p1', planTitle: 'Kế hoạch chuyển đổi số năm 2025', planSymbol: '402/KH-UBND',
    counts: counts({ total: 131, done: 20, inProgress: 30, notStarted: 80, unable: 1, overdue: 90, percent: 22 }),
    departments: [unitRow({ unitCode: '01-SKHCN', unitName: 'Sở Khoa học và Công nghệ', tier: 1 })],
    communes: [unitRow(), unitRow({ unitCode: '00004', unitName: 'Phường Ba Đình', counts: counts({ total: 3, done: 3, percent: 100 }) })],
    overdue: [{ assignmentId: 'a9', taskId: 't1', taskOrdinal: 1, taskContent: 'Tuyên truyền', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', role: 'lead', due: '2025-12-31', daysOverdue: 40, percent: 10 }],
    overdueTotal: 90,
    indicators: [figure(), figure({ indicatorId: 'i2', ordinal: 2, value: 60, attainment: 'not-met' })],
    periods: [{ id: 'per1', label: 'Quý IV/2025', status: 'closed', dueDate: '2025-12-20', completeness: completeness() }],
    trend: [{ week: '2025-11-24', progressReports: 12, completed: 2 }, { week: '2025-12-01', progressReports: 20, completed: 5 }],
    approvedReports: [{ id: 'c1', periodLabel: 'Quý IV/2025', revision: 1, approvedAt: '2026-01-05T02:00:00Z' }],
    ...over,
  };
}

export function exportJob(over: Partial<ExportJobDto> = {}): ExportJobDto {
  return { id: 'x1', subject: 'unit-report', format: 'docx', status: 'queued', progress: 0, fileName: null, size: null, error: null, createdAt: '2026-01-05T02:00:00Z', finishedAt: null, ...over };
}
