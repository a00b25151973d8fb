import { Injectable } from '@nestjs/common';
import {
  type PlanListFilter,
  PlanReadModel,
  type PlanVisibility,
  type WithStanding,
  myRolesSql,
  planAccessSql,
  standingSql,
} from '@dieu-hanh/api/planning/application';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import type {
  AssignmentDetailDto,
  AssignmentDto,
  ImplementingPlansDto,
  MyAssignmentsDto,
  PlanDetailDto,
  PlanHistoryEntryDto,
  PlanIndicatorDto,
  PlanSummaryDto,
  PlanTaskDto,
  TaskAssignmentsDto,
  UnitRefDto,
} from '@dieu-hanh/shared/contracts';
import { parseIndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';
import { liveIndicatorsOf, liveTasksOf } from './plan-rows.sql';
import { escapeLikePattern, foldVietnamese } from '@dieu-hanh/shared/util-text';

/**
 * All SQL of the plan read side. Visibility and the caller's roles are WHERE clauses and columns from
 * planning's access policy, in its SQL twin (`planAccessSql`, libs/api/planning/application/src/lib/access):
 * this file never writes an access rule of its own. Inside a plan, a commune sees only its own assignments.
 */
const SUMMARY = `p.id, p.title, p.symbol, p.number, p.year, p.status, p.version, p.issuer_unit_code AS "issuerUnitCode",
  p.drafting_unit_code AS "draftingUnitCode", (SELECT du.short_name FROM directory_unit du WHERE du.code = p.drafting_unit_code) AS "draftingUnitName",
  p.focal_unit_code AS "focalUnitCode", to_char(p.issue_date, 'YYYY-MM-DD') AS "issueDate",
  p.parent_plan_id AS "parentPlanId",
  (SELECT count(*)::int FROM plan_task t WHERE t.plan_id = p.id AND t.removed_at IS NULL) AS "taskCount",
  (SELECT count(*)::int FROM plan_indicator i WHERE i.plan_id = p.id AND i.removed_at IS NULL) AS "indicatorCount"`;

/** The policy's predicates as the read model names them (`where` and the `roles` filters). */
function visible(v: PlanVisibility, params: unknown[]) {
  return planAccessSql(v, params);
}

/** How many assignments of each task the plan detail carries; the rest are paged per task. */
const ASSIGNMENTS_PER_TASK = 10;

const refCodes = (refs: UnitRefDto[]) =>
  refs.flatMap((r) => ('unit' in r ? [r.unit] : 'group' in r ? [r.group] : []));

@Injectable()
export class PlanSqlReadModel extends PlanReadModel {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async list(v: PlanVisibility, f: PlanListFilter) {
    const params: unknown[] = [];
    const access = visible(v, params);
    const { roles } = access;
    const where = [access.where];
    if (f.status) {
      params.push(f.status);
      where.push(`p.status = $${params.length}`);
    }
    if (f.year) {
      params.push(f.year);
      where.push(`p.year = $${params.length}`);
    }
    if (f.role) where.push(roles[f.role]);
    for (const token of foldVietnamese(f.q ?? '')
      .split(' ')
      .filter(Boolean)
      .slice(0, 8)) {
      params.push(`%${escapeLikePattern(token)}%`);
      where.push(`p.search_text LIKE $${params.length}`);
    }
    if (f.parentPlanId) {
      params.push(f.parentPlanId);
      where.push(`p.parent_plan_id = $${params.length}`);
    }
    const standing = standingSql(access);
    params.push(f.limit, f.offset);
    const rows: (WithStanding<PlanSummaryDto> & { total: string })[] = await this.tx.manager().query(
      `SELECT ${SUMMARY}, ${myRolesSql(roles)}, ${standing}, count(*) OVER () AS total FROM plan p WHERE ${where.join(' AND ')}
        ORDER BY p.year DESC, p.updated_at DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(({ total: _t, ...r }) => r), total: rows.length ? Number(rows[0].total) : 0 };
  }

  async get(id: string, v: PlanVisibility): Promise<WithStanding<PlanDetailDto> | null> {
    const params: unknown[] = [id];
    const access = visible(v, params);
    const { where, roles } = access;
    const m = this.tx.manager();
    const rows = await m.query(
      `SELECT ${SUMMARY}, ${myRolesSql(roles)}, ${standingSql(access)}, p.review_comments AS "reviewComments", p.document, p.amendment_count AS "amendmentCount",
              (SELECT json_build_object('id', pp.id, 'title', pp.title, 'symbol', pp.symbol, 'number', pp.number, 'year', pp.year,
                                        'issuerUnitCode', pp.issuer_unit_code)
                 FROM plan pp WHERE pp.id = p.parent_plan_id) AS parent
         FROM plan p WHERE p.id = $1 AND ${where}`,
      params,
    );
    if (!rows.length) return null;
    const [tasks, indicators, assignmentRows] = await Promise.all([
      liveTasksOf<Omit<PlanTaskDto, 'assignments' | 'assignmentCounts'>>(m, id),
      liveIndicatorsOf<Omit<PlanIndicatorDto, 'targets'> & { targets: { year: number; text: string }[] }>(
        m,
        id,
      ),
      // A commune sees only its own (and its offices') assignments; tier 1 sees all of a plan it may see,
      // but a plan like 402 holds 13,000: the detail carries the first ASSIGNMENTS_PER_TASK of each task
      // and the counts; the rest are paged per task (GET /plans/:id/tasks/:taskId/assignments).
      m.query(
        `SELECT id, "taskId", "unitCode", "unitName", role, "viaGroup", succeeds, status, total::int, leads::int, coordinators::int, withdrawn::int
             FROM (SELECT a.id, a.task_id AS "taskId", a.unit_code AS "unitCode", u.short_name AS "unitName", a.role, a.via_group AS "viaGroup",
                          a.succeeds, a.status,
                          row_number() OVER w AS n,
                          count(*) FILTER (WHERE a.status = 'assigned') OVER t AS total,
                          count(*) FILTER (WHERE a.status = 'assigned' AND a.role = 'lead') OVER t AS leads,
                          count(*) FILTER (WHERE a.status = 'assigned' AND a.role = 'coordinator') OVER t AS coordinators,
                          count(*) FILTER (WHERE a.status = 'withdrawn') OVER t AS withdrawn
                     FROM assignment a JOIN directory_unit u ON u.code = a.unit_code
                    WHERE a.plan_id = $1 AND ($2::text IS NULL OR u.commune_code = $2)
                   WINDOW t AS (PARTITION BY a.task_id),
                          w AS (PARTITION BY a.task_id ORDER BY a.status, a.role DESC, a.via_group NULLS FIRST, u.search_text)) x
            WHERE n <= $3`,
        [id, v.communeCode, ASSIGNMENTS_PER_TASK],
      ),
    ]);
    // Each row carries its task's counts (window functions): keep them per task, not per assignment.
    const counts = new Map<string, PlanTaskDto['assignmentCounts']>();
    const assignments: AssignmentDto[] = (
      assignmentRows as (AssignmentDto & {
        total: number;
        leads: number;
        coordinators: number;
        withdrawn: number;
      })[]
    ).map(({ total, leads, coordinators, withdrawn, ...a }) => {
      counts.set(a.taskId, { total, lead: leads, coordinator: coordinators, withdrawn });
      return a;
    });
    const byTask = new Map<string, AssignmentDto[]>();
    for (const a of assignments) byTask.set(a.taskId, [...(byTask.get(a.taskId) ?? []), a]);
    const { document, ...plan } = rows[0];
    const doc = {
      theme: null,
      legalBases: [],
      purposes: [],
      directingLeaders: [],
      reportingDuties: [],
      sections: [],
      ...document,
    };
    const codes = [
      ...new Set([
        ...tasks.flatMap((t) => refCodes([...t.leads, ...t.coordinators])),
        ...indicators.flatMap((i) => refCodes([...i.focal, ...i.implementing, ...i.coordinators])),
        ...doc.reportingDuties.flatMap((d: { unitCode: string | null }) => (d.unitCode ? [d.unitCode] : [])),
        ...assignments.flatMap((a) => [a.succeeds, a.viaGroup].filter((c): c is string => !!c)),
        plan.issuerUnitCode,
        plan.draftingUnitCode,
        ...(plan.focalUnitCode ? [plan.focalUnitCode] : []),
      ]),
    ];
    const named: { code: string; name: string }[] = await m.query(
      `SELECT code, short_name AS name FROM directory_unit WHERE code = ANY($1::text[])
       UNION ALL SELECT code, name FROM directory_unit_group WHERE code = ANY($1::text[])`,
      [codes],
    );
    const parsedIndicators = indicators.map((i) => ({
      ...i,
      targets: i.targets.map((t) => ({ ...t, parsed: parseIndicatorTarget(t.text) })),
    }));
    const pendingIn = (refs: UnitRefDto[]) => refs.filter((r) => 'pending' in r).length;
    const attention = {
      pendingReferences:
        tasks.reduce((n, t) => n + pendingIn(t.leads) + pendingIn(t.coordinators), 0) +
        indicators.reduce(
          (n, i) => n + pendingIn(i.focal) + pendingIn(i.implementing) + pendingIn(i.coordinators),
          0,
        ),
      unknownTimeframes: tasks.filter((t) => t.timeframeNormalized?.kind === 'unknown').length,
      unknownTargets: parsedIndicators.reduce(
        (n, i) => n + i.targets.filter((t) => t.parsed.kind === 'unknown').length,
        0,
      ),
    };
    return {
      ...plan,
      ...doc,
      attention,
      tasks: tasks.map((t) => ({
        ...t,
        assignments: byTask.get(t.id) ?? [],
        assignmentCounts: counts.get(t.id) ?? { total: 0, lead: 0, coordinator: 0, withdrawn: 0 },
      })),
      indicators: parsedIndicators,
      names: Object.fromEntries(named.map((n) => [n.code, n.name])),
    };
  }

  /** One assignment: visible when its plan is, and — for a commune — only if it is the commune's own. */
  async assignment(id: string, v: PlanVisibility): Promise<AssignmentDetailDto | null> {
    const params: unknown[] = [id];
    const { where } = visible(v, params);
    const rows = await this.tx.manager().query(
      `SELECT a.id, a.task_id AS "taskId", a.unit_code AS "unitCode", u.short_name AS "unitName", a.role, a.via_group AS "viaGroup",
              a.succeeds, a.status, u.commune_code AS "communeCode",
              json_build_object('id', p.id, 'title', p.title, 'symbol', p.symbol, 'number', p.number, 'year', p.year, 'status', p.status,
                                'issueDate', to_char(p.issue_date, 'YYYY-MM-DD'), 'focalUnitCode', p.focal_unit_code) AS plan,
              json_build_object('id', t.id, 'ordinal', t.ordinal, 'section', t.section, 'content', t.content, 'expectedResult', t.expected_result,
                                'directingLeader', t.directing_leader, 'timeframe', t.timeframe, 'timeframeNormalized', t.timeframe_normalized,
                                'notes', t.notes, 'parentTaskId', t.parent_task_id, 'leads', t.leads, 'coordinators', t.coordinators) AS task
         FROM assignment a
         JOIN directory_unit u ON u.code = a.unit_code
         JOIN plan_task t ON t.id = a.task_id
         JOIN plan p ON p.id = a.plan_id
        WHERE a.id = $1 AND ${where}`,
      params,
    );
    const row = rows[0];
    if (!row || (v.communeCode && row.communeCode !== v.communeCode)) return null;
    const { communeCode: _c, ...dto } = row;
    return dto;
  }

  /** All assignments of one task the caller may see (a commune: its own), paged, leads first. */
  async taskAssignments(
    planId: string,
    taskId: string,
    v: PlanVisibility,
    page: { limit: number; offset: number },
  ): Promise<TaskAssignmentsDto | null> {
    const params: unknown[] = [planId];
    const { where } = visible(v, params);
    const m = this.tx.manager();
    if (
      !(
        await m.query(
          `SELECT 1 FROM plan p JOIN plan_task t ON t.plan_id = p.id AND t.id = $${params.length + 1} WHERE p.id = $1 AND ${where}`,
          [...params, taskId],
        )
      ).length
    ) {
      return null;
    }
    const rows = await m.query(
      `SELECT a.id, a.task_id AS "taskId", a.unit_code AS "unitCode", u.short_name AS "unitName", a.role, a.via_group AS "viaGroup",
              a.succeeds, a.status, count(*) OVER () AS total
         FROM assignment a JOIN directory_unit u ON u.code = a.unit_code
        WHERE a.task_id = $1 AND ($2::text IS NULL OR u.commune_code = $2)
        ORDER BY a.status, a.role DESC, a.via_group NULLS FIRST, u.search_text
        LIMIT $3 OFFSET $4`,
      [taskId, v.communeCode, page.limit, page.offset],
    );
    return {
      items: rows.map(({ total: _t, ...r }: { total: string }) => r),
      total: rows.length ? Number(rows[0].total) : 0,
      limit: page.limit,
      offset: page.offset,
    };
  }

  async isVisible(id: string, v: PlanVisibility): Promise<boolean> {
    const params: unknown[] = [id];
    const { where } = visible(v, params);
    return (await this.tx.manager().query(`SELECT 1 FROM plan p WHERE p.id = $1 AND ${where}`, params)).length > 0;
  }

  /** The plan's own events, oldest first: who drafted, submitted, returned (with comments), issued, amended (why). */
  async history(id: string, v: PlanVisibility): Promise<PlanHistoryEntryDto[] | null> {
    if (!(await this.isVisible(id, v))) return null;
    return this.tx.manager().query(
      `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, type, actor_username AS actor,
              actor_unit_code AS "unitCode", payload
         FROM event_log WHERE aggregate_type = 'plan' AND aggregate_id = $1 ORDER BY sequence`,
      [id],
    );
  }

  /**
   * For a parent plan: every unit holding an assignment in force, and the implementing plan it drafted
   * or issued (the most advanced one). One query, whatever the number of communes.
   */
  async implementing(id: string, v: PlanVisibility): Promise<ImplementingPlansDto | null> {
    if (!(await this.isVisible(id, v))) return null;
    const m = this.tx.manager();
    const units: ImplementingPlansDto['units'] = await m.query(
      `WITH holders AS (
         SELECT DISTINCT a.unit_code FROM assignment a WHERE a.plan_id = $1 AND a.status = 'assigned'
       )
       SELECT h.unit_code AS "unitCode", u.short_name AS "unitName",
              (SELECT json_build_object('id', c.id, 'title', c.title, 'symbol', c.symbol, 'number', c.number, 'status', c.status,
                                        'issueDate', to_char(c.issue_date, 'YYYY-MM-DD'))
                 FROM plan c
                WHERE c.parent_plan_id = $1 AND (c.issuer_unit_code = h.unit_code OR c.drafting_unit_code = h.unit_code)
                ORDER BY (c.status = 'issued') DESC, c.updated_at DESC LIMIT 1) AS plan
         FROM holders h JOIN directory_unit u ON u.code = h.unit_code
        ORDER BY u.search_text`,
      [id],
    );
    const visibleUnits = v.communeCode ? units.filter((u) => u.unitCode === v.communeCode) : units;
    return {
      parentPlanId: id,
      units: visibleUnits,
      issuedCount: visibleUnits.filter((u) => u.plan?.status === 'issued').length,
      total: visibleUnits.length,
    };
  }

  /** The caller's assignments in force in issued plans, soonest due first. */
  async myAssignments(v: PlanVisibility, page: { limit: number; offset: number }): Promise<MyAssignmentsDto> {
    const rows = await this.tx.manager().query(
      `SELECT a.id, a.task_id AS "taskId", a.unit_code AS "unitCode", u.short_name AS "unitName", a.role, a.via_group AS "viaGroup",
              a.succeeds, a.status, p.id AS "planId", p.title AS "planTitle",
              coalesce(p.number::text || '/', '') || p.symbol AS "planSymbol", t.content AS "taskContent", t.timeframe,
              to_char(t.due_date, 'YYYY-MM-DD') AS due, count(*) OVER () AS total
         FROM assignment a
         JOIN directory_unit u ON u.code = a.unit_code
         JOIN plan_task t ON t.id = a.task_id AND t.removed_at IS NULL
         JOIN plan p ON p.id = a.plan_id AND p.status = 'issued'
        WHERE a.status = 'assigned' AND p.province_code = $1
          -- The caller's units first (the unit, or a commune and its offices), so the planner starts from
          -- assignment_unit_idx instead of scanning every assignment of the province (37 ms → 2-6 ms on the demo).
          AND a.unit_code IN (SELECT mu.code FROM directory_unit mu WHERE mu.code = $2 OR ($3::text IS NOT NULL AND mu.commune_code = $3))
        ORDER BY t.due_date NULLS LAST, p.issue_date DESC, t.ordinal
        LIMIT $4 OFFSET $5`,
      [v.provinceCode, v.unitCode, v.communeCode, page.limit, page.offset],
    );
    return {
      items: rows.map(({ total: _t, ...r }: { total: string }) => r),
      total: rows.length ? Number(rows[0].total) : 0,
    };
  }
}
