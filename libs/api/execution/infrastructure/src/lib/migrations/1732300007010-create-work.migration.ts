import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Execution's write side: assignment work state, progress updates, obstacles, extension requests.
 * Keyed by planning's assignment id (read through the published view `planning_assignment`, no foreign
 * key across the context boundary). `work_state` holds one row per assignment once someone wrote on it
 * (no row = not started, version 0); its province, plan, task and unit are copied from the view when the
 * row is made, for the read side's indexes. `progress_update` is the history of reports and makes the
 * command idempotent: (principal, request_key) is unique, so a retried update finds the first one.
 */
export class CreateWork1732300007010 implements MigrationInterface {
  name = 'CreateWork1732300007010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_state (
        assignment_id  uuid PRIMARY KEY,
        status         text NOT NULL CHECK (status IN ('not-started', 'in-progress', 'done', 'unable')),
        percent        smallint NOT NULL CHECK (percent BETWEEN 0 AND 100),
        note           text NULL,
        result         text NULL,
        verification   text NOT NULL CHECK (verification IN ('none', 'pending', 'verified', 'returned')),
        return_reason  text NULL,
        due_override   date NULL,
        version        int NOT NULL CHECK (version >= 0),
        updated_at     timestamptz NULL,
        updated_by     text NULL,
        province_code  text NOT NULL,
        plan_id        uuid NOT NULL,
        task_id        uuid NOT NULL,
        unit_code      text NOT NULL,
        CONSTRAINT work_state_percent_fits CHECK ((status <> 'done' OR percent = 100) AND (status <> 'not-started' OR percent = 0))
      )`);
    await q.query(`CREATE INDEX work_state_plan_idx ON work_state (plan_id, task_id)`);
    await q.query(`CREATE INDEX work_state_unit_idx ON work_state (unit_code, plan_id)`);
    await q.query(`CREATE INDEX work_state_pending_idx ON work_state (province_code, plan_id) WHERE verification = 'pending'`);
    await q.query(`
      CREATE TABLE progress_update (
        id             uuid PRIMARY KEY,
        assignment_id  uuid NOT NULL,
        version        int NOT NULL,
        status         text NOT NULL,
        percent        smallint NOT NULL,
        note           text NULL,
        result         text NULL,
        evidence_ids   uuid[] NOT NULL DEFAULT '{}',
        principal      text NOT NULL,
        request_key    text NULL,
        created_by     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT progress_update_request_once UNIQUE (principal, request_key),
        CONSTRAINT progress_update_version_once UNIQUE (assignment_id, version)
      )`);
    await q.query(`
      CREATE TABLE obstacle (
        id                 uuid PRIMARY KEY,
        assignment_id      uuid NOT NULL,
        description        text NOT NULL,
        proposal           text NULL,
        status             text NOT NULL CHECK (status IN ('open', 'answered', 'escalated', 'directed')),
        handler_unit_code  text NOT NULL,
        raised_at          timestamptz NOT NULL,
        raised_by          text NOT NULL,
        raised_unit_code   text NOT NULL,
        answer             text NULL,
        answered_at        timestamptz NULL,
        answered_by        text NULL,
        escalated_at       timestamptz NULL,
        escalated_by       text NULL,
        escalation_note    text NULL,
        directive          text NULL,
        directed_at        timestamptz NULL,
        directed_by        text NULL
      )`);
    await q.query(`CREATE INDEX obstacle_assignment_idx ON obstacle (assignment_id, raised_at)`);
    await q.query(`CREATE INDEX obstacle_waiting_idx ON obstacle (status) WHERE status IN ('open', 'escalated')`);
    await q.query(`
      CREATE TABLE extension_request (
        id                  uuid PRIMARY KEY,
        assignment_id       uuid NOT NULL,
        current_due         date NULL,
        requested_due       date NOT NULL,
        reason              text NOT NULL,
        status              text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        requested_at        timestamptz NOT NULL,
        requested_by        text NOT NULL,
        requested_unit_code text NOT NULL,
        decided_at          timestamptz NULL,
        decided_by          text NULL,
        decided_unit_code   text NULL,
        decision_note       text NULL
      )`);
    await q.query(`CREATE INDEX extension_request_assignment_idx ON extension_request (assignment_id, requested_at)`);
    // One pending request per assignment at a time.
    await q.query(`CREATE UNIQUE INDEX extension_request_one_pending ON extension_request (assignment_id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE extension_request`);
    await q.query(`DROP TABLE obstacle`);
    await q.query(`DROP TABLE progress_update`);
    await q.query(`DROP TABLE work_state`);
  }
}
