import { Client } from 'pg';

export interface DbSnapshot {
  sequence: number;
  counts: Record<string, number>;
}

export interface DbChange {
  /** Tables whose row count changed. */
  counts: string[];
  /** Events appended with this request's correlation id (= its X-Request-Id). */
  ownEvents: { type: string; aggregate: string }[];
  /** Events appended meanwhile by something else (a saga finishing an earlier request's work). */
  otherEvents: number;
}

/**
 * What a request wrote. Every state change appends to event_log in its own transaction, with the
 * request id as correlation id; counting rows of the main tables catches a write that skipped the log.
 */
export class DbProbe {
  private tables: string[] = [];
  constructor(private readonly db: Client) {}

  async init(candidates = ['plan', 'org_unit', 'idempotency_key']): Promise<void> {
    const r = await this.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY($1)`,
      [candidates],
    );
    this.tables = candidates.filter((t) => r.rows.some((x) => x.table_name === t));
  }

  async snapshot(): Promise<DbSnapshot> {
    const counts = this.tables.map((t) => `(SELECT count(*) FROM ${t})::int AS "${t}"`).join(', ');
    const r = await this.db.query(
      `SELECT (SELECT coalesce(max(sequence), 0) FROM event_log)::bigint AS sequence${counts ? `, ${counts}` : ''}`,
    );
    const row = r.rows[0] as Record<string, string | number>;
    return {
      sequence: Number(row['sequence']),
      counts: Object.fromEntries(this.tables.map((t) => [t, Number(row[t])])),
    };
  }

  async changeSince(before: DbSnapshot, requestId: string): Promise<DbChange> {
    const after = await this.snapshot();
    const counts = this.tables
      .filter((t) => after.counts[t] !== before.counts[t])
      .map((t) => `${t}: ${before.counts[t]} → ${after.counts[t]}`);
    if (after.sequence === before.sequence) return { counts, ownEvents: [], otherEvents: 0 };
    const rows = await this.db.query<{ type: string; aggregate_id: string; correlation_id: string }>(
      `SELECT type, aggregate_id, correlation_id::text FROM event_log WHERE sequence > $1 ORDER BY sequence LIMIT 500`,
      [before.sequence],
    );
    const own = rows.rows.filter((r) => r.correlation_id === requestId);
    return {
      counts,
      ownEvents: own.map((r) => ({ type: r.type, aggregate: r.aggregate_id })),
      otherEvents: rows.rows.length - own.length,
    };
  }
}
