import { randomUUID } from 'node:crypto';
import { IssuePlanCommand, TransferAssignmentsCommand } from '@dieu-hanh/api/planning/application';
import { AssignmentEventType, PlanEventType } from '@dieu-hanh/api/planning/contracts';
import { systemActor } from '@dieu-hanh/api/shared/kernel';
import {
  type PlanningTestContext,
  asLeader,
  assignmentRows,
  eventsOf,
  givenApprovedPlan,
  startPlanningTestContext,
} from '../../testing/planning-test-context';

// Integration: TransferAssignmentsHandler (a succession reaches planning) on PostgreSQL.
describe('TransferAssignmentsHandler (a succeeded unit hands its work over, on PostgreSQL)', () => {
  let ctx: PlanningTestContext;
  const system = () => ({ actor: systemActor('planning'), correlationId: randomUUID() });

  beforeAll(async () => {
    ctx = await startPlanningTestContext();
    for (const u of ['01-UBND', '01-STTTT', '01-SKHCN', '01-SGDDT', '01-SYT']) ctx.directory.unit(u);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('moves, merges and promotes in one transaction; a repeat transfers nothing', async () => {
    const plan = await givenApprovedPlan(
      ctx,
      [
        // A: Sở TT&TT leads alone → Sở KH&CN gets a new assignment, as lead, naming its predecessor.
        { leads: [{ unit: '01-STTTT' }], coordinators: [{ unit: '01-SYT' }] },
        // B: Sở TT&TT leads, Sở KH&CN coordinates → merged, Sở KH&CN promoted to lead.
        { leads: [{ unit: '01-STTTT' }], coordinators: [{ unit: '01-SKHCN' }] },
        // C: Sở KH&CN leads, Sở TT&TT coordinates → merged, nothing changes for Sở KH&CN.
        { leads: [{ unit: '01-SKHCN' }], coordinators: [{ unit: '01-STTTT' }] },
      ],
      { focalUnitCode: '01-STTTT' },
    );
    const [a, b, c] = plan.snapshot().tasks.map((t) => t.id);
    await ctx.commands.execute(new IssuePlanCommand(plan.id, 501, '2025-03-10', asLeader()));
    const before = await assignmentRows(ctx, plan.id);
    const idOf = (rows: typeof before, task: string, unit: string) => rows.find((r) => r.taskId === task && r.unitCode === unit)?.id;

    const meta = system();
    const result = await ctx.commands.execute(new TransferAssignmentsCommand('01-STTTT', '01-SKHCN', '2025-03-01', meta));
    expect(result).toEqual({ transferred: 1, merged: 2 });

    const rows = await assignmentRows(ctx, plan.id);
    const row = (task: string, unit: string) => rows.find((r) => r.taskId === task && r.unitCode === unit);
    expect(rows.filter((r) => r.unitCode === '01-STTTT').map((r) => r.status)).toEqual(['withdrawn', 'withdrawn', 'withdrawn']);
    expect(row(a, '01-SKHCN')).toMatchObject({ role: 'lead', succeeds: '01-STTTT', status: 'assigned' });
    expect(row(b, '01-SKHCN')).toMatchObject({ id: idOf(before, b, '01-SKHCN'), role: 'lead', succeeds: null, status: 'assigned' });
    expect(row(c, '01-SKHCN')).toMatchObject({ id: idOf(before, c, '01-SKHCN'), role: 'lead', status: 'assigned' });
    expect(rows.filter((r) => r.unitCode === '01-SKHCN' && r.status === 'assigned')).toHaveLength(3);
    expect((await ctx.plans.find(plan.id))?.snapshot().focalUnitCode).toBe('01-SKHCN');

    const events = await eventsOf(ctx, meta.correlationId);
    const facts = { planId: plan.id, planTitle: plan.snapshot().title };
    expect(events.map((e) => [e.type, e.aggregateId, e.payload])).toEqual([
      [PlanEventType.FocalUnitSucceeded, plan.id, { from: '01-STTTT', to: '01-SKHCN', by: 'planning' }],
      [AssignmentEventType.Created, row(a, '01-SKHCN')?.id, { ...facts, taskId: a, unitCode: '01-SKHCN', role: 'lead', viaGroup: null, succeeds: '01-STTTT' }],
      [AssignmentEventType.Changed, row(b, '01-SKHCN')?.id, { ...facts, taskId: b, unitCode: '01-SKHCN', role: { from: 'coordinator', to: 'lead' }, succeeds: '01-STTTT' }],
      ...[a, b, c].map((t) => [
        AssignmentEventType.Withdrawn,
        idOf(before, t, '01-STTTT'),
        { ...facts, taskId: t, unitCode: '01-STTTT', reason: 'succeeded by 01-SKHCN', successorCode: '01-SKHCN' },
      ]),
    ]);

    const repeat = system();
    expect(await ctx.commands.execute(new TransferAssignmentsCommand('01-STTTT', '01-SKHCN', '2025-03-01', repeat))).toEqual({ transferred: 0, merged: 0 });
    expect(await assignmentRows(ctx, plan.id)).toEqual(rows);
    expect(await eventsOf(ctx, repeat.correlationId)).toEqual([]);
  });

  it('gives the successor back an assignment it once held on the task, and waits for a succession not yet in force', async () => {
    const plan = await givenApprovedPlan(ctx, [{ leads: [{ unit: '01-SGDDT' }], coordinators: [{ unit: '01-SYT' }] }]);
    const [t] = plan.snapshot().tasks.map((x) => x.id);
    await ctx.commands.execute(new IssuePlanCommand(plan.id, 502, '2025-03-10', asLeader()));
    // Sở Y tế was taken off the task once (its row is kept, withdrawn).
    await ctx.ds.query(`UPDATE assignment SET status = 'withdrawn' WHERE task_id = $1 AND unit_code = '01-SYT'`, [t]);
    const old = (await assignmentRows(ctx, plan.id)).find((r) => r.unitCode === '01-SYT');

    // Recorded today, in force next month: nothing moves yet (the catch-up applies it then).
    expect(await ctx.commands.execute(new TransferAssignmentsCommand('01-SGDDT', '01-SYT', '2025-04-01', system()))).toEqual({ transferred: 0, merged: 0 });
    expect((await assignmentRows(ctx, plan.id)).find((r) => r.unitCode === '01-SGDDT')?.status).toBe('assigned');

    const meta = system();
    expect(await ctx.commands.execute(new TransferAssignmentsCommand('01-SGDDT', '01-SYT', '2025-03-01', meta))).toEqual({ transferred: 1, merged: 0 });
    const syt = (await assignmentRows(ctx, plan.id)).find((r) => r.unitCode === '01-SYT');
    expect(syt).toMatchObject({ id: old?.id, role: 'lead', succeeds: '01-SGDDT', status: 'assigned' });
    expect((await eventsOf(ctx, meta.correlationId)).filter((e) => e.type === AssignmentEventType.Created).map((e) => e.aggregateId)).toEqual([old?.id]);
  });
});
