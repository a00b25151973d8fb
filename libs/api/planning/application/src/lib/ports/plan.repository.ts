import type { AssignmentRole, Plan, PlannedAssignment } from '@dieu-hanh/api/planning/domain';

/** An assignment in force (not withdrawn by an amendment). */
export interface ActiveAssignment {
  id: string;
  taskId: string;
  unitCode: string;
  role: AssignmentRole;
  viaGroup: string | null;
  succeeds: string | null;
}

/** Write side of plans; joins the unit of work's transaction. */
export abstract class PlanRepository {
  abstract find(id: string, options?: { lock?: boolean }): Promise<Plan | null>;
  abstract insert(plan: Plan): Promise<void>;
  /**
   * Saves the plan if it still has `expectedVersion` in the database; false when someone else got there
   * first. `content`: 'replace' rewrites a draft's tasks and indicators, 'amend' keeps an issued plan's
   * rows as history (removed ones marked), omitted leaves them alone (a status change).
   */
  abstract update(plan: Plan, expectedVersion: number, options?: { content?: 'replace' | 'amend' }): Promise<boolean>;
  abstract numberTaken(issuerUnitCode: string, year: number, number: number, exceptPlanId: string): Promise<boolean>;
  /** One multi-row insert for the whole fan-out; a withdrawn assignment put back is reactivated. */
  abstract insertAssignments(planId: string, assignments: PlannedAssignment[]): Promise<{ id: string; taskId: string; unitCode: string }[]>;
  abstract activeAssignments(planId: string): Promise<ActiveAssignment[]>;
  /** A unit's assignments in force in issued plans, locked for the transaction. */
  abstract activeAssignmentsOfUnit(unitCode: string): Promise<(ActiveAssignment & { planId: string })[]>;
  abstract issuedPlansWithFocal(unitCode: string): Promise<string[]>;
  /** Every unit holding an assignment in force or the focal role in an issued plan. */
  abstract unitsWithWorkInForce(): Promise<string[]>;
  abstract planTitles(planIds: string[]): Promise<Record<string, string>>;
  abstract withdrawAssignments(ids: string[]): Promise<void>;
  abstract changeAssignmentRoles(changes: { id: string; role: AssignmentRole }[]): Promise<void>;
  /** The plan an implementing plan names, with its live task ids. */
  abstract parentOf(planId: string): Promise<{ id: string; status: string; provinceCode: string; taskIds: string[] } | null>;
  abstract unitHoldsAssignment(planId: string, unitCode: string): Promise<boolean>;
}
