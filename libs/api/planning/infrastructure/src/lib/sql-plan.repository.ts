import { Injectable } from '@nestjs/common';
import { PlanRepository } from '@dieu-hanh/api/planning/application';
import { Plan, type PlanProps, type PlannedAssignment, planNumberTaken } from '@dieu-hanh/api/planning/domain';
import { TransactionContext, isUniqueViolation } from '@dieu-hanh/api/shared/database';

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
              to_char(issue_date, 'YYYY-MM-DD') AS "issueDate", review_comments AS "reviewComments"
         FROM plan WHERE id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!rows.length) return null;
    const tasks = await m.query(
      `SELECT id, ordinal, section, content, expected_result AS "expectedResult", directing_leader AS "directingLeader",
              timeframe, leads, coordinators
         FROM plan_task WHERE plan_id = $1 ORDER BY ordinal`,
      [id],
    );
    return Plan.restore({ ...rows[0], tasks } as PlanProps);
  }

  async insert(plan: Plan): Promise<void> {
    const p = plan.snapshot();
    await this.tx.manager().query(
      `INSERT INTO plan (id, province_code, issuer_unit_code, drafting_unit_code, issuer_tier, focal_unit_code, title, symbol, number, year, status, version, issue_date, review_comments)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::jsonb)`,
      [p.id, p.provinceCode, p.issuerUnitCode, p.draftingUnitCode, p.issuerTier, p.focalUnitCode, p.title, p.symbol, p.number, p.year, p.status, p.version, p.issueDate, JSON.stringify(p.reviewComments)],
    );
    await this.writeTasks(plan);
  }

  async update(plan: Plan, expectedVersion: number): Promise<boolean> {
    const p = plan.snapshot();
    try {
      const result = await this.tx.manager().query(
        `UPDATE plan SET focal_unit_code = $3, title = $4, symbol = $5, number = $6, year = $7, status = $8, version = $9,
                         issue_date = $10, review_comments = $11::jsonb, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING id`,
        [p.id, expectedVersion, p.focalUnitCode, p.title, p.symbol, p.number, p.year, p.status, p.version, p.issueDate, JSON.stringify(p.reviewComments)],
      );
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const rows = Array.isArray(result[0]) ? result[0] : result;
      if (rows.length === 0) return false;
    } catch (error) {
      if (isUniqueViolation(error, 'plan_number_unique') && p.number) throw planNumberTaken(p.number, p.year);
      throw error;
    }
    if (p.status === 'draft' || p.status === 'returned') {
      await this.tx.manager().query(`DELETE FROM plan_task WHERE plan_id = $1`, [p.id]);
      await this.writeTasks(plan);
    }
    return true;
  }

  async numberTaken(issuerUnitCode: string, year: number, number: number, exceptPlanId: string): Promise<boolean> {
    const rows = await this.tx.manager().query(`SELECT 1 FROM plan WHERE issuer_unit_code = $1 AND year = $2 AND number = $3 AND id <> $4`, [issuerUnitCode, year, number, exceptPlanId]);
    return rows.length > 0;
  }

  async insertAssignments(planId: string, a: PlannedAssignment[]): Promise<number> {
    if (!a.length) return 0;
    await this.tx.manager().query(
      `INSERT INTO assignment (plan_id, task_id, unit_code, role, via_group, succeeds)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [planId, a.map((x) => x.taskId), a.map((x) => x.unitCode), a.map((x) => x.role), a.map((x) => x.viaGroup), a.map((x) => x.succeeds)],
    );
    return a.length;
  }

  private async writeTasks(plan: Plan): Promise<void> {
    const t = plan.snapshot().tasks;
    if (!t.length) return;
    await this.tx.manager().query(
      `INSERT INTO plan_task (id, plan_id, ordinal, section, content, expected_result, directing_leader, timeframe, leads, coordinators)
       SELECT id, $1, ordinal, section, content, expected_result, directing_leader, timeframe, leads, coordinators
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, ordinal int, section text, content text, expected_result text, directing_leader text, timeframe text, leads jsonb, coordinators jsonb)`,
      [
        plan.id,
        JSON.stringify(
          t.map((x) => ({ id: x.id, ordinal: x.ordinal, section: x.section, content: x.content, expected_result: x.expectedResult, directing_leader: x.directingLeader, timeframe: x.timeframe, leads: x.leads, coordinators: x.coordinators })),
        ),
      ],
    );
  }
}
