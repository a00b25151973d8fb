import { hasRole } from '@dieu-hanh/api/shared/auth';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { type AssignmentWorkAction, Role, type Verification, type VerifierDto, type WorkStatus } from '@dieu-hanh/shared/contracts';

/**
 * Execution's access policy, the one place its rules are written. Pure TypeScript: commands and the
 * assignment page ask it; its SQL twin `work-access.sql.ts` says the same visibility as a predicate over
 * planning's published view `planning_assignment` for lists; a parity test on PostgreSQL
 * (`work-access.parity.int.spec.ts`, execution infrastructure) fails when one of the two changes alone.
 *
 * - Who sees an assignment (`mayViewWork`): same province, and a tier-1 leader or committee-office
 *   officer; the assignee unit; a commune account for any unit of its commune; for a tier-1 unit also the
 *   task's lead unit and the plan's focal, drafting and issuing units. A commune never sees another
 *   commune's assignment (nor a department's), whatever part it has in the plan.
 * - Who writes as the assignee: officers of the assignee unit (department, focal or office officer in
 *   tier 1; commune officer or leader in tier 2); a commune-level account acts for its own offices.
 * - Who verifies (and decides extensions), `verifierOf`: in a commune's own plan the commune's leaders;
 *   a coordinator's contribution the task's lead unit(s) it may see; a lead's completion the plan's
 *   focal unit, else the issuing committee (its leaders and office).
 * - Obstacles go to the focal unit, else the issuing committee; escalated, the issuer's leaders direct.
 * - Urging: the task's lead unit (its coordinators), the focal unit, the issuing committee's leaders
 *   and office (the commune's leaders for its own plan).
 */

// ── Who is asking ─────────────────────────────────────────────────────────────────────────────────

/** The caller as work visibility sees it: the parameters of the SQL predicate, too. */
export interface WorkVisibility {
  provinceCode: string;
  unitCode: string;
  tier: 1 | 2;
  /** A commune account's commune (its offices' assignments are the commune's); null for tier 1. */
  communeCode: string | null;
  /** Tier-1 leaders and the committee office see every assignment of the province. */
  seesWholeProvince: boolean;
}

export function workVisibility(scope: AccessScope): WorkVisibility {
  return {
    provinceCode: scope.provinceCode,
    unitCode: scope.unitCode,
    tier: scope.tier,
    communeCode: scope.tier === 2 ? scope.communeCode : null,
    seesWholeProvince: scope.tier === 1 && (hasRole(scope, Role.Leader) || hasRole(scope, Role.OfficeOfficer)),
  };
}

// ── What an assignment is, for access ─────────────────────────────────────────────────────────────

export interface WorkUnitRef {
  unitCode: string;
  /** The unit's commune (directory), null for a tier-1 body. */
  communeCode: string | null;
}

/** Everything access depends on: one `planning_assignment` row, its holder's commune and the task's lead units. */
export interface WorkFacts {
  provinceCode: string;
  /** The assignee (holder) unit. */
  unitCode: string;
  /** The assignee's commune (directory); null for a tier-1 body. */
  unitCommuneCode: string | null;
  role: 'lead' | 'coordinator';
  assignmentStatus: 'assigned' | 'withdrawn' | string;
  /** The plan's status: work is carried out only in an issued plan. */
  planStatus: string;
  taskRemoved: boolean;
  issuerTier: 1 | 2;
  issuerUnitCode: string;
  draftingUnitCode: string;
  focalUnitCode: string | null;
  /** The units holding the task's lead in force (the assignee itself included when it leads). */
  taskLeads: readonly WorkUnitRef[];
}
/** Alias: the same facts, named for what they are used for. */
export type WorkAccessFacts = WorkFacts;

/** Whether the caller sees the assignment at all (else it does not exist for them: 404 for every verb). */
export function mayViewWork(v: WorkVisibility, a: WorkFacts): boolean {
  if (a.provinceCode !== v.provinceCode) return false;
  if (v.tier === 2) return a.unitCode === v.unitCode || (v.communeCode !== null && a.unitCommuneCode === v.communeCode);
  if (v.seesWholeProvince) return true;
  return (
    a.unitCode === v.unitCode ||
    a.focalUnitCode === v.unitCode ||
    a.draftingUnitCode === v.unitCode ||
    a.issuerUnitCode === v.unitCode ||
    a.taskLeads.some((l) => l.unitCode === v.unitCode)
  );
}

// ── Who acts for which unit ───────────────────────────────────────────────────────────────────────

/** Roles that write for a unit: officers in tier 1, a commune's officers and leaders in tier 2. */
export const UNIT_WRITER_ROLES = {
  1: [Role.DepartmentOfficer, Role.FocalOfficer, Role.OfficeOfficer],
  2: [Role.CommuneOfficer, Role.CommuneLeader],
} as const;

/** The caller writes for this unit: an officer of it, or a commune-level account for one of its offices. */
export function actsForUnit(scope: AccessScope, unit: WorkUnitRef): boolean {
  if (!UNIT_WRITER_ROLES[scope.tier].some((r) => hasRole(scope, r))) return false;
  if (scope.unitCode === unit.unitCode) return true;
  return (
    scope.tier === 2 &&
    scope.communeCode !== null &&
    scope.unitCode === scope.communeCode &&
    unit.communeCode === scope.communeCode
  );
}

/** The caller acts for the plan's issuing committee: tier-1 leaders (and the office, unless `leadersOnly`); a commune's leaders for its own plan. */
export function actsForIssuer(scope: AccessScope, a: Pick<WorkFacts, 'issuerTier' | 'issuerUnitCode' | 'provinceCode'>, leadersOnly = false): boolean {
  if (scope.provinceCode !== a.provinceCode) return false;
  if (a.issuerTier === 1) {
    return scope.tier === 1 && (hasRole(scope, Role.Leader) || (!leadersOnly && hasRole(scope, Role.OfficeOfficer)));
  }
  return scope.tier === 2 && scope.communeCode === a.issuerUnitCode && hasRole(scope, Role.CommuneLeader);
}

/** Whether the caller writes for the assignee unit (progress, evidence, obstacles, extensions). */
export function actsForAssignee(scope: AccessScope, a: WorkFacts): boolean {
  return scope.provinceCode === a.provinceCode && actsForUnit(scope, { unitCode: a.unitCode, communeCode: a.unitCommuneCode });
}

/** The focal unit as a reference (a commune plan's focal unit is an office of the issuing commune). */
function focalRef(a: WorkFacts): WorkUnitRef | null {
  if (!a.focalUnitCode) return null;
  return { unitCode: a.focalUnitCode, communeCode: a.issuerTier === 2 ? a.issuerUnitCode : null };
}

/** The lead units that may accept a coordinator's contribution: those that may see it (never another commune). */
function eligibleLeads(a: WorkFacts): WorkUnitRef[] {
  return a.taskLeads.filter(
    (l) => l.unitCode !== a.unitCode && (l.communeCode === null || l.communeCode === a.unitCommuneCode),
  );
}

// ── Who verifies ──────────────────────────────────────────────────────────────────────────────────

export interface WorkVerifier {
  kind: VerifierDto['kind'];
  /** The units that verify; for 'issuer' and 'commune' the committee (its leaders act for it). */
  units: WorkUnitRef[];
}

/**
 * Who verifies an assignment's work and decides its extensions: in a commune's own plan the commune's
 * leaders; a coordinator's contribution the task's lead unit(s); a lead's completion (or a coordinator
 * of a task without an eligible lead) the plan's focal unit, else — or where the focal unit is the
 * assignee itself — the issuing committee.
 */
export function verifierOf(a: WorkFacts): WorkVerifier {
  if (a.issuerTier === 2) return { kind: 'commune', units: [{ unitCode: a.issuerUnitCode, communeCode: a.issuerUnitCode }] };
  if (a.role === 'coordinator') {
    const leads = eligibleLeads(a);
    if (leads.length) return { kind: 'lead', units: leads };
  }
  const focal = focalRef(a);
  if (focal && focal.unitCode !== a.unitCode) return { kind: 'focal', units: [focal] };
  return { kind: 'issuer', units: [{ unitCode: a.issuerUnitCode, communeCode: null }] };
}

/** Whether the caller acts for the assignment's verifier (verify, return, decide extensions). */
export function mayVerify(scope: AccessScope, a: WorkFacts): boolean {
  if (scope.provinceCode !== a.provinceCode) return false;
  const v = verifierOf(a);
  switch (v.kind) {
    case 'commune':
    case 'issuer':
      return actsForIssuer(scope, a);
    default:
      return v.units.some((u) => actsForUnit(scope, u));
  }
}

/** The unit in whose name the caller verifies (recorded in events): the unit it acts for. */
export function verifierUnitFor(scope: AccessScope, a: WorkFacts): string {
  const v = verifierOf(a);
  if (v.kind === 'lead' || v.kind === 'focal') return v.units.find((u) => actsForUnit(scope, u))?.unitCode ?? scope.unitCode;
  return v.units[0].unitCode;
}

// ── Obstacles ─────────────────────────────────────────────────────────────────────────────────────

/** Who handles an assignment's obstacles: the plan's focal unit (unless it is the assignee), else the issuing committee. */
export function obstacleHandlerOf(a: WorkFacts): { kind: 'focal' | 'issuer'; unitCode: string } {
  const focal = focalRef(a);
  if (focal && focal.unitCode !== a.unitCode) return { kind: 'focal', unitCode: focal.unitCode };
  return { kind: 'issuer', unitCode: a.issuerUnitCode };
}

/** The caller answers or escalates the assignment's obstacles. */
export function mayHandleObstacle(scope: AccessScope, a: WorkFacts): boolean {
  if (scope.provinceCode !== a.provinceCode) return false;
  const h = obstacleHandlerOf(a);
  if (h.kind === 'issuer') return actsForIssuer(scope, a);
  return actsForUnit(scope, focalRef(a) as WorkUnitRef);
}

/** The caller gives directives on escalated obstacles: the issuer's leaders (tier-1 leaders; a commune's leaders for its own plan). */
export function mayDirect(scope: AccessScope, a: WorkFacts): boolean {
  return actsForIssuer(scope, a, true);
}

/** Every unit a directive concerns: the task's lead units, the assignee, the focal unit (no duplicates). */
export function concernedUnits(a: WorkFacts, coordinatorUnitCodes: readonly string[] = []): string[] {
  const codes = [...a.taskLeads.map((l) => l.unitCode), a.unitCode, ...coordinatorUnitCodes];
  if (a.focalUnitCode) codes.push(a.focalUnitCode);
  return [...new Set(codes)];
}

// ── Urging ────────────────────────────────────────────────────────────────────────────────────────

/** The caller may urge (đôn đốc) the assignee: the task's lead (for its coordinators), the focal unit, the issuer's leaders and office. */
export function mayUrge(scope: AccessScope, a: WorkFacts): boolean {
  if (scope.provinceCode !== a.provinceCode) return false;
  if (actsForAssignee(scope, a) || scope.unitCode === a.unitCode) return false;
  if (actsForIssuer(scope, a)) return true;
  const focal = focalRef(a);
  if (focal && actsForUnit(scope, focal)) return true;
  return a.role === 'coordinator' && eligibleLeads(a).some((l) => actsForUnit(scope, l));
}

// ── What the caller may do now ────────────────────────────────────────────────────────────────────

/** The state of the work that actions depend on (no row yet: not-started, verification none). */
export interface WorkStanding {
  status: WorkStatus;
  verification: Verification;
  /** Obstacles waiting for the handler (open). */
  openObstacles: number;
  /** Obstacles waiting for a leader's directive (escalated). */
  escalatedObstacles: number;
  pendingExtension: boolean;
}

export const NOT_STARTED: WorkStanding = {
  status: 'not-started',
  verification: 'none',
  openObstacles: 0,
  escalatedObstacles: 0,
  pendingExtension: false,
};

/** Work is carried out only on an assignment in force, of a live task, in an issued plan. */
export function isOpenForWork(a: Pick<WorkFacts, 'assignmentStatus' | 'planStatus' | 'taskRemoved'>): boolean {
  return a.assignmentStatus === 'assigned' && a.planStatus === 'issued' && !a.taskRemoved;
}

const ACTION_ORDER: readonly AssignmentWorkAction[] = [
  'update-progress',
  'upload-evidence',
  'raise-obstacle',
  'request-extension',
  'verify',
  'return',
  'urge',
  'answer-obstacle',
  'escalate-obstacle',
  'give-directive',
  'decide-extension',
];

/**
 * Everything the caller may do with an assignment they see, now: a button shown is a command the API
 * accepts (and an action not listed is refused). Call only for a visible assignment.
 */
export function workActions(scope: AccessScope, a: WorkFacts, state: WorkStanding = NOT_STARTED): AssignmentWorkAction[] {
  if (!isOpenForWork(a)) return [];
  const assignee = actsForAssignee(scope, a);
  const verified = state.verification === 'verified';
  const allowed: Record<AssignmentWorkAction, boolean> = {
    'update-progress': assignee && !verified,
    'upload-evidence': assignee && !verified,
    'raise-obstacle': assignee && !verified,
    'request-extension': assignee && !verified && !state.pendingExtension,
    verify: state.verification === 'pending' && mayVerify(scope, a),
    return: state.verification === 'pending' && mayVerify(scope, a),
    urge: !verified && mayUrge(scope, a),
    'answer-obstacle': state.openObstacles > 0 && mayHandleObstacle(scope, a),
    'escalate-obstacle': state.openObstacles > 0 && mayHandleObstacle(scope, a),
    'give-directive': state.escalatedObstacles > 0 && mayDirect(scope, a),
    'decide-extension': state.pendingExtension && mayVerify(scope, a),
  };
  return ACTION_ORDER.filter((action) => allowed[action]);
}
