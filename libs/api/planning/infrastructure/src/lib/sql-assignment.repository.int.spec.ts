import { randomUUID } from 'node:crypto';
import { Assignment, type Plan } from '@dieu-hanh/api/planning/domain';
import type { TransactionContext } from '@dieu-hanh/api/shared/database';
import type { EntityManager } from 'typeorm';
import { type PlanningTestContext, givenApprovedPlan, startPlanningTestContext } from '../testing/planning-test-context';
import { SqlAssignmentRepository } from './sql-assignment.repository';

// Integration: the assignment SQL on PostgreSQL — set-based, whatever the size.
describe('SqlAssignmentRepository', () => {
  let ctx: PlanningTestContext;
  let repo: SqlAssignmentRepository;
  const statements: string[] = [];

  beforeAll(async () => {
    ctx = await startPlanningTestContext();
    // The repository under a transaction context that notes every statement it sends.
    const counting = {
      manager: (): EntityManager => {
        const m = ctx.tx.manager();
        return new Proxy(m, {
          get: (target, prop, receiver) =>
            prop === 'query'
              ? (sql: string, params?: unknown[]) => {
                  statements.push(sql.replace(/\s+/g, ' ').trim());
                  return target.query(sql, params);
                }
              : Reflect.get(target, prop, receiver),
        });
      },
    } as unknown as TransactionContext;
    repo = new SqlAssignmentRepository(counting);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const issue = async (plan: Plan, focal: string | null = null) =>
    ctx.ds.query(`UPDATE plan SET status = 'issued', number = $2, focal_unit_code = $3 WHERE id = $1`, [plan.id, Math.floor(Math.random() * 1e6), focal]);
  const make = (plan: Plan, taskId: string, unitCode: string, role: 'lead' | 'coordinator' = 'lead') =>
    Assignment.make(plan.id, { taskId, unitCode, role, viaGroup: null, succeeds: null }, { planTitle: 'x' }, { newId: randomUUID });
  const count = async (sql: string, params: unknown[]) => Number((await ctx.ds.query(sql, params))[0].n);

  it('refuses, as a conflict, a second assignment of the same unit to the same task made meanwhile', async () => {
    const plan = await givenApprovedPlan(ctx, [{ leads: [{ unit: 'U' }], coordinators: [] }]);
    await issue(plan);
    const taskId = plan.snapshot().tasks[0].id;
    await repo.save([make(plan, taskId, 'RACE')]);
    // Another command read the task before the first committed and makes the same assignment again.
    await expect(repo.save([make(plan, taskId, 'RACE', 'coordinator')])).rejects.toMatchObject({ code: 'PLANNING.ASSIGNMENTS_CHANGED_MEANWHILE', kind: 'conflict' });
    expect(await count(`SELECT count(*)::int AS n FROM assignment WHERE task_id = $1 AND unit_code = 'RACE'`, [taskId])).toBe(1);
  });

  it('inserts thousands of assignments in one statement, and changes hundreds in one more', async () => {
    const plan = await givenApprovedPlan(
      ctx,
      Array.from({ length: 100 }, () => ({ leads: [{ unit: 'U' }], coordinators: [] })),
    );
    await issue(plan);
    const tasks = plan.snapshot().tasks.map((t) => t.id);
    const units = Array.from({ length: 130 }, (_, i) => `X${i}`);
    const all = tasks.flatMap((t) => units.map((u, i) => make(plan, t, u, i === 0 ? 'lead' : 'coordinator')));
    expect(all).toHaveLength(13_000);

    statements.length = 0;
    await repo.save(all);
    expect(statements.filter((s) => s.startsWith('INSERT'))).toHaveLength(1);
    expect(statements).toHaveLength(1);
    expect(await count(`SELECT count(*)::int AS n FROM assignment WHERE plan_id = $1 AND status = 'assigned'`, [plan.id])).toBe(13_000);

    // Saved: a second save writes nothing.
    statements.length = 0;
    await repo.save(all);
    expect(statements).toEqual([]);

    const loaded = await repo.ofPlan(plan.id);
    expect(loaded).toHaveLength(13_000);
    const firstTask = loaded.filter((a) => a.taskId === tasks[0]);
    for (const a of firstTask.filter((x) => x.unitCode !== 'X0' && x.unitCode !== 'X1')) a.withdraw('bỏ', { planTitle: 'x', amendment: 1 });
    firstTask.find((a) => a.unitCode === 'X1')?.changeRole('lead', { planTitle: 'x', amendment: 1 });
    firstTask.find((a) => a.unitCode === 'X0')?.taskAmended({ planTitle: 'x', amendment: 1 });
    statements.length = 0;
    await repo.save(loaded);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^UPDATE assignment/);
    const rows: { unit_code: string; role: string; status: string }[] = await ctx.ds.query(
      `SELECT unit_code, role, status FROM assignment WHERE task_id = $1 ORDER BY unit_code`,
      [tasks[0]],
    );
    expect(rows.filter((r) => r.status === 'assigned').map((r) => [r.unit_code, r.role])).toEqual([
      ['X0', 'lead'],
      ['X1', 'lead'],
    ]);
    expect(rows.filter((r) => r.status === 'withdrawn')).toHaveLength(128);
    expect(await count(`SELECT count(*)::int AS n FROM assignment WHERE plan_id = $1 AND status = 'assigned'`, [plan.id])).toBe(13_000 - 128);
  });

  it("finds a unit's work in issued plans (in force, or with the withdrawn), and who holds work in force", async () => {
    const issued = await givenApprovedPlan(ctx, [{ leads: [{ unit: 'A' }], coordinators: [] }, { leads: [{ unit: 'A' }], coordinators: [] }]);
    const draft = await givenApprovedPlan(ctx, [{ leads: [{ unit: 'A' }], coordinators: [] }]);
    const [t1, t2] = issued.snapshot().tasks.map((t) => t.id);
    const kept = make(issued, t1, 'S-A');
    const gone = make(issued, t2, 'S-A');
    const other = make(issued, t1, 'S-B', 'coordinator');
    const notIssued = make(draft, draft.snapshot().tasks[0].id, 'S-C');
    await repo.save([kept, gone, other, notIssued]);
    gone.withdraw('bỏ', { planTitle: 'x' });
    await repo.save([gone]);
    await issue(issued, 'S-FOCAL');

    await ctx.tx.runWith(ctx.ds.manager, async () => {
      expect((await repo.ofUnitInIssuedPlans('S-A')).map((a) => a.id)).toEqual([kept.id]);
      expect((await repo.ofUnitInIssuedPlans('S-A', { withWithdrawn: true })).map((a) => a.id).sort()).toEqual([kept.id, gone.id].sort());
      expect(await repo.ofUnitInIssuedPlans('S-C')).toEqual([]);
    });
    expect(await repo.unitHoldsAssignment(issued.id, 'S-A')).toBe(true);
    expect(await repo.unitHoldsAssignment(draft.id, 'S-B')).toBe(false);

    const holders = await repo.unitsWithWorkInForce();
    expect(holders).toEqual(expect.arrayContaining(['S-A', 'S-B', 'S-FOCAL']));
    // Not the unit of a plan that is not issued.
    expect(holders).not.toContain('S-C');
  });
});
