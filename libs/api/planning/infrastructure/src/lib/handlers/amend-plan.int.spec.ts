import { AmendPlanCommand, IssuePlanCommand } from '@dieu-hanh/api/planning/application';
import { AssignmentEventType, PlanEventType } from '@dieu-hanh/api/planning/contracts';
import type { Plan } from '@dieu-hanh/api/planning/domain';
import type { PlanDraftRequest } from '@dieu-hanh/shared/contracts';
import {
  type LoggedEvent,
  type PlanningTestContext,
  amendmentRequest,
  asLeader,
  assignmentRows,
  eventsOf,
  givenApprovedPlan,
  startPlanningTestContext,
} from '../../testing/planning-test-context';

// Integration: AmendPlanHandler with the real repositories, unit of work and PostgreSQL.
describe('AmendPlanHandler (the amendment diff applied to assignments, on PostgreSQL)', () => {
  let ctx: PlanningTestContext;
  let number = 100;

  beforeAll(async () => {
    ctx = await startPlanningTestContext();
    for (const u of ['01-UBND', '01-SKHCN', '01-SGDDT', '01-SYT', '01-SVHTT', 'X1', 'X2', 'X3', 'X4']) ctx.directory.unit(u);
    ctx.directory.group('G-XA', ['X1', 'X2']);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  /** An issued plan: task 1 led by Sở KH&CN with Sở GD&ĐT; task 2 led by Sở Y tế with the communes' group. */
  async function issued(): Promise<{ plan: Plan; t1: string; t2: string }> {
    const plan = await givenApprovedPlan(ctx, [
      { content: 'Nhiệm vụ 1', leads: [{ unit: '01-SKHCN' }], coordinators: [{ unit: '01-SGDDT' }] },
      { content: 'Nhiệm vụ 2', leads: [{ unit: '01-SYT' }], coordinators: [{ group: 'G-XA' }] },
    ]);
    await ctx.commands.execute(new IssuePlanCommand(plan.id, ++number, '2025-03-10', asLeader()));
    const [t1, t2] = plan.snapshot().tasks.map((t) => t.id);
    return { plan: (await ctx.plans.find(plan.id)) as Plan, t1, t2 };
  }

  const amend = async (plan: Plan, tasks: Parameters<typeof amendmentRequest>[1], version = plan.snapshot().version) => {
    const meta = asLeader();
    const result = await ctx.commands.execute(new AmendPlanCommand(plan.id, amendmentRequest(plan.snapshot(), tasks) as PlanDraftRequest, version, 'Điều chỉnh theo chỉ đạo', meta));
    return { result, events: await eventsOf(ctx, meta.correlationId), meta };
  };
  const ofType = (events: LoggedEvent[], type: string) => events.filter((e) => e.type === type);

  it('adds, withdraws, changes roles and tells, and every event names the row it changed', async () => {
    const { plan, t1, t2 } = await issued();
    const before = await assignmentRows(ctx, plan.id);
    const { result, events } = await amend(plan, [
      // Task 1: Sở GD&ĐT now leads, Sở KH&CN coordinates (a swap); Sở VH&TT is added.
      { id: t1, content: 'Nhiệm vụ 1', leads: [{ unit: '01-SGDDT' }], coordinators: [{ unit: '01-SKHCN' }, { unit: '01-SVHTT' }] },
      // Task 2: its content changes, the group is dropped (X1, X2 withdrawn), Sở Y tế stays and is told.
      { id: t2, content: 'Nhiệm vụ 2 (sửa thời hạn)', leads: [{ unit: '01-SYT' }], coordinators: [] },
    ]);
    expect(result).toMatchObject({ assignmentsAdded: 1, assignmentsWithdrawn: 2, tasksChanged: 2 });

    const rows = await assignmentRows(ctx, plan.id);
    const row = (taskId: string, unit: string) => rows.find((r) => r.taskId === taskId && r.unitCode === unit);
    expect(row(t1, '01-SGDDT')).toMatchObject({ role: 'lead', status: 'assigned' });
    expect(row(t1, '01-SKHCN')).toMatchObject({ role: 'coordinator', status: 'assigned' });
    expect(row(t1, '01-SVHTT')).toMatchObject({ role: 'coordinator', status: 'assigned' });
    expect(row(t2, 'X1')?.status).toBe('withdrawn');
    expect(row(t2, 'X2')?.status).toBe('withdrawn');
    expect(row(t2, '01-SYT')).toMatchObject({ role: 'lead', status: 'assigned' });
    // Kept rows keep their ids.
    expect(row(t1, '01-SKHCN')?.id).toBe(before.find((r) => r.taskId === t1 && r.unitCode === '01-SKHCN')?.id);

    expect(events[0]).toMatchObject({ type: PlanEventType.Amended, payload: { amendment: 1, tasksChanged: 2 } });
    const common = { planId: plan.id, planTitle: plan.snapshot().title, amendment: 1 };
    expect(ofType(events, AssignmentEventType.Created)).toEqual([
      { type: AssignmentEventType.Created, aggregateId: row(t1, '01-SVHTT')?.id, payload: { ...common, taskId: t1, unitCode: '01-SVHTT', role: 'coordinator', viaGroup: null, succeeds: null } },
    ]);
    expect(ofType(events, AssignmentEventType.Withdrawn).map((e) => [e.aggregateId, e.payload])).toEqual(
      ['X1', 'X2'].map((u) => [row(t2, u)?.id, { ...common, taskId: t2, unitCode: u, reason: 'Điều chỉnh theo chỉ đạo' }]),
    );
    const changed = ofType(events, AssignmentEventType.Changed);
    expect(changed.filter((e) => e.payload['role']).map((e) => [e.aggregateId, e.payload['role']])).toEqual([
      [row(t1, '01-SGDDT')?.id, { from: 'coordinator', to: 'lead' }],
      [row(t1, '01-SKHCN')?.id, { from: 'lead', to: 'coordinator' }],
    ]);
    // Told: only the holder kept on a changed task in the same role (the swapped ones heard of their role).
    expect(changed.filter((e) => e.payload['taskChanged']).map((e) => [e.aggregateId, e.payload])).toEqual([
      [row(t2, '01-SYT')?.id, { ...common, taskId: t2, unitCode: '01-SYT', taskChanged: true }],
    ]);
  });

  it('a group that resolves to more units today gives the new members theirs; a unit named again gets its old assignment back', async () => {
    const { plan, t1, t2 } = await issued();
    const same = [
      { id: t1, content: 'Nhiệm vụ 1', leads: [{ unit: '01-SKHCN' }], coordinators: [] },
      { id: t2, content: 'Nhiệm vụ 2', leads: [{ unit: '01-SYT' }], coordinators: [{ group: 'G-XA' }] },
    ];
    const first = await amend(plan, same);
    const gone = (await assignmentRows(ctx, plan.id)).find((r) => r.taskId === t1 && r.unitCode === '01-SGDDT');
    expect(gone?.status).toBe('withdrawn');
    // Task 1's units changed, so its remaining holder is told; task 2 is untouched.
    expect(ofType(first.events, AssignmentEventType.Changed).map((e) => [e.payload['unitCode'], e.payload['taskChanged']])).toEqual([['01-SKHCN', true]]);

    ctx.directory.group('G-XA', ['X1', 'X2', 'X3']);
    try {
      const again = await amend((await ctx.plans.find(plan.id)) as Plan, [{ ...same[0], coordinators: [{ unit: '01-SGDDT' }] }, same[1]]);
      expect(again.result).toMatchObject({ assignmentsAdded: 2, assignmentsWithdrawn: 0 });
      const rows = await assignmentRows(ctx, plan.id);
      expect(rows.find((r) => r.taskId === t2 && r.unitCode === 'X3')).toMatchObject({ role: 'coordinator', viaGroup: 'G-XA', status: 'assigned' });
      const back = rows.find((r) => r.taskId === t1 && r.unitCode === '01-SGDDT');
      expect(back).toMatchObject({ id: gone?.id, status: 'assigned' });
      expect(ofType(again.events, AssignmentEventType.Created).map((e) => e.aggregateId).sort()).toEqual(
        [back?.id, rows.find((r) => r.unitCode === 'X3')?.id].sort(),
      );
    } finally {
      ctx.directory.group('G-XA', ['X1', 'X2']);
    }
  });

  it('refuses an amendment started from an old version, and writes nothing', async () => {
    const { plan, t1, t2 } = await issued();
    const stale = plan.snapshot().version - 1;
    const before = await assignmentRows(ctx, plan.id);
    const meta = asLeader();
    await expect(
      ctx.commands.execute(
        new AmendPlanCommand(
          plan.id,
          amendmentRequest(plan.snapshot(), [
            { id: t1, content: 'Nhiệm vụ 1', leads: [{ unit: '01-SVHTT' }], coordinators: [] },
            { id: t2, content: 'Nhiệm vụ 2', leads: [{ unit: '01-SYT' }], coordinators: [] },
          ]) as PlanDraftRequest,
          stale,
          'Điều chỉnh',
          meta,
        ),
      ),
    ).rejects.toMatchObject({ code: 'PLANNING.VERSION_CONFLICT' });
    expect(await assignmentRows(ctx, plan.id)).toEqual(before);
    expect(await eventsOf(ctx, meta.correlationId)).toEqual([]);
  });
});
