import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Databases created before the contexts were separated held a foreign key from notifications into the
 * directory's units. A notification is addressed to a unit code the event named; drop it where it exists.
 */
export class NotificationOwnsItsSchema1732300006200 implements MigrationInterface {
  name = 'NotificationOwnsItsSchema1732300006200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP CONSTRAINT IF EXISTS notification_unit_code_fkey`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the constraint crossed a context boundary.
  }
}
