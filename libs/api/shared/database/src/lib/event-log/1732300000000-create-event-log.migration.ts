import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log is the audit trail: rows are only ever inserted. A trigger refuses UPDATE, DELETE and
 * TRUNCATE for every role, so the rule holds even for code that bypasses the application.
 */
export class CreateEventLog1732300000000 implements MigrationInterface {
  name = 'CreateEventLog1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_log (
        sequence        bigserial PRIMARY KEY,
        event_id        uuid NOT NULL UNIQUE,
        type            text NOT NULL,
        aggregate_type  text NOT NULL,
        aggregate_id    text NOT NULL,
        occurred_at     timestamptz NOT NULL DEFAULT now(),
        actor_subject   text NOT NULL,
        actor_username  text NOT NULL,
        actor_unit_code text NULL,
        province_code   text NULL,
        correlation_id  uuid NOT NULL,
        causation_id    uuid NULL,
        payload         jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX event_log_aggregate_idx ON event_log (aggregate_type, aggregate_id, sequence)`);
    await q.query(`CREATE INDEX event_log_correlation_idx ON event_log (correlation_id)`);
    await q.query(`CREATE INDEX event_log_type_time_idx ON event_log (type, occurred_at)`);
    await q.query(`
      CREATE FUNCTION event_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON event_log
      FOR EACH ROW EXECUTE FUNCTION event_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER event_log_no_truncate BEFORE TRUNCATE ON event_log
      FOR EACH STATEMENT EXECUTE FUNCTION event_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_log`);
    await q.query(`DROP FUNCTION event_log_refuse_change()`);
  }
}
