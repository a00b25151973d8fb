/**
 * Fan-out: when a plan is issued, each task's lead and coordinating references become one assignment
 * per unit. Groups expand to their members as of the issue date; closed units resolve to their
 * successors (Sở TT&TT → Sở KH&CN). Nothing is guessed: unresolvable references are reported.
 */
export type UnitRef = { unit: string } | { group: string };
export type AssignmentRole = 'lead' | 'coordinator'; // chủ trì | phối hợp

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

export function fanOut(tasks: FanOutTask[], directory: DirectoryAsOf): { assignments: PlannedAssignment[]; unresolved: UnresolvedRef[] } {
  const assignments: PlannedAssignment[] = [];
  const unresolved: UnresolvedRef[] = [];
  for (const task of tasks) {
    const byUnit = new Map<string, PlannedAssignment>();
    const place = (role: AssignmentRole, refs: UnitRef[]) => {
      for (const ref of refs) {
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
  return { assignments, unresolved };
}

function resolveCurrent(code: string, d: DirectoryAsOf): { code: string } | { reason: UnresolvedRef['reason'] } {
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
