import type { Plan } from '@dieu-hanh/api/planning/domain';

/** Write side of plans (with their tasks and indicators); joins the unit of work's transaction. Assignments have their own (AssignmentRepository). */
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
  /** Issued plans whose focal unit (cơ quan đầu mối) is this one. */
  abstract issuedPlansWithFocal(unitCode: string): Promise<string[]>;
  abstract planTitles(planIds: string[]): Promise<Record<string, string>>;
  /** The plan an implementing plan names, with its live task ids. */
  abstract parentOf(planId: string): Promise<{ id: string; status: string; provinceCode: string; taskIds: string[] } | null>;
}
