import { ReportingEventType } from '@dieu-hanh/api/reporting/contracts';
import { DomainError } from '@dieu-hanh/api/shared/kernel';
import { ReportingPeriod, type ReportingPeriodProps } from './reporting-period';

/** A reporting period: opened with valid dates and its expected units, urged and reminded while open, closed once. */

const OPENED_AT = new Date('2025-10-01T00:30:00Z');
const PROPS: Omit<ReportingPeriodProps, 'status' | 'closedAt'> = {
  id: 'period-q4',
  planId: 'plan-402',
  planTitle: 'Kế hoạch chuyển đổi số',
  provinceCode: '01',
  kind: 'quarter',
  periodKey: '2025-Q4',
  label: 'Quý IV/2025',
  startDate: '2025-10-01',
  endDate: '2025-12-31',
  dueDate: '2025-12-15',
  requiresUnitApproval: true,
  focalUnitCode: '01-SKHCN',
  openedAt: OPENED_AT,
  openedBy: 'skhcn.daumoi',
};
const FACTS = { planId: 'plan-402', planTitle: 'Kế hoạch chuyển đổi số', periodId: 'period-q4', periodLabel: 'Quý IV/2025', focalUnitCode: '01-SKHCN' };
const EXPECTED = ['01-SGDDT', '00070', '00004'];
const event = (type: string, payload: object) => ({ type, aggregateType: 'report-period', aggregateId: 'period-q4', payload });

function open(over: Partial<typeof PROPS> = {}): ReportingPeriod {
  const p = ReportingPeriod.open({ ...PROPS, ...over }, EXPECTED);
  p.pullEvents();
  return p;
}
function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('ReportingPeriod.open', () => {
  it('opens the period and records period-opened with its dates and expected units', () => {
    const p = ReportingPeriod.open(PROPS, EXPECTED);
    expect(p.snapshot()).toEqual({ ...PROPS, status: 'open', closedAt: null });
    expect(p.facts()).toEqual(FACTS);
    expect(p.pullEvents()).toEqual([
      event(ReportingEventType.PeriodOpened, {
        ...FACTS, kind: 'quarter', startDate: '2025-10-01', endDate: '2025-12-31', dueDate: '2025-12-15', requiresUnitApproval: true, expectedUnitCodes: ['01-SGDDT', '00070', '00004'],
      }),
    ]);
  });

  it('an ad hoc period with nobody expected yet', () => {
    const p = ReportingPeriod.open({ ...PROPS, kind: 'ad-hoc', periodKey: 'adhoc-1', label: 'Báo cáo đột xuất', requiresUnitApproval: false }, []);
    expect(p.pullEvents().map((e) => e.payload)).toEqual([expect.objectContaining({ kind: 'ad-hoc', periodLabel: 'Báo cáo đột xuất', requiresUnitApproval: false, expectedUnitCodes: [] })]);
  });

  it.each([
    ['the end before the start', { startDate: '2025-10-01', endDate: '2025-09-30' }, 'body.endDate'],
    ['the due date before the start', { startDate: '2025-10-01', dueDate: '2025-09-30' }, 'body.dueDate'],
    ['both (the end is checked first)', { startDate: '2025-10-01', endDate: '2025-09-01', dueDate: '2025-09-01' }, 'body.endDate'],
  ] as const)('refuses %s: REPORTING.INVALID on the field', (_label, dates, field) => {
    const e = errorOf(() => ReportingPeriod.open({ ...PROPS, ...dates }, EXPECTED));
    expect(e.code).toBe('REPORTING.INVALID');
    expect(e.kind).toBe('validation');
    expect(e.fields.map((f) => f.field)).toEqual([field]);
  });

  it.each([
    ['a one-day period due that day', { startDate: '2025-12-01', endDate: '2025-12-01', dueDate: '2025-12-01' }],
    ['due after the period ends', { dueDate: '2026-01-15' }],
    ['due on the start date', { dueDate: '2025-10-01' }],
  ] as const)('accepts %s', (_label, dates) => {
    expect(ReportingPeriod.open({ ...PROPS, ...dates }, EXPECTED).snapshot().status).toBe('open');
  });
});

describe('ReportingPeriod.close', () => {
  it('closes once and records period-closed with the counts', () => {
    const p = open();
    const at = new Date('2025-12-20T10:00:00Z');
    p.close({ submitted: 2, expected: 3 }, at);
    expect(p.snapshot()).toMatchObject({ status: 'closed', closedAt: at });
    expect(p.pullEvents()).toEqual([event(ReportingEventType.PeriodClosed, { ...FACTS, submitted: 2, expected: 3 })]);
  });

  it('closing twice is a refused transition and records nothing', () => {
    const p = open();
    const first = new Date('2025-12-20T10:00:00Z');
    p.close({ submitted: 2, expected: 3 }, first);
    p.pullEvents();
    const e = errorOf(() => p.close({ submitted: 3, expected: 3 }, new Date('2025-12-21T10:00:00Z')));
    expect(e.code).toBe('REPORTING.TRANSITION_REFUSED');
    expect(e.extra).toEqual({ currentStatus: 'closed' });
    expect(p.snapshot().closedAt).toEqual(first);
    expect(p.pullEvents()).toEqual([]);
  });
});

describe('ReportingPeriod.urge and reminders', () => {
  it('urges the units named, with the message and the due date', () => {
    const p = open();
    p.urge(['00070', '00004'], 'Đề nghị gửi báo cáo trước 15/12');
    p.urge(['00070'], null);
    expect(p.pullEvents()).toEqual([
      event(ReportingEventType.ReportsUrged, { ...FACTS, unitCodes: ['00070', '00004'], message: 'Đề nghị gửi báo cáo trước 15/12', dueDate: '2025-12-15' }),
      event(ReportingEventType.ReportsUrged, { ...FACTS, unitCodes: ['00070'], message: null, dueDate: '2025-12-15' }),
    ]);
  });

  it('a blank message is refused on body.reason', () => {
    const e = errorOf(() => open().urge(['00070'], '   '));
    expect(e.code).toBe('REPORTING.INVALID');
    expect(e.fields.map((f) => f.field)).toEqual(['body.reason']);
  });

  it('urging a closed period is refused', () => {
    const p = open();
    p.close({ submitted: 0, expected: 3 }, new Date('2025-12-20T10:00:00Z'));
    p.pullEvents();
    const e = errorOf(() => p.urge(['00070'], null));
    expect(e.code).toBe('REPORTING.TRANSITION_REFUSED');
    expect(e.extra).toEqual({ currentStatus: 'closed' });
    expect(p.pullEvents()).toEqual([]);
  });

  it('a restored closed period refuses urging too', () => {
    const p = ReportingPeriod.restore({ ...PROPS, status: 'closed', closedAt: new Date('2025-12-20T10:00:00Z') });
    expect(errorOf(() => p.urge(['00070'], 'Nhắc')).code).toBe('REPORTING.TRANSITION_REFUSED');
    expect(errorOf(() => p.close({ submitted: 0, expected: 0 }, new Date())).code).toBe('REPORTING.TRANSITION_REFUSED');
  });

  it('reminds the missing units before the due date', () => {
    const p = open();
    p.remindClosingSoon(['00004'], 3);
    expect(p.pullEvents()).toEqual([event(ReportingEventType.PeriodClosingSoon, { ...FACTS, unitCodes: ['00004'], dueDate: '2025-12-15', daysLeft: 3 })]);
  });

  it('snapshot is a copy', () => {
    const p = open();
    const s = p.snapshot();
    s.status = 'closed';
    expect(p.snapshot().status).toBe('open');
  });
});
