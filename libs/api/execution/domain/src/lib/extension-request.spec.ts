import { ExecutionEventType } from '@dieu-hanh/api/execution/contracts';
import type { DomainError } from '@dieu-hanh/api/shared/kernel';
import { ExtensionRequest } from './extension-request';

const facts = { planId: 'p1', planTitle: 'KH', taskId: 't1', unitCode: '00070' };
const at = new Date('2026-03-01T03:00:00Z');
const TODAY = '2026-03-01';
const ask = (over: { requestedDue?: string; currentDue?: string | null; reason?: string | null } = {}) =>
  ExtensionRequest.request(
    { id: 'x1', assignmentId: 'a1', currentDue: '2026-03-10', requestedDue: '2026-04-30', reason: 'Chờ kinh phí', requestedUnitCode: '00070', deciderUnitCodes: ['01-SKHCN'], ...over },
    facts,
    TODAY,
    'hk',
    at,
  );
const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('ExtensionRequest', () => {
  it('asks for a later date with a reason, naming who decides', () => {
    const e = ask();
    expect(e.snapshot()).toMatchObject({ status: 'pending', currentDue: '2026-03-10', requestedDue: '2026-04-30' });
    expect(e.pullEvents()[0]).toMatchObject({ type: ExecutionEventType.ExtensionRequested, payload: { extensionId: 'x1', deciderUnitCodes: ['01-SKHCN'] } });
  });

  it.each([
    ['today', { requestedDue: TODAY }],
    ['a day before today', { requestedDue: '2026-02-28' }],
    ['the current due date', { requestedDue: '2026-03-10' }],
    ['before the current due date', { requestedDue: '2026-03-05' }],
    ['not a date', { requestedDue: '30/04/2026' }],
    ['an impossible date', { requestedDue: '2026-02-30' }],
    ['without a reason', { reason: '  ' }],
  ])('refuses %s', (_l, over) => {
    expect(codeOf(() => ask(over))).toMatch(/^EXECUTION\.(EXTENSION|WORK)_INVALID$/);
  });

  it('a date after today is enough where no due date was set; an overdue task may move past today', () => {
    expect(ask({ currentDue: null, requestedDue: '2026-03-02' }).status).toBe('pending');
    expect(ask({ currentDue: '2025-12-31', requestedDue: '2026-03-02' }).status).toBe('pending');
  });

  it('is decided once; both dates stay in the event', () => {
    const e = ask();
    e.pullEvents();
    e.decide({ approve: true, note: 'Đồng ý', previousDue: '2026-03-10', unitCode: '01-SKHCN' }, 'skhcn', at);
    expect(e.snapshot()).toMatchObject({ status: 'approved', decidedBy: 'skhcn', decisionNote: 'Đồng ý' });
    expect(e.pullEvents()[0]).toMatchObject({
      type: ExecutionEventType.ExtensionDecided,
      payload: { approved: true, previousDue: '2026-03-10', requestedDue: '2026-04-30', decidedByUnitCode: '01-SKHCN' },
    });
    expect(codeOf(() => e.decide({ approve: false, previousDue: null, unitCode: 'x' }, 'x', at))).toBe('EXECUTION.EXTENSION_ALREADY_DECIDED');
  });

  it('may be rejected', () => {
    const e = ask();
    e.decide({ approve: false, previousDue: '2026-03-10', unitCode: '01-SKHCN' }, 'skhcn', at);
    expect(e.status).toBe('rejected');
  });
});
