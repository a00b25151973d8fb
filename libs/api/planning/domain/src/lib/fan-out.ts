/**
 * Fan-out: when a plan is issued, each task's lead and coordinating references become one assignment
 * per unit. Groups expand to their members as of the issue date; closed units resolve to their
 * successors (Sở TT&TT → Sở KH&CN). Nothing is guessed: unresolvable references are reported.
 */
import type { AssignmentRole } from '@dieu-hanh/api/planning/contracts';

export type { AssignmentRole } from '@dieu-hanh/api/planning/contracts'; // chủ trì | phối hợp
export type UnitRef = { unit: string; asWritten?: string } | { group: string; asWritten?: string } | { pending: string };

export interface FanOutTask {
  taskId: string;
  leads: UnitRef[];
  coordinators: UnitRef[];
}

export interface PlannedAssignment {
  taskId: string;
  unitCode: string;
  role: AssignmentRole;
  /** How the unit was reached: the group it came through, and the unit it succeeds, if any. */
  viaGroup: string | null;
  succeeds: string | null;
}

export interface UnresolvedRef {
  taskId: string;
  role: AssignmentRole;
  ref: UnitRef;
  reason: 'unknown-unit' | 'unknown-group' | 'closed-without-successor' | 'empty-group';
}

/** What fan-out needs to know of the directory, answered as of the issue date. */
export interface DirectoryAsOf {
  unitState(code: string): 'valid' | 'closed' | 'unknown';
  successorOf(code: string): string | null;
  groupMembers(code: string): string[] | null;
}

/** A reference kept as written for a human to settle ("UBND các xã, phường đã đề xuất"): no assignment until then. */
export interface PendingRef {
  taskId: string;
  role: AssignmentRole;
  text: string;
}

export function fanOut(tasks: FanOutTask[], directory: DirectoryAsOf): { assignments: PlannedAssignment[]; unresolved: UnresolvedRef[]; pending: PendingRef[] } {
  const assignments: PlannedAssignment[] = [];
  const unresolved: UnresolvedRef[] = [];
  const pending: PendingRef[] = [];
  for (const task of tasks) {
    const byUnit = new Map<string, PlannedAssignment>();
    const place = (role: AssignmentRole, refs: UnitRef[]) => {
      for (const ref of refs) {
        if ('pending' in ref) {
          pending.push({ taskId: task.taskId, role, text: ref.pending });
          continue;
        }
        const codes = 'group' in ref ? directory.groupMembers(ref.group) : [ref.unit];
        if (codes === null) {
          unresolved.push({ taskId: task.taskId, role, ref, reason: 'unknown-group' });
          continue;
        }
        if (codes.length === 0) {
          unresolved.push({ taskId: task.taskId, role, ref, reason: 'empty-group' });
          continue;
        }
        for (const code of codes) {
          const resolved = resolveCurrent(code, directory);
          if ('reason' in resolved) {
            unresolved.push({ taskId: task.taskId, role, ref, reason: resolved.reason });
            continue;
          }
          const existing = byUnit.get(resolved.code);
          // A unit that leads and also appears among coordinators is a lead: one assignment per unit and task.
          if (existing && (existing.role === 'lead' || role === 'coordinator')) continue;
          byUnit.set(resolved.code, {
            taskId: task.taskId,
            unitCode: resolved.code,
            role,
            viaGroup: 'group' in ref ? ref.group : null,
            succeeds: resolved.code !== code ? code : null,
          });
        }
      }
    };
    place('lead', task.leads);
    place('coordinator', task.coordinators);
    assignments.push(...byUnit.values());
  }
  return { assignments, unresolved, pending };
}

/** The unit that holds a code's responsibilities on the directory's date: itself, or its live successor. */
export function resolveCurrent(code: string, d: DirectoryAsOf): { code: string } | { reason: UnresolvedRef['reason'] } {
  const seen = new Set<string>();
  let current = code;
  for (;;) {
    const state = d.unitState(current);
    if (state === 'unknown') return { reason: 'unknown-unit' };
    if (state === 'valid') return { code: current };
    const next = d.successorOf(current);
    if (!next || seen.has(next)) return { reason: 'closed-without-successor' };
    seen.add(current);
    current = next;
  }
}

/** The directory code a reference names (a unit or a group), or null for a pending one. */
export function refCode(ref: UnitRef): string | null {
  return 'unit' in ref ? ref.unit : 'group' in ref ? ref.group : null;
}

/** What to call a reference in a message: its code, or its text when pending. */
export function refLabel(ref: UnitRef): string {
  return 'pending' in ref ? ref.pending : (refCode(ref) as string);
}
