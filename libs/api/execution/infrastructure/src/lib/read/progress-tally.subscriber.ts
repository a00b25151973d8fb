import { Injectable } from '@nestjs/common';
import { ExecutionEventType } from '@dieu-hanh/api/execution/contracts';
import { AssignmentEventType, PlanEventType } from '@dieu-hanh/api/planning/contracts';
import type { EventSubscriber, FeedTransaction, RecordedEvent } from '@dieu-hanh/api/shared/kernel';

/** The events that change what an assignment counts for: its existence, role, task, state or due date. */
export const PROGRESS_TALLY_EVENT_TYPES: readonly string[] = [
  AssignmentEventType.Created,
  AssignmentEventType.Changed,
  AssignmentEventType.Withdrawn,
  ExecutionEventType.ProgressReported,
  ExecutionEventType.WorkVerified,
  ExecutionEventType.WorkReturned,
  ExecutionEventType.ExtensionDecided,
  // An amendment may change or remove tasks (due dates, task_removed): the whole plan is recounted.
  PlanEventType.Amended,
];

/** A tally's due key as text that casts back to the same date ('infinity' for none), whatever the DateStyle. */
const DUE_TEXT = `CASE WHEN due = 'infinity'::date THEN 'infinity' ELSE to_char(due, 'YYYY-MM-DD') END`;

/**
 * Recounts the given assignments (and every assignment of the given plans) into the progress tallies,
 * set-based, in one statement, then drops tally rows that fell to zero. Idempotent: the difference
 * between what an assignment counts for now (planning's `planning_assignment` ⋈ `work_state`; no work
 * row = not started, 0 %) and what it last contributed (`work_tally_source`) is applied, and the source
 * rows are replaced in the same statement — a second run finds no difference.
 */
export async function recountProgress(tx: FeedTransaction, assignmentIds: readonly string[], planIds: readonly string[] = []): Promise<void> {
  if (!assignmentIds.length && !planIds.length) return;
  const touched: TouchedTally[] | [TouchedTally[], number] = await tx.query(
    `WITH ids AS (
       SELECT x AS id FROM unnest($1::uuid[]) AS x
       UNION SELECT pa.assignment_id FROM planning_assignment pa WHERE pa.plan_id = ANY($2::uuid[])
       UNION SELECT s.assignment_id FROM work_tally_source s WHERE s.plan_id = ANY($2::uuid[])
     ),
     fresh AS MATERIALIZED (
       SELECT pa.assignment_id, pa.plan_id, pa.task_id, pa.task_ordinal, pa.task_content, pa.plan_title, pa.plan_symbol, pa.unit_code, pa.role,
              coalesce(ws.status, 'not-started') AS status, coalesce(ws.verification, 'none') AS verification,
              coalesce(ws.due_override, pa.task_due, 'infinity'::date) AS due, coalesce(ws.percent, 0)::smallint AS percent
         FROM planning_assignment pa
         LEFT JOIN work_state ws ON ws.assignment_id = pa.assignment_id
        WHERE pa.assignment_id IN (SELECT id FROM ids) AND pa.assignment_status = 'assigned' AND NOT pa.task_removed
     ),
     old AS MATERIALIZED (SELECT s.* FROM work_tally_source s WHERE s.assignment_id IN (SELECT id FROM ids)),
     delta AS MATERIALIZED (
       SELECT plan_id, task_id, unit_code, role, status, verification, due, 1 AS n, percent::bigint AS p FROM fresh
       UNION ALL
       SELECT plan_id, task_id, unit_code, role, status, verification, due, -1, -percent::bigint FROM old
     ),
     task_up AS (
       INSERT INTO work_task_tally AS t (plan_id, task_id, role, status, verification, due, n, percent_sum)
       SELECT plan_id, task_id, role, status, verification, due, sum(n), sum(p) FROM delta
        GROUP BY plan_id, task_id, role, status, verification, due HAVING sum(n) <> 0 OR sum(p) <> 0
       ON CONFLICT (plan_id, task_id, role, status, verification, due)
       DO UPDATE SET n = t.n + EXCLUDED.n, percent_sum = t.percent_sum + EXCLUDED.percent_sum
       RETURNING 'task' AS kind, t.plan_id, t.task_id::text AS key, t.role, t.status, t.verification, t.due, (t.n = 0 AND t.percent_sum = 0) AS zero
     ),
     unit_up AS (
       INSERT INTO work_unit_tally AS u (plan_id, unit_code, role, status, verification, due, n, percent_sum)
       SELECT plan_id, unit_code, role, status, verification, due, sum(n), sum(p) FROM delta
        GROUP BY plan_id, unit_code, role, status, verification, due HAVING sum(n) <> 0 OR sum(p) <> 0
       ON CONFLICT (plan_id, unit_code, role, status, verification, due)
       DO UPDATE SET n = u.n + EXCLUDED.n, percent_sum = u.percent_sum + EXCLUDED.percent_sum
       RETURNING 'unit' AS kind, u.plan_id, u.unit_code AS key, u.role, u.status, u.verification, u.due, (u.n = 0 AND u.percent_sum = 0) AS zero
     ),
     gone AS (
       DELETE FROM work_tally_source s
        WHERE s.assignment_id IN (SELECT assignment_id FROM old) AND s.assignment_id NOT IN (SELECT assignment_id FROM fresh)
     ),
     kept AS (
       INSERT INTO work_tally_source AS s (assignment_id, plan_id, task_id, unit_code, role, status, verification, due, percent)
       SELECT assignment_id, plan_id, task_id, unit_code, role, status, verification, due, percent FROM fresh
       ON CONFLICT (assignment_id) DO UPDATE SET plan_id = EXCLUDED.plan_id, task_id = EXCLUDED.task_id, unit_code = EXCLUDED.unit_code,
         role = EXCLUDED.role, status = EXCLUDED.status, verification = EXCLUDED.verification, due = EXCLUDED.due, percent = EXCLUDED.percent
        WHERE (s.plan_id, s.task_id, s.unit_code, s.role, s.status, s.verification, s.due, s.percent)
              IS DISTINCT FROM (EXCLUDED.plan_id, EXCLUDED.task_id, EXCLUDED.unit_code, EXCLUDED.role, EXCLUDED.status, EXCLUDED.verification, EXCLUDED.due, EXCLUDED.percent)
     ),
     tasks AS (
       INSERT INTO work_tally_task AS k (plan_id, task_id, ordinal, search)
       SELECT f.plan_id, f.task_id, f.task_ordinal, execution_fold(concat_ws(' ', f.task_content, f.plan_title, f.plan_symbol))
         FROM (SELECT DISTINCT ON (plan_id, task_id) plan_id, task_id, task_ordinal, task_content, plan_title, plan_symbol FROM fresh ORDER BY plan_id, task_id) f
        -- Folding the text is the costly part: only for a task not yet known, or a plan recounted (amended).
        WHERE f.plan_id = ANY($2::uuid[]) OR NOT EXISTS (SELECT 1 FROM work_tally_task k0 WHERE k0.plan_id = f.plan_id AND k0.task_id = f.task_id)
       ON CONFLICT (plan_id, task_id) DO UPDATE SET ordinal = EXCLUDED.ordinal, search = EXCLUDED.search
        WHERE (k.ordinal, k.search) IS DISTINCT FROM (EXCLUDED.ordinal, EXCLUDED.search)
       RETURNING k.plan_id
     )
     SELECT kind, plan_id, key, role, status, verification, ${DUE_TEXT} AS due, zero FROM task_up
     UNION ALL SELECT kind, plan_id, key, role, status, verification, ${DUE_TEXT}, zero FROM unit_up
     UNION ALL SELECT 'text', plan_id, NULL, NULL, NULL, NULL, NULL, false FROM tasks`,
    [assignmentIds, planIds],
  );
  const rows = rowsOf(touched);
  const plans = [...new Set(rows.map((r) => r.plan_id))];
  if (!plans.length) return;
  // One more statement: the plans' roll-ups changed, so their versions move (API processes drop what
  // they kept), and the tally rows this batch brought to zero go — found by key, not by scanning a plan.
  const zero = (kind: string) => rows.filter((r) => r.kind === kind && r.zero);
  const tasks = zero('task');
  const units = zero('unit');
  const columns = (list: TouchedTally[]) => [list.map((r) => r.plan_id), list.map((r) => r.key), list.map((r) => r.role), list.map((r) => r.status), list.map((r) => r.verification), list.map((r) => r.due)];
  await tx.query(
    `WITH bump AS (
       INSERT INTO work_tally_plan AS v (plan_id, version) SELECT x, 1 FROM unnest($1::uuid[]) AS x
       ON CONFLICT (plan_id) DO UPDATE SET version = v.version + 1
     ),
     task_zero AS (
       DELETE FROM work_task_tally t USING unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::date[]) AS z(plan_id, task_id, role, status, verification, due)
        WHERE (t.plan_id, t.task_id, t.role, t.status, t.verification, t.due) = (z.plan_id, z.task_id, z.role, z.status, z.verification, z.due)
          AND t.n = 0 AND t.percent_sum = 0
     )
     DELETE FROM work_unit_tally u USING unnest($8::uuid[], $9::text[], $10::text[], $11::text[], $12::text[], $13::date[]) AS z(plan_id, unit_code, role, status, verification, due)
      WHERE (u.plan_id, u.unit_code, u.role, u.status, u.verification, u.due) = (z.plan_id, z.unit_code, z.role, z.status, z.verification, z.due)
        AND u.n = 0 AND u.percent_sum = 0`,
    [plans, ...columns(tasks), ...columns(units)],
  );
}

/** A tally row the recount changed (or a task whose text it stored), as the statement returns it. */
interface TouchedTally {
  kind: 'task' | 'unit' | 'text';
  plan_id: string;
  key: string | null;
  role: string | null;
  status: string | null;
  verification: string | null;
  due: string | null;
  zero: boolean;
}

/** A TypeORM raw query answers rows, or [rows, count] for data-modifying statements. */
function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Keeps the progress tallies (`work_task_tally`, `work_unit_tally`) with the events: a subscriber of
 * the event feed, from the beginning of the log (a new or upgraded database counts its history). Each
 * batch recounts the assignments its events concern (planning's assignment events and execution's
 * state-changing events are on the assignment's stream) and, for an amendment, the plan's — in one
 * set-based statement in the batch's transaction, the one that moves the checkpoint. A fan-out to
 * every commune is one batch and one statement.
 */
@Injectable()
export class ProgressTallySubscriber implements EventSubscriber {
  readonly name = 'execution.progress-tally';
  readonly startFrom = 'beginning' as const;
  readonly eventTypes = PROGRESS_TALLY_EVENT_TYPES;
  readonly batchSize = 5000;

  async handle(events: readonly RecordedEvent[], tx: FeedTransaction): Promise<void> {
    const assignments = new Set<string>();
    const plans = new Set<string>();
    for (const e of events) {
      if (e.aggregateType === 'assignment' && UUID.test(e.aggregateId)) assignments.add(e.aggregateId);
      else if (e.aggregateType === 'plan' && UUID.test(e.aggregateId)) plans.add(e.aggregateId);
    }
    await recountProgress(tx, [...assignments], [...plans]);
  }
}
