import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders sent, one per assignment, kind, offset and due date. A row is the claim that a reminder
 * went out (its `execution.reminder-due` event is recorded in the same transaction): the unique key makes
 * every reminder go out once, whichever process runs the daily job and however often it runs. The due
 * date is part of the key, so an approved extension starts that assignment's reminders afresh.
 */
export class CreateReminders1732300007040 implements MigrationInterface {
  name = 'CreateReminders1732300007040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminder_sent (
        assignment_id  uuid NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('before-due', 'overdue')),
        offset_days    smallint NOT NULL CHECK (offset_days BETWEEN 0 AND 366),
        due            date NOT NULL,
        fires_on       date NOT NULL,
        sent_on        date NOT NULL,
        sent_at        timestamptz NOT NULL,
        CONSTRAINT reminder_sent_once UNIQUE (assignment_id, kind, offset_days, due)
      )`);
    await q.query(`CREATE INDEX reminder_sent_day_idx ON reminder_sent (sent_on)`);
    await q.query(`COMMENT ON TABLE reminder_sent IS 'Execution: reminders sent (one execution.reminder-due event each), once per assignment, kind, offset and due date.'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reminder_sent`);
  }
}
