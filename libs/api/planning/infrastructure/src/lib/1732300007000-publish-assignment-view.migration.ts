import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Planning publishes `planning_assignment`: one row per assignment with its plan's and task's facts,
 * read-only, for execution and reporting (which never name `plan`, `plan_task` or `assignment`).
 * Stable columns; add, never rename. `plan_symbol` is the plan's number and symbol as written
 * ("402/KH-UBND"); `task_due` the task's normalised due date; `task_removed` a task an amendment removed.
 */
export class PublishAssignmentView1732300007000 implements MigrationInterface {
  name = 'PublishAssignmentView1732300007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW planning_assignment AS
        SELECT a.id                  AS assignment_id,
               a.plan_id             AS plan_id,
               a.task_id             AS task_id,
               a.unit_code           AS unit_code,
               a.role                AS role,
               a.status              AS assignment_status,
               a.via_group           AS via_group,
               p.province_code       AS province_code,
               p.title               AS plan_title,
               CASE WHEN p.number IS NULL THEN p.symbol ELSE p.number::text || '/' || p.symbol END AS plan_symbol,
               p.status              AS plan_status,
               p.year                AS plan_year,
               p.issuer_unit_code    AS issuer_unit_code,
               p.issuer_tier::int    AS issuer_tier,
               p.drafting_unit_code  AS drafting_unit_code,
               p.focal_unit_code     AS focal_unit_code,
               p.parent_plan_id      AS parent_plan_id,
               t.ordinal             AS task_ordinal,
               t.section             AS task_section,
               t.content             AS task_content,
               t.expected_result     AS task_expected_result,
               t.directing_leader    AS directing_leader,
               t.timeframe           AS timeframe,
               t.due_date            AS task_due,
               (t.removed_at IS NOT NULL) AS task_removed
          FROM assignment a
          JOIN plan p ON p.id = a.plan_id
          JOIN plan_task t ON t.id = a.task_id`);
    await q.query(`COMMENT ON VIEW planning_assignment IS 'Published by the planning context: read-only, stable columns.'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW planning_assignment`);
  }
}
