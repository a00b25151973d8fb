import type { AssignmentRole, PlannedAssignment } from './fan-out';
import type { PlanTask } from './plan.aggregate';

/** What the diff needs of an assignment in force. */
export interface HeldAssignment {
  taskId: string;
  unitCode: string;
  role: AssignmentRole;
}

export interface AssignmentDiff<A extends HeldAssignment> {
  /** Units newly named on a task: they get an assignment. */
  toAdd: PlannedAssignment[];
  /** Units no longer named on a task (or whose task was removed): theirs is withdrawn. */
  toWithdraw: A[];
  /** Units still on the task in another role (lead ↔ coordinator). */
  roleChanges: { assignment: A; to: AssignmentRole }[];
  /** Units kept on a task whose content changed, in the same role: they are told. */
  told: A[];
}

const key = (a: { taskId: string; unitCode: string }) => `${a.taskId}:${a.unitCode}`;

/**
 * An amendment's effect on assignments, as a pure function: `active` are the assignments in force,
 * `planned` what the amended plan fans out to today, `changedTaskIds` the kept tasks whose content a
 * holder cares about changed. One assignment per unit and task: duplicates in `planned` collapse, the
 * lead winning (the fan-out's rule). A unit whose role changed is told by that change alone.
 */
export function diffAssignments<A extends HeldAssignment>(
  active: readonly A[],
  planned: readonly PlannedAssignment[],
  changedTaskIds: ReadonlySet<string>,
): AssignmentDiff<A> {
  const wanted = new Map<string, PlannedAssignment>();
  for (const a of planned) {
    const seen = wanted.get(key(a));
    if (!seen || (seen.role === 'coordinator' && a.role === 'lead')) wanted.set(key(a), a);
  }
  const held = new Map<string, A>();
  for (const a of active) if (!held.has(key(a))) held.set(key(a), a);

  const toAdd: PlannedAssignment[] = [];
  const roleChanges: { assignment: A; to: AssignmentRole }[] = [];
  for (const [k, a] of wanted) {
    const current = held.get(k);
    if (!current) toAdd.push(a);
    else if (current.role !== a.role) roleChanges.push({ assignment: current, to: a.role });
  }
  const kept = [...held].filter(([k]) => wanted.has(k)).map(([, a]) => a);
  const told = kept.filter((a) => changedTaskIds.has(a.taskId) && wanted.get(key(a))?.role === a.role);
  const toWithdraw = [...held].filter(([k]) => !wanted.has(k)).map(([, a]) => a);
  return { toAdd, toWithdraw, roleChanges, told };
}

/** What a holder of an assignment cares about in a task: what to do, by when, with whom. */
function taskFingerprint(t: PlanTask): string {
  return JSON.stringify([t.content, t.expectedResult, t.timeframe, t.directingLeader, t.notes, t.leads, t.coordinators]);
}

/** How an amendment changed a plan's tasks: kept tasks whose holders must hear of it, added, removed. */
export function amendedTasks(before: readonly PlanTask[], after: readonly PlanTask[]): { changed: Set<string>; added: number; removed: number } {
  const old = new Map(before.map((t) => [t.id, t]));
  const kept = new Set(after.map((t) => t.id));
  const changed = new Set(after.filter((t) => old.has(t.id) && taskFingerprint(old.get(t.id) as PlanTask) !== taskFingerprint(t)).map((t) => t.id));
  return { changed, added: after.filter((t) => !old.has(t.id)).length, removed: before.filter((t) => !kept.has(t.id)).length };
}
