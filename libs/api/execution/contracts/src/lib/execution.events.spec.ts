import { domainEvent } from '@dieu-hanh/api/shared/kernel';
import { EXECUTION_EVENT_TYPES, ExecutionEventType, executionEvent, isExecutionEvent } from './execution.events';

const facts = { planId: 'p1', planTitle: 'Kế hoạch 402', taskId: 't1', unitCode: '00070' };

describe('execution events', () => {
  it('are recorded on the assignment stream, so a timeline is one read of the log', () => {
    const e = executionEvent(ExecutionEventType.Urged, 'a1', { ...facts, byUnitCode: '01-SKHCN', message: null, due: '2025-12-31' });
    expect(e).toMatchObject({ type: 'execution.urged', aggregateType: 'assignment', aggregateId: 'a1' });
    expect(e.payload.byUnitCode).toBe('01-SKHCN');
  });

  it('narrow a stored event by its type only', () => {
    const reported = executionEvent(ExecutionEventType.WorkVerified, 'a1', { ...facts, verifierUnitCode: '01-SKHCN', note: null, version: 3 });
    expect(isExecutionEvent(reported, ExecutionEventType.WorkVerified)).toBe(true);
    expect(isExecutionEvent(reported, ExecutionEventType.WorkReturned)).toBe(false);
    expect(isExecutionEvent(domainEvent('planning.assignment-created', 'assignment', 'a1', facts), ExecutionEventType.WorkVerified)).toBe(false);
  });

  it('have unique, context-prefixed names (stored names never change)', () => {
    expect(new Set(EXECUTION_EVENT_TYPES).size).toBe(EXECUTION_EVENT_TYPES.length);
    expect(EXECUTION_EVENT_TYPES.every((t) => /^execution\.[a-z-]+$/.test(t))).toBe(true);
  });
});
