import type { WorkFacts } from '@dieu-hanh/api/execution/application';

/**
 * The access facts of an assignment (what the access policy decides on), read the same way by the write
 * side and the read side: from planning's published view `planning_assignment` (alias `pa`), the
 * holder's commune from `directory_unit` (alias `du`), and the task's lead units in force.
 */
export function workFactColumns(pa: string, du: string): string {
  return `
  ${pa}.province_code AS "provinceCode", ${du}.commune_code AS "unitCommuneCode", ${pa}.assignment_status AS "assignmentStatus",
  ${pa}.plan_status AS "planStatus", ${pa}.task_removed AS "taskRemoved", ${pa}.issuer_tier AS "issuerTier", ${pa}.issuer_unit_code AS "issuerUnitCode",
  ${pa}.drafting_unit_code AS "draftingUnitCode", ${pa}.focal_unit_code AS "focalUnitCode",
  coalesce((SELECT json_agg(json_build_object('unitCode', l.unit_code, 'communeCode', lu.commune_code) ORDER BY l.unit_code)
              FROM planning_assignment l LEFT JOIN directory_unit lu ON lu.code = l.unit_code
             WHERE l.plan_id = ${pa}.plan_id AND l.task_id = ${pa}.task_id AND l.role = 'lead' AND l.assignment_status = 'assigned'), '[]'::json) AS "taskLeads"`;
}

/** A row carrying the fact columns, with the assignment's unit and role. */
export interface WorkFactsRow {
  provinceCode: string;
  unitCode: string;
  unitCommuneCode: string | null;
  role: 'lead' | 'coordinator';
  assignmentStatus: string;
  planStatus: string;
  taskRemoved: boolean;
  issuerTier: number;
  issuerUnitCode: string;
  draftingUnitCode: string;
  focalUnitCode: string | null;
  taskLeads: { unitCode: string; communeCode: string | null }[];
}

export function toWorkFacts(r: WorkFactsRow): WorkFacts {
  return {
    provinceCode: r.provinceCode,
    unitCode: r.unitCode,
    unitCommuneCode: r.unitCommuneCode,
    role: r.role,
    assignmentStatus: r.assignmentStatus,
    planStatus: r.planStatus,
    taskRemoved: r.taskRemoved,
    issuerTier: Number(r.issuerTier) === 2 ? 2 : 1,
    issuerUnitCode: r.issuerUnitCode,
    draftingUnitCode: r.draftingUnitCode,
    focalUnitCode: r.focalUnitCode,
    taskLeads: r.taskLeads ?? [],
  };
}
