import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files: metadata here, content in the content-addressed store (`<dir>/<sha[0:2]>/<sha>`,
 * outside the database). An upload is idempotent by (principal, request_key): a retried upload finds
 * the first row. Two uploads of the same content are two rows sharing one stored file.
 */
export class CreateEvidence1732300007020 implements MigrationInterface {
  name = 'CreateEvidence1732300007020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_file (
        id                 uuid PRIMARY KEY,
        assignment_id      uuid NOT NULL,
        sha256             text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        media_type         text NOT NULL,
        size               bigint NOT NULL CHECK (size > 0),
        file_name          text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
        uploaded_by        text NOT NULL,
        uploader_unit_code text NOT NULL,
        principal          text NOT NULL,
        request_key        text NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evidence_file_request_once UNIQUE (principal, request_key)
      )`);
    await q.query(`CREATE INDEX evidence_file_assignment_idx ON evidence_file (assignment_id, created_at)`);
    await q.query(`CREATE INDEX evidence_file_sha256_idx ON evidence_file (sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence_file`);
  }
}
