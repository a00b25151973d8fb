import { AssignmentEventType } from '@dieu-hanh/api/planning/contracts';
import { Assignment, type AssignmentProps } from './assignment';

let n = 0;
const newId = () => `new-${++n}`;
const restore = (over: Partial<AssignmentProps> = {}) =>
  Assignment.restore({ id: 'a1', planId: 'p1', taskId: 't1', unitCode: 'STTTT', role: 'lead', viaGroup: null, succeeds: null, status: 'assigned', ...over });
const facts = { planId: 'p1', planTitle: 'Kế hoạch 402', taskId: 't1' };

describe('Assignment', () => {
  it('make: a new assignment, to insert, with its created event (at issue: no amendment field)', () => {
    const a = Assignment.make('p1', { taskId: 't1', unitCode: 'SKHCN', role: 'coordinator', viaGroup: 'G-SO', succeeds: null }, { planTitle: 'Kế hoạch 402' }, { newId });
    expect(a.pendingWrite).toBe('insert');
    expect(a.pullEvents()).toEqual([
      {
        type: AssignmentEventType.Created,
        aggregateType: 'assignment',
        aggregateId: a.id,
        payload: { ...facts, unitCode: 'SKHCN', role: 'coordinator', viaGroup: 'G-SO', succeeds: null },
      },
    ]);
  });

  it('make by an amendment gives back a withdrawn assignment of the same unit and task, keeping its id', () => {
    const former = restore({ status: 'withdrawn', role: 'coordinator' });
    const a = Assignment.make('p1', { taskId: 't1', unitCode: 'STTTT', role: 'lead', viaGroup: null, succeeds: null }, { planTitle: 'Kế hoạch 402', amendment: 2 }, { newId, formerly: former });
    expect(a).toBe(former);
    expect(a.snapshot()).toMatchObject({ id: 'a1', role: 'lead', status: 'assigned' });
    expect(a.pendingWrite).toBe('update');
    expect(a.pullEvents()[0]).toMatchObject({ type: AssignmentEventType.Created, aggregateId: 'a1', payload: { amendment: 2, role: 'lead' } });
  });

  it('refuses to give back an assignment that is in force or of another task', () => {
    const spec = { taskId: 't1', unitCode: 'STTTT', role: 'lead' as const, viaGroup: null, succeeds: null };
    expect(() => Assignment.make('p1', spec, { planTitle: 'x' }, { newId, formerly: restore() })).toThrow();
    expect(() => Assignment.make('p1', { ...spec, taskId: 't2' }, { planTitle: 'x' }, { newId, formerly: restore({ status: 'withdrawn' }) })).toThrow();
  });

  it('changeRole records from → to; the same role is no change', () => {
    const a = restore();
    a.changeRole('lead', { planTitle: 'Kế hoạch 402', amendment: 1 });
    expect(a.pullEvents()).toEqual([]);
    expect(a.pendingWrite).toBeNull();
    a.changeRole('coordinator', { planTitle: 'Kế hoạch 402', amendment: 1 });
    expect(a.pullEvents()[0].payload).toEqual({ ...facts, unitCode: 'STTTT', amendment: 1, role: { from: 'lead', to: 'coordinator' } });
    expect(a.pendingWrite).toBe('update');
  });

  it('taskAmended tells the holder without changing the row', () => {
    const a = restore();
    a.taskAmended({ planTitle: 'Kế hoạch 402', amendment: 3 });
    expect(a.pullEvents()[0]).toMatchObject({ type: AssignmentEventType.Changed, payload: { amendment: 3, taskChanged: true } });
    expect(a.pendingWrite).toBeNull();
  });

  it('withdraw marks it withdrawn with the reason; a withdrawn one cannot change again', () => {
    const a = restore();
    a.withdraw('Bỏ nhiệm vụ', { planTitle: 'Kế hoạch 402', amendment: 1 });
    expect(a.isActive).toBe(false);
    expect(a.pullEvents()[0]).toMatchObject({ type: AssignmentEventType.Withdrawn, payload: { ...facts, unitCode: 'STTTT', amendment: 1, reason: 'Bỏ nhiệm vụ' } });
    expect(() => a.withdraw('again', { planTitle: 'x' })).toThrow();
    expect(() => a.changeRole('coordinator', { planTitle: 'x' })).toThrow();
  });

  describe('handOverTo (a succession)', () => {
    it('the successor holds nothing: it gets a new assignment in the same role, naming the predecessor', () => {
      const a = restore({ viaGroup: 'G-SO' });
      const { successor, merged } = a.handOverTo('SKHCN', { planTitle: 'Kế hoạch 402', newId });
      expect(merged).toBe(false);
      expect(successor.snapshot()).toMatchObject({ planId: 'p1', taskId: 't1', unitCode: 'SKHCN', role: 'lead', viaGroup: 'G-SO', succeeds: 'STTTT', status: 'assigned' });
      expect(successor.pullEvents()[0].payload).toEqual({ ...facts, unitCode: 'SKHCN', role: 'lead', viaGroup: 'G-SO', succeeds: 'STTTT' });
      expect(a.isActive).toBe(false);
      expect(a.pullEvents()[0].payload).toEqual({ ...facts, unitCode: 'STTTT', reason: 'succeeded by SKHCN', successorCode: 'SKHCN' });
    });

    it('the successor coordinates the task the predecessor led: merged, and promoted to lead', () => {
      const a = restore();
      const s = restore({ id: 's1', unitCode: 'SKHCN', role: 'coordinator' });
      const { successor, merged } = a.handOverTo('SKHCN', { planTitle: 'Kế hoạch 402', successorHolds: s, newId });
      expect(merged).toBe(true);
      expect(successor).toBe(s);
      expect(s.role).toBe('lead');
      expect(s.pullEvents()[0].payload).toEqual({ ...facts, unitCode: 'SKHCN', role: { from: 'coordinator', to: 'lead' }, succeeds: 'STTTT' });
    });

    it('the successor already leads: merged, nothing changes for it', () => {
      const a = restore({ role: 'coordinator' });
      const s = restore({ id: 's1', unitCode: 'SKHCN', role: 'lead' });
      expect(a.handOverTo('SKHCN', { planTitle: 'x', successorHolds: s, newId }).merged).toBe(true);
      expect(s.pullEvents()).toEqual([]);
      expect(s.pendingWrite).toBeNull();
      expect(a.isActive).toBe(false);
    });

    it('the successor once held the task (withdrawn): that assignment comes back', () => {
      const a = restore();
      const s = restore({ id: 's1', unitCode: 'SKHCN', role: 'coordinator', status: 'withdrawn' });
      const { successor, merged } = a.handOverTo('SKHCN', { planTitle: 'x', successorHolds: s, newId });
      expect(merged).toBe(false);
      expect(successor.snapshot()).toMatchObject({ id: 's1', role: 'lead', succeeds: 'STTTT', status: 'assigned' });
    });
  });
});
