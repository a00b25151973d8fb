import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: notifications grouped per plan, action requests that resolve, and e-mail.
 *
 * - `notification.plan_title` (the bell groups per plan and names it), `resolution_key` (an action
 *   request: `plan:<id>:decision`, `assignment:<id>:verification`, …) and `resolved_at` (set by the
 *   projection when the resolving event arrives; a resolved notification no longer counts as unread).
 *   Existing rows: plan titles are taken from the event that made them; a "Kế hoạch trình duyệt" gets its
 *   key and is resolved when its plan was approved, returned, issued or closed afterwards.
 * - `notification_mailbox`: the accounts the API has seen (from their tokens), with their unit and
 *   e-mail: the recipients of a unit's e-mail.
 * - `notification_email_outbox`: one row per event and recipient, written by the `notification.email`
 *   feed subscriber in its batch's transaction (exactly once), sent after commit and marked sent (at
 *   least once; a deterministic Message-ID makes a resend after a crash recognisable).
 */
export class NotificationGroupsResolutionEmail1732300007100 implements MigrationInterface {
  name = 'NotificationGroupsResolutionEmail1732300007100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN plan_title text NULL, ADD COLUMN resolution_key text NULL, ADD COLUMN resolved_at timestamptz NULL`);
    await q.query(`
      UPDATE notification n SET plan_title = coalesce(e.payload->>'planTitle', e.payload->>'title')
        FROM event_log e WHERE e.event_id = n.event_id AND n.plan_id IS NOT NULL`);
    await q.query(`UPDATE notification SET resolution_key = 'plan:' || plan_id || ':decision' WHERE kind = 'plan-submitted' AND plan_id IS NOT NULL`);
    await q.query(`
      UPDATE notification n SET resolved_at = d.at
        FROM (SELECT n2.id, min(e.occurred_at) AS at
                FROM notification n2
                JOIN event_log e ON e.aggregate_type = 'plan' AND e.aggregate_id = n2.plan_id::text
                 AND e.type IN ('planning.plan-approved', 'planning.plan-returned', 'planning.plan-issued', 'planning.plan-closed')
                 AND e.occurred_at >= n2.created_at AND e.event_id <> n2.event_id
               WHERE n2.kind = 'plan-submitted'
               GROUP BY n2.id) d
       WHERE d.id = n.id`);
    await q.query(`CREATE INDEX notification_resolution_idx ON notification (resolution_key) WHERE resolved_at IS NULL AND resolution_key IS NOT NULL`);
    await q.query(`CREATE INDEX notification_unit_plan_idx ON notification (unit_code, plan_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_commune_plan_idx ON notification (commune_code, plan_id, created_at DESC) WHERE commune_code IS NOT NULL`);

    await q.query(`
      CREATE TABLE notification_mailbox (
        realm        text NOT NULL,
        subject      text NOT NULL,
        username     text NOT NULL,
        unit_code    text NOT NULL,
        commune_code text NULL,
        email        text NOT NULL,
        last_seen    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (realm, subject)
      )`);
    await q.query(`CREATE INDEX notification_mailbox_unit_idx ON notification_mailbox (unit_code)`);
    await q.query(`CREATE INDEX notification_mailbox_commune_idx ON notification_mailbox (commune_code) WHERE commune_code IS NOT NULL`);

    await q.query(`
      CREATE TABLE notification_email_outbox (
        id            bigserial PRIMARY KEY,
        event_id      uuid NOT NULL REFERENCES event_log(event_id),
        recipient     text NOT NULL,
        message_id    text NOT NULL,
        unit_code     text NOT NULL,
        subject       text NOT NULL,
        body          text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz NULL,
        attempts      int NOT NULL DEFAULT 0,
        last_error    text NULL,
        sent_at       timestamptz NULL,
        UNIQUE (event_id, recipient)
      )`);
    await q.query(`CREATE INDEX notification_email_outbox_unsent_idx ON notification_email_outbox (id) WHERE sent_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_email_outbox`);
    await q.query(`DROP TABLE notification_mailbox`);
    await q.query(`DROP INDEX notification_commune_plan_idx`);
    await q.query(`DROP INDEX notification_unit_plan_idx`);
    await q.query(`DROP INDEX notification_resolution_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN resolved_at, DROP COLUMN resolution_key, DROP COLUMN plan_title`);
  }
}
