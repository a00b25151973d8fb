import { ExecutionEventType } from '@dieu-hanh/api/execution/contracts';
import { daysBetween, urged, urgencyOf } from './urgency';

const open = { status: 'in-progress' as const, verification: 'none' as const };

describe('urgency: computed from dates, never stored', () => {
  it.each([
    ['overdue', open, '2026-02-27', { urgency: 'overdue', days: 2 }],
    ['due today is due soon', open, '2026-03-01', { urgency: 'due-soon', days: 0 }],
    ['due in 7 days is due soon', open, '2026-03-08', { urgency: 'due-soon', days: 7 }],
    ['due in 8 days is on track', open, '2026-03-09', { urgency: 'on-track', days: 8 }],
    ['no date', open, null, { urgency: 'no-date', days: null }],
    ['done is closed even when late', { status: 'done' as const, verification: 'pending' as const }, '2026-01-01', { urgency: 'closed', days: null }],
    ['verified is closed', { status: 'unable' as const, verification: 'verified' as const }, '2026-01-01', { urgency: 'closed', days: null }],
    ['unable, not verified, still late', { status: 'unable' as const, verification: 'pending' as const }, '2026-02-28', { urgency: 'overdue', days: 1 }],
  ])('%s', (_l, work, due, expected) => {
    expect(urgencyOf(work, due, '2026-03-01')).toEqual(expected);
  });

  it('counts days across months and years', () => {
    expect(daysBetween('2025-12-31', '2026-03-01')).toBe(60);
  });

  it('urging is an event on the assignment', () => {
    expect(urged('a1', { planId: 'p', planTitle: 'KH', taskId: 't', unitCode: 'u' }, { byUnitCode: '01-SKHCN', message: ' Khẩn ', due: '2026-02-01' })).toMatchObject({
      type: ExecutionEventType.Urged,
      aggregateId: 'a1',
      payload: { byUnitCode: '01-SKHCN', message: 'Khẩn', due: '2026-02-01' },
    });
  });
});
