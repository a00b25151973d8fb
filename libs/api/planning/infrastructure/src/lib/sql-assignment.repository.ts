import { Injectable } from '@nestjs/common';
import { AssignmentRepository } from '@dieu-hanh/api/planning/application';
import {
  Assignment,
  type AssignmentProps,
  assignmentsChangedMeanwhile,
} from '@dieu-hanh/api/planning/domain';
import { TransactionContext, isUniqueViolation } from '@dieu-hanh/api/shared/database';

const COLUMNS = `a.id, a.plan_id AS "planId", a.task_id AS "taskId", a.unit_code AS "unitCode", a.role, a.via_group AS "viaGroup", a.succeeds, a.status`;

/**
 * Assignments in PostgreSQL, set-based: whatever a command made is one INSERT over unnest() (a fan-out
 * of 402/KH-UBND is some 13,000 rows in one statement) and whatever it changed one UPDATE.
 */
@Injectable()
export class SqlAssignmentRepository extends AssignmentRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async ofPlan(planId: string): Promise<Assignment[]> {
    const rows: AssignmentProps[] = await this.tx
      .manager()
      .query(`SELECT ${COLUMNS} FROM assignment a WHERE a.plan_id = $1`, [planId]);
    return rows.map((r) => Assignment.restore(r));
  }

  async ofUnitInIssuedPlans(
    unitCode: string,
    options: { withWithdrawn?: boolean } = {},
  ): Promise<Assignment[]> {
    const rows: AssignmentProps[] = await this.tx.manager().query(
      `SELECT ${COLUMNS}
         FROM assignment a JOIN plan p ON p.id = a.plan_id AND p.status = 'issued'
        WHERE a.unit_code = $1 ${options.withWithdrawn ? '' : `AND a.status = 'assigned'`}
        FOR UPDATE OF a`,
      [unitCode],
    );
    return rows.map((r) => Assignment.restore(r));
  }

  async save(list: readonly Assignment[]): Promise<void> {
    // An assignment listed twice by a command is written once.
    const assignments = [...new Set(list)];
    const inserts = assignments.filter((a) => a.pendingWrite === 'insert').map((a) => a.snapshot());
    const updates = assignments.filter((a) => a.pendingWrite === 'update').map((a) => a.snapshot());
    const m = this.tx.manager();
    if (inserts.length) {
      await m
        .query(
          `INSERT INTO assignment (id, plan_id, task_id, unit_code, role, via_group, succeeds, status)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
          [
            inserts.map((a) => a.id),
            inserts.map((a) => a.planId),
            inserts.map((a) => a.taskId),
            inserts.map((a) => a.unitCode),
            inserts.map((a) => a.role),
            inserts.map((a) => a.viaGroup),
            inserts.map((a) => a.succeeds),
            inserts.map((a) => a.status),
          ],
        )
        .catch((error: unknown) => {
          // One assignment per unit and task: another transaction made this one since we read the task's.
          if (isUniqueViolation(error, 'assignment_task_id_unit_code_key'))
            throw assignmentsChangedMeanwhile();
          throw error;
        });
    }
    if (updates.length) {
      await m.query(
        `UPDATE assignment a SET role = c.role, via_group = c.via_group, succeeds = c.succeeds, status = c.status, updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS c(id, role, via_group, succeeds, status)
          WHERE a.id = c.id`,
        [
          updates.map((a) => a.id),
          updates.map((a) => a.role),
          updates.map((a) => a.viaGroup),
          updates.map((a) => a.succeeds),
          updates.map((a) => a.status),
        ],
      );
    }
    for (const a of assignments) a.markSaved();
  }

  async unitHoldsAssignment(planId: string, unitCode: string): Promise<boolean> {
    const rows = await this.tx
      .manager()
      .query(
        `SELECT 1 FROM assignment WHERE plan_id = $1 AND unit_code = $2 AND status = 'assigned' LIMIT 1`,
        [planId, unitCode],
      );
    return rows.length > 0;
  }

  async unitsWithWorkInForce(): Promise<string[]> {
    const rows: { code: string }[] = await this.tx.manager().query(
      `SELECT DISTINCT a.unit_code AS code FROM assignment a JOIN plan p ON p.id = a.plan_id AND p.status = 'issued' WHERE a.status = 'assigned'
       UNION SELECT focal_unit_code FROM plan WHERE status = 'issued' AND focal_unit_code IS NOT NULL`,
    );
    return rows.map((r) => r.code);
  }
}
