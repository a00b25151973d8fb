import { assignmentCreated, assignmentWithdrawn, AssignmentEventType, isAssignmentEvent } from './assignment.events';
import { isPlanEvent, planEvent, PlanEventType } from './plan.events';

describe('planning contracts: plan and assignment events', () => {
  it('builds plan events addressed to the plan', () => {
    const e = planEvent(PlanEventType.Amended, 'p1', { by: 'lanhdao', reason: 'Bổ sung', version: 3, amendment: 1, tasksChanged: 1, tasksAdded: 0, tasksRemoved: 0 });
    expect(e).toMatchObject({ type: 'planning.plan-amended', aggregateType: 'plan', aggregateId: 'p1' });
    expect(isPlanEvent(e, PlanEventType.Amended)).toBe(true);
    expect(isPlanEvent(e, PlanEventType.Issued)).toBe(false);
  });

  it('builds assignment events addressed to the assignment, with the facts every reader needs', () => {
    const facts = { planId: 'p1', planTitle: 'KH 402', taskId: 't1', unitCode: '00070' };
    const created = assignmentCreated('a1', { ...facts, role: 'lead', viaGroup: null, succeeds: null });
    expect(created).toEqual({ type: 'planning.assignment-created', aggregateType: 'assignment', aggregateId: 'a1', payload: { ...facts, role: 'lead', viaGroup: null, succeeds: null } });
    const withdrawn = assignmentWithdrawn('a1', { ...facts, reason: 'succeeded by 00004', successorCode: '00004' });
    expect(isAssignmentEvent(withdrawn, AssignmentEventType.Withdrawn)).toBe(true);
    expect(isAssignmentEvent(withdrawn, AssignmentEventType.Created)).toBe(false);
  });

  it('keeps the stored type names (they are in the event log for ever)', () => {
    expect(Object.values(PlanEventType)).toEqual([
      'planning.plan-drafted',
      'planning.plan-revised',
      'planning.plan-submitted',
      'planning.plan-approved',
      'planning.plan-returned',
      'planning.plan-issued',
      'planning.plan-closed',
      'planning.plan-amended',
      'planning.plan-focal-unit-succeeded',
    ]);
    expect(Object.values(AssignmentEventType)).toEqual(['planning.assignment-created', 'planning.assignment-changed', 'planning.assignment-withdrawn']);
  });
});
