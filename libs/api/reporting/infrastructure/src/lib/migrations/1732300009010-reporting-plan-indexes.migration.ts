import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The dashboard's version token reads a plan's unit and consolidated reports by plan: index them so. */
export class ReportingPlanIndexes1732300009010 implements MigrationInterface {
  name = 'ReportingPlanIndexes1732300009010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX unit_report_plan_idx ON unit_report (plan_id, updated_at)`);
    await q.query(`CREATE INDEX consolidated_report_plan_all_idx ON consolidated_report (plan_id, updated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX consolidated_report_plan_all_idx`);
    await q.query(`DROP INDEX unit_report_plan_idx`);
  }
}
