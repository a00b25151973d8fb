import { Injectable } from '@nestjs/common';
import { type ClaimedReminder, DueReminders, type ReminderPolicy } from '@dieu-hanh/api/execution/application';
import { TransactionContext } from '@dieu-hanh/api/shared/database';

/**
 * One statement: the open assignments (planning's published view ⋈ execution's `work_state`) with a due
 * date in force near today, every reminder whose day has come and is not stale, the most recent one per
 * assignment, claimed with INSERT … ON CONFLICT DO NOTHING. RETURNING yields only the rows this statement
 * inserted: a concurrent run blocks on the same keys until the first commits, then skips them.
 *
 * $1 today (Vietnam's day), $2 days before, $3 days overdue, $4 catch-up days, $5 now.
 */
export const CLAIM_DUE_REMINDERS_SQL = `
  WITH open_work AS (
    SELECT pa.assignment_id, pa.plan_id, pa.plan_title, pa.task_id, pa.unit_code,
           coalesce(ws.due_override, pa.task_due) AS due
      FROM planning_assignment pa
      LEFT JOIN work_state ws ON ws.assignment_id = pa.assignment_id
     WHERE pa.assignment_status = 'assigned' AND pa.plan_status = 'issued' AND NOT pa.task_removed
       AND coalesce(ws.status, 'not-started') <> 'done' AND coalesce(ws.verification, 'none') <> 'verified'
       AND coalesce(ws.due_override, pa.task_due)
           BETWEEN $1::date - (coalesce((SELECT max(o) FROM unnest($3::int[]) o), 0) + 1 + $4::int)
               AND $1::date + coalesce((SELECT max(b) FROM unnest($2::int[]) b), -1)
  ),
  candidate AS (
    SELECT w.*, r.kind, r.offset_days, r.fires_on
      FROM open_work w
      CROSS JOIN LATERAL (
        SELECT 'before-due'::text AS kind, b AS offset_days, w.due - b AS fires_on
          FROM unnest($2::int[]) b
         WHERE $1::date <= w.due
        UNION ALL
        SELECT 'overdue'::text, o, w.due + greatest(o, 1)
          FROM unnest($3::int[]) o
      ) r
     WHERE r.fires_on <= $1::date AND r.fires_on >= $1::date - $4::int
  ),
  latest AS (
    SELECT DISTINCT ON (assignment_id) * FROM candidate ORDER BY assignment_id, fires_on DESC, offset_days
  ),
  claimed AS (
    INSERT INTO reminder_sent (assignment_id, kind, offset_days, due, fires_on, sent_on, sent_at)
    SELECT assignment_id, kind, offset_days, due, fires_on, $1::date, $5::timestamptz FROM latest
    ON CONFLICT ON CONSTRAINT reminder_sent_once DO NOTHING
    RETURNING assignment_id, kind, offset_days, due
  )
  SELECT c.assignment_id AS "assignmentId", c.kind, c.offset_days::int AS "offsetDays", to_char(c.due, 'YYYY-MM-DD') AS due,
         l.plan_id AS "planId", l.plan_title AS "planTitle", l.task_id AS "taskId", l.unit_code AS "unitCode"
    FROM claimed c
    JOIN latest l ON l.assignment_id = c.assignment_id
   ORDER BY l.plan_id, l.task_id, l.unit_code`;

@Injectable()
export class SqlDueReminders extends DueReminders {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async claim(today: string, policy: ReminderPolicy, now: Date): Promise<ClaimedReminder[]> {
    if (!this.tx.inTransaction()) throw new Error('Reminders are claimed inside a unit of work (with their events)');
    if (!policy.beforeDays.length && !policy.overdueDays.length) return [];
    return this.tx.manager().query(CLAIM_DUE_REMINDERS_SQL, [today, [...policy.beforeDays], [...policy.overdueDays], policy.catchUpDays, now]);
  }
}
