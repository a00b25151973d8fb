import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Execution publishes, read-only, what reporting writes its reports and dashboards from (stable columns;
 * add, never rename):
 * - `execution_work`: an assignment's work as its holder last reported it (status, percent, result, note,
 *   verification, the due date an extension set), with its evidence count and its obstacles still standing;
 * - `execution_work_tally_item`: each counted assignment of the progress tallies (plan, task, unit, role,
 *   status, verification, due in force — 'infinity' when none — percent), for overdue lists;
 * - `execution_unit_tally` / `execution_task_tally`: the tallies per (plan, unit | task, role, status,
 *   verification, due): counts and percent sums, so a dashboard reads no assignment row.
 */
export class PublishWorkViews1732300008010 implements MigrationInterface {
  name = 'PublishWorkViews1732300008010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW execution_work AS
        SELECT w.assignment_id, w.plan_id, w.task_id, w.unit_code, w.status, w.percent, w.result, w.note,
               w.verification, w.due_override, w.updated_at, w.version,
               (SELECT count(*)::int FROM evidence_file e WHERE e.assignment_id = w.assignment_id) AS evidence_count,
               ARRAY(SELECT o.description FROM obstacle o WHERE o.assignment_id = w.assignment_id ORDER BY o.raised_at) AS obstacles
          FROM work_state w`);
    await q.query(`
      CREATE VIEW execution_work_tally_item AS
        SELECT assignment_id, plan_id, task_id, unit_code, role, status, verification, due, percent FROM work_tally_source`);
    await q.query(`
      CREATE VIEW execution_unit_tally AS
        SELECT plan_id, unit_code, role, status, verification, due, n, percent_sum FROM work_unit_tally`);
    await q.query(`
      CREATE VIEW execution_task_tally AS
        SELECT plan_id, task_id, role, status, verification, due, n, percent_sum FROM work_task_tally`);
    // Overdue lists read the open items of one plan by due date.
    await q.query(`CREATE INDEX work_tally_source_open_due_idx ON work_tally_source (plan_id, due) WHERE status IN ('not-started', 'in-progress')`);
    for (const v of ['execution_work', 'execution_work_tally_item', 'execution_unit_tally', 'execution_task_tally'])
      await q.query(`COMMENT ON VIEW ${v} IS 'Published by the execution context: read-only, stable columns.'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX work_tally_source_open_due_idx`);
    for (const v of ['execution_task_tally', 'execution_unit_tally', 'execution_work_tally_item', 'execution_work']) await q.query(`DROP VIEW ${v}`);
  }
}
