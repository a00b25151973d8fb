import type { Assignment } from '@dieu-hanh/api/planning/domain';

/**
 * Write side of assignments (their own aggregate); joins the unit of work's transaction. Set-based: a
 * fan-out of thousands of assignments is one INSERT, and the changes of one command one UPDATE.
 */
export abstract class AssignmentRepository {
  /** Every assignment of a plan, in force or withdrawn (a withdrawn one is given back if its unit is named again). */
  abstract ofPlan(planId: string): Promise<Assignment[]>;
  /**
   * A unit's assignments in issued plans, locked for the transaction: those in force, and with
   * `withWithdrawn` the withdrawn ones too (a successor may be given one back).
   */
  abstract ofUnitInIssuedPlans(unitCode: string, options?: { withWithdrawn?: boolean }): Promise<Assignment[]>;
  /** Writes what changed: new assignments in one multi-row insert, changed ones in one update. */
  abstract save(assignments: readonly Assignment[]): Promise<void>;
  /** Whether a unit holds an assignment in force in a plan (it may then implement the plan). */
  abstract unitHoldsAssignment(planId: string, unitCode: string): Promise<boolean>;
  /** Every unit holding an assignment in force or the focal role in an issued plan. */
  abstract unitsWithWorkInForce(): Promise<string[]>;
}
