import { ExecutionEventType } from '@dieu-hanh/api/execution/contracts';
import { DomainError } from '@dieu-hanh/api/shared/kernel';
import { Work } from './work';

const facts = { planId: 'p1', planTitle: 'Kế hoạch 402', taskId: 't1', unitCode: '00070' };
const at = new Date('2026-03-01T03:00:00Z');
const fresh = () => Work.notStarted('a1', facts);
const report = (over: Partial<Parameters<Work['reportProgress']>[0]> = {}) => ({
  version: 0, status: 'in-progress' as const, percent: 40, note: 'Đang làm', result: null, evidenceIds: [], verifierUnitCodes: ['01-SKHCN'], ...over,
});
const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('Work: progress reports', () => {
  it('starts not started, version 0, nothing to verify', () => {
    expect(fresh().snapshot()).toMatchObject({ status: 'not-started', percent: 0, verification: 'none', version: 0, dueOverride: null });
  });

  it('records a report with the next version and its event', () => {
    const w = fresh();
    w.reportProgress(report({ note: '  Đang làm  ', evidenceIds: ['e1'] }), 'hk.canbo', at);
    expect(w.snapshot()).toMatchObject({ status: 'in-progress', percent: 40, note: 'Đang làm', verification: 'none', version: 1, updatedBy: 'hk.canbo', updatedAt: at });
    const [event] = w.pullEvents();
    expect(event).toMatchObject({
      type: ExecutionEventType.ProgressReported,
      aggregateType: 'assignment',
      aggregateId: 'a1',
      payload: { ...facts, status: 'in-progress', previousStatus: 'not-started', percent: 40, version: 1, evidenceIds: ['e1'], verifierUnitCodes: [] },
    });
  });

  it.each(['done', 'unable'] as const)('%s asks the verifier (pending) and names it in the event', (status) => {
    const w = fresh();
    w.reportProgress(report({ status, percent: status === 'done' ? 100 : 30 }), 'u', at);
    expect(w.snapshot().verification).toBe('pending');
    expect(w.pullEvents()[0].payload).toMatchObject({ verifierUnitCodes: ['01-SKHCN'] });
  });

  it.each([
    ['percent above 100', { percent: 101 }, 'EXECUTION.WORK_INVALID'],
    ['negative percent', { percent: -1 }, 'EXECUTION.WORK_INVALID'],
    ['fractional percent', { percent: 40.5 }, 'EXECUTION.WORK_INVALID'],
    ['done below 100', { status: 'done' as const, percent: 90 }, 'EXECUTION.WORK_INVALID'],
    ['not started above 0', { status: 'not-started' as const, percent: 10 }, 'EXECUTION.WORK_INVALID'],
    ['an unknown status', { status: 'x' as never }, 'EXECUTION.WORK_INVALID'],
    ['a note too long', { note: 'a'.repeat(4001) }, 'EXECUTION.WORK_INVALID'],
    ['a stale version', { version: 3 }, 'EXECUTION.VERSION_CONFLICT'],
  ])('refuses %s and changes nothing', (_l, over, code) => {
    const w = fresh();
    expect(codeOf(() => w.reportProgress(report(over), 'u', at))).toBe(code);
    expect(w.snapshot()).toMatchObject({ status: 'not-started', version: 0 });
    expect(w.pullEvents()).toEqual([]);
  });

  it('a version conflict says the current version', () => {
    const w = fresh();
    w.reportProgress(report(), 'u', at);
    try {
      w.reportProgress(report({ version: 0 }), 'u', at);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toMatchObject({ code: 'EXECUTION.VERSION_CONFLICT', kind: 'conflict', extra: { currentVersion: 1 } });
    }
  });

  it('accepts the edges: 0 and 100, unable at any percent, in progress at 100', () => {
    const w = fresh();
    w.reportProgress(report({ percent: 0 }), 'u', at);
    w.reportProgress(report({ version: 1, percent: 100 }), 'u', at);
    w.reportProgress(report({ version: 2, status: 'unable', percent: 55 }), 'u', at);
    w.reportProgress(report({ version: 3, status: 'not-started', percent: 0 }), 'u', at);
    expect(w.snapshot()).toMatchObject({ status: 'not-started', verification: 'none', version: 4 });
  });
});

describe('Work: verification', () => {
  const pending = () => {
    const w = fresh();
    w.reportProgress(report({ status: 'done', percent: 100 }), 'hk', at);
    w.pullEvents();
    return w;
  };

  it('verifies pending work', () => {
    const w = pending();
    w.verify({ version: 1, note: 'Tốt', verifierUnitCode: '01-SKHCN' }, 'skhcn', at);
    expect(w.snapshot()).toMatchObject({ verification: 'verified', status: 'done', version: 2 });
    expect(w.pullEvents()[0]).toMatchObject({ type: ExecutionEventType.WorkVerified, payload: { verifierUnitCode: '01-SKHCN', note: 'Tốt', version: 2 } });
  });

  it('verified work is closed to further reports', () => {
    const w = pending();
    w.verify({ version: 1, verifierUnitCode: 'x' }, 'v', at);
    expect(codeOf(() => w.reportProgress(report({ version: 2 }), 'u', at))).toBe('EXECUTION.TRANSITION_REFUSED');
    expect(codeOf(() => w.verify({ version: 2, verifierUnitCode: 'x' }, 'v', at))).toBe('EXECUTION.TRANSITION_REFUSED');
  });

  it('returns with a reason; the status stays as reported; a new report asks again', () => {
    const w = pending();
    w.returnWork({ version: 1, reason: ' Thiếu minh chứng ', verifierUnitCode: '01-SKHCN' }, 'skhcn', at);
    expect(w.snapshot()).toMatchObject({ verification: 'returned', status: 'done', returnReason: 'Thiếu minh chứng', version: 2 });
    expect(w.pullEvents()[0]).toMatchObject({ type: ExecutionEventType.WorkReturned, payload: { reason: 'Thiếu minh chứng' } });
    w.reportProgress(report({ version: 2, status: 'done', percent: 100 }), 'hk', at);
    expect(w.snapshot()).toMatchObject({ verification: 'pending', returnReason: null, version: 3 });
  });

  it.each([[''], ['   '], [null], [undefined]])('a return needs a reason (%p)', (reason) => {
    const w = pending();
    expect(codeOf(() => w.returnWork({ version: 1, reason, verifierUnitCode: 'x' }, 'v', at))).toBe('EXECUTION.WORK_INVALID');
    expect(w.snapshot().verification).toBe('pending');
  });

  it.each(['not-started', 'in-progress'] as const)('nothing to verify or return while %s', (status) => {
    const w = fresh();
    if (status === 'in-progress') w.reportProgress(report(), 'u', at);
    const v = w.version;
    expect(codeOf(() => w.verify({ version: v, verifierUnitCode: 'x' }, 'v', at))).toBe('EXECUTION.TRANSITION_REFUSED');
    expect(codeOf(() => w.returnWork({ version: v, reason: 'r', verifierUnitCode: 'x' }, 'v', at))).toBe('EXECUTION.TRANSITION_REFUSED');
  });

  it('a stale verify is a version conflict', () => {
    expect(codeOf(() => pending().verify({ version: 0, verifierUnitCode: 'x' }, 'v', at))).toBe('EXECUTION.VERSION_CONFLICT');
  });

  it('an approved extension moves the due date in force without a new version', () => {
    const w = fresh();
    expect(w.effectiveDue('2026-03-31')).toBe('2026-03-31');
    w.extendDue('2026-05-31');
    expect(w.effectiveDue('2026-03-31')).toBe('2026-05-31');
    expect(w.version).toBe(0);
  });
});
