import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Planning publishes what reporting needs besides assignments: `planning_plan` (one row per plan with its
 * reporting duties, chế độ báo cáo) and `planning_indicator` (the plan's indicators with their yearly targets
 * and the units named for them). Read-only, stable columns; add, never rename.
 */
export class PublishPlanViews1732300008000 implements MigrationInterface {
  name = 'PublishPlanViews1732300008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW planning_plan AS
        SELECT p.id                  AS plan_id,
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
               p.issue_date          AS issue_date,
               COALESCE(p.document -> 'reportingDuties', '[]'::jsonb) AS reporting_duties
          FROM plan p`);
    await q.query(`
      CREATE VIEW planning_indicator AS
        SELECT i.id               AS indicator_id,
               i.plan_id          AS plan_id,
               i.ordinal          AS ordinal,
               i.section          AS section,
               i.name             AS name,
               i.targets          AS targets,
               i.focal            AS focal,
               i.implementing     AS implementing,
               i.coordinators     AS coordinators,
               (i.removed_at IS NOT NULL) AS removed
          FROM plan_indicator i`);
    await q.query(`COMMENT ON VIEW planning_plan IS 'Published by the planning context: read-only, stable columns.'`);
    await q.query(`COMMENT ON VIEW planning_indicator IS 'Published by the planning context: read-only, stable columns.'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW planning_indicator`);
    await q.query(`DROP VIEW planning_plan`);
  }
}
