import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Execution publishes `execution_plan_version`: a number per plan that moves whenever the plan's progress
 * tallies change, so a reader may keep what it built from them (reporting's dashboard) and know when to rebuild.
 */
export class PublishPlanTallyVersion1732300008020 implements MigrationInterface {
  name = 'PublishPlanTallyVersion1732300008020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW execution_plan_version AS SELECT plan_id, version FROM work_tally_plan`);
    await q.query(`COMMENT ON VIEW execution_plan_version IS 'Published by the execution context: read-only, stable columns.'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW execution_plan_version`);
  }
}
