import type { QueryBus } from '@nestjs/cqrs';
import { type DirectoryAsOf, type PendingRef, type PlannedAssignment, type PlanProps, fanOut, planInvalid, refLabel, referenceOutOfReach, resolveCurrent } from '@dieu-hanh/api/planning/domain';
import { mayAssignUnit, planIssuer } from '../access/plan-access.policy';
import { type DirectorySnapshot, DirectorySnapshotQuery } from '@dieu-hanh/api/organization/contracts';

/**
 * Fans an issued plan's tasks out as of `asOf`: groups expand to their members that day, closed units
 * resolve to their successors. Pending references (kept as written) wait for a human and give no
 * assignment; an unknown or dead reference refuses the whole command, naming the field at fault.
 */
export async function fanOutPlan(
  p: Readonly<PlanProps>,
  asOf: string,
  queries: QueryBus,
  /** A snapshot already read for that day that covers every code the plan names (an amendment's own). */
  known?: DirectorySnapshot,
): Promise<{ assignments: PlannedAssignment[]; pending: PendingRef[]; focalUnitCode: string | null }> {
  const refs = p.tasks.flatMap((t) => [...t.leads, ...t.coordinators]);
  const snapshot =
    known ??
    (await queries.execute<DirectorySnapshotQuery, DirectorySnapshot>(
      new DirectorySnapshotQuery(
        p.provinceCode,
        asOf,
        [...new Set([...refs.flatMap((r) => ('unit' in r ? [r.unit] : [])), ...(p.focalUnitCode ? [p.focalUnitCode] : [])])],
        [...new Set(refs.flatMap((r) => ('group' in r ? [r.group] : [])))],
      ),
    ));
  const directory: DirectoryAsOf = {
    unitState: (c) => snapshot.units[c]?.state ?? 'unknown',
    successorOf: (c) => snapshot.successors[c] ?? null,
    groupMembers: (g) => snapshot.groups[g] ?? null,
  };
  const { assignments, unresolved, pending } = fanOut(
    p.tasks.map((t) => ({ taskId: t.id, leads: t.leads, coordinators: t.coordinators })),
    directory,
  );
  // The focal unit (cơ quan đầu mối) follows successions too: 402's Sở TT&TT is Sở KH&CN's job now.
  const focal = p.focalUnitCode ? resolveCurrent(p.focalUnitCode, directory) : null;
  const focalUnitCode = focal && 'code' in focal ? focal.code : p.focalUnitCode;
  if (unresolved.length) {
    const u = unresolved[0];
    const index = p.tasks.findIndex((t) => t.id === u.taskId);
    const field = `body.tasks.${index}.${u.role === 'lead' ? 'leads' : 'coordinators'}`;
    throw planInvalid(field, `Không giao được nhiệm vụ ${index + 1} cho ${refLabel(u.ref)} (${u.reason}).`, `Task ${index + 1} cannot be assigned to ${refLabel(u.ref)} (${u.reason}).`);
  }
  // The issuer's reach, again on what the groups and successions resolved to on this day: a group may
  // have gained members, a merged office may have a successor outside the commune since the draft.
  const issuer = planIssuer(p);
  const outside = assignments.find((a) => {
    const unit = snapshot.units[a.unitCode];
    return !unit || !mayAssignUnit(issuer, unit);
  });
  if (outside) {
    const index = p.tasks.findIndex((t) => t.id === outside.taskId);
    throw referenceOutOfReach(`plan.tasks.${index}.${outside.role === 'lead' ? 'leads' : 'coordinators'}`, outside.viaGroup ?? outside.unitCode);
  }
  if (focalUnitCode && snapshot.units[focalUnitCode] && !mayAssignUnit(issuer, snapshot.units[focalUnitCode])) {
    throw referenceOutOfReach('plan.focalUnitCode', focalUnitCode);
  }
  return { assignments, pending, focalUnitCode };
}

/**
 * The day assignments are resolved: the issue date, or today when the issue date is past (a plan
 * recorded after the fact, like the seeded 402/KH-UBND of 31/12/2024, reaches the units that exist now:
 * Sở TT&TT's tasks go to Sở KH&CN, the districts' to the communes).
 */
export function resolutionDate(issueDate: string, today: string): string {
  return issueDate > today ? issueDate : today;
}
