import type { PlanVisibility } from '../access/plan-access.policy';
import type {
  AssignmentDetailDto,
  ImplementingPlansDto,
  MyAssignmentsDto,
  PlanDetailDto,
  PlanHistoryEntryDto,
  PlanRoleDto,
  PlanSummaryDto,
  TaskAssignmentsDto,
} from '@dieu-hanh/shared/contracts';

export interface PlanListFilter {
  status?: string;
  year?: number;
  role?: PlanRoleDto;
  parentPlanId?: string;
  /** Words of the number, symbol or title, diacritics ignored ("chuyen doi so 402"). */
  q?: string;
  limit: number;
  offset: number;
}

/**
 * A plan as the read side sees it for the caller, before the policy adds `allowedActions`: besides the
 * DTO's status, units and `myRoles`, the issuer's tier and whether the caller's holder unit holds an
 * assignment in force (the SQL twin's `standingSql`).
 */
export type WithStanding<T extends PlanSummaryDto> = Omit<T, 'allowedActions'> & { issuerTier: 1 | 2; holdsAssignment: boolean };

export abstract class PlanReadModel {
  abstract list(visibility: PlanVisibility, filter: PlanListFilter): Promise<{ items: WithStanding<PlanSummaryDto>[]; total: number }>;
  abstract get(id: string, visibility: PlanVisibility): Promise<WithStanding<PlanDetailDto> | null>;
  /** Whether the plan is in the caller's sight, by the same rule as every read (writes answer 404 outside it). */
  abstract isVisible(id: string, visibility: PlanVisibility): Promise<boolean>;
  abstract assignment(id: string, visibility: PlanVisibility): Promise<AssignmentDetailDto | null>;
  abstract taskAssignments(planId: string, taskId: string, visibility: PlanVisibility, page: { limit: number; offset: number }): Promise<TaskAssignmentsDto | null>;
  abstract history(id: string, visibility: PlanVisibility): Promise<PlanHistoryEntryDto[] | null>;
  abstract implementing(id: string, visibility: PlanVisibility): Promise<ImplementingPlansDto | null>;
  abstract myAssignments(visibility: PlanVisibility, page: { limit: number; offset: number }): Promise<MyAssignmentsDto>;
}
