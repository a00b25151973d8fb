import { Injectable } from '@nestjs/common';
import { type ExportJobProps, type IndicatorFacts, type PlanFacts, ReportingStore, type UnitFacts } from '@dieu-hanh/api/reporting/application';
import { type ConsolidatedReportProps, type ReportingPeriodProps, type UnitReportProps, indicatorKind } from '@dieu-hanh/api/reporting/domain';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import { parseIndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';
import { EXPECTED_UNITS_SQL, INDICATORS_OF_UNIT_SQL, PLAN_FACTS_SQL, UNIT_FACTS_SQL } from '../read/reporting-facts.sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lockClause = (o?: { lock?: boolean }) => (o?.lock ? ' FOR UPDATE' : '');
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const PERIOD_COLUMNS = `rp.id, rp.plan_id AS "planId", pp.plan_title AS "planTitle", rp.province_code AS "provinceCode", rp.kind, rp.period_key AS "periodKey", rp.label,
  to_char(rp.start_date, 'YYYY-MM-DD') AS "startDate", to_char(rp.end_date, 'YYYY-MM-DD') AS "endDate", to_char(rp.due_date, 'YYYY-MM-DD') AS "dueDate",
  rp.status, rp.requires_unit_approval AS "requiresUnitApproval", rp.focal_unit_code AS "focalUnitCode", rp.opened_at AS "openedAt", rp.opened_by AS "openedBy", rp.closed_at AS "closedAt"`;

const UNIT_REPORT_COLUMNS = `r.id, r.period_id AS "periodId", r.plan_id AS "planId", r.province_code AS "provinceCode", r.unit_code AS "unitCode", r.revision, r.version, r.status,
  r.sections, r.task_notes AS "taskNotes", r.snapshot, r.first_submitted_at AS "firstSubmittedAt", r.submitted_at AS "submittedAt", r.on_time AS "onTime",
  r.return_reason AS "returnReason", r.revision_reason AS "revisionReason", r.accepted_at AS "acceptedAt", r.updated_at AS "updatedAt", r.updated_by AS "updatedBy",
  COALESCE((SELECT jsonb_agg(jsonb_build_object('indicatorId', v.indicator_id, 'numerator', v.numerator, 'denominator', v.denominator, 'value', v.value, 'rank', v.rank, 'evidence', v.evidence))
              FROM indicator_value v WHERE v.report_id = r.id), '[]'::jsonb) AS "values"`;

const CONSOLIDATED_COLUMNS = `c.id, c.period_id AS "periodId", c.plan_id AS "planId", c.province_code AS "provinceCode", c.focal_unit_code AS "focalUnitCode", c.revision, c.version,
  c.status, c.sections, c.document, c.composition, c.return_reason AS "returnReason", c.revision_reason AS "revisionReason", c.submitted_at AS "submittedAt",
  c.approved_at AS "approvedAt", c.updated_at AS "updatedAt", c.updated_by AS "updatedBy"`;

/** Reporting's writes, in the unit of work's transaction; its reads of other contexts go through their published views. */
@Injectable()
export class SqlReportingStore extends ReportingStore {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  private q<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.tx.manager().query(sql, params);
  }

  async plan(planId: string): Promise<PlanFacts | null> {
    if (!UUID.test(planId)) return null;
    return (await this.q<PlanFacts>(PLAN_FACTS_SQL, [planId]))[0] ?? null;
  }

  async unit(unitCode: string): Promise<UnitFacts | null> {
    return (await this.q<UnitFacts>(UNIT_FACTS_SQL, [unitCode]))[0] ?? null;
  }

  async expectedUnits(planId: string): Promise<string[]> {
    return (await this.q<{ unit_code: string }>(EXPECTED_UNITS_SQL, [planId])).map((r) => r.unit_code);
  }

  async isExpected(periodId: string, unitCode: string): Promise<boolean> {
    return (await this.q(`SELECT 1 FROM report_expected_unit WHERE period_id = $1 AND unit_code = $2`, [periodId, unitCode])).length > 0;
  }

  async expectedOf(periodId: string): Promise<string[]> {
    return (await this.q<{ unit_code: string }>(`SELECT unit_code FROM report_expected_unit WHERE period_id = $1`, [periodId])).map((r) => r.unit_code);
  }

  async addExpected(periodId: string, unitCodes: string[]): Promise<void> {
    if (!unitCodes.length) return;
    await this.q(`INSERT INTO report_expected_unit (period_id, unit_code) SELECT $1, u FROM unnest($2::text[]) u ON CONFLICT DO NOTHING`, [periodId, unitCodes]);
  }

  private facts(rows: { indicatorId: string; ordinal: number; section: string | null; name: string; targets: { year: number; text: string }[] }[], year: number): IndicatorFacts[] {
    return rows.map((r) => {
      const targetText = r.targets.find((t) => t.year === year)?.text ?? r.targets[r.targets.length - 1]?.text ?? null;
      return { indicatorId: r.indicatorId, ordinal: r.ordinal, section: r.section, name: r.name, targetText, kind: indicatorKind(r.name, targetText ? parseIndicatorTarget(targetText) : null) };
    });
  }

  async indicatorsFor(planId: string, unitCode: string, year: number): Promise<IndicatorFacts[]> {
    return this.facts(await this.q(INDICATORS_OF_UNIT_SQL, [planId, unitCode]), year);
  }

  async indicatorsOf(planId: string, year: number): Promise<IndicatorFacts[]> {
    return this.facts(
      await this.q(`SELECT indicator_id AS "indicatorId", ordinal, section, name, targets FROM planning_indicator WHERE plan_id = $1 AND NOT removed ORDER BY ordinal`, [planId]),
      year,
    );
  }

  async plansWithDuties(): Promise<PlanFacts[]> {
    return this.q<PlanFacts>(`${PLAN_FACTS_SQL.replace('WHERE plan_id = $1', "WHERE plan_status = 'issued' AND jsonb_array_length(reporting_duties) > 0")}`);
  }

  async periodsToRemind(today: string, days: number[]): Promise<{ periodId: string; daysLeft: number }[]> {
    return this.q(
      `SELECT rp.id AS "periodId", (rp.due_date - $1::date)::int AS "daysLeft"
         FROM report_period rp
        WHERE rp.status = 'open' AND (rp.due_date - $1::date) = ANY($2::int[])
          AND NOT EXISTS (SELECT 1 FROM report_reminder m WHERE m.period_id = rp.id AND m.days_left = (rp.due_date - $1::date))`,
      [today, days],
    );
  }

  async markReminded(periodId: string, daysLeft: number, at: Date): Promise<boolean> {
    const rows = await this.q(
      `WITH sent AS (INSERT INTO report_reminder (period_id, days_left, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING period_id) SELECT period_id FROM sent`,
      [periodId, daysLeft, at],
    );
    return rows.length > 0;
  }

  async period(id: string, o?: { lock?: boolean }): Promise<ReportingPeriodProps | null> {
    if (!UUID.test(id)) return null;
    const rows = await this.q<ReportingPeriodProps>(`SELECT ${PERIOD_COLUMNS} FROM report_period rp JOIN planning_plan pp ON pp.plan_id = rp.plan_id WHERE rp.id = $1${o?.lock ? ' FOR UPDATE OF rp' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async periodByKey(planId: string, key: string): Promise<ReportingPeriodProps | null> {
    const rows = await this.q<ReportingPeriodProps>(`SELECT ${PERIOD_COLUMNS} FROM report_period rp JOIN planning_plan pp ON pp.plan_id = rp.plan_id WHERE rp.plan_id = $1 AND rp.period_key = $2`, [planId, key]);
    return rows[0] ?? null;
  }

  async insertPeriod(p: ReportingPeriodProps): Promise<void> {
    await this.q(
      `INSERT INTO report_period (id, plan_id, province_code, kind, period_key, label, start_date, end_date, due_date, status, requires_unit_approval, focal_unit_code, opened_at, opened_by, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::date, $9::date, $10, $11, $12, $13, $14, $15)`,
      [p.id, p.planId, p.provinceCode, p.kind, p.periodKey, p.label, p.startDate, p.endDate, p.dueDate, p.status, p.requiresUnitApproval, p.focalUnitCode, p.openedAt, p.openedBy, p.closedAt],
    );
  }

  async updatePeriod(p: ReportingPeriodProps): Promise<void> {
    await this.q(`UPDATE report_period SET status = $2, closed_at = $3 WHERE id = $1`, [p.id, p.status, p.closedAt]);
  }

  async recordUrges(periodId: string, unitCodes: string[], at: Date, by: string): Promise<void> {
    await this.q(
      `INSERT INTO report_urge (period_id, unit_code, urged_at, urged_by) SELECT $1, u, $3, $4 FROM unnest($2::text[]) u
       ON CONFLICT (period_id, unit_code) DO UPDATE SET urged_at = EXCLUDED.urged_at, urged_by = EXCLUDED.urged_by`,
      [periodId, unitCodes, at, by],
    );
  }

  async missingUnits(periodId: string): Promise<string[]> {
    const rows = await this.q<{ unit_code: string }>(
      `SELECT e.unit_code FROM report_expected_unit e
        LEFT JOIN unit_report r ON r.period_id = e.period_id AND r.unit_code = e.unit_code
        WHERE e.period_id = $1 AND (r.id IS NULL OR r.status IN ('draft', 'returned'))
        ORDER BY e.unit_code`,
      [periodId],
    );
    return rows.map((r) => r.unit_code);
  }

  private unitReportRow(r: UnitReportProps & { values: { indicatorId: string; numerator: unknown; denominator: unknown; value: unknown; rank: unknown; evidence: string | null }[] }): UnitReportProps {
    return { ...r, values: r.values.map((v) => ({ indicatorId: v.indicatorId, numerator: num(v.numerator), denominator: num(v.denominator), value: num(v.value), rank: num(v.rank), evidence: v.evidence })) };
  }

  async unitReport(id: string, o?: { lock?: boolean }): Promise<UnitReportProps | null> {
    if (!UUID.test(id)) return null;
    const rows = await this.q<UnitReportProps & { values: never[] }>(`SELECT ${UNIT_REPORT_COLUMNS} FROM unit_report r WHERE r.id = $1${lockClause(o)}`, [id]);
    return rows[0] ? this.unitReportRow(rows[0]) : null;
  }

  async unitReportOf(periodId: string, unitCode: string, o?: { lock?: boolean }): Promise<UnitReportProps | null> {
    const rows = await this.q<UnitReportProps & { values: never[] }>(`SELECT ${UNIT_REPORT_COLUMNS} FROM unit_report r WHERE r.period_id = $1 AND r.unit_code = $2${lockClause(o)}`, [periodId, unitCode]);
    return rows[0] ? this.unitReportRow(rows[0]) : null;
  }

  async saveUnitReport(r: UnitReportProps, isNew: boolean): Promise<void> {
    const params = [
      r.id, r.periodId, r.planId, r.provinceCode, r.unitCode, r.revision, r.version, r.status, JSON.stringify(r.sections), JSON.stringify(r.taskNotes),
      r.snapshot === null ? null : JSON.stringify(r.snapshot), r.firstSubmittedAt, r.submittedAt, r.onTime, r.returnReason, r.revisionReason, r.acceptedAt, r.updatedAt, r.updatedBy,
    ];
    if (isNew) {
      await this.q(
        `INSERT INTO unit_report (id, period_id, plan_id, province_code, unit_code, revision, version, status, sections, task_notes, snapshot, first_submitted_at, submitted_at,
                                  on_time, return_reason, revision_reason, accepted_at, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16, $17, $18, $19)`,
        params,
      );
    } else {
      await this.q(
        `UPDATE unit_report SET revision = $6, version = $7, status = $8, sections = $9::jsonb, task_notes = $10::jsonb, snapshot = $11::jsonb, first_submitted_at = $12,
                submitted_at = $13, on_time = $14, return_reason = $15, revision_reason = $16, accepted_at = $17, updated_at = $18, updated_by = $19
          WHERE id = $1 AND period_id = $2 AND plan_id = $3 AND province_code = $4 AND unit_code = $5`,
        params,
      );
      await this.q(`DELETE FROM indicator_value WHERE report_id = $1`, [r.id]);
    }
    if (r.values.length) {
      await this.q(
        `INSERT INTO indicator_value (report_id, period_id, unit_code, indicator_id, numerator, denominator, value, rank, evidence)
         SELECT $1, $2, $3, x."indicatorId", x.numerator, x.denominator, x.value, x.rank, x.evidence
           FROM jsonb_to_recordset($4::jsonb) AS x("indicatorId" uuid, numerator numeric, denominator numeric, value numeric, rank int, evidence text)`,
        [r.id, r.periodId, r.unitCode, JSON.stringify(r.values)],
      );
    }
  }

  async archiveRevision(reportId: string, kind: 'unit' | 'consolidated', revision: number, content: unknown, at: Date): Promise<void> {
    await this.q(`INSERT INTO report_revision (report_id, kind, revision, content, archived_at) VALUES ($1, $2, $3, $4::jsonb, $5)`, [reportId, kind, revision, JSON.stringify(content), at]);
  }

  async consolidated(id: string, o?: { lock?: boolean }): Promise<ConsolidatedReportProps | null> {
    if (!UUID.test(id)) return null;
    return (await this.q<ConsolidatedReportProps>(`SELECT ${CONSOLIDATED_COLUMNS} FROM consolidated_report c WHERE c.id = $1${lockClause(o)}`, [id]))[0] ?? null;
  }

  async consolidatedOf(periodId: string, o?: { lock?: boolean }): Promise<ConsolidatedReportProps | null> {
    return (await this.q<ConsolidatedReportProps>(`SELECT ${CONSOLIDATED_COLUMNS} FROM consolidated_report c WHERE c.period_id = $1${lockClause(o)}`, [periodId]))[0] ?? null;
  }

  async saveConsolidated(c: ConsolidatedReportProps, isNew: boolean): Promise<void> {
    const params = [
      c.id, c.periodId, c.planId, c.provinceCode, c.focalUnitCode, c.revision, c.version, c.status, JSON.stringify(c.sections), JSON.stringify(c.document),
      c.composition === null ? null : JSON.stringify(c.composition), c.returnReason, c.revisionReason, c.submittedAt, c.approvedAt, c.updatedAt, c.updatedBy,
    ];
    if (isNew)
      await this.q(
        `INSERT INTO consolidated_report (id, period_id, plan_id, province_code, focal_unit_code, revision, version, status, sections, document, composition, return_reason,
                                          revision_reason, submitted_at, approved_at, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16, $17)`,
        params,
      );
    else
      await this.q(
        `UPDATE consolidated_report SET revision = $6, version = $7, status = $8, sections = $9::jsonb, document = $10::jsonb, composition = $11::jsonb, return_reason = $12,
                revision_reason = $13, submitted_at = $14, approved_at = $15, updated_at = $16, updated_by = $17
          WHERE id = $1 AND period_id = $2 AND plan_id = $3 AND province_code = $4 AND focal_unit_code = $5`,
        params,
      );
  }

  async insertExport(j: ExportJobProps): Promise<void> {
    await this.q(
      `INSERT INTO export_job (id, subject, subject_id, format, status, progress, requested_by, scope, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
      [j.id, j.subject, j.subjectId, j.format, j.status, j.progress, j.requestedBy, JSON.stringify(j.scope), j.createdAt],
    );
  }

  async exportJob(id: string): Promise<ExportJobProps | null> {
    if (!UUID.test(id)) return null;
    const rows = await this.q<ExportJobProps>(
      `SELECT id, subject, subject_id AS "subjectId", format, status, progress, requested_by AS "requestedBy", scope, file_name AS "fileName", media_type AS "mediaType",
              size, error, created_at AS "createdAt", finished_at AS "finishedAt" FROM export_job WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async claimExport(now: Date): Promise<ExportJobProps | null> {
    const rows = await this.q<{ id: string }>(
      `WITH claimed AS (
         UPDATE export_job SET status = 'running', started_at = $1, progress = 5
          WHERE id = (SELECT id FROM export_job WHERE status = 'queued' ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
          RETURNING id)
       SELECT id FROM claimed`,
      [now],
    );
    return rows[0] ? this.exportJob(rows[0].id) : null;
  }

  async exportProgress(id: string, progress: number): Promise<void> {
    await this.q(`UPDATE export_job SET progress = $2 WHERE id = $1 AND status = 'running'`, [id, Math.max(0, Math.min(99, Math.round(progress)))]);
  }

  async finishExport(id: string, f: { fileName: string; mediaType: string; content: Buffer }, now: Date): Promise<void> {
    await this.q(`UPDATE export_job SET status = 'done', progress = 100, file_name = $2, media_type = $3, content = $4, size = $5, finished_at = $6 WHERE id = $1`, [
      id, f.fileName, f.mediaType, f.content, f.content.length, now,
    ]);
  }

  async failExport(id: string, error: { vi: string; en: string }, now: Date): Promise<void> {
    await this.q(`UPDATE export_job SET status = 'failed', error = $2::jsonb, finished_at = $3 WHERE id = $1`, [id, JSON.stringify(error), now]);
  }

  async exportFile(id: string): Promise<{ fileName: string; mediaType: string; content: Buffer } | null> {
    if (!UUID.test(id)) return null;
    const rows = await this.q<{ fileName: string; mediaType: string; content: Buffer }>(
      `SELECT file_name AS "fileName", media_type AS "mediaType", content FROM export_job WHERE id = $1 AND status = 'done'`,
      [id],
    );
    return rows[0] ?? null;
  }

  async tidyExports(now: Date): Promise<void> {
    await this.q(`UPDATE export_job SET status = 'queued', progress = 0 WHERE status = 'running' AND started_at < $1::timestamptz - interval '10 minutes'`, [now]);
    await this.q(`DELETE FROM export_job WHERE finished_at < $1::timestamptz - interval '1 day'`, [now]);
  }
}
