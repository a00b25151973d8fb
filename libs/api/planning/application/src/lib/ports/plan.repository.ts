import type { Plan, PlannedAssignment } from '@dieu-hanh/api/planning/domain';

/** Write side of plans; joins the unit of work's transaction. */
export abstract class PlanRepository {
  abstract find(id: string, options?: { lock?: boolean }): Promise<Plan | null>;
  abstract insert(plan: Plan): Promise<void>;
  /** Saves the plan if it still has `expectedVersion` in the database; false when someone else got there first. */
  abstract update(plan: Plan, expectedVersion: number): Promise<boolean>;
  abstract numberTaken(issuerUnitCode: string, year: number, number: number, exceptPlanId: string): Promise<boolean>;
  /** One multi-row insert for the whole fan-out. */
  abstract insertAssignments(planId: string, assignments: PlannedAssignment[]): Promise<number>;
}
