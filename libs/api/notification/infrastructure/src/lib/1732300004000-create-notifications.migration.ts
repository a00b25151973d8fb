import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications to units, projected from the event log by the event feed (NotificationProjection). */
export class CreateNotifications1732300004000 implements MigrationInterface {
  name = 'CreateNotifications1732300004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id      uuid NOT NULL REFERENCES event_log(event_id),
        unit_code     text NOT NULL,
        commune_code  text NULL,
        kind          text NOT NULL,
        plan_id       uuid NULL,
        assignment_id uuid NULL,
        title_vi      text NOT NULL,
        title_en      text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        read_at       timestamptz NULL,
        UNIQUE (event_id, unit_code)
      )`);
    await q.query(`CREATE INDEX notification_unit_idx ON notification (unit_code, created_at DESC)`);
    await q.query(`CREATE INDEX notification_commune_idx ON notification (commune_code, created_at DESC) WHERE commune_code IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
  }
}
