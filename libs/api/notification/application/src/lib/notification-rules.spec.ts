import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import { notificationsFor, resolutionsFor } from './notification-rules';

const event = (type: string, aggregateType: string, aggregateId: string, payload: Record<string, unknown>): RecordedEvent =>
  ({ id: 'e1', sequence: '1', type, aggregateType, aggregateId, payload } as unknown as RecordedEvent);

describe('notification rules', () => {
  it('tells the unit holding a new assignment, naming its role and plan', () => {
    const [n, ...rest] = notificationsFor(event('planning.assignment-created', 'assignment', 'a1', { planId: 'p1', planTitle: 'KH 402', unitCode: '00070', role: 'lead' }));
    expect(rest).toEqual([]);
    expect(n).toMatchObject({ unitCode: '00070', kind: 'assignment-created', planId: 'p1', planTitle: 'KH 402', assignmentId: 'a1', resolutionKey: null });
    expect(n.titleVi).toBe('Nhiệm vụ mới (chủ trì): KH 402');
    expect(n.titleEn).toBe('New assignment (lead): KH 402');
  });

  it('tells the issuing committee of a submission and the drafting unit of a return or an approval', () => {
    const payload = { title: 'KH', issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN' };
    expect(notificationsFor(event('planning.plan-submitted', 'plan', 'p1', payload))[0]).toMatchObject({ unitCode: '01-UBND', planId: 'p1', titleVi: 'Kế hoạch trình duyệt: KH', resolutionKey: 'plan:p1:decision' });
    expect(notificationsFor(event('planning.plan-returned', 'plan', 'p1', payload))[0]).toMatchObject({ unitCode: '01-SKHCN', kind: 'plan-returned' });
    expect(notificationsFor(event('planning.plan-approved', 'plan', 'p1', payload))[0]).toMatchObject({ unitCode: '01-SKHCN', kind: 'plan-approved' });
  });

  it('tells holders of amended and withdrawn assignments', () => {
    const changed = notificationsFor(event('planning.assignment-changed', 'assignment', 'a1', { planId: 'p', planTitle: 'KH 402', unitCode: 'X', taskChanged: true }))[0];
    expect(changed).toMatchObject({ kind: 'assignment-changed', unitCode: 'X', planId: 'p', titleVi: 'Nhiệm vụ được điều chỉnh: KH 402' });
    const withdrawn = notificationsFor(event('planning.assignment-withdrawn', 'assignment', 'a1', { planId: 'p', planTitle: 'KH 402', unitCode: 'X', reason: 'r' }))[0];
    expect(withdrawn).toMatchObject({ kind: 'assignment-withdrawn', unitCode: 'X', titleEn: 'Assignment withdrawn: KH 402' });
  });

  it('stays silent on events nobody needs to hear about', () => {
    expect(notificationsFor(event('planning.plan-drafted', 'plan', 'p1', {}))).toEqual([]);
    expect(notificationsFor(event('organization.unit-registered', 'unit', 'u', {}))).toEqual([]);
  });
});

describe('notification rules: execution', () => {
  const facts = { planId: 'p1', planTitle: 'KH 402', taskId: 't1', unitCode: '00070' };
  const one = (type: string, payload: Record<string, unknown>) => notificationsFor(event(type, 'assignment', 'a1', { ...facts, ...payload }));

  it('asks the verifier units to verify a reported completion, and nobody for a plain progress update', () => {
    const asked = one('execution.progress-reported', { status: 'done', percent: 100, previousStatus: 'in-progress', version: 3, verifierUnitCodes: ['01-SKHCN', '01-SGDDT', '01-SKHCN'] });
    expect(asked.map((n) => n.unitCode)).toEqual(['01-SKHCN', '01-SGDDT']);
    expect(asked[0]).toMatchObject({ kind: 'work-verification-requested', planId: 'p1', planTitle: 'KH 402', assignmentId: 'a1', resolutionKey: 'assignment:a1:verification' });
    expect(asked[0].titleVi).toContain('Chờ thẩm định');
    expect(asked[0].titleEn).toContain('Awaiting verification');
    expect(one('execution.progress-reported', { status: 'in-progress', percent: 40, previousStatus: 'not-started', version: 1, verifierUnitCodes: [] })).toEqual([]);
  });

  it('tells the assignee of a verification, a return (with the reason), a decision, an urging and reminders', () => {
    expect(one('execution.work-verified', { verifierUnitCode: '01-SKHCN', note: null, version: 4 })).toEqual([expect.objectContaining({ unitCode: '00070', kind: 'work-verified', resolutionKey: null })]);
    const returned = one('execution.work-returned', { verifierUnitCode: '01-SKHCN', reason: 'Thiếu minh chứng', version: 4 })[0];
    expect(returned).toMatchObject({ unitCode: '00070', kind: 'work-returned' });
    expect(returned.titleVi).toContain('Thiếu minh chứng');
    const approved = one('execution.extension-decided', { extensionId: 'x1', approved: true, previousDue: '2025-10-31', requestedDue: '2025-12-31', note: null, decidedByUnitCode: '01-SKHCN' })[0];
    expect(approved).toMatchObject({ unitCode: '00070', kind: 'extension-decided' });
    expect(approved.titleVi).toBe('Đồng ý gia hạn đến 31/12/2025: KH 402');
    expect(one('execution.extension-decided', { extensionId: 'x1', approved: false, previousDue: null, requestedDue: '2025-12-31', note: 'Không', decidedByUnitCode: 'X' })[0].titleEn).toBe('Extension refused: KH 402');
    const urged = one('execution.urged', { byUnitCode: '01-SKHCN', message: null, due: '2025-10-31' })[0];
    expect(urged).toMatchObject({ unitCode: '00070', kind: 'work-urged', resolutionKey: 'assignment:a1:completion' });
    expect(urged.titleVi).toContain('Đôn đốc');
    expect(one('execution.reminder-due', { kind: 'before-due', offsetDays: 3, due: '2025-10-31' })[0]).toMatchObject({ kind: 'reminder-before-due', titleVi: 'Nhiệm vụ sắp đến hạn (31/10/2025): KH 402' });
    expect(one('execution.reminder-due', { kind: 'overdue', offsetDays: 0, due: '2025-10-31' })[0]).toMatchObject({ kind: 'reminder-overdue', titleEn: 'Assignment overdue (due 31/10/2025): KH 402' });
  });

  it('routes obstacles: raised → handler, answered → assignee, escalated → leader unit, directive → every unit concerned', () => {
    expect(one('execution.obstacle-raised', { obstacleId: 'o1', description: 'd', proposal: null, handlerUnitCode: '01-SNV' })).toEqual([
      expect.objectContaining({ unitCode: '01-SNV', kind: 'obstacle-raised', resolutionKey: 'obstacle:o1:handling' }),
    ]);
    expect(one('execution.obstacle-answered', { obstacleId: 'o1', answer: 'a', answeredByUnitCode: '01-SNV' })[0]).toMatchObject({ unitCode: '00070', kind: 'obstacle-answered' });
    expect(one('execution.obstacle-escalated', { obstacleId: 'o1', directingLeader: 'PCT', leaderUnitCode: '01-UBND', note: null })[0]).toMatchObject({ unitCode: '01-UBND', resolutionKey: 'obstacle:o1:directive' });
    const directive = one('execution.directive-given', { obstacleId: 'o1', directive: 'Làm ngay', concernedUnitCodes: ['01-SKHCN', '00070', '01-SNV'] });
    expect(directive.map((n) => n.unitCode)).toEqual(['00070', '01-SKHCN', '01-SNV']);
    expect(directive.every((n) => n.kind === 'directive-given')).toBe(true);
  });

  it('sends extension requests to the deciders', () => {
    const asked = one('execution.extension-requested', { extensionId: 'x1', currentDue: '2025-10-31', requestedDue: '2025-12-31', reason: 'r', deciderUnitCodes: ['01-SKHCN'] });
    expect(asked).toEqual([expect.objectContaining({ unitCode: '01-SKHCN', kind: 'extension-requested', resolutionKey: 'extension:x1:decision' })]);
    expect(asked[0].titleVi).toBe('Đề nghị gia hạn đến 31/12/2025 (00070): KH 402');
  });
});

describe('notification rules: what resolves an action request', () => {
  const plan = (type: string) => resolutionsFor(event(type, 'plan', 'p1', { title: 'KH', issuerUnitCode: 'U', draftingUnitCode: 'D' }));
  const work = (type: string, payload: Record<string, unknown> = {}) => resolutionsFor(event(type, 'assignment', 'a1', payload));

  it('a submitted plan is resolved by its approval, return, issue or closing, not by its own submission', () => {
    const submitted = notificationsFor(event('planning.plan-submitted', 'plan', 'p1', { title: 'KH', issuerUnitCode: 'U', draftingUnitCode: 'D' }))[0];
    for (const t of ['planning.plan-approved', 'planning.plan-returned', 'planning.plan-issued', 'planning.plan-closed']) expect(plan(t)).toEqual([submitted.resolutionKey]);
    expect(plan('planning.plan-submitted')).toEqual([]);
  });

  it('verification requests end on verify / return / a new report; urgings on done or verified; obstacles and extensions on their answer', () => {
    expect(work('execution.work-verified')).toEqual(['assignment:a1:verification', 'assignment:a1:completion']);
    expect(work('execution.work-returned', { reason: 'r' })).toEqual(['assignment:a1:verification']);
    expect(work('execution.progress-reported', { status: 'in-progress' })).toEqual(['assignment:a1:verification']);
    expect(work('execution.progress-reported', { status: 'done' })).toEqual(['assignment:a1:verification', 'assignment:a1:completion']);
    expect(work('execution.obstacle-answered', { obstacleId: 'o1' })).toEqual(['obstacle:o1:handling']);
    expect(work('execution.obstacle-escalated', { obstacleId: 'o1' })).toEqual(['obstacle:o1:handling']);
    expect(work('execution.directive-given', { obstacleId: 'o1' })).toEqual(['obstacle:o1:handling', 'obstacle:o1:directive']);
    expect(work('execution.directive-given', { obstacleId: null })).toEqual([]);
    expect(work('execution.extension-decided', { extensionId: 'x1' })).toEqual(['extension:x1:decision']);
    expect(work('planning.assignment-withdrawn', { reason: 'r' })).toEqual(['assignment:a1:verification', 'assignment:a1:completion']);
    expect(work('execution.urged')).toEqual([]);
  });
});
