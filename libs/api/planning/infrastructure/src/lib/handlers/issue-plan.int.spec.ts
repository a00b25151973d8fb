import { IssuePlanCommand } from '@dieu-hanh/api/planning/application';
import { AssignmentEventType, PlanEventType } from '@dieu-hanh/api/planning/contracts';
import {
  type PlanningTestContext,
  asLeader,
  assignmentRows,
  eventsOf,
  givenApprovedPlan,
  startPlanningTestContext,
} from '../../testing/planning-test-context';

// Integration: IssuePlanHandler with the real repositories, unit of work and PostgreSQL; the directory
// answers from a fixture through its published queries.
describe('IssuePlanHandler (fan-out into assignments, on PostgreSQL)', () => {
  let ctx: PlanningTestContext;
  const communes = Array.from({ length: 40 }, (_, i) => `X${String(i + 1).padStart(3, '0')}`);

  beforeAll(async () => {
    ctx = await startPlanningTestContext();
    ctx.directory.unit('01-UBND').unit('01-SKHCN').unit('01-SGDDT').unit('01-SYT').unit('01-STTTT', { state: 'closed' });
    ctx.directory.successors['01-STTTT'] = '01-SKHCN';
    for (const c of communes) ctx.directory.unit(c, { tier: 2, communeCode: c });
    ctx.directory.group('G-XA', communes).group('G-SO', ['01-SKHCN', '01-SGDDT', '01-SYT']);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('writes one assignment per unit and task, with roles, groups and successions, and one event per row', async () => {
    const plan = await givenApprovedPlan(ctx, [
      { leads: [{ group: 'G-XA' }], coordinators: [{ unit: '01-SYT' }] },
      // Sở TT&TT is closed: its work goes to Sở KH&CN, which also coordinates through the group (lead wins).
      { leads: [{ unit: '01-STTTT' }], coordinators: [{ group: 'G-SO' }] },
    ]);
    const [t1, t2] = plan.snapshot().tasks.map((t) => t.id);
    const meta = asLeader();
    const result = await ctx.commands.execute(new IssuePlanCommand(plan.id, 402, '2025-03-10', meta));
    expect(result).toMatchObject({ status: 'issued', assignments: 40 + 1 + 3, pending: 0 });

    const rows = await assignmentRows(ctx, plan.id);
    expect(rows).toHaveLength(44);
    expect(rows.filter((r) => r.taskId === t1 && r.role === 'lead')).toHaveLength(40);
    expect(rows.filter((r) => r.taskId === t1 && r.role === 'lead').every((r) => r.viaGroup === 'G-XA')).toBe(true);
    expect(rows.find((r) => r.taskId === t1 && r.unitCode === '01-SYT')).toMatchObject({ role: 'coordinator', viaGroup: null });
    expect(rows.filter((r) => r.taskId === t2).map((r) => [r.unitCode, r.role, r.viaGroup, r.succeeds])).toEqual([
      ['01-SGDDT', 'coordinator', 'G-SO', null],
      ['01-SKHCN', 'lead', null, '01-STTTT'],
      ['01-SYT', 'coordinator', 'G-SO', null],
    ]);
    expect(rows.every((r) => r.status === 'assigned')).toBe(true);

    const events = await eventsOf(ctx, meta.correlationId);
    expect(events[0]).toMatchObject({ type: PlanEventType.Issued, aggregateId: plan.id, payload: { number: 402, assignments: 44 } });
    const created = events.filter((e) => e.type === AssignmentEventType.Created);
    expect(created).toHaveLength(44);
    // Each event names its row, and says what the row says.
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const e of created) {
      const row = byId.get(e.aggregateId);
      expect(row).toBeDefined();
      expect(e.payload).toEqual({
        planId: plan.id,
        planTitle: 'Kế hoạch chuyển đổi số năm 2025',
        taskId: row?.taskId,
        unitCode: row?.unitCode,
        role: row?.role,
        viaGroup: row?.viaGroup,
        succeeds: row?.succeeds,
      });
    }
  });

  it('refuses a number already taken by the issuer that year, and writes nothing', async () => {
    const first = await givenApprovedPlan(ctx, [{ leads: [{ unit: '01-SKHCN' }], coordinators: [] }]);
    await ctx.commands.execute(new IssuePlanCommand(first.id, 17, '2025-03-10', asLeader()));
    const second = await givenApprovedPlan(ctx, [{ leads: [{ unit: '01-SGDDT' }], coordinators: [] }]);
    const meta = asLeader();
    await expect(ctx.commands.execute(new IssuePlanCommand(second.id, 17, '2025-03-10', meta))).rejects.toMatchObject({ code: 'PLANNING.NUMBER_TAKEN' });
    expect(await assignmentRows(ctx, second.id)).toEqual([]);
    expect(await eventsOf(ctx, meta.correlationId)).toEqual([]);
    expect((await ctx.plans.find(second.id))?.snapshot()).toMatchObject({ status: 'approved', number: null });
  });

  it('refuses a reference that no longer resolves (a unit closed without successor), and writes nothing', async () => {
    ctx.directory.unit('01-SOLD', { state: 'closed' });
    const plan = await givenApprovedPlan(ctx, [{ leads: [{ unit: '01-SKHCN' }], coordinators: [{ unit: '01-SOLD' }] }]);
    const meta = asLeader();
    await expect(ctx.commands.execute(new IssuePlanCommand(plan.id, 18, '2025-03-10', meta))).rejects.toMatchObject({ code: 'PLANNING.PLAN_INVALID' });
    expect(await assignmentRows(ctx, plan.id)).toEqual([]);
    expect(await eventsOf(ctx, meta.correlationId)).toEqual([]);
    expect((await ctx.plans.find(plan.id))?.snapshot().status).toBe('approved');
  });
});
