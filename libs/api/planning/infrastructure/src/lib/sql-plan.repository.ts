import { Injectable } from '@nestjs/common';
import { PlanRepository } from '@dieu-hanh/api/planning/application';
import { Plan, type PlanIndicator, type PlanProps, type PlanTask, planNumberTaken } from '@dieu-hanh/api/planning/domain';
import { TransactionContext, isUniqueViolation } from '@dieu-hanh/api/shared/database';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';
import { liveIndicatorsOf, liveTasksOf } from './plan-rows.sql';

/** What plan search matches, folded: "402/KH-UBND Chuyển đổi số…" is found by "402", "chuyen doi so". */
function searchText(p: Readonly<PlanProps>): string {
  return foldVietnamese([p.number ? `${p.number}/${p.symbol}` : p.symbol, p.title].join(' | '));
}

/** The due date a normalized timeframe gives, for overdue queries; null when there is none. */
function dueDateOf(t: PlanTask): string | null {
  const n = t.timeframeNormalized;
  if (!n) return null;
  return 'due' in n ? n.due : null;
}

@Injectable()
export class SqlPlanRepository extends PlanRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async find(id: string, options: { lock?: boolean } = {}): Promise<Plan | null> {
    const m = this.tx.manager();
    const rows = await m.query(
      `SELECT id, province_code AS "provinceCode", issuer_unit_code AS "issuerUnitCode", drafting_unit_code AS "draftingUnitCode",
              issuer_tier::int AS "issuerTier", focal_unit_code AS "focalUnitCode", title, symbol, number, year, status, version,
              to_char(issue_date, 'YYYY-MM-DD') AS "issueDate", review_comments AS "reviewComments", document,
              parent_plan_id AS "parentPlanId", amendment_count AS "amendmentCount"
         FROM plan WHERE id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!rows.length) return null;
    const [tasks, indicators] = await Promise.all([liveTasksOf<PlanTask>(m, id), liveIndicatorsOf<PlanIndicator>(m, id)]);
    const { document, ...plan } = rows[0];
    return Plan.restore({
      ...plan,
      document: { theme: null, legalBases: [], purposes: [], directingLeaders: [], reportingDuties: [], sections: [], ...document },
      tasks,
      indicators,
    } as PlanProps);
  }

  async insert(plan: Plan): Promise<void> {
    const p = plan.snapshot();
    await this.tx.manager().query(
      `INSERT INTO plan (id, province_code, issuer_unit_code, drafting_unit_code, issuer_tier, focal_unit_code, title, symbol, number, year,
                         status, version, issue_date, review_comments, document, parent_plan_id, amendment_count, search_text)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::jsonb,$15::jsonb,$16,$17,$18)`,
      [p.id, p.provinceCode, p.issuerUnitCode, p.draftingUnitCode, p.issuerTier, p.focalUnitCode, p.title, p.symbol, p.number, p.year,
        p.status, p.version, p.issueDate, JSON.stringify(p.reviewComments), JSON.stringify(p.document), p.parentPlanId, p.amendmentCount, searchText(p)],
    );
    await this.writeTasks(plan);
    await this.writeIndicators(plan);
  }

  async update(plan: Plan, expectedVersion: number, options: { content?: 'replace' | 'amend' } = {}): Promise<boolean> {
    const p = plan.snapshot();
    try {
      const result = await this.tx.manager().query(
        `UPDATE plan SET focal_unit_code = $3, title = $4, symbol = $5, number = $6, year = $7, status = $8, version = $9,
                         issue_date = $10, review_comments = $11::jsonb, document = $12::jsonb, amendment_count = $13, search_text = $14,
                         updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING id`,
        [p.id, expectedVersion, p.focalUnitCode, p.title, p.symbol, p.number, p.year, p.status, p.version, p.issueDate,
          JSON.stringify(p.reviewComments), JSON.stringify(p.document), p.amendmentCount, searchText(p)],
      );
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const rows = Array.isArray(result[0]) ? result[0] : result;
      if (rows.length === 0) return false;
    } catch (error) {
      if (isUniqueViolation(error, 'plan_number_unique') && p.number) throw planNumberTaken(p.number, p.year);
      throw error;
    }
    const m = this.tx.manager();
    if (options.content === 'replace') {
      // A draft's rows have no history and nothing points at them yet: rewrite them.
      await m.query(`DELETE FROM plan_task WHERE plan_id = $1`, [p.id]);
      await m.query(`DELETE FROM plan_indicator WHERE plan_id = $1`, [p.id]);
      await this.writeTasks(plan);
      await this.writeIndicators(plan);
    } else if (options.content === 'amend') {
      // An issued plan's rows are history and assignments point at them: removed rows are marked, kept
      // rows updated in place, new rows added. Ordinals move, so clear them first (unique among live rows).
      const taskIds = p.tasks.map((t) => t.id);
      const indicatorIds = p.indicators.map((i) => i.id);
      await m.query(`UPDATE plan_task SET removed_at = now() WHERE plan_id = $1 AND removed_at IS NULL AND NOT (id = ANY($2::uuid[]))`, [p.id, taskIds]);
      await m.query(`UPDATE plan_task SET ordinal = -ordinal WHERE plan_id = $1 AND removed_at IS NULL`, [p.id]);
      await m.query(`UPDATE plan_indicator SET removed_at = now() WHERE plan_id = $1 AND removed_at IS NULL AND NOT (id = ANY($2::uuid[]))`, [p.id, indicatorIds]);
      await m.query(`UPDATE plan_indicator SET ordinal = -ordinal WHERE plan_id = $1 AND removed_at IS NULL`, [p.id]);
      await this.writeTasks(plan, true);
      await this.writeIndicators(plan, true);
    }
    return true;
  }

  async numberTaken(issuerUnitCode: string, year: number, number: number, exceptPlanId: string): Promise<boolean> {
    const rows = await this.tx.manager().query(`SELECT 1 FROM plan WHERE issuer_unit_code = $1 AND year = $2 AND number = $3 AND id <> $4`, [issuerUnitCode, year, number, exceptPlanId]);
    return rows.length > 0;
  }

  async issuedPlansWithFocal(unitCode: string): Promise<string[]> {
    const rows: { id: string }[] = await this.tx.manager().query(`SELECT id FROM plan WHERE focal_unit_code = $1 AND status = 'issued'`, [unitCode]);
    return rows.map((r) => r.id);
  }

  async planTitles(planIds: string[]): Promise<Record<string, string>> {
    const rows: { id: string; title: string }[] = await this.tx.manager().query(`SELECT id, title FROM plan WHERE id = ANY($1::uuid[])`, [planIds]);
    return Object.fromEntries(rows.map((r) => [r.id, r.title]));
  }

  async parentOf(planId: string): Promise<{ id: string; status: string; provinceCode: string; taskIds: string[] } | null> {
    const rows = await this.tx.manager().query(
      `SELECT p.id, p.status, p.province_code AS "provinceCode",
              coalesce(array_agg(t.id::text) FILTER (WHERE t.id IS NOT NULL), '{}') AS "taskIds"
         FROM plan p LEFT JOIN plan_task t ON t.plan_id = p.id AND t.removed_at IS NULL
        WHERE p.id = $1 GROUP BY p.id`,
      [planId],
    );
    return rows[0] ?? null;
  }

  private async writeTasks(plan: Plan, upsert = false): Promise<void> {
    const t = plan.snapshot().tasks;
    if (!t.length) return;
    await this.tx.manager().query(
      `INSERT INTO plan_task (id, plan_id, parent_task_id, ordinal, section, content, expected_result, directing_leader, timeframe,
                              timeframe_normalized, due_date, notes, leads, coordinators)
       SELECT id, $1, parent_task_id, ordinal, section, content, expected_result, directing_leader, timeframe,
              timeframe_normalized, due_date, notes, leads, coordinators
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, parent_task_id uuid, ordinal int, section text, content text, expected_result text,
              directing_leader text, timeframe text, timeframe_normalized jsonb, due_date date, notes text, leads jsonb, coordinators jsonb)
       ${upsert ? `ON CONFLICT (id) DO UPDATE SET ordinal = EXCLUDED.ordinal, section = EXCLUDED.section, content = EXCLUDED.content,
              expected_result = EXCLUDED.expected_result, directing_leader = EXCLUDED.directing_leader, timeframe = EXCLUDED.timeframe,
              timeframe_normalized = EXCLUDED.timeframe_normalized, due_date = EXCLUDED.due_date, notes = EXCLUDED.notes,
              leads = EXCLUDED.leads, coordinators = EXCLUDED.coordinators` : ''}`,
      [
        plan.id,
        JSON.stringify(
          t.map((x) => ({
            id: x.id,
            parent_task_id: x.parentTaskId,
            ordinal: x.ordinal,
            section: x.section,
            content: x.content,
            expected_result: x.expectedResult,
            directing_leader: x.directingLeader,
            timeframe: x.timeframe,
            timeframe_normalized: x.timeframeNormalized,
            due_date: dueDateOf(x),
            notes: x.notes,
            leads: x.leads,
            coordinators: x.coordinators,
          })),
        ),
      ],
    );
  }

  private async writeIndicators(plan: Plan, upsert = false): Promise<void> {
    const list = plan.snapshot().indicators;
    if (!list.length) return;
    await this.tx.manager().query(
      `INSERT INTO plan_indicator (id, plan_id, ordinal, section, name, targets, directing_leader, focal, implementing, coordinators)
       SELECT id, $1, ordinal, section, name, targets, directing_leader, focal, implementing, coordinators
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, ordinal int, section text, name text, targets jsonb, directing_leader text,
              focal jsonb, implementing jsonb, coordinators jsonb)
       ${upsert ? `ON CONFLICT (id) DO UPDATE SET ordinal = EXCLUDED.ordinal, section = EXCLUDED.section, name = EXCLUDED.name,
              targets = EXCLUDED.targets, directing_leader = EXCLUDED.directing_leader, focal = EXCLUDED.focal,
              implementing = EXCLUDED.implementing, coordinators = EXCLUDED.coordinators` : ''}`,
      [
        plan.id,
        JSON.stringify(
          list.map((x) => ({
            id: x.id,
            ordinal: x.ordinal,
            section: x.section,
            name: x.name,
            targets: x.targets,
            directing_leader: x.directingLeader,
            focal: x.focal,
            implementing: x.implementing,
            coordinators: x.coordinators,
          })),
        ),
      ],
    );
  }
}
