import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans, their tasks and the assignments an issued plan fans out into. Unit codes are the directory's,
 * checked by the commands through its published queries; no foreign key reaches into its tables.
 */
export class CreatePlans1732300002000 implements MigrationInterface {
  name = 'CreatePlans1732300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan (
        id                 uuid PRIMARY KEY,
        province_code      text NOT NULL,
        issuer_unit_code   text NOT NULL,
        drafting_unit_code text NOT NULL,
        issuer_tier        smallint NOT NULL CHECK (issuer_tier IN (1, 2)),
        focal_unit_code    text NULL,
        title              text NOT NULL,
        symbol             text NOT NULL,
        number             int NULL,
        year               int NOT NULL,
        status             text NOT NULL CHECK (status IN ('draft','submitted','approved','returned','issued','closed')),
        version            int NOT NULL,
        issue_date         date NULL,
        review_comments    jsonb NOT NULL DEFAULT '[]',
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    // Plan numbers are unique per issuer and year.
    await q.query(`CREATE UNIQUE INDEX plan_number_unique ON plan (issuer_unit_code, year, number) WHERE number IS NOT NULL`);
    await q.query(`CREATE INDEX plan_province_status_idx ON plan (province_code, status, year)`);
    await q.query(`
      CREATE TABLE plan_task (
        id               uuid PRIMARY KEY,
        plan_id          uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        ordinal          int NOT NULL,
        section          text NULL,
        content          text NOT NULL,
        expected_result  text NULL,
        directing_leader text NULL,
        timeframe        text NULL,
        leads            jsonb NOT NULL,
        coordinators     jsonb NOT NULL,
        UNIQUE (plan_id, ordinal)
      )`);
    await q.query(`
      CREATE TABLE assignment (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id     uuid NOT NULL REFERENCES plan(id),
        task_id     uuid NOT NULL REFERENCES plan_task(id),
        unit_code   text NOT NULL,
        role        text NOT NULL CHECK (role IN ('lead','coordinator')),
        via_group   text NULL,
        succeeds    text NULL,
        status      text NOT NULL DEFAULT 'assigned',
        created_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, unit_code)
      )`);
    await q.query(`CREATE INDEX assignment_unit_idx ON assignment (unit_code, plan_id)`);
    await q.query(`CREATE INDEX assignment_plan_idx ON assignment (plan_id, task_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assignment`);
    await q.query(`DROP TABLE plan_task`);
    await q.query(`DROP TABLE plan`);
  }
}
