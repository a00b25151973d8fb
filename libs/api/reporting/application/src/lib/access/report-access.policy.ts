import { hasRole } from '@dieu-hanh/api/shared/auth';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import {
  type ConsolidatedReportAction,
  type ConsolidatedReportStatus,
  type PeriodAction,
  Role,
  type UnitReportAction,
  type UnitReportStatus,
} from '@dieu-hanh/shared/contracts';

/**
 * Reporting's access policy, the one place its rules are written (its SQL twin: `report-access.sql.ts`).
 *
 * - **The whole plan** (every unit's report, the tracker, the consolidated report, the dashboard) is seen
 *   by the plan's focal unit (cơ quan đầu mối), its issuing body and drafting unit, and the province's
 *   leaders and committee office; for a commune's own plan, by that commune's accounts.
 * - **A unit's own** report is seen and written by the unit's officers (a commune account for its commune
 *   and its offices); a commune never sees another commune's report, period or figures: 404.
 * - A period is seen by whoever sees the whole plan and by the units expected to report in it; other
 *   tier-1 units of the province see the periods of their province's plans (as they see the plans).
 * - **Approvals**: a commune's leader (or a tier-1 unit's leader) approves the unit's report before it
 *   goes on when the period asks for it; the focal unit (else the issuing committee's office) accepts,
 *   returns and reopens unit reports, opens, closes and urges periods and consolidates; the issuing
 *   body's leaders approve or return the consolidated report; they or the focal unit reopen it.
 */

/** The plan as reporting's access sees it (from planning's published view `planning_plan`). */
export interface PlanAccessFacts {
  provinceCode: string;
  issuerUnitCode: string;
  issuerTier: 1 | 2;
  draftingUnitCode: string;
  focalUnitCode: string | null;
}

const OFFICER_ROLES: readonly string[] = [Role.DepartmentOfficer, Role.FocalOfficer, Role.OfficeOfficer, Role.CommuneOfficer, Role.CommuneLeader, Role.Leader];

/** The unit a caller reports for: its own, or for a commune account its commune. */
export function reportingUnitOf(scope: AccessScope): string {
  return scope.tier === 2 && scope.communeCode ? scope.communeCode : scope.unitCode;
}

/** Whether `unitCode` is the caller's own unit (a commune account: its commune or one of its offices). */
export function isOwnUnit(scope: AccessScope, unitCode: string, unitCommuneCode: string | null): boolean {
  if (unitCode === scope.unitCode) return true;
  return scope.tier === 2 && scope.communeCode !== null && (unitCode === scope.communeCode || unitCommuneCode === scope.communeCode);
}

/** Tier-1 leaders and the committee office see every plan of their province. */
export function seesWholeProvince(scope: AccessScope): boolean {
  return scope.tier === 1 && (hasRole(scope, Role.Leader) || hasRole(scope, Role.OfficeOfficer));
}

export function seesWholePlan(scope: AccessScope, plan: PlanAccessFacts): boolean {
  if (plan.provinceCode !== scope.provinceCode) return false;
  if (plan.issuerTier === 2) return scope.tier === 2 && scope.communeCode === plan.issuerUnitCode;
  if (scope.tier !== 1) return false;
  return seesWholeProvince(scope) || [plan.focalUnitCode, plan.issuerUnitCode, plan.draftingUnitCode].includes(scope.unitCode);
}

/** A period: the whole plan's viewers, units expected in it, and tier-1 units of the province for a city plan. */
export function mayViewPeriod(scope: AccessScope, plan: PlanAccessFacts, callerExpected: boolean): boolean {
  if (plan.provinceCode !== scope.provinceCode) return false;
  if (seesWholePlan(scope, plan) || callerExpected) return true;
  return scope.tier === 1 && plan.issuerTier === 1;
}

export function mayViewUnitReport(scope: AccessScope, plan: PlanAccessFacts, unitCode: string, unitCommuneCode: string | null): boolean {
  if (plan.provinceCode !== scope.provinceCode) return false;
  return seesWholePlan(scope, plan) || isOwnUnit(scope, unitCode, unitCommuneCode);
}

/** Acts for the focal unit: accept/return/reopen unit reports, open/close/urge periods, consolidate. */
export function actsForFocalUnit(scope: AccessScope, plan: PlanAccessFacts): boolean {
  if (plan.provinceCode !== scope.provinceCode) return false;
  if (plan.issuerTier === 2) return scope.tier === 2 && scope.communeCode === plan.issuerUnitCode && hasRole(scope, Role.CommuneLeader);
  if (scope.tier !== 1) return false;
  if (plan.focalUnitCode) return scope.unitCode === plan.focalUnitCode && (hasRole(scope, Role.FocalOfficer) || hasRole(scope, Role.DepartmentOfficer));
  // No focal unit named: the committee office acts for it (its accounts sit in the office's own unit), as in execution.
  return hasRole(scope, Role.OfficeOfficer);
}

/** The issuing body's leaders decide on the consolidated report. */
export function leadsIssuer(scope: AccessScope, plan: PlanAccessFacts): boolean {
  if (plan.provinceCode !== scope.provinceCode) return false;
  if (plan.issuerTier === 2) return scope.tier === 2 && scope.communeCode === plan.issuerUnitCode && hasRole(scope, Role.CommuneLeader);
  return scope.tier === 1 && hasRole(scope, Role.Leader);
}

export function mayWriteUnitReport(scope: AccessScope, unitCode: string, unitCommuneCode: string | null): boolean {
  return isOwnUnit(scope, unitCode, unitCommuneCode) && OFFICER_ROLES.some((r) => hasRole(scope, r));
}

/** The unit's leader: a commune's leaders for a commune; a tier-1 unit's own leader account. */
export function mayApproveForUnit(scope: AccessScope, unitCode: string, unitCommuneCode: string | null): boolean {
  if (!isOwnUnit(scope, unitCode, unitCommuneCode)) return false;
  return scope.tier === 2 ? hasRole(scope, Role.CommuneLeader) : hasRole(scope, Role.Leader);
}

export function periodActions(scope: AccessScope, plan: PlanAccessFacts, p: { status: 'open' | 'closed'; callerExpected: boolean }): PeriodAction[] {
  const a: PeriodAction[] = [];
  if (p.callerExpected && p.status === 'open') a.push('write-report');
  if (seesWholePlan(scope, plan)) a.push('track');
  const focal = actsForFocalUnit(scope, plan);
  if (focal && p.status === 'open') a.push('urge');
  if (focal) a.push('consolidate');
  if (focal && p.status === 'open') a.push('close');
  return a;
}

export function unitReportActions(
  scope: AccessScope,
  plan: PlanAccessFacts,
  r: { unitCode: string; unitCommuneCode: string | null; status: UnitReportStatus; periodOpen: boolean },
): UnitReportAction[] {
  const a: UnitReportAction[] = [];
  const writer = mayWriteUnitReport(scope, r.unitCode, r.unitCommuneCode);
  const focal = actsForFocalUnit(scope, plan);
  if (writer && r.periodOpen && r.status !== 'accepted') a.push('edit');
  if (writer && r.periodOpen && (r.status === 'draft' || r.status === 'returned')) a.push('submit');
  if (r.status === 'awaiting-approval' && mayApproveForUnit(scope, r.unitCode, r.unitCommuneCode)) a.push('approve', 'return');
  if (r.status === 'submitted' && focal) a.push('accept', 'return');
  if (r.status === 'accepted' && focal) a.push('reopen');
  a.push('export');
  return a;
}

export function consolidatedActions(scope: AccessScope, plan: PlanAccessFacts, status: ConsolidatedReportStatus): ConsolidatedReportAction[] {
  const a: ConsolidatedReportAction[] = [];
  const focal = actsForFocalUnit(scope, plan);
  const leader = leadsIssuer(scope, plan);
  if (focal && (status === 'draft' || status === 'returned')) a.push('edit', 'submit');
  if (leader && status === 'submitted') a.push('approve', 'return');
  if ((leader || focal) && status === 'approved') a.push('reopen');
  a.push('export');
  return a;
}

/** An approved consolidated report is the province's: every tier-1 unit of it may read it. */
export function mayViewConsolidated(scope: AccessScope, plan: PlanAccessFacts, status: ConsolidatedReportStatus): boolean {
  if (seesWholePlan(scope, plan)) return true;
  return status === 'approved' && scope.tier === 1 && plan.provinceCode === scope.provinceCode && plan.issuerTier === 1;
}
