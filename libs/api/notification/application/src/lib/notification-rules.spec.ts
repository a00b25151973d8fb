import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import { notificationsFor } from './notification-rules';

const event = (type: string, aggregateType: string, aggregateId: string, payload: Record<string, unknown>): RecordedEvent =>
  ({ id: 'e1', sequence: '1', type, aggregateType, aggregateId, payload } as unknown as RecordedEvent);

describe('notification rules', () => {
  it('tells the unit holding a new assignment, naming its role and plan', () => {
    const [n, ...rest] = notificationsFor(event('planning.assignment-created', 'assignment', 'a1', { planId: 'p1', planTitle: 'KH 402', unitCode: '00070', role: 'lead' }));
    expect(rest).toEqual([]);
    expect(n).toMatchObject({ unitCode: '00070', kind: 'assignment-created', planId: 'p1', assignmentId: 'a1' });
    expect(n.titleVi).toBe('Nhiệm vụ mới (chủ trì): KH 402');
    expect(n.titleEn).toBe('New assignment (lead): KH 402');
  });

  it('tells the issuing committee of a submission and the drafting unit of a return or an approval', () => {
    const payload = { title: 'KH', issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN' };
    expect(notificationsFor(event('planning.plan-submitted', 'plan', 'p1', payload))[0]).toMatchObject({ unitCode: '01-UBND', planId: 'p1', titleVi: 'Kế hoạch trình duyệt: KH' });
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
