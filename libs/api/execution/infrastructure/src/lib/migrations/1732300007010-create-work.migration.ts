import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Execution's write side: assignment work state, progress updates, obstacles, extension requests. */
export class CreateWork1732300007010 implements MigrationInterface {
  name = 'CreateWork1732300007010';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the owner of this migration
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the owner of this migration
  }
}
