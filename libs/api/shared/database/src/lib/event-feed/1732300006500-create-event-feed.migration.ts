import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event feed (see event-feed.ts). `sequence` alone cannot be a checkpoint: it is allocated when a
 * row is inserted, but transactions commit in any order, so an event with a smaller sequence can become
 * visible after one with a larger sequence was already read. Each event therefore remembers its
 * transaction id; the feed reads only transactions older than every transaction still running
 * (`pg_snapshot_xmin`), in (transaction_id, sequence) order, and keeps that pair as its checkpoint.
 * Rows logged before this migration all get the migration's own transaction id (same order as before).
 */
export class CreateEventFeed1732300006500 implements MigrationInterface {
  name = 'CreateEventFeed1732300006500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_log ADD COLUMN transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX event_log_feed_idx ON event_log (transaction_id, sequence)`);
    await q.query(`
      CREATE TABLE event_feed_checkpoint (
        subscriber        text PRIMARY KEY,
        transaction_id    xid8 NOT NULL,
        sequence          bigint NOT NULL,
        attempts          int NOT NULL DEFAULT 0,
        failing_event_id  uuid NULL,
        last_error        text NULL,
        retry_at          timestamptz NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE event_feed_failure (
        id              bigserial PRIMARY KEY,
        subscriber      text NOT NULL,
        event_id        uuid NOT NULL,
        sequence        bigint NOT NULL,
        transaction_id  xid8 NOT NULL,
        event_type      text NOT NULL,
        attempts        int NOT NULL,
        error           text NOT NULL,
        parked_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX event_feed_failure_subscriber_idx ON event_feed_failure (subscriber, parked_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_feed_failure`);
    await q.query(`DROP TABLE event_feed_checkpoint`);
    await q.query(`DROP INDEX event_log_feed_idx`);
    await q.query(`ALTER TABLE event_log DROP COLUMN transaction_id`);
  }
}
