import { Injectable } from '@nestjs/common';
import { type AssignmentOfWork, type ProgressUpdateRecord, type WorkPageParts, WorkRepository, type WorkStanding } from '@dieu-hanh/api/execution/application';
import type { WorkProps } from '@dieu-hanh/api/execution/domain';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import type { ExtensionRequestDto, ObstacleDto } from '@dieu-hanh/shared/contracts';
import { EXTENSION_DTO_COLUMNS } from './sql-extension.repository';
import { OBSTACLE_DTO_COLUMNS } from './sql-obstacle.repository';
import { type WorkFactsRow, toWorkFacts, workFactColumns } from '../work-facts.sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/**
 * One assignment from planning's published view, with the holder's commune and name from the
 * directory's `directory_unit` and the task's lead units in force (for access and the verifier).
 */
const ASSIGNMENT_SELECT = `
  SELECT pa.assignment_id AS "assignmentId", pa.plan_id AS "planId", pa.plan_title AS "planTitle", pa.plan_symbol AS "planSymbol",
         pa.task_id AS "taskId", pa.task_ordinal AS "taskOrdinal", pa.task_content AS "taskContent",
         to_char(pa.task_due, 'YYYY-MM-DD') AS "taskDue", pa.directing_leader AS "directingLeader",
         coalesce(du.official_name, pa.unit_code) AS "unitName",
         pa.unit_code AS "unitCode", pa.role, ${workFactColumns('pa', 'du')}
    FROM planning_assignment pa
    LEFT JOIN directory_unit du ON du.code = pa.unit_code`;

interface AssignmentRow extends WorkFactsRow {
  assignmentId: string;
  planId: string;
  planTitle: string;
  planSymbol: string;
  taskId: string;
  taskOrdinal: number;
  taskContent: string;
  taskDue: string | null;
  directingLeader: string | null;
  unitName: string;
}

export function toAssignmentOfWork(r: AssignmentRow): AssignmentOfWork {
  return {
    assignmentId: r.assignmentId,
    planId: r.planId,
    planTitle: r.planTitle,
    planSymbol: r.planSymbol,
    taskId: r.taskId,
    taskOrdinal: Number(r.taskOrdinal),
    taskContent: r.taskContent,
    taskDue: r.taskDue,
    directingLeader: r.directingLeader,
    unitName: r.unitName,
    access: toWorkFacts(r),
  };
}

const WORK_COLUMNS = `w.assignment_id AS "assignmentId", w.status, w.percent::int AS percent, w.note, w.result, w.verification,
  w.return_reason AS "returnReason", to_char(w.due_override, 'YYYY-MM-DD') AS "dueOverride", w.version, w.updated_at AS "updatedAt", w.updated_by AS "updatedBy"`;

const UPDATE_COLUMNS = `u.id, u.assignment_id AS "assignmentId", u.version, u.status, u.percent::int AS percent, u.note, u.result,
  u.evidence_ids::text[] AS "evidenceIds", u.principal, u.request_key AS "requestKey", u.created_by AS "createdBy"`;

/** `work_state` and `progress_update`, and execution's reads of the published planning and directory views. */
@Injectable()
export class SqlWorkRepository extends WorkRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  private q<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.tx.manager().query(sql, params);
  }

  async assignment(assignmentId: string): Promise<AssignmentOfWork | null> {
    if (!isUuid(assignmentId)) return null;
    const rows = await this.q<AssignmentRow>(`${ASSIGNMENT_SELECT} WHERE pa.assignment_id = $1`, [assignmentId]);
    return rows[0] ? toAssignmentOfWork(rows[0]) : null;
  }

  async assignmentsOfTask(taskId: string): Promise<AssignmentOfWork[]> {
    if (!isUuid(taskId)) return [];
    const rows = await this.q<AssignmentRow>(`${ASSIGNMENT_SELECT} WHERE pa.task_id = $1 AND pa.assignment_status = 'assigned' ORDER BY pa.role DESC, pa.unit_code`, [taskId]);
    return rows.map(toAssignmentOfWork);
  }

  async find(assignmentId: string): Promise<WorkProps | null> {
    if (!isUuid(assignmentId)) return null;
    const rows = await this.q<WorkProps>(`SELECT ${WORK_COLUMNS} FROM work_state w WHERE w.assignment_id = $1`, [assignmentId]);
    return rows[0] ?? null;
  }

  async findMany(assignmentIds: string[]): Promise<WorkProps[]> {
    const ids = assignmentIds.filter(isUuid);
    if (!ids.length) return [];
    return this.q<WorkProps>(`SELECT ${WORK_COLUMNS} FROM work_state w WHERE w.assignment_id = ANY($1::uuid[])`, [ids]);
  }

  async lock(a: AssignmentOfWork): Promise<WorkProps> {
    // Make the not-started row when there is none, so concurrent first writers queue on one row lock.
    await this.q(
      `INSERT INTO work_state (assignment_id, status, percent, verification, version, province_code, plan_id, task_id, unit_code)
       VALUES ($1, 'not-started', 0, 'none', 0, $2, $3, $4, $5) ON CONFLICT (assignment_id) DO NOTHING`,
      [a.assignmentId, a.access.provinceCode, a.planId, a.taskId, a.access.unitCode],
    );
    const rows = await this.q<WorkProps>(`SELECT ${WORK_COLUMNS} FROM work_state w WHERE w.assignment_id = $1 FOR UPDATE`, [a.assignmentId]);
    return rows[0];
  }

  async save(w: WorkProps): Promise<void> {
    await this.q(
      `UPDATE work_state SET status = $2, percent = $3, note = $4, result = $5, verification = $6, return_reason = $7, due_override = $8::date,
              version = $9, updated_at = $10, updated_by = $11
        WHERE assignment_id = $1`,
      [w.assignmentId, w.status, w.percent, w.note, w.result, w.verification, w.returnReason, w.dueOverride, w.version, w.updatedAt, w.updatedBy],
    );
  }

  async recordUpdate(u: ProgressUpdateRecord): Promise<void> {
    await this.q(
      `INSERT INTO progress_update (id, assignment_id, version, status, percent, note, result, evidence_ids, principal, request_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, $10, $11)`,
      [u.id, u.assignmentId, u.version, u.status, u.percent, u.note, u.result, u.evidenceIds, u.principal, u.requestKey, u.createdBy],
    );
  }

  async updateByRequestKey(principal: string, requestKey: string): Promise<ProgressUpdateRecord | null> {
    const rows = await this.q<ProgressUpdateRecord>(`SELECT ${UPDATE_COLUMNS} FROM progress_update u WHERE u.principal = $1 AND u.request_key = $2`, [principal, requestKey]);
    return rows[0] ?? null;
  }

  async standing(assignmentId: string, work: Pick<WorkProps, 'status' | 'verification'>): Promise<WorkStanding> {
    const [row] = await this.q<{ open: number; escalated: number; pending: boolean }>(
      `SELECT (SELECT count(*)::int FROM obstacle o WHERE o.assignment_id = $1 AND o.status = 'open') AS open,
              (SELECT count(*)::int FROM obstacle o WHERE o.assignment_id = $1 AND o.status = 'escalated') AS escalated,
              EXISTS (SELECT 1 FROM extension_request x WHERE x.assignment_id = $1 AND x.status = 'pending') AS pending`,
      [assignmentId],
    );
    return { status: work.status, verification: work.verification, openObstacles: row.open, escalatedObstacles: row.escalated, pendingExtension: row.pending };
  }

  async unitNames(codes: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(codes)];
    if (!wanted.length) return new Map();
    const rows = await this.q<{ code: string; name: string }>(`SELECT code, official_name AS name FROM directory_unit WHERE code = ANY($1::text[])`, [wanted]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async pageParts(assignmentId: string, work: Pick<WorkProps, 'status' | 'verification'>, unitCodes: string[]): Promise<WorkPageParts> {
    const [row] = await this.q<{ open: number; escalated: number; pending: boolean; obstacles: ObstacleDto[]; extensions: ExtensionRequestDto[]; names: Record<string, string> }>(
      `SELECT (SELECT count(*)::int FROM obstacle o WHERE o.assignment_id = $1 AND o.status = 'open') AS open,
              (SELECT count(*)::int FROM obstacle o WHERE o.assignment_id = $1 AND o.status = 'escalated') AS escalated,
              EXISTS (SELECT 1 FROM extension_request x WHERE x.assignment_id = $1 AND x.status = 'pending') AS pending,
              (SELECT coalesce(json_agg(q), '[]'::json) FROM (SELECT ${OBSTACLE_DTO_COLUMNS} FROM obstacle o WHERE o.assignment_id = $1 ORDER BY o.raised_at, o.id) q) AS obstacles,
              (SELECT coalesce(json_agg(q), '[]'::json) FROM (SELECT ${EXTENSION_DTO_COLUMNS} FROM extension_request x WHERE x.assignment_id = $1 ORDER BY x.requested_at, x.id) q) AS extensions,
              (SELECT coalesce(json_object_agg(u.code, u.official_name), '{}'::json) FROM directory_unit u WHERE u.code = ANY($2::text[])) AS names`,
      [assignmentId, [...new Set(unitCodes)]],
    );
    return {
      standing: { status: work.status, verification: work.verification, openObstacles: row.open, escalatedObstacles: row.escalated, pendingExtension: row.pending },
      obstacles: row.obstacles,
      extensions: row.extensions,
      unitNames: new Map(Object.entries(row.names)),
    };
  }
}
