import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Databases created before the contexts were separated held foreign keys from plans and assignments
 * into the directory's tables. Planning checks unit codes through the directory's published queries
 * instead, so the directory can evolve its tables alone; drop them where they exist.
 */
export class PlanningOwnsItsSchema1732300006100 implements MigrationInterface {
  name = 'PlanningOwnsItsSchema1732300006100';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, constraint] of [
      ['plan', 'plan_province_code_fkey'],
      ['plan', 'plan_issuer_unit_code_fkey'],
      ['plan', 'plan_drafting_unit_code_fkey'],
      ['plan', 'plan_focal_unit_code_fkey'],
      ['assignment', 'assignment_unit_code_fkey'],
    ]) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${constraint}`);
    }
  }

  async down(): Promise<void> {
    // Nothing to restore: the constraints crossed a context boundary.
  }
}
