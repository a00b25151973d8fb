import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files: metadata here, content in the content-addressed store. */
export class CreateEvidence1732300007020 implements MigrationInterface {
  name = 'CreateEvidence1732300007020';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the owner of this migration
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the owner of this migration
  }
}
