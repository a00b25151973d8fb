import { type HeldAssignment, amendedTasks, diffAssignments } from './assignment-diff';
import type { PlannedAssignment } from './fan-out';
import type { PlanTask } from './plan.aggregate';

type Held = HeldAssignment & { id: string };
const held = (id: string, taskId: string, unitCode: string, role: 'lead' | 'coordinator' = 'lead'): Held => ({ id, taskId, unitCode, role });
const planned = (taskId: string, unitCode: string, role: 'lead' | 'coordinator' = 'lead', viaGroup: string | null = null): PlannedAssignment => ({
  taskId,
  unitCode,
  role,
  viaGroup,
  succeeds: null,
});
const none = new Set<string>();
const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe('diffAssignments (an amendment, as a pure function)', () => {
  const active = [held('a1', 't1', 'SKHCN', 'lead'), held('a2', 't1', 'SGDDT', 'coordinator'), held('a3', 't2', 'SYT', 'lead')];

  it('unchanged plan: nothing to do, nobody told', () => {
    const d = diffAssignments(active, [planned('t1', 'SKHCN'), planned('t1', 'SGDDT', 'coordinator'), planned('t2', 'SYT')], none);
    expect(d).toEqual({ toAdd: [], toWithdraw: [], roleChanges: [], told: [] });
  });

  it('a unit added to a task gets an assignment (as planned: role, group)', () => {
    const added = planned('t1', 'SVHTT', 'coordinator', 'G-SO');
    const d = diffAssignments(active, [planned('t1', 'SKHCN'), planned('t1', 'SGDDT', 'coordinator'), added, planned('t2', 'SYT')], none);
    expect(d.toAdd).toEqual([added]);
    expect(d.toWithdraw).toEqual([]);
    expect(d.told).toEqual([]);
  });

  it('a unit taken off a task has its assignment withdrawn', () => {
    const d = diffAssignments(active, [planned('t1', 'SKHCN'), planned('t2', 'SYT')], none);
    expect(ids(d.toWithdraw)).toEqual(['a2']);
    expect(d.toAdd).toEqual([]);
  });

  it('lead ↔ coordinator swap: two role changes, nothing added or withdrawn, not told twice', () => {
    const d = diffAssignments(active, [planned('t1', 'SKHCN', 'coordinator'), planned('t1', 'SGDDT', 'lead'), planned('t2', 'SYT')], new Set(['t1']));
    expect(d.roleChanges.map((c) => [c.assignment.id, c.to])).toEqual([
      ['a1', 'coordinator'],
      ['a2', 'lead'],
    ]);
    expect(d.toAdd).toEqual([]);
    expect(d.toWithdraw).toEqual([]);
    expect(d.told).toEqual([]);
  });

  it('a task whose content changed: every holder kept in the same role is told', () => {
    const d = diffAssignments(active, [planned('t1', 'SKHCN'), planned('t1', 'SGDDT', 'coordinator'), planned('t2', 'SYT')], new Set(['t1']));
    expect(ids(d.told)).toEqual(['a1', 'a2']);
    expect(d.roleChanges).toEqual([]);
  });

  it('a removed task: all its assignments withdrawn, the others untouched', () => {
    const d = diffAssignments(active, [planned('t2', 'SYT')], none);
    expect(ids(d.toWithdraw)).toEqual(['a1', 'a2']);
    expect(d.toAdd).toEqual([]);
    expect(d.told).toEqual([]);
  });

  it('a group that now resolves to more units adds the new members only', () => {
    const before = [held('g1', 't3', 'X1', 'coordinator'), held('g2', 't3', 'X2', 'coordinator')];
    const d = diffAssignments(before, ['X1', 'X2', 'X3', 'X4'].map((u) => planned('t3', u, 'coordinator', 'G-XA')), none);
    expect(d.toAdd.map((a) => a.unitCode)).toEqual(['X3', 'X4']);
    expect(d.toAdd.every((a) => a.viaGroup === 'G-XA')).toBe(true);
    expect(d.toWithdraw).toEqual([]);
  });

  it('a group that now resolves to fewer units withdraws the members that left', () => {
    const before = ['X1', 'X2', 'X3'].map((u, i) => held(`g${i}`, 't3', u, 'coordinator'));
    const d = diffAssignments(before, [planned('t3', 'X2', 'coordinator', 'G-XA')], none);
    expect(ids(d.toWithdraw)).toEqual(['g0', 'g2']);
    expect(d.toAdd).toEqual([]);
  });

  it('duplicates in the planned list collapse to one assignment, the lead winning', () => {
    const d = diffAssignments([], [planned('t1', 'SKHCN', 'coordinator'), planned('t1', 'SKHCN', 'lead'), planned('t1', 'SKHCN', 'coordinator')], none);
    expect(d.toAdd).toEqual([planned('t1', 'SKHCN', 'lead')]);
    const kept = diffAssignments([held('a1', 't1', 'SKHCN', 'lead')], [planned('t1', 'SKHCN', 'lead'), planned('t1', 'SKHCN', 'coordinator')], new Set(['t1']));
    expect(kept.roleChanges).toEqual([]);
    expect(ids(kept.told)).toEqual(['a1']);
  });

  it('the same unit on two tasks is two assignments: one kept, one added', () => {
    const d = diffAssignments([held('a1', 't1', 'SKHCN')], [planned('t1', 'SKHCN'), planned('t2', 'SKHCN', 'coordinator')], none);
    expect(d.toAdd).toEqual([planned('t2', 'SKHCN', 'coordinator')]);
    expect(d.toWithdraw).toEqual([]);
  });
});

describe('amendedTasks', () => {
  const task = (id: string, over: Partial<PlanTask> = {}): PlanTask => ({
    id,
    parentTaskId: null,
    ordinal: 1,
    section: null,
    content: `Nhiệm vụ ${id}`,
    expectedResult: null,
    directingLeader: null,
    timeframe: 'Quý IV/2025',
    timeframeNormalized: null,
    notes: null,
    leads: [{ unit: 'SKHCN' }],
    coordinators: [],
    ...over,
  });

  it('tells what a holder cares about (content, deadline, units), not where the task sits', () => {
    const before = [task('t1'), task('t2'), task('t3'), task('t4')];
    const after = [task('t1', { ordinal: 9, section: 'II' }), task('t2', { timeframe: 'Quý I/2026' }), task('t3', { coordinators: [{ unit: 'SYT' }] }), task('t5')];
    expect(amendedTasks(before, after)).toEqual({ changed: new Set(['t2', 't3']), added: 1, removed: 1 });
  });
});
