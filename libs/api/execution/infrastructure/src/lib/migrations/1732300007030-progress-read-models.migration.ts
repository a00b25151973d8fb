import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Progress tallies per plan, task, unit and status, kept by the feed. */
export class CreateProgressReadModels1732300007030 implements MigrationInterface {
  name = 'CreateProgressReadModels1732300007030';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the owner of this migration
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the owner of this migration
  }
}
