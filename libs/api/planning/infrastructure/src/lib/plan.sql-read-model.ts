import { Injectable } from '@nestjs/common';
import { PlanReadModel } from '@dieu-hanh/api/planning/application';
import type { PlanVisibility } from '@dieu-hanh/api/shared/auth';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import type { AssignmentDetailDto, AssignmentDto, PlanDetailDto, PlanSummaryDto, PlanTaskDto } from '@dieu-hanh/shared/contracts';

/**
 * All SQL of the plan read side. Visibility is a WHERE clause from the caller's scope (DOMAIN.md):
 * leaders and the committee office see every submitted plan of the province; a unit sees the plans it
 * drafts, issues or is focal for, and those where it holds an assignment; a commune also sees its
 * offices' assignments. Inside a plan, a commune sees only its own assignments.
 */
const SUMMARY = `p.id, p.title, p.symbol, p.number, p.year, p.status, p.version, p.issuer_unit_code AS "issuerUnitCode",
  p.drafting_unit_code AS "draftingUnitCode", p.focal_unit_code AS "focalUnitCode", to_char(p.issue_date, 'YYYY-MM-DD') AS "issueDate",
  (SELECT count(*)::int FROM plan_task t WHERE t.plan_id = p.id) AS "taskCount"`;

function visible(v: PlanVisibility, params: unknown[]): string {
  params.push(v.provinceCode, v.unitCode, v.communeCode);
  const [prov, unit, commune] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
  // The issuing committee sees a plan once it is submitted; the drafting unit sees its drafts too.
  const own = `(p.drafting_unit_code = ${unit} OR (p.issuer_unit_code = ${unit} AND p.status <> 'draft') OR p.focal_unit_code = ${unit}
      OR (${commune}::text IS NOT NULL AND p.issuer_unit_code = ${commune})
      OR EXISTS (SELECT 1 FROM assignment a JOIN org_unit au ON au.code = a.unit_code
                  WHERE a.plan_id = p.id AND (a.unit_code = ${unit} OR (${commune}::text IS NOT NULL AND au.commune_code = ${commune}))))`;
  return v.seesWholeProvince
    ? `p.province_code = ${prov} AND (p.status <> 'draft' OR ${own})`
    : `p.province_code = ${prov} AND ${own}`;
}

@Injectable()
export class PlanSqlReadModel extends PlanReadModel {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async list(v: PlanVisibility, f: { status?: string; year?: number; limit: number; offset: number }) {
    const params: unknown[] = [];
    const where = [visible(v, params)];
    if (f.status) {
      params.push(f.status);
      where.push(`p.status = $${params.length}`);
    }
    if (f.year) {
      params.push(f.year);
      where.push(`p.year = $${params.length}`);
    }
    params.push(f.limit, f.offset);
    const rows: (PlanSummaryDto & { total: string })[] = await this.tx.manager().query(
      `SELECT ${SUMMARY}, count(*) OVER () AS total FROM plan p WHERE ${where.join(' AND ')}
        ORDER BY p.year DESC, p.updated_at DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(({ total: _t, ...r }) => r), total: rows.length ? Number(rows[0].total) : 0 };
  }

  async get(id: string, v: PlanVisibility): Promise<PlanDetailDto | null> {
    const params: unknown[] = [id];
    const rows = await this.tx.manager().query(
      `SELECT ${SUMMARY}, p.review_comments AS "reviewComments" FROM plan p WHERE p.id = $1 AND ${visible(v, params)}`,
      params,
    );
    if (!rows.length) return null;
    const tasks: PlanTaskDto[] = await this.tx.manager().query(
      `SELECT id, ordinal, section, content, expected_result AS "expectedResult", directing_leader AS "directingLeader", timeframe, leads, coordinators
         FROM plan_task WHERE plan_id = $1 ORDER BY ordinal`,
      [id],
    );
    // A commune sees only its own (and its offices') assignments; tier 1 sees all of a plan it may see.
    const assignments: (AssignmentDto & { taskId: string })[] = await this.tx.manager().query(
      `SELECT a.id, a.task_id AS "taskId", a.unit_code AS "unitCode", u.short_name AS "unitName", a.role, a.via_group AS "viaGroup",
              a.succeeds, a.status
         FROM assignment a JOIN org_unit u ON u.code = a.unit_code
        WHERE a.plan_id = $1 AND ($2::text IS NULL OR u.commune_code = $2)
        ORDER BY a.role DESC, u.search_text`,
      [id, v.communeCode],
    );
    const byTask = new Map<string, AssignmentDto[]>();
    for (const a of assignments) byTask.set(a.taskId, [...(byTask.get(a.taskId) ?? []), a]);
    const codes = [...new Set(tasks.flatMap((t) => [...t.leads, ...t.coordinators].map((r) => ('unit' in r ? r.unit : r.group))))];
    const named: { code: string; name: string }[] = await this.tx.manager().query(
      `SELECT code, short_name AS name FROM org_unit WHERE code = ANY($1::text[])
       UNION ALL SELECT code, name FROM org_unit_group WHERE code = ANY($1::text[])`,
      [codes],
    );
    return {
      ...rows[0],
      tasks: tasks.map((t) => ({ ...t, assignments: byTask.get(t.id) ?? [] })),
      names: Object.fromEntries(named.map((n) => [n.code, n.name])),
    };
  }

  /** One assignment: visible when its plan is, and — for a commune — only if it is the commune's own. */
  async assignment(id: string, v: PlanVisibility): Promise<AssignmentDetailDto | null> {
    const params: unknown[] = [id];
    const rows = await this.tx.manager().query(
      `SELECT a.id, a.task_id AS "taskId", a.unit_code AS "unitCode", u.short_name AS "unitName", a.role, a.via_group AS "viaGroup",
              a.succeeds, a.status, u.commune_code AS "communeCode",
              json_build_object('id', p.id, 'title', p.title, 'symbol', p.symbol, 'number', p.number, 'year', p.year, 'status', p.status,
                                'issueDate', to_char(p.issue_date, 'YYYY-MM-DD'), 'focalUnitCode', p.focal_unit_code) AS plan,
              json_build_object('id', t.id, 'ordinal', t.ordinal, 'section', t.section, 'content', t.content, 'expectedResult', t.expected_result,
                                'directingLeader', t.directing_leader, 'timeframe', t.timeframe, 'leads', t.leads, 'coordinators', t.coordinators) AS task
         FROM assignment a
         JOIN org_unit u ON u.code = a.unit_code
         JOIN plan_task t ON t.id = a.task_id
         JOIN plan p ON p.id = a.plan_id
        WHERE a.id = $1 AND ${visible(v, params)}`,
      params,
    );
    const row = rows[0];
    if (!row || (v.communeCode && row.communeCode !== v.communeCode)) return null;
    const { communeCode: _c, ...dto } = row;
    return dto;
  }
}
