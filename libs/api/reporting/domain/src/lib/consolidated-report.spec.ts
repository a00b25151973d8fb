import { ReportingEventType } from '@dieu-hanh/api/reporting/contracts';
import { DomainError, type DomainEvent } from '@dieu-hanh/api/shared/kernel';
import type { ConsolidatedReportStatus } from '@dieu-hanh/shared/contracts';
import { type ConsolidatedDocumentFields, ConsolidatedReport, type ConsolidationContext } from './consolidated-report';

/**
 * The focal unit's consolidated report: composed as a draft, edited while draft or returned, submitted with its
 * figures frozen, approved or returned (with a reason) by the issuing body's leader, immutable once approved and
 * reopened (with a reason) as the next revision. Every step records its event with the report's facts.
 */

const CTX: ConsolidationContext = {
  planId: 'plan-402',
  planTitle: 'Kế hoạch chuyển đổi số',
  periodId: 'period-q4',
  periodLabel: 'Quý IV/2025',
  focalUnitCode: '01-SKHCN',
  issuerUnitCode: '01-UBND',
};
const DOC: ConsolidatedDocumentFields = { documentNumber: null, place: 'Hà Nội', documentDate: null, recipients: ['UBND Thành phố'], signerTitle: 'Giám đốc', signerName: null };
const SECTIONS = { results: '- Sở Y tế: hoàn thành', difficulties: '', proposals: '' };
const COMPOSITION = { tasks: [{ ordinal: 1, done: 3, total: 4 }], indicators: [{ id: 'ind-1', value: 75 }], completeness: { expected: 30, submitted: 29 } };

const T0 = new Date('2025-12-18T02:00:00Z');
const T1 = new Date('2025-12-19T02:00:00Z');
const T2 = new Date('2025-12-20T02:00:00Z');
const T3 = new Date('2026-01-05T02:00:00Z');
const FOCAL = 'skhcn.daumoi';
const LEADER = 'lanhdao';

const facts = (revision: number, status: ConsolidatedReportStatus) => ({
  periodId: 'period-q4', planId: 'plan-402', planTitle: 'Kế hoạch chuyển đổi số', periodLabel: 'Quý IV/2025', focalUnitCode: '01-SKHCN', issuerUnitCode: '01-UBND',
  reportId: 'c-1', revision, status,
});
const event = (type: string, payload: object) => ({ type, aggregateType: 'consolidated-report', aggregateId: 'c-1', payload });

function compose(): ConsolidatedReport {
  const r = ConsolidatedReport.compose({ id: 'c-1', provinceCode: '01', sections: { ...SECTIONS }, document: { ...DOC } }, CTX, FOCAL, T0);
  r.pullEvents();
  return r;
}
const version = (r: ConsolidatedReport) => r.snapshot().version;
function inStatus(status: ConsolidatedReportStatus): ConsolidatedReport {
  const r = compose();
  if (status === 'draft') return r;
  r.submit(version(r), COMPOSITION, FOCAL, T1);
  if (status === 'returned') r.returnWith(version(r), 'Bổ sung số liệu', LEADER, T2);
  if (status === 'approved') r.approve(version(r), LEADER, T2);
  r.pullEvents();
  return r;
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
const refusedFrom = (fn: () => unknown, status: ConsolidatedReportStatus) => {
  const e = errorOf(fn);
  expect({ code: e.code, extra: e.extra }).toEqual({ code: 'REPORTING.TRANSITION_REFUSED', extra: { currentStatus: status } });
};
const types = (events: DomainEvent[]) => events.map((e) => e.type);

describe('ConsolidatedReport.compose', () => {
  it('makes a draft of revision 1 without a composition and records composed', () => {
    const r = ConsolidatedReport.compose({ id: 'c-1', provinceCode: '01', sections: SECTIONS, document: DOC }, CTX, FOCAL, T0);
    expect(r.status).toBe('draft');
    expect(r.snapshot()).toEqual({
      id: 'c-1', periodId: 'period-q4', planId: 'plan-402', provinceCode: '01', focalUnitCode: '01-SKHCN', revision: 1, version: 1, status: 'draft',
      sections: SECTIONS, document: DOC, composition: null, returnReason: null, revisionReason: null, submittedAt: null, approvedAt: null, updatedAt: T0, updatedBy: FOCAL,
    });
    expect(r.pullEvents()).toEqual([event(ReportingEventType.ConsolidatedReportComposed, facts(1, 'draft'))]);
  });
});

describe('ConsolidatedReport.revise', () => {
  it.each(['draft', 'returned'] as const)('edits sections and document fields in %s, keeping what is not given', (status) => {
    const r = inStatus(status);
    const v = version(r);
    r.revise({ version: v, sections: { difficulties: 'Thiếu kinh phí', results: undefined }, document: { documentNumber: '125/BC-SKHCN', place: undefined } }, FOCAL, T3);
    const s = r.snapshot();
    expect(s.status).toBe(status);
    expect(s.version).toBe(v + 1);
    expect(s.sections).toEqual({ ...SECTIONS, difficulties: 'Thiếu kinh phí' });
    expect(s.document).toEqual({ ...DOC, documentNumber: '125/BC-SKHCN' });
    expect(r.pullEvents()).toEqual([event(ReportingEventType.ConsolidatedReportRevised, { ...facts(1, status), changed: ['sections', 'document'] })]);
  });

  it('names only the parts given', () => {
    const r = compose();
    r.revise({ version: 1, document: { recipients: ['Như trên', 'Lưu: VT'] } }, FOCAL, T1);
    expect(r.pullEvents().map((e) => (e.payload as { changed: string[] }).changed)).toEqual([['document']]);
  });

  it.each(['submitted', 'approved'] as const)('is refused in %s and changes nothing', (status) => {
    const r = inStatus(status);
    const before = r.snapshot();
    refusedFrom(() => r.revise({ version: version(r), sections: { results: 'đổi' } }, FOCAL, T3), status);
    expect(r.snapshot()).toEqual(before);
    expect(r.pullEvents()).toEqual([]);
  });

  it('a stale version is REPORTING.VERSION_CONFLICT', () => {
    const r = compose();
    r.revise({ version: 1, sections: { results: 'v2' } }, FOCAL, T1);
    const e = errorOf(() => r.revise({ version: 1, sections: { results: 'stale' } }, 'someone.else', T2));
    expect({ code: e.code, extra: e.extra }).toEqual({ code: 'REPORTING.VERSION_CONFLICT', extra: { currentVersion: 2 } });
    expect(r.snapshot().sections.results).toBe('v2');
  });
});

describe('ConsolidatedReport.submit', () => {
  it('freezes the composition as submitted and records submitted', () => {
    const r = compose();
    r.submit(1, COMPOSITION, FOCAL, T1);
    expect(r.status).toBe('submitted');
    expect(r.snapshot()).toMatchObject({ version: 2, composition: COMPOSITION, submittedAt: T1, returnReason: null });
    expect(r.pullEvents()).toEqual([event(ReportingEventType.ConsolidatedReportSubmitted, facts(1, 'submitted'))]);
    // Once sent, nothing edits or re-composes it: the leader approves exactly these figures.
    refusedFrom(() => r.revise({ version: 2, sections: { results: 'x' } }, FOCAL, T2), 'submitted');
    refusedFrom(() => r.submit(2, { other: true }, FOCAL, T2), 'submitted');
    r.approve(2, LEADER, T2);
    expect(r.snapshot().composition).toEqual(COMPOSITION);
  });

  it('from returned: a new composition, the return reason cleared', () => {
    const r = inStatus('returned');
    const again = { ...COMPOSITION, completeness: { expected: 30, submitted: 30 } };
    r.submit(version(r), again, FOCAL, T3);
    expect(r.snapshot()).toMatchObject({ status: 'submitted', composition: again, returnReason: null, submittedAt: T3 });
  });

  it('is refused once approved', () => {
    refusedFrom(() => {
      const r = inStatus('approved');
      r.submit(version(r), COMPOSITION, FOCAL, T3);
    }, 'approved');
  });

  it('a stale version is REPORTING.VERSION_CONFLICT', () => {
    const r = compose();
    r.revise({ version: 1, sections: { results: 'v2' } }, FOCAL, T1);
    expect(errorOf(() => r.submit(1, COMPOSITION, FOCAL, T2)).code).toBe('REPORTING.VERSION_CONFLICT');
    expect(r.status).toBe('draft');
  });
});

describe('ConsolidatedReport.approve', () => {
  it('approves a submitted report and records approved', () => {
    const r = inStatus('submitted');
    r.approve(2, LEADER, T2);
    expect(r.status).toBe('approved');
    expect(r.snapshot()).toMatchObject({ version: 3, approvedAt: T2, updatedBy: LEADER });
    expect(r.pullEvents()).toEqual([event(ReportingEventType.ConsolidatedReportApproved, { ...facts(1, 'approved'), reason: null })]);
  });

  it.each(['draft', 'returned', 'approved'] as const)('only from submitted: refused from %s', (status) => {
    const r = inStatus(status);
    refusedFrom(() => r.approve(version(r), LEADER, T3), status);
  });

  it('an approved report refuses revise, submit and return', () => {
    const r = inStatus('approved');
    const before = r.snapshot();
    refusedFrom(() => r.revise({ version: version(r), document: { documentNumber: '1/BC' } }, FOCAL, T3), 'approved');
    refusedFrom(() => r.submit(version(r), COMPOSITION, FOCAL, T3), 'approved');
    refusedFrom(() => r.returnWith(version(r), 'Sai', LEADER, T3), 'approved');
    expect(r.snapshot()).toEqual(before);
    expect(r.pullEvents()).toEqual([]);
  });
});

describe('ConsolidatedReport.returnWith', () => {
  it.each([undefined, null, '', '   '])('needs a reason (%p)', (reason) => {
    const r = inStatus('submitted');
    const e = errorOf(() => r.returnWith(2, reason, LEADER, T2));
    expect(e.code).toBe('REPORTING.INVALID');
    expect(e.fields.map((f) => f.field)).toEqual(['body.reason']);
    expect(r.snapshot()).toMatchObject({ status: 'submitted', composition: COMPOSITION });
  });

  it('returns a submitted report with its reason and clears the composition', () => {
    const r = inStatus('submitted');
    r.returnWith(2, ' Bổ sung số liệu xã ', LEADER, T2);
    expect(r.status).toBe('returned');
    expect(r.snapshot()).toMatchObject({ version: 3, returnReason: 'Bổ sung số liệu xã', composition: null });
    expect(r.pullEvents()).toEqual([event(ReportingEventType.ConsolidatedReportReturned, { ...facts(1, 'returned'), reason: 'Bổ sung số liệu xã' })]);
  });

  it.each(['draft', 'returned'] as const)('is refused from %s', (status) => {
    const r = inStatus(status);
    refusedFrom(() => r.returnWith(version(r), 'Lý do', LEADER, T3), status);
  });
});

describe('ConsolidatedReport.reopen', () => {
  it.each([undefined, null, '', ' '])('needs a reason (%p)', (reason) => {
    const r = inStatus('approved');
    const e = errorOf(() => r.reopen(version(r), reason, LEADER, T3));
    expect(e.code).toBe('REPORTING.INVALID');
    expect(e.fields.map((f) => f.field)).toEqual(['body.reason']);
    expect(r.status).toBe('approved');
  });

  it.each(['draft', 'submitted', 'returned'] as const)('only from approved: refused from %s', (status) => {
    const r = inStatus(status);
    refusedFrom(() => r.reopen(version(r), 'Sai số liệu', LEADER, T3), status);
  });

  it('makes revision 2 a draft with its reason and returns the approved revision for the archive', () => {
    const r = inStatus('approved');
    const approved = r.snapshot();
    const archived = r.reopen(approved.version, ' Cập nhật số liệu quý IV ', FOCAL, T3);
    expect(archived).toEqual(approved);
    expect(archived).toMatchObject({ revision: 1, status: 'approved', composition: COMPOSITION, approvedAt: T2, submittedAt: T1 });
    expect(r.snapshot()).toMatchObject({
      revision: 2, status: 'draft', version: approved.version + 1, revisionReason: 'Cập nhật số liệu quý IV', composition: null, approvedAt: null, submittedAt: null,
      sections: SECTIONS, document: DOC, updatedAt: T3, updatedBy: FOCAL,
    });
    expect(r.pullEvents()).toEqual([event(ReportingEventType.ConsolidatedReportReopened, { ...facts(2, 'draft'), reason: 'Cập nhật số liệu quý IV' })]);
    // The archive is a copy: revision 2's edits do not reach it.
    r.revise({ version: version(r), sections: { results: 'Sửa' } }, FOCAL, T3);
    expect(archived.sections).toEqual(SECTIONS);
  });
});

describe('ConsolidatedReport events along the whole chain', () => {
  it('compose → revise → submit → return → submit → approve → reopen: types, revisions and statuses', () => {
    const r = ConsolidatedReport.compose({ id: 'c-1', provinceCode: '01', sections: SECTIONS, document: DOC }, CTX, FOCAL, T0);
    r.revise({ version: 1, sections: { proposals: 'Đề xuất' } }, FOCAL, T0);
    r.submit(2, COMPOSITION, FOCAL, T1);
    r.returnWith(3, 'Bổ sung', LEADER, T1);
    r.submit(4, COMPOSITION, FOCAL, T2);
    r.approve(5, LEADER, T2);
    r.reopen(6, 'Cập nhật', LEADER, T3);
    const events = r.pullEvents();
    expect(types(events)).toEqual([
      ReportingEventType.ConsolidatedReportComposed,
      ReportingEventType.ConsolidatedReportRevised,
      ReportingEventType.ConsolidatedReportSubmitted,
      ReportingEventType.ConsolidatedReportReturned,
      ReportingEventType.ConsolidatedReportSubmitted,
      ReportingEventType.ConsolidatedReportApproved,
      ReportingEventType.ConsolidatedReportReopened,
    ]);
    expect(events.map((e) => e.payload as { reportId: string; revision: number; status: string; issuerUnitCode: string })
      .map(({ reportId, revision, status, issuerUnitCode }) => `${reportId}:${revision}:${status}:${issuerUnitCode}`)).toEqual([
      'c-1:1:draft:01-UBND', 'c-1:1:draft:01-UBND', 'c-1:1:submitted:01-UBND', 'c-1:1:returned:01-UBND', 'c-1:1:submitted:01-UBND', 'c-1:1:approved:01-UBND', 'c-1:2:draft:01-UBND',
    ]);
    expect(new Set(events.map((e) => `${e.aggregateType}/${e.aggregateId}`))).toEqual(new Set(['consolidated-report/c-1']));
    expect(r.snapshot().version).toBe(7);
  });

  it('a commune’s own plan names the commune as the issuer', () => {
    const r = ConsolidatedReport.compose({ id: 'c-2', provinceCode: '01', sections: SECTIONS, document: DOC }, { ...CTX, focalUnitCode: '00070', issuerUnitCode: '00070' }, 'hoankiem.lanhdao', T0);
    expect(r.pullEvents().map((e) => e.payload)).toEqual([expect.objectContaining({ reportId: 'c-2', issuerUnitCode: '00070', focalUnitCode: '00070' })]);
  });

  it('restore and snapshot are copies', () => {
    const props = inStatus('submitted').snapshot();
    const r = ConsolidatedReport.restore(props, CTX);
    props.sections.results = 'đổi ở ngoài';
    expect(r.snapshot().sections.results).toBe(SECTIONS.results);
  });
});
