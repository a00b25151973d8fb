import { Injectable } from '@nestjs/common';
import { type IdempotencyClaim, IdempotencyStore } from '@dieu-hanh/api/shared/kernel';
import { DataSource } from 'typeorm';

/** How long a key holds its first answer (Stripe's choice, and long enough for any flaky client). */
const RETENTION = '24 hours';

/**
 * Keys in PostgreSQL, outside the command's transaction: the claim is committed before the command
 * runs, so two identical requests racing each other cannot both run it (the second sees it in progress).
 */
@Injectable()
export class SqlIdempotencyStore extends IdempotencyStore {
  constructor(private readonly db: DataSource) {
    super();
  }

  async claim(principal: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    // A new key is inserted; an expired one is taken over in the same statement.
    const claimed: unknown[] = await this.db.query(
      `INSERT INTO idempotency_key (principal, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (principal, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, completed = false, response = NULL, created_at = now()
         WHERE idempotency_key.created_at < now() - interval '${RETENTION}'
       RETURNING 1`,
      [principal, key, fingerprint],
    );
    if (claimed.length) return { kind: 'claimed' };
    const rows: { fingerprint: string; completed: boolean; response: unknown }[] = await this.db.query(
      `SELECT fingerprint, completed, response FROM idempotency_key WHERE principal = $1 AND key = $2`,
      [principal, key],
    );
    const row = rows[0];
    if (!row) return this.claim(principal, key, fingerprint); // released between the two statements
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    return row.completed ? { kind: 'replay', body: row.response } : { kind: 'in-progress' };
  }

  async complete(principal: string, key: string, body: unknown): Promise<void> {
    await this.db.query(`UPDATE idempotency_key SET completed = true, response = $3::jsonb WHERE principal = $1 AND key = $2`, [
      principal,
      key,
      JSON.stringify(body ?? null),
    ]);
  }

  async release(principal: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_key WHERE principal = $1 AND key = $2 AND NOT completed`, [principal, key]);
  }
}
