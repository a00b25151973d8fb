import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys of commands: one row per caller and key, with the first answer once it succeeded. */
export class CreateIdempotencyKeys1732300005000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1732300005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        principal    text        NOT NULL,
        key          text        NOT NULL,
        fingerprint  text        NOT NULL,
        completed    boolean     NOT NULL DEFAULT false,
        response     jsonb       NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
