import { ReportingEventType } from '@dieu-hanh/api/reporting/contracts';
import { DomainError, type DomainEvent } from '@dieu-hanh/api/shared/kernel';
import type { ReportTaskEntryDto } from '@dieu-hanh/shared/contracts';
import { definedOnly } from './defined-only';
import { EMPTY_SECTIONS, type IndicatorValueProps, type PeriodContext, UnitReport } from './unit-report';

/**
 * The unit report's lifecycle: start, revise, submit (to the unit's leader or straight to the focal unit),
 * approve, accept, return, reopen — with the events each step records, "on time" decided once by Vietnam's
 * calendar day, and a closed period that freezes revision 1 until the report is reopened.
 */

const PERIOD: PeriodContext = {
  planId: 'plan-402',
  planTitle: 'Kế hoạch chuyển đổi số',
  periodId: 'period-q4',
  periodLabel: 'Quý IV/2025',
  focalUnitCode: '01-SKHCN',
  status: 'open',
  dueDate: '2025-12-31',
  requiresUnitApproval: false,
};
const WITH_APPROVAL: PeriodContext = { ...PERIOD, requiresUnitApproval: true };
const CLOSED: PeriodContext = { ...PERIOD, status: 'closed' };

const T0 = new Date('2025-12-01T02:00:00Z');
const T1 = new Date('2025-12-10T03:00:00Z');
const T2 = new Date('2025-12-20T04:00:00Z');
/** 23:59:59 on 31/12/2025 in Hà Nội (UTC+7): the last second of the due date. */
const LAST_SECOND = new Date('2025-12-31T16:59:59Z');
/** 00:30 on 01/01/2026 in Hà Nội, still 31/12 by UTC: a day late. */
const HALF_PAST_MIDNIGHT = new Date('2025-12-31T17:30:00Z');

const BY = 'hoankiem.canbo';
const FACTS = { periodId: 'period-q4', planId: 'plan-402', planTitle: 'Kế hoạch chuyển đổi số', periodLabel: 'Quý IV/2025', focalUnitCode: '01-SKHCN', reportId: 'r-1', unitCode: '00070' };

const V1: IndicatorValueProps = { indicatorId: 'ind-1', numerator: 3, denominator: 4, value: 75, rank: null, evidence: 'Sổ theo dõi' };
const V2: IndicatorValueProps = { indicatorId: 'ind-2', numerator: null, denominator: null, value: 12, rank: null, evidence: null };
const figure = ({ evidence: _evidence, ...f }: IndicatorValueProps) => f;

const ENTRY: ReportTaskEntryDto = {
  assignmentId: 'a-1', taskId: 't-1', taskOrdinal: 1, section: null, taskContent: 'Số hóa hồ sơ', role: 'lead', status: 'in-progress', percent: 60,
  verification: 'none', result: 'Đã số hóa 60%', note: null, due: '2025-12-31', overdue: false, evidenceCount: 1, obstacles: [], contributions: [],
};

function start(period: PeriodContext = PERIOD, values: IndicatorValueProps[] = [V1]): UnitReport {
  const r = UnitReport.start({ id: 'r-1', provinceCode: '01', unitCode: '00070', values }, period, BY, T0);
  r.pullEvents();
  return r;
}
const version = (r: UnitReport) => r.snapshot().version;

/** A report submitted (no unit approval) at `at`, events pulled. */
function submitted(at: Date = T1, period: PeriodContext = PERIOD): UnitReport {
  const r = start(period);
  r.submit(version(r), [ENTRY], BY, at);
  r.pullEvents();
  return r;
}
function accepted(): UnitReport {
  const r = submitted();
  r.accept(version(r), 'skhcn.daumoi', T2);
  r.pullEvents();
  return r;
}

/** The DomainError `fn` throws (fails the test when it throws nothing or something else). */
function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
const kinds = (events: DomainEvent[]) => events.map((e) => e.type);

describe('UnitReport.start', () => {
  it('starts a draft of revision 1 and records unit-report-started with the report’s facts', () => {
    const r = UnitReport.start({ id: 'r-1', provinceCode: '01', unitCode: '00070', values: [V1] }, PERIOD, BY, T0);
    expect(r.status).toBe('draft');
    expect(r.snapshot()).toMatchObject({
      id: 'r-1', periodId: 'period-q4', planId: 'plan-402', provinceCode: '01', unitCode: '00070', revision: 1, version: 1, status: 'draft',
      sections: EMPTY_SECTIONS, taskNotes: {}, snapshot: null, values: [V1], firstSubmittedAt: null, submittedAt: null, onTime: null,
      updatedAt: T0, updatedBy: BY,
    });
    expect(r.pullEvents()).toEqual([
      { type: ReportingEventType.UnitReportStarted, aggregateType: 'unit-report', aggregateId: 'r-1', payload: { ...FACTS, revision: 1, status: 'draft' } },
    ]);
    expect(r.pullEvents()).toEqual([]);
  });

  it('is refused in a closed period', () => {
    const e = errorOf(() => UnitReport.start({ id: 'r-1', provinceCode: '01', unitCode: '00070', values: [] }, CLOSED, BY, T0));
    expect(e.code).toBe('REPORTING.TRANSITION_REFUSED');
  });
});

describe('UnitReport.revise', () => {
  it('on a draft: changes the parts given, bumps the version and records revised with what changed', () => {
    const r = start();
    r.revise({ version: 1, sections: { results: 'Hoàn thành 60%' }, taskNotes: { 'a-1': 'Đúng tiến độ' }, values: [{ ...V1, numerator: 4 }, V2] }, [ENTRY], 'hoankiem.lanhdao', T1);
    const s = r.snapshot();
    expect(s).toMatchObject({ status: 'draft', version: 2, updatedAt: T1, updatedBy: 'hoankiem.lanhdao', snapshot: null });
    expect(s.sections).toEqual({ results: 'Hoàn thành 60%', difficulties: '', proposals: '' });
    expect(s.taskNotes).toEqual({ 'a-1': 'Đúng tiến độ' });
    // Values merge by indicator: ind-1 replaced, ind-2 added.
    expect(s.values).toEqual([{ ...V1, numerator: 4 }, V2]);
    expect(r.pullEvents()).toEqual([
      {
        type: ReportingEventType.UnitReportRevised, aggregateType: 'unit-report', aggregateId: 'r-1',
        payload: { ...FACTS, revision: 1, status: 'draft', changed: ['sections', 'task-notes', 'indicators'], figures: [figure({ ...V1, numerator: 4 }), figure(V2)], reason: null },
      },
    ]);
  });

  it('names only the parts actually given', () => {
    const r = start();
    r.revise({ version: 1, taskNotes: { 'a-1': 'x' } }, [], BY, T1);
    expect(r.pullEvents().map((e) => (e.payload as { changed: string[] }).changed)).toEqual([['task-notes']]);
    r.revise({ version: 2, values: [V2] }, [], BY, T1);
    expect(r.pullEvents().map((e) => (e.payload as { changed: string[] }).changed)).toEqual([['indicators']]);
  });

  it('a note set to null or empty removes it', () => {
    const r = start();
    r.revise({ version: 1, taskNotes: { 'a-1': 'một', 'a-2': 'hai', 'a-3': 'ba' } }, [], BY, T1);
    r.revise({ version: 2, taskNotes: { 'a-1': null, 'a-2': '', 'a-3': 'ba (sửa)' } }, [], BY, T1);
    expect(r.snapshot().taskNotes).toEqual({ 'a-3': 'ba (sửa)' });
  });

  it('an undefined section does not erase the stored one (definedOnly)', () => {
    const r = start();
    r.revise({ version: 1, sections: { results: 'Kết quả', difficulties: 'Thiếu nhân lực', proposals: 'Bổ sung biên chế' } }, [], BY, T1);
    r.revise({ version: 2, sections: { results: 'Kết quả mới', difficulties: undefined } }, [], BY, T2);
    expect(r.snapshot().sections).toEqual({ results: 'Kết quả mới', difficulties: 'Thiếu nhân lực', proposals: 'Bổ sung biên chế' });
  });

  it('a stale version is REPORTING.VERSION_CONFLICT and changes nothing', () => {
    const r = start();
    r.revise({ version: 1, sections: { results: 'v2' } }, [], BY, T1);
    r.pullEvents();
    const before = r.snapshot();
    const e = errorOf(() => r.revise({ version: 1, sections: { results: 'stale' } }, [], 'someone.else', T2));
    expect(e.code).toBe('REPORTING.VERSION_CONFLICT');
    expect(e.kind).toBe('conflict');
    expect(e.fields.map((f) => f.field)).toEqual(['body.version']);
    expect(e.extra).toEqual({ currentVersion: 2 });
    expect(r.snapshot()).toEqual(before);
    expect(r.pullEvents()).toEqual([]);
  });

  it('every transition checks the version', () => {
    const s = submitted();
    expect(errorOf(() => s.accept(1, 'skhcn.daumoi', T2)).code).toBe('REPORTING.VERSION_CONFLICT');
    expect(errorOf(() => s.returnWith(1, 'Thiếu số liệu', 'skhcn.daumoi', T2)).code).toBe('REPORTING.VERSION_CONFLICT');
    expect(errorOf(() => start().submit(2, [], BY, T1)).code).toBe('REPORTING.VERSION_CONFLICT');
    const a = accepted();
    expect(errorOf(() => a.reopen(version(a) - 1, 'Sai số liệu', 'skhcn.daumoi', T2)).code).toBe('REPORTING.VERSION_CONFLICT');
  });
});

describe('UnitReport.submit', () => {
  it('from a draft without unit approval: submitted, snapshot frozen, first submission on time', () => {
    const r = start();
    r.submit(1, [ENTRY], BY, T1);
    expect(r.status).toBe('submitted');
    expect(r.snapshot()).toMatchObject({ version: 2, snapshot: [ENTRY], firstSubmittedAt: T1, submittedAt: T1, onTime: true, returnReason: null });
    expect(r.pullEvents()).toEqual([
      {
        type: ReportingEventType.UnitReportSubmitted, aggregateType: 'unit-report', aggregateId: 'r-1',
        payload: { ...FACTS, revision: 1, status: 'submitted', onTime: true, figures: [figure(V1)], reason: null },
      },
    ]);
  });

  it('when the period requires unit approval: awaiting-approval, not yet at the focal unit', () => {
    const r = start(WITH_APPROVAL);
    r.submit(1, [ENTRY], BY, T1);
    expect(r.status).toBe('awaiting-approval');
    expect(r.snapshot()).toMatchObject({ snapshot: [ENTRY], firstSubmittedAt: null, submittedAt: null, onTime: null });
    expect(r.pullEvents()).toEqual([
      {
        type: ReportingEventType.UnitReportSubmitted, aggregateType: 'unit-report', aggregateId: 'r-1',
        payload: { ...FACTS, revision: 1, status: 'awaiting-approval', onTime: true, figures: [figure(V1)], reason: null },
      },
    ]);
  });

  it.each([
    ['23:59:59 on the due date in Vietnam (16:59:59Z)', LAST_SECOND, true],
    ['00:30 the next day in Vietnam (17:30Z, still 31/12 by UTC)', HALF_PAST_MIDNIGHT, false],
    ['exactly midnight in Vietnam (17:00:00Z): already the next day', new Date('2025-12-31T17:00:00Z'), false],
  ] as const)('on time is decided by Vietnam’s calendar day: %s', (_label, at, onTime) => {
    const r = start();
    r.submit(1, [ENTRY], BY, at);
    expect(r.snapshot().onTime).toBe(onTime);
    expect(r.pullEvents().map((e) => (e.payload as { onTime: boolean }).onTime)).toEqual([onTime]);
  });

  it('the first submission decides on time: a late resubmission after a return keeps it', () => {
    const r = submitted(LAST_SECOND);
    r.returnWith(version(r), 'Bổ sung số liệu', 'skhcn.daumoi', T2);
    r.pullEvents();
    const late = new Date('2026-01-05T03:00:00Z');
    r.submit(version(r), [ENTRY], BY, late);
    expect(r.snapshot()).toMatchObject({ status: 'submitted', firstSubmittedAt: LAST_SECOND, submittedAt: late, onTime: true, returnReason: null });
    expect(r.pullEvents().map((e) => (e.payload as { onTime: boolean }).onTime)).toEqual([true]);
  });

  it('a late first submission stays late', () => {
    const r = submitted(HALF_PAST_MIDNIGHT);
    r.returnWith(version(r), 'Bổ sung', 'skhcn.daumoi', new Date('2026-01-02T03:00:00Z'));
    r.submit(version(r), [ENTRY], BY, new Date('2026-01-03T03:00:00Z'));
    expect(r.snapshot().onTime).toBe(false);
  });

  it.each(['submitted', 'accepted'] as const)('is refused from %s', (status) => {
    const r = status === 'submitted' ? submitted() : accepted();
    const e = errorOf(() => r.submit(version(r), [ENTRY], BY, T2));
    expect(e.code).toBe('REPORTING.TRANSITION_REFUSED');
    expect(e.extra).toEqual({ currentStatus: status });
  });

  it('from awaiting-approval is refused (it is the leader’s turn)', () => {
    const r = start(WITH_APPROVAL);
    r.submit(1, [], BY, T1);
    expect(errorOf(() => r.submit(2, [], BY, T1)).extra).toEqual({ currentStatus: 'awaiting-approval' });
  });
});

describe('UnitReport.approve', () => {
  it('moves awaiting-approval to submitted, and on time is decided when it reaches the focal unit', () => {
    const r = start(WITH_APPROVAL);
    r.submit(1, [ENTRY], BY, new Date('2025-12-31T10:00:00Z'));
    r.pullEvents();
    r.approve(2, 'hoankiem.lanhdao', HALF_PAST_MIDNIGHT);
    expect(r.status).toBe('submitted');
    expect(r.snapshot()).toMatchObject({ version: 3, firstSubmittedAt: HALF_PAST_MIDNIGHT, submittedAt: HALF_PAST_MIDNIGHT, onTime: false, updatedBy: 'hoankiem.lanhdao' });
    expect(r.pullEvents()).toEqual([
      { type: ReportingEventType.UnitReportApproved, aggregateType: 'unit-report', aggregateId: 'r-1', payload: { ...FACTS, revision: 1, status: 'submitted', reason: null } },
    ]);
  });

  it('approved before the due date: on time', () => {
    const r = start(WITH_APPROVAL);
    r.submit(1, [ENTRY], BY, T1);
    r.approve(2, 'hoankiem.lanhdao', LAST_SECOND);
    expect(r.snapshot().onTime).toBe(true);
  });

  it.each(['draft', 'submitted'] as const)('is refused from %s', (status) => {
    const r = status === 'draft' ? start(WITH_APPROVAL) : submitted();
    const e = errorOf(() => r.approve(version(r), 'hoankiem.lanhdao', T2));
    expect(e.code).toBe('REPORTING.TRANSITION_REFUSED');
    expect(e.extra).toEqual({ currentStatus: status });
  });
});

describe('UnitReport.revise of a report already sent', () => {
  it.each([undefined, null, '', '   '])('submitted, without a reason (%p): refused on body.reason', (reason) => {
    const r = submitted();
    const before = r.snapshot();
    const e = errorOf(() => r.revise({ version: version(r), sections: { results: 'đổi' }, reason }, [ENTRY], BY, T2));
    expect(e.code).toBe('REPORTING.INVALID');
    expect(e.fields.map((f) => f.field)).toEqual(['body.reason']);
    expect(r.snapshot()).toEqual(before);
    expect(r.pullEvents()).toEqual([]);
  });

  it('submitted, with a reason: records revised then submitted (the reason in both) and stays submitted', () => {
    const r = submitted(T1);
    const entries = [{ ...ENTRY, percent: 80 }];
    r.revise({ version: 2, values: [{ ...V1, numerator: 4 }], reason: '  Cập nhật số liệu tháng 12  ' }, entries, BY, T2);
    expect(r.status).toBe('submitted');
    expect(r.snapshot()).toMatchObject({ version: 3, snapshot: entries, firstSubmittedAt: T1, submittedAt: T2, onTime: true });
    const events = r.pullEvents();
    expect(kinds(events)).toEqual([ReportingEventType.UnitReportRevised, ReportingEventType.UnitReportSubmitted]);
    expect(events[0].payload).toEqual({ ...FACTS, revision: 1, status: 'submitted', changed: ['indicators'], figures: [figure({ ...V1, numerator: 4 })], reason: 'Cập nhật số liệu tháng 12' });
    expect(events[1].payload).toEqual({ ...FACTS, revision: 1, status: 'submitted', onTime: true, figures: [figure({ ...V1, numerator: 4 })], reason: 'Cập nhật số liệu tháng 12' });
  });

  it('awaiting approval: needs a reason too, and goes back to the leader', () => {
    const r = start(WITH_APPROVAL);
    r.submit(1, [ENTRY], BY, T1);
    r.pullEvents();
    expect(errorOf(() => r.revise({ version: 2, sections: { results: 'x' } }, [], BY, T2)).fields.map((f) => f.field)).toEqual(['body.reason']);
    r.revise({ version: 2, sections: { results: 'x' }, reason: 'Lãnh đạo yêu cầu bổ sung' }, [ENTRY], BY, T2);
    expect(r.status).toBe('awaiting-approval');
    expect(r.snapshot().firstSubmittedAt).toBeNull();
    expect(kinds(r.pullEvents())).toEqual([ReportingEventType.UnitReportRevised, ReportingEventType.UnitReportSubmitted]);
  });

  it('a returned report is edited without a reason and is not resubmitted by the edit', () => {
    const r = submitted();
    r.returnWith(2, 'Thiếu minh chứng', 'skhcn.daumoi', T2);
    r.pullEvents();
    r.revise({ version: 3, sections: { proposals: 'Bổ sung' } }, [], BY, T2);
    expect(r.status).toBe('returned');
    expect(kinds(r.pullEvents())).toEqual([ReportingEventType.UnitReportRevised]);
  });
});

describe('UnitReport.accept', () => {
  it('accepts a submitted report and records accepted', () => {
    const r = submitted();
    r.accept(2, 'skhcn.daumoi', T2);
    expect(r.status).toBe('accepted');
    expect(r.snapshot()).toMatchObject({ version: 3, acceptedAt: T2, updatedBy: 'skhcn.daumoi' });
    expect(r.pullEvents()).toEqual([
      { type: ReportingEventType.UnitReportAccepted, aggregateType: 'unit-report', aggregateId: 'r-1', payload: { ...FACTS, revision: 1, status: 'accepted', reason: null } },
    ]);
  });

  it.each(['draft', 'awaiting-approval', 'accepted'] as const)('is refused from %s', (status) => {
    const r = status === 'draft' ? start() : status === 'accepted' ? accepted() : start(WITH_APPROVAL);
    if (status === 'awaiting-approval') r.submit(1, [], BY, T1);
    const e = errorOf(() => r.accept(version(r), 'skhcn.daumoi', T2));
    expect(e.code).toBe('REPORTING.TRANSITION_REFUSED');
    expect(e.extra).toEqual({ currentStatus: status });
  });

  it('an accepted report refuses revise (even with a reason) and submit', () => {
    const r = accepted();
    const before = r.snapshot();
    for (const fn of [
      () => r.revise({ version: version(r), sections: { results: 'đổi' } }, [], BY, T2),
      () => r.revise({ version: version(r), sections: { results: 'đổi' }, reason: 'Sai số liệu' }, [], BY, T2),
      () => r.submit(version(r), [], BY, T2),
    ]) {
      const e = errorOf(fn);
      expect(e.code).toBe('REPORTING.TRANSITION_REFUSED');
      expect(e.extra).toEqual({ currentStatus: 'accepted' });
    }
    expect(r.snapshot()).toEqual(before);
    expect(r.pullEvents()).toEqual([]);
  });
});

describe('UnitReport.returnWith', () => {
  it.each([undefined, null, '', ' \t '])('needs a reason (%p)', (reason) => {
    const r = submitted();
    const e = errorOf(() => r.returnWith(2, reason, 'skhcn.daumoi', T2));
    expect(e.code).toBe('REPORTING.INVALID');
    expect(e.fields.map((f) => f.field)).toEqual(['body.reason']);
    expect(r.status).toBe('submitted');
  });

  it('returns a submitted report with its reason', () => {
    const r = submitted();
    r.returnWith(2, '  Thiếu minh chứng ', 'skhcn.daumoi', T2);
    expect(r.status).toBe('returned');
    expect(r.snapshot().returnReason).toBe('Thiếu minh chứng');
    expect(r.pullEvents()).toEqual([
      { type: ReportingEventType.UnitReportReturned, aggregateType: 'unit-report', aggregateId: 'r-1', payload: { ...FACTS, revision: 1, status: 'returned', reason: 'Thiếu minh chứng' } },
    ]);
  });

  it('the unit’s leader returns a report awaiting approval', () => {
    const r = start(WITH_APPROVAL);
    r.submit(1, [], BY, T1);
    r.returnWith(2, 'Viết lại phần khó khăn', 'hoankiem.lanhdao', T2);
    expect(r.status).toBe('returned');
  });

  it.each(['draft', 'accepted'] as const)('is refused from %s', (status) => {
    const r = status === 'draft' ? start() : accepted();
    const e = errorOf(() => r.returnWith(version(r), 'Lý do', 'skhcn.daumoi', T2));
    expect(e.code).toBe('REPORTING.TRANSITION_REFUSED');
    expect(e.extra).toEqual({ currentStatus: status });
  });

  it('submitting again clears the return reason', () => {
    const r = submitted();
    r.returnWith(2, 'Thiếu', 'skhcn.daumoi', T2);
    r.submit(3, [ENTRY], BY, T2);
    expect(r.snapshot()).toMatchObject({ status: 'submitted', returnReason: null });
  });
});

describe('UnitReport.reopen', () => {
  it.each([undefined, null, '', '  '])('needs a reason (%p)', (reason) => {
    const r = accepted();
    const e = errorOf(() => r.reopen(version(r), reason, 'skhcn.daumoi', T2));
    expect(e.code).toBe('REPORTING.INVALID');
    expect(e.fields.map((f) => f.field)).toEqual(['body.reason']);
    expect(r.status).toBe('accepted');
  });

  it.each(['draft', 'submitted', 'returned'] as const)('only from accepted: refused from %s', (status) => {
    const r = status === 'draft' ? start() : submitted();
    if (status === 'returned') r.returnWith(2, 'Thiếu', 'skhcn.daumoi', T2);
    const e = errorOf(() => r.reopen(version(r), 'Sai số liệu', 'skhcn.daumoi', T2));
    expect(e.code).toBe('REPORTING.TRANSITION_REFUSED');
    expect(e.extra).toEqual({ currentStatus: status });
  });

  it('returns the accepted revision unchanged for the archive and leaves revision 2 as a draft', () => {
    const r = accepted();
    const acceptedProps = r.snapshot();
    const reopenedAt = new Date('2026-01-10T03:00:00Z');
    const archived = r.reopen(acceptedProps.version, ' Sai số liệu chỉ tiêu 1 ', 'skhcn.daumoi', reopenedAt);
    expect(archived).toEqual(acceptedProps);
    expect(archived).toMatchObject({ revision: 1, status: 'accepted', acceptedAt: T2, snapshot: [ENTRY] });
    expect(r.status).toBe('draft');
    expect(r.snapshot()).toMatchObject({
      revision: 2, status: 'draft', version: acceptedProps.version + 1, revisionReason: 'Sai số liệu chỉ tiêu 1', returnReason: null, acceptedAt: null, snapshot: null,
      // What the unit wrote and the first submission stay: the next revision starts from them.
      values: [V1], firstSubmittedAt: T1, onTime: true, updatedAt: reopenedAt,
    });
    expect(r.pullEvents()).toEqual([
      { type: ReportingEventType.UnitReportReopened, aggregateType: 'unit-report', aggregateId: 'r-1', payload: { ...FACTS, revision: 2, status: 'draft', reason: 'Sai số liệu chỉ tiêu 1' } },
    ]);
    // The archive is a copy: editing revision 2 does not touch it.
    r.revise({ version: version(r), sections: { results: 'Sửa' } }, [], BY, reopenedAt);
    expect(archived.sections).toEqual(EMPTY_SECTIONS);
  });

  it('revision 2 goes round the chain again', () => {
    const r = accepted();
    r.reopen(version(r), 'Sai số liệu', 'skhcn.daumoi', T2);
    r.submit(version(r), [ENTRY], BY, T2);
    r.accept(version(r), 'skhcn.daumoi', T2);
    expect(r.snapshot()).toMatchObject({ revision: 2, status: 'accepted' });
  });
});

describe('UnitReport in a closed period', () => {
  it('refuses edits and submission of revision 1', () => {
    const open = start();
    const draft = UnitReport.restore(open.snapshot(), CLOSED);
    for (const fn of [() => draft.revise({ version: 1, sections: { results: 'muộn' } }, [], BY, T2), () => draft.submit(1, [], BY, T2)]) {
      const e = errorOf(fn);
      expect(e.code).toBe('REPORTING.TRANSITION_REFUSED');
      expect(e.extra).toEqual({ currentStatus: 'draft' });
    }
    const sent = UnitReport.restore(submitted().snapshot(), CLOSED);
    expect(errorOf(() => sent.revise({ version: 2, sections: { results: 'muộn' }, reason: 'Bổ sung' }, [], BY, T2)).code).toBe('REPORTING.TRANSITION_REFUSED');
    expect(draft.pullEvents()).toEqual([]);
    expect(sent.pullEvents()).toEqual([]);
  });

  it('allows them once the report is reopened (revision 2)', () => {
    const r = UnitReport.restore(accepted().snapshot(), CLOSED);
    r.reopen(3, 'Sai số liệu sau khi đóng kỳ', 'skhcn.daumoi', T2);
    r.revise({ version: 4, values: [{ ...V1, numerator: 2 }] }, [], BY, T2);
    r.submit(5, [ENTRY], BY, T2);
    expect(r.snapshot()).toMatchObject({ revision: 2, status: 'submitted', values: [{ ...V1, numerator: 2 }] });
    expect(kinds(r.pullEvents())).toEqual([ReportingEventType.UnitReportReopened, ReportingEventType.UnitReportRevised, ReportingEventType.UnitReportSubmitted]);
  });

  it('restore and snapshot are copies', () => {
    const props = submitted().snapshot();
    const r = UnitReport.restore(props, PERIOD);
    props.sections.results = 'đổi ở ngoài';
    expect(r.snapshot().sections.results).toBe('');
    r.snapshot().values.push(V2);
    expect(r.snapshot().values).toEqual([V1]);
  });
});

describe('definedOnly', () => {
  it('keeps the fields given (null, empty and false included) and drops the undefined ones', () => {
    expect(definedOnly({ a: 'x', b: undefined, c: null, d: '', e: 0, f: false })).toEqual({ a: 'x', c: null, d: '', e: 0, f: false });
    expect(Object.keys(definedOnly({ a: undefined }))).toEqual([]);
  });

  it('spread over the stored value, an undefined field keeps it', () => {
    const stored = { results: 'Kết quả', difficulties: 'Khó khăn', proposals: 'Đề xuất' };
    const change: Partial<typeof stored> = { results: 'Mới', proposals: undefined };
    expect({ ...stored, ...definedOnly(change) }).toEqual({ results: 'Mới', difficulties: 'Khó khăn', proposals: 'Đề xuất' });
  });
});
