import { isEditable, nextStatus, type PlanStatus, type PlanTransition } from '@dieu-hanh/api/planning/domain';
import { hasRole } from '@dieu-hanh/api/shared/auth';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { type PlanAction, type PlanListAction, type PlanRoleDto, Role } from '@dieu-hanh/shared/contracts';

/**
 * Planning's access policy, the one place its rules are written (docs/domain.md, "Who sees and does
 * what"). Pure TypeScript: commands and queries ask it; its SQL twin, `plan-access.sql.ts` beside this
 * file, says the same visibility and roles as a WHERE clause for lists; a parity test on PostgreSQL
 * (`plan-access.parity.int.spec.ts` in planning infrastructure) fails when one of the two changes alone.
 *
 * - Who sees a plan (`mayView`): leaders and the committee office see every submitted plan of the
 *   province; a unit sees what it drafts, what it issues once submitted, what it is focal for, the plans
 *   it holds an assignment in (a commune also through its offices), its commune's own plans, and the
 *   submitted implementing plans of a plan it drafted or is focal for. Another province: never.
 * - How the caller's unit takes part (`planRoles`): drafting, focal, issuer, lead, coordinator.
 * - Who may act (`allowedActions`, `mayTake`): the drafting unit edits and submits; the issuing body's
 *   leaders (and the city committee's office for issuing and amending) decide; a unit holding an
 *   assignment in an issued plan drafts its implementing plan.
 * - What a plan may assign (`planIssuer`, `mayAssignUnit`): a city plan any unit of its province; a
 *   commune's plan only the commune and its own offices.
 */

// ── Who is asking ─────────────────────────────────────────────────────────────────────────────────

/** The caller as plan visibility sees it: the parameters of the SQL predicate, too. */
export interface PlanVisibility {
  provinceCode: string;
  unitCode: string;
  /** A commune account's commune (its offices' assignments are the commune's); null for tier 1. */
  communeCode: string | null;
  /** Leaders and the committee office of tier 1 see every submitted plan of the province. */
  seesWholeProvince: boolean;
  /** The unit whose assignments count as the caller's for implementing a plan: the commune, or the unit. */
  holderCode: string;
}

export function planVisibility(scope: AccessScope): PlanVisibility {
  return {
    provinceCode: scope.provinceCode,
    unitCode: scope.unitCode,
    communeCode: scope.tier === 2 ? scope.communeCode : null,
    seesWholeProvince: scope.tier === 1 && (hasRole(scope, Role.Leader) || hasRole(scope, Role.OfficeOfficer)),
    holderCode: scope.tier === 2 ? (scope.communeCode ?? scope.unitCode) : scope.unitCode,
  };
}

// ── What a plan is, for access ────────────────────────────────────────────────────────────────────

export interface PlanAssignmentFacts {
  unitCode: string;
  /** The holder's commune (directory), null for a tier-1 body. */
  communeCode: string | null;
  role: 'lead' | 'coordinator';
  /** assigned, or withdrawn. */
  status: string;
}

/** Everything visibility and roles depend on: the plan's own columns, its assignments and its parent's units. */
export interface PlanFacts {
  provinceCode: string;
  status: PlanStatus;
  issuerTier: 1 | 2;
  issuerUnitCode: string;
  draftingUnitCode: string;
  focalUnitCode: string | null;
  /** For an implementing plan: the parent plan's drafting and focal units. */
  parent: { draftingUnitCode: string; focalUnitCode: string | null } | null;
  assignments: readonly PlanAssignmentFacts[];
}

/** An assignment is the caller's: its own unit's, or for a commune account any unit of the commune. */
function isMine(v: PlanVisibility, a: Pick<PlanAssignmentFacts, 'unitCode' | 'communeCode'>): boolean {
  return a.unitCode === v.unitCode || (v.communeCode !== null && a.communeCode === v.communeCode);
}

/** Whether the caller sees the plan at all (else it does not exist for them: 404 for every verb). */
export function mayView(v: PlanVisibility, plan: PlanFacts): boolean {
  if (plan.provinceCode !== v.provinceCode) return false;
  if (v.seesWholeProvince && plan.status !== 'draft') return true;
  const submitted = plan.status !== 'draft';
  return (
    plan.draftingUnitCode === v.unitCode ||
    // The issuing committee sees a plan once it is submitted; the drafting unit sees its drafts too.
    (plan.issuerUnitCode === v.unitCode && submitted) ||
    plan.focalUnitCode === v.unitCode ||
    (v.communeCode !== null && plan.issuerUnitCode === v.communeCode) ||
    // Any assignment, in force or withdrawn: a unit taken off a task still sees the plan it was in.
    plan.assignments.some((a) => isMine(v, a)) ||
    (plan.parent !== null &&
      submitted &&
      (plan.parent.focalUnitCode === v.unitCode || plan.parent.draftingUnitCode === v.unitCode))
  );
}

/** How the caller's unit takes part in the plan (`myRoles`), in this order. */
export function planRoles(
  v: PlanVisibility,
  plan: Omit<PlanFacts, 'provinceCode' | 'status' | 'issuerTier' | 'parent'>,
): PlanRoleDto[] {
  const holds = (role: 'lead' | 'coordinator') =>
    plan.assignments.some((a) => a.status === 'assigned' && a.role === role && isMine(v, a));
  const roles: [PlanRoleDto, boolean][] = [
    ['drafting', plan.draftingUnitCode === v.unitCode],
    ['focal', plan.focalUnitCode === v.unitCode],
    ['issuer', plan.issuerUnitCode === v.unitCode || plan.issuerUnitCode === v.communeCode],
    ['lead', holds('lead')],
    ['coordinator', holds('coordinator')],
  ];
  return roles.filter(([, on]) => on).map(([r]) => r);
}

/** The caller's holder unit holds an assignment in force in the plan (the right to implement it). */
export function holdsAssignment(v: PlanVisibility, plan: Pick<PlanFacts, 'assignments'>): boolean {
  return plan.assignments.some((a) => a.status === 'assigned' && a.unitCode === v.holderCode);
}

// ── Who may act ───────────────────────────────────────────────────────────────────────────────────

/** Who may perform a transition, by tier of the issuing body (city plans vs a commune's own plans). */
export const TRANSITION_ROLES: Record<PlanTransition, { 1: readonly string[]; 2: readonly string[] }> = {
  submit: { 1: [Role.DepartmentOfficer, Role.OfficeOfficer], 2: [Role.CommuneOfficer, Role.CommuneLeader] },
  approve: { 1: [Role.Leader], 2: [Role.CommuneLeader] },
  return: { 1: [Role.Leader], 2: [Role.CommuneLeader] },
  issue: { 1: [Role.Leader, Role.OfficeOfficer], 2: [Role.CommuneLeader] },
  close: { 1: [Role.Leader], 2: [Role.CommuneLeader] },
  amend: { 1: [Role.Leader, Role.OfficeOfficer], 2: [Role.CommuneLeader] },
};

/** Who drafts plans: a department or the committee office for the city, a commune's officers for the commune. */
const DRAFTER_ROLES = {
  1: [Role.DepartmentOfficer, Role.OfficeOfficer],
  2: [Role.CommuneOfficer, Role.CommuneLeader],
} as const;

export function mayDraft(scope: AccessScope): boolean {
  if (scope.tier === 2 && !scope.communeCode) return false;
  return DRAFTER_ROLES[scope.tier].some((r) => hasRole(scope, r));
}

/** What the policy needs of one plan the caller sees to say what they may do with it. */
export interface PlanStanding {
  status: PlanStatus;
  issuerTier: 1 | 2;
  issuerUnitCode: string;
  draftingUnitCode: string;
  /** planRoles (SQL: myRoles). */
  myRoles: readonly PlanRoleDto[];
  /** holdsAssignment (SQL: the `holds` predicate). */
  holdsAssignment: boolean;
}

/** The caller acts for the issuing body: the city's accounts for a city plan, the commune's for its own. */
function actsForIssuer(
  scope: AccessScope,
  plan: Pick<PlanStanding, 'issuerTier' | 'issuerUnitCode'>,
): boolean {
  return plan.issuerTier === 1
    ? scope.tier === 1
    : scope.tier === 2 && scope.communeCode === plan.issuerUnitCode;
}

export type PlanCommandAction = Exclude<PlanAction, 'view-history' | 'track-implementation'>;

/** Why a command is refused for authority (status aside): the caller is not the drafting unit, or lacks the role. */
export type Refusal = 'not-drafting-unit' | 'role' | null;

/**
 * Whether the caller's unit and roles give authority for the action on the plan, whatever its status
 * (the plan's lifecycle answers that: a wrong status is a 409, not a 403).
 */
export function authorityFor(action: PlanCommandAction, scope: AccessScope, plan: PlanStanding): Refusal {
  switch (action) {
    case 'revise':
      return scope.unitCode === plan.draftingUnitCode ? null : 'not-drafting-unit';
    case 'submit':
      if (scope.unitCode !== plan.draftingUnitCode) return 'not-drafting-unit';
      return TRANSITION_ROLES.submit[plan.issuerTier].some((r) => hasRole(scope, r)) && actsForIssuer(scope, plan)
        ? null
        : 'role';
    case 'implement':
      return mayDraft(scope) && plan.holdsAssignment ? null : 'role';
    default:
      return TRANSITION_ROLES[action][plan.issuerTier].some((r) => hasRole(scope, r)) &&
        actsForIssuer(scope, plan)
        ? null
        : 'role';
  }
}

function statusAllows(action: PlanAction, status: PlanStatus): boolean {
  switch (action) {
    case 'revise':
      return isEditable(status);
    case 'implement':
    case 'track-implementation':
      return status === 'issued';
    case 'view-history':
      return true;
    default:
      return nextStatus(status, action) !== null;
  }
}

/**
 * Following a plan's implementation (which units issued their implementing plans) is the work of the
 * city's focal unit, the issuer and the city's leaders; the query itself answers anyone who sees the plan.
 */
function tracksImplementation(scope: AccessScope, plan: PlanStanding): boolean {
  return (
    scope.tier === 1 &&
    (plan.myRoles.includes('focal') || plan.myRoles.includes('issuer') || hasRole(scope, Role.Leader))
  );
}

/** Everything the caller may do with a plan they see, now: a button shown is a command the API accepts. */
export function allowedActions(scope: AccessScope, plan: PlanStanding): PlanAction[] {
  const ORDER: readonly PlanAction[] = [
    'revise',
    'submit',
    'approve',
    'return',
    'issue',
    'close',
    'amend',
    'implement',
    'view-history',
    'track-implementation',
  ];
  return ORDER.filter((action) => {
    if (!statusAllows(action, plan.status)) return false;
    if (action === 'view-history') return true;
    if (action === 'track-implementation') return tracksImplementation(scope, plan);
    return authorityFor(action, scope, plan) === null;
  });
}

/** What the caller may do with the plan collection. */
export function planListActions(scope: AccessScope): PlanListAction[] {
  const out: PlanListAction[] = [];
  if (mayDraft(scope)) out.push('draft');
  // The approvals inbox: whoever approves plans of their own tier (city leaders, commune leaders).
  if (TRANSITION_ROLES.approve[scope.tier].some((r) => hasRole(scope, r))) out.push('review');
  // A commune's page of its unit's assignments (departments follow theirs from their home page).
  if (scope.tier === 2) out.push('my-work');
  return out;
}

// ── What a plan may assign (write scope) ──────────────────────────────────────────────────────────

/**
 * Write scope of a plan: what a unit may assign follows the tier of the committee that issues the plan.
 * A city plan may assign any unit of its province; a commune's plan (its own, or its implementing plan
 * of a city plan) only the commune itself and its own offices — never another commune, a department or
 * the city committee, directly or through a group.
 */
export type PlanIssuer = { tier: 1 } | { tier: 2; communeCode: string };

/** The issuer of a plan, from the plan's own issuing committee (UBND of the province, or the commune). */
export function planIssuer(plan: { issuerTier: 1 | 2; issuerUnitCode: string }): PlanIssuer {
  return plan.issuerTier === 1 ? { tier: 1 } : { tier: 2, communeCode: plan.issuerUnitCode };
}

/** The issuer a new draft will have: the city for tier 1, the caller's commune for tier 2 (null: none). */
export function draftIssuer(scope: AccessScope): PlanIssuer | null {
  if (scope.tier === 1) return { tier: 1 };
  return scope.communeCode ? { tier: 2, communeCode: scope.communeCode } : null;
}

export function mayAssignUnit(
  issuer: PlanIssuer,
  unit: { tier: 1 | 2; communeCode: string | null },
): boolean {
  return issuer.tier === 1 || (unit.tier === 2 && unit.communeCode === issuer.communeCode);
}
