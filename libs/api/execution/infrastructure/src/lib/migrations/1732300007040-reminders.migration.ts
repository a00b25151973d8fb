import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminders sent, one per assignment, kind, offset and due date. */
export class CreateReminders1732300007040 implements MigrationInterface {
  name = 'CreateReminders1732300007040';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the owner of this migration
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the owner of this migration
  }
}
