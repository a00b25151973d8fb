import { Injectable } from '@nestjs/common';
import { forbidden } from '@dieu-hanh/api/shared/auth';
import { type AccessScope, type CommandMetadata, Clock } from '@dieu-hanh/api/shared/kernel';
import {
  type ConsolidatedReportProps,
  type ConsolidationContext,
  type PeriodContext,
  type ReportingPeriodProps,
  type UnitReportProps,
  aggregateIndicator,
  judgeAttainment,
  periodNotFound,
  reportNotFound,
} from '@dieu-hanh/api/reporting/domain';
import { parseIndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';
import type {
  CompletenessDto,
  ConsolidatedReportDto,
  IndicatorFigureDto,
  ReportSectionsDto,
  ReportTaskEntryDto,
  ReportingPeriodDto,
  StatusCountsDto,
  UnitReportDto,
} from '@dieu-hanh/shared/contracts';
import {
  consolidatedActions,
  mayViewConsolidated,
  mayViewPeriod,
  mayViewUnitReport,
  periodActions,
  reportingUnitOf,
  unitReportActions,
} from '../access/report-access.policy';
import { type PeriodRow, ReportingReadModel, type TaskRow } from '../ports/reporting.read-model';
import { completenessIn } from '../ports/reporting.read-model';
import { type PlanFacts, ReportingStore, type UnitFacts } from '../ports/reporting.store';

export function personOf(metadata: CommandMetadata): AccessScope {
  if (metadata.actor.subject === 'system') throw forbidden('Lệnh này cần một người dùng đã đăng nhập.', 'This command needs a signed-in user.');
  return metadata.actor as AccessScope;
}

/** In sight, but the caller's unit and roles give no authority for this: 403. */
export function refuse(vi: string, en: string): never {
  throw forbidden(vi, en);
}

/** What the consolidated report states: composed live while a draft, frozen at submission. */
export interface Composition {
  tasks: StatusCountsDto;
  taskRows: TaskRow[];
  indicators: IndicatorFigureDto[];
  completeness: CompletenessDto;
  unitReports: ConsolidatedReportDto['unitReports'];
}

export interface PeriodInSight {
  period: ReportingPeriodProps;
  plan: PlanFacts;
  callerExpected: boolean;
}

/**
 * Loads what reporting's commands and queries act on, decides visibility once (a period, report or plan out
 * of sight is 404 for every verb) and assembles the answers with their `allowedActions`.
 */
@Injectable()
export class ReportingViews {
  constructor(private readonly store: ReportingStore, private readonly read: ReportingReadModel, private readonly clock: Clock) {}

  async planOf(planId: string): Promise<PlanFacts | null> {
    return this.store.plan(planId);
  }

  async periodInSight(scope: AccessScope, periodId: string, options: { lock?: boolean } = {}): Promise<PeriodInSight> {
    const period = await this.store.period(periodId, options);
    const plan = period && (await this.store.plan(period.planId));
    if (!period || !plan) throw periodNotFound(periodId);
    const callerExpected = await this.store.isExpected(period.id, reportingUnitOf(scope));
    if (!mayViewPeriod(scope, plan, callerExpected)) throw periodNotFound(periodId);
    return { period, plan, callerExpected };
  }

  periodContext(period: ReportingPeriodProps): PeriodContext {
    return {
      planId: period.planId,
      planTitle: period.planTitle,
      periodId: period.id,
      periodLabel: period.label,
      focalUnitCode: period.focalUnitCode,
      status: period.status,
      dueDate: period.dueDate,
      requiresUnitApproval: period.requiresUnitApproval,
    };
  }

  consolidationContext(period: ReportingPeriodProps, plan: PlanFacts): ConsolidationContext {
    return { planId: period.planId, planTitle: period.planTitle, periodId: period.id, periodLabel: period.label, focalUnitCode: period.focalUnitCode, issuerUnitCode: plan.issuerUnitCode };
  }

  periodDtoFromRow(scope: AccessScope, row: PeriodRow, completeness: CompletenessDto): ReportingPeriodDto {
    const { provinceCode, issuerUnitCode, issuerTier, draftingUnitCode, focalUnitCode, periodFocalUnitCode, callerExpected, ...rest } = row;
    const plan = { provinceCode, issuerUnitCode, issuerTier, draftingUnitCode, focalUnitCode };
    return {
      id: rest.id,
      planId: rest.planId,
      planTitle: rest.planTitle,
      planSymbol: rest.planSymbol,
      kind: rest.kind,
      label: rest.label,
      startDate: rest.startDate,
      endDate: rest.endDate,
      dueDate: rest.dueDate,
      status: rest.status,
      requiresUnitApproval: rest.requiresUnitApproval,
      focalUnitCode: periodFocalUnitCode,
      focalUnitName: rest.focalUnitName ?? periodFocalUnitCode,
      completeness,
      myReport: rest.myReport,
      consolidated: rest.consolidated,
      allowedActions: periodActions(scope, plan, { status: rest.status, callerExpected }),
    };
  }

  async periodDto(scope: AccessScope, periodId: string): Promise<ReportingPeriodDto> {
    const [row] = await this.read.periods({ provinceCode: scope.provinceCode, tier: scope.tier, reportingUnit: reportingUnitOf(scope) }, { periodId });
    if (!row) throw periodNotFound(periodId);
    const completeness = completenessIn(await this.read.completeness([periodId]), periodId);
    return this.periodDtoFromRow(scope, row, completeness);
  }

  async unitReportInSight(scope: AccessScope, reportId: string, options: { lock?: boolean } = {}) {
    const report = await this.store.unitReport(reportId, options);
    if (!report) throw reportNotFound(reportId);
    const period = await this.store.period(report.periodId);
    const plan = period && (await this.store.plan(period.planId));
    const unit = await this.store.unit(report.unitCode);
    if (!period || !plan || !mayViewUnitReport(scope, plan, report.unitCode, unit?.communeCode ?? null)) throw reportNotFound(reportId);
    return { report, period, plan, unit: unit ?? { unitCode: report.unitCode, unitName: report.unitCode, officialName: report.unitCode, tier: 1 as const, communeCode: null } };
  }

  /** The unit's task entries as of now: its live work with its notes (what a submission freezes). */
  async liveEntries(report: Pick<UnitReportProps, 'planId' | 'unitCode' | 'periodId' | 'taskNotes'>): Promise<ReportTaskEntryDto[]> {
    const entries = await this.read.liveTaskEntries(report.planId, report.unitCode, report.periodId, this.clock.today());
    return entries.map((e) => ({ ...e, note: report.taskNotes[e.assignmentId] ?? null }));
  }

  async unitReportDto(scope: AccessScope, report: UnitReportProps, period: ReportingPeriodProps, plan: PlanFacts, unit: UnitFacts): Promise<UnitReportDto> {
    const year = Number(period.endDate.slice(0, 4));
    const [tasks, indicators] = await Promise.all([
      report.snapshot ? Promise.resolve(report.snapshot.map((e) => ({ ...e, note: report.taskNotes[e.assignmentId] ?? e.note ?? null }))) : this.liveEntries(report),
      this.store.indicatorsFor(plan.planId, report.unitCode, year),
    ]);
    const values = new Map(report.values.map((v) => [v.indicatorId, v]));
    return {
      id: report.id,
      periodId: period.id,
      planId: plan.planId,
      planSymbol: plan.planSymbol,
      planTitle: plan.planTitle,
      periodLabel: period.label,
      dueDate: period.dueDate,
      unitCode: report.unitCode,
      unitName: unit.unitName,
      revision: report.revision,
      version: report.version,
      status: report.status,
      sections: report.sections,
      tasks,
      indicators: indicators.map((i) => {
        const v = values.get(i.indicatorId);
        return { ...i, numerator: v?.numerator ?? null, denominator: v?.denominator ?? null, value: v?.value ?? null, rank: v?.rank ?? null, evidence: v?.evidence ?? null };
      }),
      submittedAt: report.submittedAt ? new Date(report.submittedAt).toISOString() : null,
      onTime: report.onTime,
      returnReason: report.returnReason,
      revisionReason: report.revisionReason,
      allowedActions: unitReportActions(scope, plan, { unitCode: report.unitCode, unitCommuneCode: unit.communeCode, status: report.status, periodOpen: period.status === 'open' }),
    };
  }

  /** Each indicator's city figure for a period: the units' values that reached the focal unit, aggregated, judged. */
  async indicatorFigures(period: Pick<ReportingPeriodProps, 'id' | 'endDate'>, plan: PlanFacts): Promise<IndicatorFigureDto[]> {
    const year = Number(period.endDate.slice(0, 4));
    // One after the other: inside a command's transaction they share one connection.
    const indicators = await this.store.indicatorsOf(plan.planId, year);
    const sums = new Map((await this.read.reportedSums(period.id)).map((v) => [v.indicatorId, v]));
    const expected = await this.read.indicatorExpected(plan.planId);
    return indicators.map((i) => {
      const own = sums.get(i.indicatorId);
      const agg = aggregateIndicator(i.kind, own ? [own] : []);
      const target = i.targetText ? parseIndicatorTarget(i.targetText) : null;
      return { ...i, ...agg, reporting: own?.reporting ?? 0, expected: expected.get(i.indicatorId) ?? 0, attainment: judgeAttainment(target, agg) };
    });
  }

  /** The consolidated figures as they stand now, from the unit reports and the read models. */
  async compose(period: ReportingPeriodProps, plan: PlanFacts): Promise<Composition> {
    // Sequential: a submission composes inside its transaction, on one connection.
    const taskRows = await this.read.taskRows(plan.planId, this.clock.today());
    const indicators = await this.indicatorFigures(period, plan);
    const completeness = await this.read.completeness([period.id]);
    const unitReports = await this.read.unitReportsOf(period.id);
    return { tasks: sumCounts(taskRows.map((t) => t.counts)), taskRows, indicators, completeness: completenessIn(completeness, period.id), unitReports };
  }

  /** The consolidated narrative's first draft: each section gathers the units' own words, marked by unit. */
  async sectionsFromUnitReports(periodId: string): Promise<ReportSectionsDto> {
    const units = await this.read.unitSections(periodId);
    const gather = (k: keyof ReportSectionsDto) =>
      units
        .filter((u) => u.sections[k]?.trim())
        .map((u) => `- ${u.unitName}: ${u.sections[k].trim()}`)
        .join('\n');
    return { results: gather('results'), difficulties: gather('difficulties'), proposals: gather('proposals') };
  }

  async consolidatedInSight(scope: AccessScope, id: string, options: { lock?: boolean } = {}) {
    const report = await this.store.consolidated(id, options);
    if (!report) throw reportNotFound(id);
    const period = await this.store.period(report.periodId);
    const plan = period && (await this.store.plan(period.planId));
    if (!period || !plan || !mayViewConsolidated(scope, plan, report.status)) throw reportNotFound(id);
    return { report, period, plan };
  }

  async consolidatedDto(scope: AccessScope, report: ConsolidatedReportProps, period: ReportingPeriodProps, plan: PlanFacts): Promise<ConsolidatedReportDto> {
    const composition = (report.composition as Composition | null) ?? (await this.compose(period, plan));
    const focal = await this.store.unit(report.focalUnitCode);
    return {
      id: report.id,
      periodId: period.id,
      planId: plan.planId,
      planSymbol: plan.planSymbol,
      planTitle: plan.planTitle,
      periodLabel: period.label,
      focalUnitCode: report.focalUnitCode,
      focalUnitName: focal?.unitName ?? report.focalUnitCode,
      revision: report.revision,
      version: report.version,
      status: report.status,
      ...report.document,
      sections: report.sections,
      tasks: composition.tasks,
      taskRows: composition.taskRows,
      indicators: composition.indicators,
      completeness: composition.completeness,
      unitReports: composition.unitReports,
      returnReason: report.returnReason,
      revisionReason: report.revisionReason,
      approvedAt: report.approvedAt ? new Date(report.approvedAt).toISOString() : null,
      allowedActions: consolidatedActions(scope, plan, report.status),
    };
  }
}

export function sumCounts(all: StatusCountsDto[]): StatusCountsDto {
  const out: StatusCountsDto = { total: 0, notStarted: 0, inProgress: 0, done: 0, unable: 0, verified: 0, pendingVerification: 0, overdue: 0, percent: 0 };
  let psum = 0;
  for (const c of all) {
    out.total += c.total;
    out.notStarted += c.notStarted;
    out.inProgress += c.inProgress;
    out.done += c.done;
    out.unable += c.unable;
    out.verified += c.verified;
    out.pendingVerification += c.pendingVerification;
    out.overdue += c.overdue;
    psum += c.percent * c.total;
  }
  out.percent = out.total ? Math.round((psum / out.total) * 10) / 10 : 0;
  return out;
}
