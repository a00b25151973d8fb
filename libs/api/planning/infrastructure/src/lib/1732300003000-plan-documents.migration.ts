import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole plan document (legal bases, purposes, sections, reporting duties), indicators, implementing
 * plans (parent links), normalized timeframes and amendments (withdrawn assignments, removed tasks).
 */
export class PlanDocuments1732300003000 implements MigrationInterface {
  name = 'PlanDocuments1732300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE plan
        ADD COLUMN document        jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN parent_plan_id  uuid NULL REFERENCES plan(id),
        ADD COLUMN amendment_count int NOT NULL DEFAULT 0,
        ADD COLUMN search_text     text NOT NULL DEFAULT ''`);
    // Plan search ignores diacritics: the folded number, symbol and title, through trigrams.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX plan_search_trgm_idx ON plan USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX plan_parent_idx ON plan (parent_plan_id) WHERE parent_plan_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE plan_task
        ADD COLUMN parent_task_id       uuid NULL REFERENCES plan_task(id),
        ADD COLUMN notes                text NULL,
        ADD COLUMN timeframe_normalized jsonb NULL,
        ADD COLUMN due_date             date NULL,
        ADD COLUMN removed_at           timestamptz NULL`);
    // Ordinals are unique among the live tasks only: a task removed by an amendment keeps its row for history.
    await q.query(`ALTER TABLE plan_task DROP CONSTRAINT plan_task_plan_id_ordinal_key`);
    await q.query(`CREATE UNIQUE INDEX plan_task_live_ordinal ON plan_task (plan_id, ordinal) WHERE removed_at IS NULL`);
    await q.query(`CREATE INDEX plan_task_due_idx ON plan_task (due_date) WHERE removed_at IS NULL AND due_date IS NOT NULL`);
    await q.query(`
      CREATE TABLE plan_indicator (
        id               uuid PRIMARY KEY,
        plan_id          uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        ordinal          int NOT NULL,
        section          text NULL,
        name             text NOT NULL,
        targets          jsonb NOT NULL,
        directing_leader text NULL,
        focal            jsonb NOT NULL,
        implementing     jsonb NOT NULL,
        coordinators     jsonb NOT NULL,
        removed_at       timestamptz NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX plan_indicator_live_ordinal ON plan_indicator (plan_id, ordinal) WHERE removed_at IS NULL`);
    await q.query(`ALTER TABLE assignment ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE assignment ADD CONSTRAINT assignment_status_known CHECK (status IN ('assigned', 'withdrawn'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assignment DROP CONSTRAINT assignment_status_known`);
    await q.query(`ALTER TABLE assignment DROP COLUMN updated_at`);
    await q.query(`DROP TABLE plan_indicator`);
    await q.query(`DROP INDEX plan_task_due_idx`);
    await q.query(`DROP INDEX plan_task_live_ordinal`);
    await q.query(`ALTER TABLE plan_task ADD CONSTRAINT plan_task_plan_id_ordinal_key UNIQUE (plan_id, ordinal)`);
    await q.query(`ALTER TABLE plan_task DROP COLUMN parent_task_id, DROP COLUMN notes, DROP COLUMN timeframe_normalized, DROP COLUMN due_date, DROP COLUMN removed_at`);
    await q.query(`DROP INDEX plan_parent_idx`);
    await q.query(`DROP INDEX plan_search_trgm_idx`);
    await q.query(`ALTER TABLE plan DROP COLUMN document, DROP COLUMN parent_plan_id, DROP COLUMN amendment_count, DROP COLUMN search_text`);
  }
}
