/** A unit or a whole group named by a task ("UBND các xã, phường" expands at issue). */
export type UnitRefDto = { unit: string } | { group: string };

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'issued', 'closed'] as const;
export type PlanStatusDto = (typeof PLAN_STATUSES)[number];

export interface PlanTaskRequest {
  section?: string | null;
  content: string;
  expectedResult?: string | null;
  directingLeader?: string | null;
  timeframe?: string | null;
  leads: UnitRefDto[];
  coordinators: UnitRefDto[];
}

export interface PlanDraftRequest {
  title: string;
  symbol?: string;
  year: number;
  focalUnitCode?: string | null;
  tasks: PlanTaskRequest[];
}

export interface PlanSummaryDto {
  id: string;
  title: string;
  symbol: string;
  number: number | null;
  year: number;
  status: PlanStatusDto;
  version: number;
  issuerUnitCode: string;
  draftingUnitCode: string;
  focalUnitCode: string | null;
  issueDate: string | null;
  taskCount: number;
}

export interface AssignmentDto {
  id: string;
  taskId: string;
  unitCode: string;
  unitName: string;
  role: 'lead' | 'coordinator';
  viaGroup: string | null;
  succeeds: string | null;
  status: string;
}

export interface PlanTaskDto {
  id: string;
  ordinal: number;
  section: string | null;
  content: string;
  expectedResult: string | null;
  directingLeader: string | null;
  timeframe: string | null;
  leads: UnitRefDto[];
  coordinators: UnitRefDto[];
  /** The assignments the caller may see: all for leaders, only a commune's own for a commune. */
  assignments: AssignmentDto[];
}

export interface PlanDetailDto extends PlanSummaryDto {
  reviewComments: { by: string; at: string; text: string; field: string | null }[];
  tasks: PlanTaskDto[];
  /** Names of the units and groups the tasks refer to, by code ("01-G-XA-PHUONG" → "UBND các xã, phường"). */
  names: Record<string, string>;
}

export interface PlanListDto {
  items: PlanSummaryDto[];
  total: number;
  limit: number;
  offset: number;
}

/** One unit's responsibility for one task (giao việc), with its task and plan. */
export interface AssignmentDetailDto extends AssignmentDto {
  plan: Pick<PlanSummaryDto, 'id' | 'title' | 'symbol' | 'number' | 'year' | 'status' | 'issueDate' | 'focalUnitCode'>;
  task: Omit<PlanTaskDto, 'assignments'>;
}
