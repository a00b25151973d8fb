import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import { type PeriodRow, type PeriodVisibility, type ReportedValueRow, ReportingReadModel, type TaskRow, visiblePeriodSql } from '@dieu-hanh/api/reporting/application';
import type {
  CompletenessDto,
  ContributionDto,
  OverdueItemDto,
  ReportTaskEntryDto,
  StatusCountsDto,
  SubmissionTrackerRowDto,
  TrendPointDto,
  UnitProgressRowDto,
} from '@dieu-hanh/shared/contracts';
import { EXPECTED_INDICATOR_UNITS_SQL, INDICATOR_EXPECTED_COUNTS_SQL } from './reporting-facts.sql';

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const UNIT_NAME = (code: string) => `(SELECT COALESCE(du.short_name, du.official_name) FROM directory_unit du WHERE du.code = ${code} ORDER BY du.valid_from DESC NULLS LAST LIMIT 1)`;

/** One grouped tally row: how many assignments in (status, verification, overdue) and their percent sum. */
interface TallyRow {
  key: string;
  status: string;
  verification: string;
  overdue: boolean;
  n: number;
  psum: number;
}

export function emptyCounts(): StatusCountsDto {
  return { total: 0, notStarted: 0, inProgress: 0, done: 0, unable: 0, verified: 0, pendingVerification: 0, overdue: 0, percent: 0 };
}

/** Folds grouped tally rows into counts per key; `percent` is the mean of the assignments' percents. */
export function countsByKey(rows: TallyRow[]): Map<string, StatusCountsDto> {
  const out = new Map<string, StatusCountsDto & { psum: number }>();
  for (const r of rows) {
    const c = out.get(r.key) ?? { ...emptyCounts(), psum: 0 };
    const n = Number(r.n);
    c.total += n;
    c.psum += Number(r.psum);
    if (r.status === 'not-started') c.notStarted += n;
    else if (r.status === 'in-progress') c.inProgress += n;
    else if (r.status === 'done') c.done += n;
    else if (r.status === 'unable') c.unable += n;
    if (r.verification === 'verified') c.verified += n;
    if (r.verification === 'pending') c.pendingVerification += n;
    if (r.overdue) c.overdue += n;
    out.set(r.key, c);
  }
  const result = new Map<string, StatusCountsDto>();
  for (const [k, { psum, ...c }] of out) result.set(k, { ...c, percent: c.total ? Math.round((psum / c.total) * 10) / 10 : 0 });
  return result;
}

/** Open work past its due date (Vietnam's today, a parameter: never the session's current_date). */
const OVERDUE = (due: string, status: string, today: string) => `(${status} IN ('not-started', 'in-progress') AND ${due} < ${today}::date)`;

/**
 * Reporting's read model: the SQL that matters for the tracker, the consolidation and the dashboards, in one
 * place. Dashboards read execution's published tallies (no assignment row per request); lists carry the
 * caller's visibility from `report-access.sql.ts`.
 */
@Injectable()
export class SqlReportingReadModel extends ReportingReadModel {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  private q<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.tx.manager().query(sql, params);
  }

  async periods(v: PeriodVisibility, f: { planId?: string; status?: string; periodId?: string }): Promise<PeriodRow[]> {
    const params: unknown[] = [v.reportingUnit];
    const where: string[] = [];
    const vis = visiblePeriodSql(v, 'rp', 'pp', params.length + 1);
    where.push(vis.sql);
    params.push(...vis.params);
    if (f.planId) where.push(`rp.plan_id = $${params.push(f.planId)}`);
    if (f.status) where.push(`rp.status = $${params.push(f.status)}`);
    if (f.periodId) where.push(`rp.id = $${params.push(f.periodId)}`);
    return this.q<PeriodRow>(
      `SELECT rp.id, rp.plan_id AS "planId", pp.plan_title AS "planTitle", pp.plan_symbol AS "planSymbol", rp.kind, rp.label,
              to_char(rp.start_date, 'YYYY-MM-DD') AS "startDate", to_char(rp.end_date, 'YYYY-MM-DD') AS "endDate", to_char(rp.due_date, 'YYYY-MM-DD') AS "dueDate",
              rp.status, rp.requires_unit_approval AS "requiresUnitApproval", ${UNIT_NAME('rp.focal_unit_code')} AS "focalUnitName",
              pp.province_code AS "provinceCode", pp.issuer_unit_code AS "issuerUnitCode", pp.issuer_tier AS "issuerTier", pp.drafting_unit_code AS "draftingUnitCode",
              pp.focal_unit_code AS "focalUnitCode", rp.focal_unit_code AS "periodFocalUnitCode",
              EXISTS (SELECT 1 FROM report_expected_unit e WHERE e.period_id = rp.id AND e.unit_code = $1) AS "callerExpected",
              (SELECT jsonb_build_object('id', r.id, 'status', r.status, 'revision', r.revision) FROM unit_report r WHERE r.period_id = rp.id AND r.unit_code = $1) AS "myReport",
              (SELECT jsonb_build_object('id', c.id, 'status', c.status, 'revision', c.revision) FROM consolidated_report c WHERE c.period_id = rp.id) AS "consolidated"
         FROM report_period rp JOIN planning_plan pp ON pp.plan_id = rp.plan_id
        WHERE ${where.join(' AND ')}
        ORDER BY rp.due_date DESC, pp.plan_symbol, rp.label
        LIMIT 500`,
      params,
    );
  }

  async completeness(periodIds: string[]): Promise<Map<string, CompletenessDto>> {
    const out = new Map<string, CompletenessDto>();
    if (!periodIds.length) return out;
    const rows = await this.q<{ periodId: string; expected: number; submitted: number; onTime: number; accepted: number }>(
      `SELECT e.period_id AS "periodId", count(*)::int AS expected,
              count(*) FILTER (WHERE r.status IN ('submitted', 'accepted'))::int AS submitted,
              count(*) FILTER (WHERE r.status IN ('submitted', 'accepted') AND r.on_time)::int AS "onTime",
              count(*) FILTER (WHERE r.status = 'accepted')::int AS accepted
         FROM report_expected_unit e LEFT JOIN unit_report r ON r.period_id = e.period_id AND r.unit_code = e.unit_code
        WHERE e.period_id = ANY($1::uuid[]) GROUP BY e.period_id`,
      [periodIds],
    );
    for (const id of periodIds) out.set(id, ratios(0, 0, 0, 0));
    for (const r of rows) out.set(r.periodId, ratios(r.expected, r.submitted, r.onTime, r.accepted));
    return out;
  }

  async liveTaskEntries(planId: string, unitCode: string, periodId: string, today: string): Promise<ReportTaskEntryDto[]> {
    const rows = await this.q<ReportTaskEntryDto>(
      `SELECT pa.assignment_id AS "assignmentId", pa.task_id AS "taskId", pa.task_ordinal AS "taskOrdinal", pa.task_section AS section, pa.task_content AS "taskContent",
              pa.role, COALESCE(w.status, 'not-started') AS status, COALESCE(w.percent, 0)::int AS percent, COALESCE(w.verification, 'none') AS verification,
              w.result, NULL::text AS note, to_char(COALESCE(w.due_override, pa.task_due), 'YYYY-MM-DD') AS due,
              ${OVERDUE(`COALESCE(w.due_override, pa.task_due)`, `COALESCE(w.status, 'not-started')`, '$3')} AS overdue,
              COALESCE(w.evidence_count, 0) AS "evidenceCount", COALESCE(w.obstacles, '{}') AS obstacles
         FROM planning_assignment pa LEFT JOIN execution_work w ON w.assignment_id = pa.assignment_id
        WHERE pa.plan_id = $1 AND pa.unit_code = $2 AND pa.assignment_status = 'assigned' AND NOT pa.task_removed
        ORDER BY pa.task_ordinal`,
      [planId, unitCode, today],
    );
    const leads = rows.filter((r) => r.role === 'lead').map((r) => r.taskId);
    const contributions = await this.contributions(planId, leads, periodId);
    return rows.map((r) => ({ ...r, overdue: !!r.overdue, contributions: r.role === 'lead' ? contributions.get(r.taskId) ?? [] : [] }));
  }

  async contributions(planId: string, taskIds: string[], periodId: string): Promise<Map<string, ContributionDto[]>> {
    const out = new Map<string, ContributionDto[]>();
    if (!taskIds.length) return out;
    // A coordinator's words come from its own report for the period once it reached the focal unit, else from its live work.
    const rows = await this.q<ContributionDto & { taskId: string }>(
      `SELECT pa.task_id AS "taskId", pa.unit_code AS "unitCode", ${UNIT_NAME('pa.unit_code')} AS "unitName",
              COALESCE(s.entry ->> 'status', w.status, 'not-started') AS status,
              COALESCE((s.entry ->> 'percent')::int, w.percent, 0)::int AS percent,
              COALESCE(NULLIF(s.entry ->> 'note', ''), s.entry ->> 'result', w.result) AS result,
              CASE WHEN s.entry IS NULL THEN 'work' ELSE 'report' END AS source
         FROM planning_assignment pa
         LEFT JOIN execution_work w ON w.assignment_id = pa.assignment_id
         LEFT JOIN LATERAL (
           SELECT e AS entry FROM unit_report r CROSS JOIN LATERAL jsonb_array_elements(r.snapshot) e
            WHERE r.period_id = $3 AND r.unit_code = pa.unit_code AND r.status IN ('submitted', 'accepted') AND e ->> 'assignmentId' = pa.assignment_id::text
            LIMIT 1) s ON true
        WHERE pa.plan_id = $1 AND pa.task_id = ANY($2::uuid[]) AND pa.role = 'coordinator' AND pa.assignment_status = 'assigned' AND NOT pa.task_removed
        ORDER BY pa.task_id, pa.unit_code`,
      [planId, taskIds, periodId],
    );
    for (const { taskId, ...c } of rows) out.set(taskId, [...(out.get(taskId) ?? []), c]);
    return out;
  }

  async tracker(periodId: string, dueDate: string, today: string): Promise<SubmissionTrackerRowDto[]> {
    const rows = await this.q<SubmissionTrackerRowDto>(
      `SELECT e.unit_code AS "unitCode", COALESCE(${UNIT_NAME('e.unit_code')}, e.unit_code) AS "unitName",
              COALESCE((SELECT du.tier::int FROM directory_unit du WHERE du.code = e.unit_code LIMIT 1), 1) AS tier,
              CASE WHEN r.id IS NULL OR (r.status = 'draft' AND r.first_submitted_at IS NULL) THEN 'missing' ELSE r.status END AS status,
              r.id AS "reportId", ${ISO('r.submitted_at')} AS "submittedAt", r.on_time AS "onTime",
              (COALESCE(r.status, 'draft') IN ('draft', 'returned', 'awaiting-approval') AND $2::date < $3::date) OR r.on_time IS FALSE AS late,
              ${ISO('u.urged_at')} AS "lastUrgedAt"
         FROM report_expected_unit e
         LEFT JOIN unit_report r ON r.period_id = e.period_id AND r.unit_code = e.unit_code
         LEFT JOIN report_urge u ON u.period_id = e.period_id AND u.unit_code = e.unit_code
        WHERE e.period_id = $1
        ORDER BY tier, "unitName"`,
      [periodId, dueDate, today],
    );
    return rows.map((r) => ({ ...r, late: !!r.late }));
  }

  async reportedSums(periodId: string): Promise<ReportedValueRow[]> {
    const rows = await this.q<{ indicatorId: string; reporting: number; numerator: unknown; denominator: unknown; value: unknown; rank: unknown }>(
      `SELECT v.indicator_id AS "indicatorId", count(*)::int AS reporting,
              sum(v.numerator)   FILTER (WHERE v.numerator IS NOT NULL AND v.denominator IS NOT NULL) AS numerator,
              sum(v.denominator) FILTER (WHERE v.numerator IS NOT NULL AND v.denominator IS NOT NULL) AS denominator,
              sum(v.value) AS value, min(v.rank) AS rank
         FROM indicator_value v JOIN unit_report r ON r.id = v.report_id
        WHERE v.period_id = $1 AND r.status IN ('submitted', 'accepted')
        GROUP BY v.indicator_id`,
      [periodId],
    );
    const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
    return rows.map((r) => ({ ...r, numerator: n(r.numerator), denominator: n(r.denominator), value: n(r.value), rank: n(r.rank) }));
  }

  async indicatorExpected(planId: string): Promise<Map<string, number>> {
    const rows = await this.q<{ indicatorId: string; n: number }>(INDICATOR_EXPECTED_COUNTS_SQL, [planId]);
    return new Map(rows.map((r) => [r.indicatorId, r.n]));
  }

  async taskRows(planId: string, today: string): Promise<TaskRow[]> {
    const tasks = await this.q<{ taskId: string; ordinal: number; section: string | null; content: string }>(
      `SELECT DISTINCT ON (task_ordinal) task_id AS "taskId", task_ordinal AS ordinal, task_section AS section, task_content AS content
         FROM planning_assignment WHERE plan_id = $1 AND NOT task_removed AND assignment_status = 'assigned' ORDER BY task_ordinal`,
      [planId],
    );
    const tallies = await this.q<TallyRow>(
      `SELECT task_id::text AS key, status, verification, ${OVERDUE('due', 'status', '$2')} AS overdue, sum(n)::int AS n, sum(percent_sum)::bigint AS psum
         FROM execution_task_tally WHERE plan_id = $1 AND role = 'lead' GROUP BY 1, 2, 3, 4`,
      [planId, today],
    );
    const counts = countsByKey(tallies);
    return tasks.map((t) => ({ ...t, counts: counts.get(t.taskId) ?? emptyCounts() }));
  }

  async planCounts(planIds: string[], today: string): Promise<Map<string, StatusCountsDto>> {
    if (!planIds.length) return new Map();
    return countsByKey(
      await this.q<TallyRow>(
        `SELECT plan_id::text AS key, status, verification, ${OVERDUE('due', 'status', '$2')} AS overdue, sum(n)::int AS n, sum(percent_sum)::bigint AS psum
           FROM execution_task_tally WHERE plan_id = ANY($1::uuid[]) GROUP BY 1, 2, 3, 4`,
        [planIds, today],
      ),
    );
  }

  async unitRows(planId: string, today: string, onlyUnit: string | null): Promise<UnitProgressRowDto[]> {
    const tallies = await this.q<TallyRow>(
      `SELECT unit_code AS key, status, verification, ${OVERDUE('due', 'status', '$2')} AS overdue, sum(n)::int AS n, sum(percent_sum)::bigint AS psum
         FROM execution_unit_tally WHERE plan_id = $1 ${onlyUnit ? 'AND unit_code = $3' : ''} GROUP BY 1, 2, 3, 4`,
      onlyUnit ? [planId, today, onlyUnit] : [planId, today],
    );
    const counts = countsByKey(tallies);
    if (!counts.size) return [];
    const units = await this.q<{ unitCode: string; unitName: string; tier: 1 | 2 }>(
      `SELECT DISTINCT ON (code) code AS "unitCode", COALESCE(short_name, official_name) AS "unitName", tier::int AS tier
         FROM directory_unit WHERE code = ANY($1::text[]) ORDER BY code, valid_from DESC NULLS LAST`,
      [[...counts.keys()]],
    );
    const names = new Map(units.map((u) => [u.unitCode, u]));
    return [...counts.entries()]
      .map(([unitCode, c]) => ({ unitCode, unitName: names.get(unitCode)?.unitName ?? unitCode, tier: names.get(unitCode)?.tier ?? 1, counts: c }))
      .sort((a, b) => a.tier - b.tier || a.unitName.localeCompare(b.unitName, 'vi'));
  }

  private overdueSelect(where: string): string {
    return `SELECT t.assignment_id AS "assignmentId", t.task_id AS "taskId", pa.task_ordinal AS "taskOrdinal", pa.task_content AS "taskContent", t.unit_code AS "unitCode",
                   ${UNIT_NAME('t.unit_code')} AS "unitName", t.role, to_char(t.due, 'YYYY-MM-DD') AS due, ($2::date - t.due)::int AS "daysOverdue", t.percent::int AS percent
              FROM execution_work_tally_item t JOIN planning_assignment pa ON pa.assignment_id = t.assignment_id
             WHERE ${where} AND t.status IN ('not-started', 'in-progress') AND t.due < $2::date
             ORDER BY t.due, pa.task_ordinal, t.unit_code LIMIT $3`;
  }

  async overdue(planId: string, today: string, onlyUnit: string | null, limit: number): Promise<OverdueItemDto[]> {
    const unitClause = onlyUnit ? ' AND t.unit_code = $4' : '';
    return this.q<OverdueItemDto>(this.overdueSelect(`t.plan_id = $1${unitClause}`), onlyUnit ? [planId, today, limit, onlyUnit] : [planId, today, limit]);
  }

  async dashboardVersion(planId: string): Promise<string> {
    const [row] = await this.q<{ v: string }>(
      `SELECT concat_ws('|',
                (SELECT version::text FROM execution_plan_version WHERE plan_id = $1),
                (SELECT count(*)::text || ':' || COALESCE(max(updated_at)::text, '') FROM unit_report WHERE plan_id = $1),
                (SELECT count(*)::text || ':' || COALESCE(max(updated_at)::text, '') FROM consolidated_report WHERE plan_id = $1),
                (SELECT count(*)::text || ':' || COALESCE(max(GREATEST(opened_at, closed_at))::text, '') FROM report_period WHERE plan_id = $1),
                (SELECT COALESCE(sum(progress_reports), 0)::text FROM report_trend WHERE plan_id = $1)) AS v`,
      [planId],
    );
    return row?.v ?? '';
  }

  async trend(planId: string): Promise<TrendPointDto[]> {
    return this.q<TrendPointDto>(
      `SELECT to_char(week, 'YYYY-MM-DD') AS week, progress_reports AS "progressReports", completed FROM report_trend WHERE plan_id = $1 ORDER BY week`,
      [planId],
    );
  }

  async approvedReports(planId: string) {
    return this.q<{ id: string; periodLabel: string; revision: number; approvedAt: string }>(
      `SELECT c.id, rp.label AS "periodLabel", c.revision, ${ISO('c.approved_at')} AS "approvedAt"
         FROM consolidated_report c JOIN report_period rp ON rp.id = c.period_id
        WHERE c.plan_id = $1 AND c.status = 'approved' ORDER BY c.approved_at DESC`,
      [planId],
    );
  }

  async unitReportsOf(periodId: string) {
    return this.q<{ id: string; unitCode: string; unitName: string; status: never; submittedAt: string | null; onTime: boolean | null }>(
      `SELECT r.id, r.unit_code AS "unitCode", COALESCE(${UNIT_NAME('r.unit_code')}, r.unit_code) AS "unitName", r.status, ${ISO('r.submitted_at')} AS "submittedAt", r.on_time AS "onTime"
         FROM unit_report r WHERE r.period_id = $1 ORDER BY "unitName"`,
      [periodId],
    );
  }

  async unitSections(periodId: string) {
    return this.q<{ unitName: string; sections: { results: string; difficulties: string; proposals: string } }>(
      `SELECT COALESCE(${UNIT_NAME('r.unit_code')}, r.unit_code) AS "unitName", r.sections
         FROM unit_report r
        WHERE r.period_id = $1 AND r.status IN ('submitted', 'accepted')
        ORDER BY COALESCE((SELECT du.tier::int FROM directory_unit du WHERE du.code = r.unit_code LIMIT 1), 1), "unitName"`,
      [periodId],
    );
  }

  async assignmentRows(planId: string, onlyUnit: string | null) {
    return this.q<never>(
      `SELECT pa.task_ordinal AS "taskOrdinal", pa.task_section AS section, pa.task_content AS "taskContent", pa.unit_code AS "unitCode",
              COALESCE(${UNIT_NAME('pa.unit_code')}, pa.unit_code) AS "unitName", pa.role, COALESCE(w.status, 'not-started') AS status, COALESCE(w.percent, 0)::int AS percent,
              to_char(COALESCE(w.due_override, pa.task_due), 'YYYY-MM-DD') AS due, COALESCE(w.verification, 'none') AS verification, w.result
         FROM planning_assignment pa LEFT JOIN execution_work w ON w.assignment_id = pa.assignment_id
        WHERE pa.plan_id = $1 AND pa.assignment_status = 'assigned' AND NOT pa.task_removed ${onlyUnit ? 'AND pa.unit_code = $2' : ''}
        ORDER BY pa.task_ordinal, pa.role DESC, pa.unit_code`,
      onlyUnit ? [planId, onlyUnit] : [planId],
    );
  }

  async indicatorSheetRows(periodId: string, planId: string) {
    const rows = await this.q<{ numerator: unknown; denominator: unknown; value: unknown; rank: unknown } & Record<string, unknown>>(
      `SELECT iu.unit_code AS "unitCode", COALESCE(${UNIT_NAME('iu.unit_code')}, iu.unit_code) AS "unitName", i.indicator_id AS "indicatorId", i.ordinal, i.name,
              v.numerator, v.denominator, v.value, v.rank, v.evidence
         FROM (${EXPECTED_INDICATOR_UNITS_SQL}) iu
         JOIN report_expected_unit e ON e.period_id = $2 AND e.unit_code = iu.unit_code
         JOIN planning_indicator i ON i.indicator_id = iu.indicator_id
         LEFT JOIN unit_report r ON r.period_id = $2 AND r.unit_code = iu.unit_code
         LEFT JOIN indicator_value v ON v.report_id = r.id AND v.indicator_id = iu.indicator_id
        ORDER BY iu.unit_code, i.ordinal`,
      [planId, periodId],
    );
    const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
    return rows.map((r) => ({ ...r, numerator: n(r.numerator), denominator: n(r.denominator), value: n(r.value), rank: n(r.rank) })) as never;
  }

  async indicatorUnits(planId: string) {
    return this.q<{ indicatorId: string; unitCode: string }>(`SELECT DISTINCT indicator_id AS "indicatorId", unit_code AS "unitCode" FROM (${EXPECTED_INDICATOR_UNITS_SQL}) iu`, [planId]);
  }

  async portfolioPlans(provinceCode: string) {
    return this.q<never>(
      `SELECT plan_id AS "planId", plan_title AS "planTitle", plan_symbol AS "planSymbol", plan_year AS year, province_code AS "provinceCode",
              issuer_unit_code AS "issuerUnitCode", issuer_tier AS "issuerTier", drafting_unit_code AS "draftingUnitCode", focal_unit_code AS "focalUnitCode"
         FROM planning_plan WHERE province_code = $1 AND plan_status IN ('issued', 'closed') AND issuer_tier = 1 ORDER BY plan_year DESC, plan_symbol`,
      [provinceCode],
    );
  }

  async unitPlans(unitCode: string, today: string) {
    const tallies = await this.q<TallyRow>(
      `SELECT plan_id::text AS key, status, verification, ${OVERDUE('due', 'status', '$2')} AS overdue, sum(n)::int AS n, sum(percent_sum)::bigint AS psum
         FROM execution_unit_tally WHERE unit_code = $1 GROUP BY 1, 2, 3, 4`,
      [unitCode, today],
    );
    const counts = countsByKey(tallies);
    if (!counts.size) return [];
    const plans = await this.q<{ planId: string; planSymbol: string; planTitle: string }>(
      `SELECT plan_id AS "planId", plan_symbol AS "planSymbol", plan_title AS "planTitle" FROM planning_plan WHERE plan_id = ANY($1::uuid[]) ORDER BY plan_year DESC, plan_symbol`,
      [[...counts.keys()]],
    );
    return plans.map((p) => ({ ...p, counts: counts.get(p.planId) ?? emptyCounts() }));
  }

  async unitOverdue(unitCode: string, today: string, limit: number): Promise<OverdueItemDto[]> {
    return this.q<OverdueItemDto>(
      `SELECT pa.assignment_id AS "assignmentId", pa.task_id AS "taskId", pa.task_ordinal AS "taskOrdinal", pa.task_content AS "taskContent", pa.unit_code AS "unitCode",
              ${UNIT_NAME('pa.unit_code')} AS "unitName", pa.role, to_char(COALESCE(w.due_override, pa.task_due), 'YYYY-MM-DD') AS due,
              ($2::date - COALESCE(w.due_override, pa.task_due))::int AS "daysOverdue", COALESCE(w.percent, 0)::int AS percent
         FROM planning_assignment pa LEFT JOIN execution_work w ON w.assignment_id = pa.assignment_id
        WHERE pa.unit_code = $1 AND pa.assignment_status = 'assigned' AND NOT pa.task_removed AND pa.plan_status = 'issued'
          AND COALESCE(w.status, 'not-started') IN ('not-started', 'in-progress') AND COALESCE(w.due_override, pa.task_due) < $2::date
        ORDER BY COALESCE(w.due_override, pa.task_due), pa.task_ordinal LIMIT $3`,
      [unitCode, today, limit],
    );
  }

  async unitReportsByPeriod(unitCode: string) {
    return this.q<never>(
      `SELECT rp.id AS "periodId", pp.plan_symbol AS "planSymbol", rp.label AS "periodLabel", to_char(rp.due_date, 'YYYY-MM-DD') AS "dueDate",
              CASE WHEN r.id IS NULL OR (r.status = 'draft' AND r.first_submitted_at IS NULL) THEN 'missing' ELSE r.status END AS status, r.on_time AS "onTime"
         FROM report_expected_unit e JOIN report_period rp ON rp.id = e.period_id JOIN planning_plan pp ON pp.plan_id = rp.plan_id
         LEFT JOIN unit_report r ON r.period_id = e.period_id AND r.unit_code = e.unit_code
        WHERE e.unit_code = $1 ORDER BY rp.due_date DESC LIMIT 50`,
      [unitCode],
    );
  }
}

export function ratios(expected: number, submitted: number, onTime: number, accepted: number): CompletenessDto {
  const r = (x: number) => (expected ? Math.round((x / expected) * 1000) / 1000 : 1);
  return { expected, submitted, onTime, accepted, completeness: r(submitted), timeliness: r(onTime) };
}
