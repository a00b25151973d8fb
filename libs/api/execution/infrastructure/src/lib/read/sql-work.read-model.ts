import { Injectable } from '@nestjs/common';
import {
  type AssignmentStreamEvent,
  type WaitingExtension,
  type WaitingObstacle,
  type WorkItemWithFacts,
  type WorkListFilter,
  type WorkListReach,
  type WorkPage,
  WorkReadModel,
  type WorkVisibility,
  visibleWorkSql,
} from '@dieu-hanh/api/execution/application';
import type { PlanProgressDto, StatusCountsDto, WorkItemDto, WorkListDto } from '@dieu-hanh/shared/contracts';
import { escapeLikePattern, foldVietnamese } from '@dieu-hanh/shared/util-text';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type WorkFactsRow, toWorkFacts, workFactColumns } from '../work-facts.sql';

// Execution's read side, the one place its SQL is written. Every request is one statement: lists over
// planning's published view `planning_assignment` ⋈ `work_state` (indexed by unit for a commune's or a
// department's own work), the roll-up over the tallies the subscriber `execution.progress-tally` keeps.
// Urgency is computed here from the due date in force and `today` (Vietnam's day, from the Clock) the
// same way `urgencyOf` (execution domain) does; the int specs compare both.

/** SQL parameters, numbered as they are added. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /** A visibility predicate over an alias, its parameters appended here. */
  visible(v: WorkVisibility, alias: string): string {
    const { sql, params } = visibleWorkSql(v, alias, this.values.length + 1);
    this.values.push(...params);
    return sql;
  }
}

/**
 * The caller's own unit's work: a commune-level account's is every unit of its commune (its offices'),
 * any other account's its unit's — as a list of unit codes, so the assignments are found through the
 * index by unit; and always within what the caller sees (the access policy's predicate).
 */
function mineSql(v: WorkVisibility, alias: string, p: Params): string {
  const units =
    v.tier === 2 && v.communeCode !== null && v.communeCode === v.unitCode
      ? `ARRAY(SELECT code FROM directory_unit WHERE commune_code = ${p.add(v.communeCode)}) || ${p.add(v.unitCode)}::text`
      : `ARRAY[${p.add(v.unitCode)}::text]`;
  return `(${alias}.unit_code = ANY(${units}) AND ${p.visible(v, alias)})`;
}

/** Urgency rank for sorting: overdue first, then due soon, on track, no date, closed. */
const ORDER = `CASE w.urgency WHEN 'overdue' THEN 0 WHEN 'due-soon' THEN 1 WHEN 'on-track' THEN 2 WHEN 'no-date' THEN 3 ELSE 4 END,
  w.due NULLS LAST, w.plan_symbol, w.task_ordinal, w.unit_code, w.assignment_id`;

/**
 * The work items in reach with their state, due date in force and urgency, as `w` — narrow rows (what
 * sorting, filtering and counting need); the page's rows are joined to their texts afterwards. The
 * filters that narrow the list itself (q, plan, task, unit, role) are applied; the chip filters are left
 * to the caller.
 */
function workBase(reachSql: string, filter: WorkListFilter, today: string, p: Params, extraWhere = ''): string {
  const where: string[] = [`pa.assignment_status = 'assigned'`, `NOT pa.task_removed`, reachSql];
  if (filter.planId) where.push(`pa.plan_id = ${p.add(filter.planId)}::uuid`);
  if (filter.taskId) where.push(`pa.task_id = ${p.add(filter.taskId)}::uuid`);
  if (filter.unitCode) where.push(`pa.unit_code = ${p.add(filter.unitCode)}`);
  if (filter.role) where.push(`pa.role = ${p.add(filter.role)}`);
  const q = filter.q ? foldVietnamese(filter.q) : '';
  // Matched once per task on the folded text the read model keeps (work_tally_task.search), not per assignment.
  if (q) where.push(`pa.task_id IN (SELECT k.task_id FROM work_tally_task k WHERE k.search LIKE ${p.add(`%${escapeLikePattern(q)}%`)})`);
  if (extraWhere) where.push(extraWhere);
  const t = `${p.add(today)}::date`;
  // A list reads its work rows by primary key, one per assignment in reach: work proportional to the
  // caller's list, never a hash of every unit's work_state. A filter on the work row itself (the
  // verification queue's) keeps a plain join, so the planner may start from work_state.
  const workJoin = extraWhere
    ? `LEFT JOIN work_state ws ON ws.assignment_id = pa.assignment_id`
    : `LEFT JOIN LATERAL (SELECT * FROM work_state ws0 WHERE ws0.assignment_id = pa.assignment_id LIMIT 1) ws ON true`;
  return `
    SELECT s.*,
           CASE WHEN s.status = 'done' OR s.verification = 'verified' THEN 'closed'
                WHEN s.due IS NULL THEN 'no-date'
                WHEN s.due < ${t} THEN 'overdue'
                WHEN s.due <= ${t} + 7 THEN 'due-soon'
                ELSE 'on-track' END AS urgency,
           CASE WHEN s.status = 'done' OR s.verification = 'verified' OR s.due IS NULL THEN NULL
                ELSE abs(s.due - ${t}) END AS days
      FROM (SELECT pa.assignment_id, pa.plan_id, pa.plan_symbol, pa.task_id, pa.task_ordinal, pa.unit_code, pa.role,
                   coalesce(ws.status, 'not-started') AS status, coalesce(ws.percent, 0) AS percent,
                   coalesce(ws.verification, 'none') AS verification,
                   coalesce(ws.due_override, pa.task_due) AS due,
                   CASE WHEN ws.due_override IS NOT NULL THEN pa.task_due END AS original_due,
                   ws.updated_at, coalesce(ws.version, 0) AS version
              FROM planning_assignment pa
              ${workJoin}
             WHERE ${where.join(' AND ')}) s`;
}

/** The chip filters (status, urgency, verification) over `w`. */
function chipWhere(filter: WorkListFilter, p: Params): string {
  const where: string[] = [];
  if (filter.status) where.push(`w.status = ${p.add(filter.status)}`);
  if (filter.urgency) where.push(`w.urgency = ${p.add(filter.urgency)}`);
  if (filter.verification) where.push(`w.verification = ${p.add(filter.verification)}`);
  return where.length ? where.join(' AND ') : 'true';
}

/**
 * Columns of one work item (a row of `w` as `x`, its planning row as `pw`), with the unit's name, open
 * obstacles and a pending extension.
 */
const ITEM_COLUMNS = `
  x.assignment_id AS "assignmentId", x.plan_id AS "planId", pw.plan_title AS "planTitle", x.plan_symbol AS "planSymbol",
  x.task_id AS "taskId", x.task_ordinal AS "taskOrdinal", pw.task_content AS "taskContent", x.unit_code AS "unitCode",
  coalesce(du.official_name, x.unit_code) AS "unitName", x.role, x.status, x.percent, x.verification,
  to_char(x.due, 'YYYY-MM-DD') AS due, to_char(x.original_due, 'YYYY-MM-DD') AS "originalDue", x.urgency, x.days,
  (SELECT count(*) FROM obstacle o WHERE o.assignment_id = x.assignment_id AND o.status IN ('open', 'escalated'))::int AS "openObstacles",
  EXISTS (SELECT 1 FROM extension_request e WHERE e.assignment_id = x.assignment_id AND e.status = 'pending') AS "pendingExtension",
  x.updated_at AS "updatedAt", x.version`;

/** The access facts of a planning row `pw` (with the holder's commune from `du` and the task's lead units). */
const FACT_COLUMNS = workFactColumns('pw', 'du');

interface ItemRow {
  assignmentId: string;
  planId: string;
  planTitle: string;
  planSymbol: string;
  taskId: string;
  taskOrdinal: number;
  taskContent: string;
  unitCode: string;
  unitName: string;
  role: 'lead' | 'coordinator';
  status: WorkItemDto['status'];
  percent: number;
  verification: WorkItemDto['verification'];
  due: string | null;
  originalDue: string | null;
  urgency: WorkItemDto['urgency'];
  days: number | null;
  openObstacles: number;
  pendingExtension: boolean;
  updatedAt: Date | string | null;
  version: number;
}

type FactRow = WorkFactsRow;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toItem(r: ItemRow): WorkItemDto {
  return {
    assignmentId: r.assignmentId,
    planId: r.planId,
    planTitle: r.planTitle,
    planSymbol: r.planSymbol,
    taskId: r.taskId,
    taskOrdinal: Number(r.taskOrdinal),
    taskContent: r.taskContent,
    unitCode: r.unitCode,
    unitName: r.unitName,
    role: r.role,
    status: r.status,
    percent: Number(r.percent),
    verification: r.verification,
    due: r.due,
    originalDue: r.originalDue,
    urgency: r.urgency,
    days: r.days === null ? null : Number(r.days),
    openObstacles: Number(r.openObstacles),
    pendingExtension: r.pendingExtension,
    updatedAt: iso(r.updatedAt),
    version: Number(r.version),
  };
}

const toFacts = toWorkFacts;

/** Counts of one role from tally sums. */
interface CountsRow {
  total: string | number;
  not_started: string | number;
  in_progress: string | number;
  done: string | number;
  unable: string | number;
  verified: string | number;
  pending: string | number;
  overdue: string | number;
  percent_sum: string | number;
}

const COUNT_COLUMNS = (t: string) => `
  sum(n) AS total,
  coalesce(sum(n) FILTER (WHERE status = 'not-started'), 0) AS not_started,
  coalesce(sum(n) FILTER (WHERE status = 'in-progress'), 0) AS in_progress,
  coalesce(sum(n) FILTER (WHERE status = 'done'), 0) AS done,
  coalesce(sum(n) FILTER (WHERE status = 'unable'), 0) AS unable,
  coalesce(sum(n) FILTER (WHERE verification = 'verified'), 0) AS verified,
  coalesce(sum(n) FILTER (WHERE verification = 'pending'), 0) AS pending,
  coalesce(sum(n) FILTER (WHERE due < ${t} AND status <> 'done' AND verification <> 'verified'), 0) AS overdue,
  sum(percent_sum) AS percent_sum`;

/** How long an assembled roll-up is kept at most (unit names may change without the tallies moving). */
const PROGRESS_CACHE_MS = 60_000;
const PROGRESS_CACHE_SIZE = 2_000;

export const EMPTY_COUNTS: StatusCountsDto = { total: 0, notStarted: 0, inProgress: 0, done: 0, unable: 0, verified: 0, pendingVerification: 0, overdue: 0, percent: 0 };

function toCounts(r: CountsRow | undefined): StatusCountsDto {
  if (!r) return { ...EMPTY_COUNTS };
  const total = Number(r.total);
  return {
    total,
    notStarted: Number(r.not_started),
    inProgress: Number(r.in_progress),
    done: Number(r.done),
    unable: Number(r.unable),
    verified: Number(r.verified),
    pendingVerification: Number(r.pending),
    overdue: Number(r.overdue),
    percent: total ? Math.round(Number(r.percent_sum) / total) : 0,
  };
}

/** The pg pool under TypeORM's PostgreSQL driver, when there is one (for named, prepared statements). */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

@Injectable()
export class SqlWorkReadModel extends WorkReadModel {
  constructor(private readonly ds: DataSource) {
    super();
  }

  /**
   * Runs a read as a named prepared statement (named by its text's hash): PostgreSQL plans each list's
   * shape once per connection instead of on every request — the planning of these statements costs
   * more than running them on a commune's hundred rows.
   */
  private async read<T>(text: string, values: unknown[]): Promise<T[]> {
    const pool = (this.ds.driver as unknown as { master?: PgPool }).master;
    if (!pool || typeof pool.query !== 'function') return this.ds.query(text, values);
    const name = `exec_read_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    return (await pool.query({ name, text, values })).rows as T[];
  }

  async list(v: WorkVisibility, reach: WorkListReach, filter: WorkListFilter, page: WorkPage, today: string): Promise<WorkListDto> {
    const p = new Params();
    const reachSql = reach === 'mine' ? mineSql(v, 'pa', p) : p.visible(v, 'pa');
    const base = workBase(reachSql, filter, today, p);
    const chips = chipWhere(filter, p);
    const limit = p.add(page.limit);
    const offset = p.add(page.offset);
    const rows = await this.read<ItemRow & { total: string; overdue_n: string; due_soon_n: string; done_n: string; pending_n: string; open_n: string; has_row: boolean }>(
      `WITH w AS MATERIALIZED (${base}),
            agg AS (SELECT count(*) FILTER (WHERE ${chips}) AS total,
                           count(*) FILTER (WHERE w.urgency = 'overdue') AS overdue_n,
                           count(*) FILTER (WHERE w.urgency = 'due-soon') AS due_soon_n,
                           count(*) FILTER (WHERE w.status = 'done') AS done_n,
                           count(*) FILTER (WHERE w.verification = 'pending') AS pending_n,
                           count(*) FILTER (WHERE w.urgency <> 'closed') AS open_n
                      FROM w),
            pg AS (SELECT w.*, row_number() OVER (ORDER BY ${ORDER}) AS rn FROM w WHERE ${chips} ORDER BY ${ORDER} LIMIT ${limit} OFFSET ${offset})
       SELECT agg.*, x.assignment_id IS NOT NULL AS has_row, ${ITEM_COLUMNS}
         FROM agg
         LEFT JOIN pg x ON true
         LEFT JOIN planning_assignment pw ON pw.assignment_id = x.assignment_id
         LEFT JOIN directory_unit du ON du.code = x.unit_code
        ORDER BY x.rn`,
      p.values,
    );
    const first = rows[0];
    return {
      items: rows.filter((r) => r.has_row).map(toItem),
      total: Number(first?.total ?? 0),
      counts: {
        overdue: Number(first?.overdue_n ?? 0),
        dueSoon: Number(first?.due_soon_n ?? 0),
        done: Number(first?.done_n ?? 0),
        pendingVerification: Number(first?.pending_n ?? 0),
        open: Number(first?.open_n ?? 0),
      },
    };
  }

  async pendingVerification(v: WorkVisibility, filter: WorkListFilter, today: string): Promise<WorkItemWithFacts[]> {
    const p = new Params();
    const base = workBase(p.visible(v, 'pa'), filter, today, p, `ws.verification = 'pending'`);
    const chips = chipWhere({ ...filter, verification: undefined }, p);
    const rows: (ItemRow & FactRow)[] = await this.ds.query(
      `WITH w AS MATERIALIZED (${base})
       SELECT ${ITEM_COLUMNS}, ${FACT_COLUMNS}
         FROM (SELECT w.* FROM w WHERE ${chips}) x
         JOIN planning_assignment pw ON pw.assignment_id = x.assignment_id
         LEFT JOIN directory_unit du ON du.code = x.unit_code
        ORDER BY x.updated_at NULLS LAST, x.assignment_id`,
      p.values,
    );
    return rows.map((r) => ({ item: toItem(r), facts: toFacts(r) }));
  }

  /** Assembled roll-ups by plan, caller's unit filter and day, valid while the plan's tally version holds (a minute at most). */
  private readonly progressCache = new Map<string, { version: string; at: number; dto: PlanProgressDto }>();

  async planProgress(v: WorkVisibility, planId: string, today: string, asOf: string): Promise<PlanProgressDto | null> {
    // One primary-key read and the visibility test; the tallies are read again only when they changed.
    const pv = new Params();
    const [head] = await this.read<{ visible: boolean; version: string | null }>(
      `SELECT EXISTS (SELECT 1 FROM planning_assignment pa WHERE pa.plan_id = ${pv.add(planId)}::uuid AND ${pv.visible(v, 'pa')}) AS visible,
              (SELECT version::text FROM work_tally_plan WHERE plan_id = $1::uuid) AS version`,
      pv.values,
    );
    if (!head?.visible) return null;
    const key = `${planId}|${v.tier === 2 ? `${v.unitCode}|${v.communeCode ?? ''}` : '*'}|${today}`;
    const kept = this.progressCache.get(key);
    // The very object kept (its `asOf` the moment it was assembled): the HTTP layer keeps its encoded
    // body by identity, so an unchanged roll-up is neither rebuilt nor re-encoded.
    if (kept && kept.version === (head.version ?? '0') && Date.now() - kept.at < PROGRESS_CACHE_MS) return kept.dto;
    const dto = await this.readProgress(v, planId, today, asOf);
    if (dto) {
      if (this.progressCache.size >= PROGRESS_CACHE_SIZE) this.progressCache.delete(this.progressCache.keys().next().value as string);
      this.progressCache.set(key, { version: head.version ?? '0', at: Date.now(), dto });
    }
    return dto;
  }

  private async readProgress(v: WorkVisibility, planId: string, today: string, asOf: string): Promise<PlanProgressDto | null> {
    const p = new Params();
    const plan = `${p.add(planId)}::uuid`;
    const visible = p.visible(v, 'pa');
    const t = `${p.add(today)}::date`;
    // A commune account's roll-up by unit shows its own units only; tier 1 sees every unit of the plan.
    const unitFilter =
      v.tier === 2
        ? `AND (u.unit_code = ${p.add(v.unitCode)}${v.communeCode ? ` OR u.unit_code IN (SELECT code FROM directory_unit WHERE commune_code = ${p.add(v.communeCode)})` : ''})`
        : '';
    type Row = CountsRow & { kind: 'visible' | 'plan' | 'task' | 'unit'; key: string | null; role: 'lead' | 'coordinator' | null; ordinal: number | null; name: string | null; tier: number | null };
    const rows = await this.read<Row>(
      `WITH ok AS (SELECT EXISTS (SELECT 1 FROM planning_assignment pa WHERE pa.plan_id = ${plan} AND ${visible}) AS visible)
       SELECT 'visible' AS kind, NULL AS key, NULL AS role, NULL::int AS ordinal, NULL AS name, NULL::int AS tier,
              0 AS total, 0 AS not_started, 0 AS in_progress, 0 AS done, 0 AS unable, 0 AS verified, 0 AS pending, 0 AS overdue, 0 AS percent_sum
         FROM ok WHERE ok.visible
       UNION ALL
       SELECT 'task', t.task_id::text, t.role, min(k.ordinal), NULL, NULL, ${COUNT_COLUMNS(t)}
         FROM work_task_tally t LEFT JOIN work_tally_task k ON k.plan_id = t.plan_id AND k.task_id = t.task_id
        WHERE t.plan_id = ${plan} AND (SELECT visible FROM ok)
        GROUP BY t.task_id, t.role
       UNION ALL
       SELECT 'unit', u.unit_code, u.role, NULL, min(du.official_name), min(du.tier)::int, ${COUNT_COLUMNS(t)}
         FROM work_unit_tally u LEFT JOIN directory_unit du ON du.code = u.unit_code
        WHERE u.plan_id = ${plan} AND (SELECT visible FROM ok) ${unitFilter}
        GROUP BY u.unit_code, u.role`,
      p.values,
    );
    if (!rows.some((r) => r.kind === 'visible')) return null;
    const lead: Row[] = [];
    const coordinator: Row[] = [];
    const tasks = new Map<string, PlanProgressDto['byTask'][number]>();
    const units = new Map<string, PlanProgressDto['byUnit'][number]>();
    for (const r of rows) {
      if (r.kind === 'task' && r.key && r.role) {
        (r.role === 'lead' ? lead : coordinator).push(r);
        const row = tasks.get(r.key) ?? { taskId: r.key, ordinal: Number(r.ordinal ?? 0), lead: { ...EMPTY_COUNTS }, coordinator: { ...EMPTY_COUNTS } };
        row[r.role] = toCounts(r);
        tasks.set(r.key, row);
      } else if (r.kind === 'unit' && r.key && r.role) {
        const row = units.get(r.key) ?? { unitCode: r.key, unitName: r.name ?? r.key, tier: (Number(r.tier) === 2 ? 2 : 1) as 1 | 2, lead: { ...EMPTY_COUNTS }, coordinator: { ...EMPTY_COUNTS } };
        row[r.role] = toCounts(r);
        units.set(r.key, row);
      }
    }
    return {
      planId,
      asOf,
      lead: sumCounts(lead),
      coordinator: sumCounts(coordinator),
      byTask: [...tasks.values()].sort((a, b) => a.ordinal - b.ordinal || a.taskId.localeCompare(b.taskId)),
      byUnit: [...units.values()].sort((a, b) => a.tier - b.tier || a.unitName.localeCompare(b.unitName, 'vi') || a.unitCode.localeCompare(b.unitCode)),
    };
  }

  async assignmentEvents(assignmentId: string): Promise<AssignmentStreamEvent[]> {
    const rows: { id: string; type: string; occurredAt: Date; actorUsername: string; actorUnitCode: string | null; payload: Record<string, unknown> }[] =
      await this.ds.query(
        `SELECT event_id AS id, type, occurred_at AS "occurredAt", actor_username AS "actorUsername", actor_unit_code AS "actorUnitCode", payload
           FROM event_log WHERE aggregate_type = 'assignment' AND aggregate_id = $1 ORDER BY sequence`,
        [assignmentId],
      );
    return rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt) }));
  }

  async waitingForDecision(provinceCode: string): Promise<{ escalations: WaitingObstacle[]; extensions: WaitingExtension[] }> {
    type Row = FactRow & {
      kind: 'obstacle' | 'extension';
      assignmentId: string;
      planTitle: string;
      taskContent: string;
      unitName: string;
      item: Record<string, unknown>;
    };
    const rows: Row[] = await this.ds.query(
      `WITH waiting AS (
         SELECT 'obstacle' AS kind, o.assignment_id, o.raised_at AS at,
                json_build_object('id', o.id, 'description', o.description, 'proposal', o.proposal, 'status', o.status, 'raisedAt', o.raised_at,
                  'raisedBy', o.raised_by, 'answer', o.answer, 'answeredBy', o.answered_by, 'escalatedAt', o.escalated_at, 'directive', o.directive,
                  'directedBy', o.directed_by, 'directedAt', o.directed_at) AS item
           FROM obstacle o WHERE o.status = 'escalated'
         UNION ALL
         SELECT 'extension', e.assignment_id, e.requested_at,
                json_build_object('id', e.id, 'currentDue', to_char(e.current_due, 'YYYY-MM-DD'), 'requestedDue', to_char(e.requested_due, 'YYYY-MM-DD'),
                  'reason', e.reason, 'status', e.status, 'requestedAt', e.requested_at, 'requestedBy', e.requested_by, 'decidedAt', e.decided_at,
                  'decidedBy', e.decided_by, 'decisionNote', e.decision_note)
           FROM extension_request e WHERE e.status = 'pending'
       )
       SELECT wt.kind, wt.item, pw.assignment_id AS "assignmentId", pw.plan_title AS "planTitle", pw.task_content AS "taskContent",
              coalesce(du.official_name, pw.unit_code) AS "unitName", pw.unit_code AS "unitCode", pw.role, ${FACT_COLUMNS}
         FROM waiting wt
         JOIN planning_assignment pw ON pw.assignment_id = wt.assignment_id
         LEFT JOIN directory_unit du ON du.code = pw.unit_code
        WHERE pw.province_code = $1
        ORDER BY wt.at, pw.assignment_id`,
      [provinceCode],
    );
    const escalations: WaitingObstacle[] = [];
    const extensions: WaitingExtension[] = [];
    for (const r of rows) {
      const common = { assignmentId: r.assignmentId, planTitle: r.planTitle, taskContent: r.taskContent, unitName: r.unitName, facts: toFacts(r) };
      const item = r.item;
      if (r.kind === 'obstacle') {
        escalations.push({ ...(item as unknown as WaitingObstacle), raisedAt: iso(item['raisedAt'] as string) as string, escalatedAt: iso(item['escalatedAt'] as string | null), directedAt: iso(item['directedAt'] as string | null), ...common });
      } else {
        extensions.push({ ...(item as unknown as WaitingExtension), requestedAt: iso(item['requestedAt'] as string) as string, decidedAt: iso(item['decidedAt'] as string | null), ...common });
      }
    }
    return { escalations, extensions };
  }
}

function sumCounts(rows: CountsRow[]): StatusCountsDto {
  if (!rows.length) return { ...EMPTY_COUNTS };
  const keys = ['total', 'not_started', 'in_progress', 'done', 'unable', 'verified', 'pending', 'overdue', 'percent_sum'] as const;
  const sum = Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + Number(r[k]), 0)])) as unknown as CountsRow;
  return toCounts(sum);
}
