import { randomUUID } from 'node:crypto';
import { AssignmentEventType } from '@dieu-hanh/api/planning/contracts';
import { ExecutionEventType } from '@dieu-hanh/api/execution/contracts';
import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import fc from 'fast-check';
import { type WorkFixture, startWorkFixture } from '../../testing/work-fixture';
import { CreateProgressReadModels1732300007030 } from '../migrations/1732300007030-progress-read-models.migration';
import { ProgressTallySubscriber, recountProgress } from './progress-tally.subscriber';

/**
 * Integration: the progress tallies on PostgreSQL. After any sequence of changes (work reported,
 * verified, extended, assignments withdrawn, tasks removed, roles changed), recounting the touched
 * assignments makes the tallies equal a brute-force count over planning's view ⋈ work_state; a
 * redelivered batch changes nothing.
 */
describe('progress tallies (execution.progress-tally, on PostgreSQL)', () => {
  let fx: WorkFixture;
  const STATUSES = ['not-started', 'in-progress', 'done', 'unable'] as const;
  const VERIFICATIONS = ['none', 'pending', 'verified', 'returned'] as const;

  beforeAll(async () => {
    fx = await startWorkFixture();
    const runner = fx.ds.createQueryRunner();
    await new CreateProgressReadModels1732300007030().up(runner);
    await runner.release();
  });

  afterAll(async () => {
    await fx?.close();
  });

  beforeEach(async () => {
    await fx.ds.query(`TRUNCATE planning_assignment, work_state, work_tally_source, work_task_tally, work_unit_tally, work_tally_task`);
  });

  /** The tallies as sorted text rows. */
  const tallies = async () => ({
    task: (
      await fx.ds.query(
        `SELECT plan_id, task_id, role, status, verification, due::text, n::int, percent_sum::int FROM work_task_tally ORDER BY 1, 2, 3, 4, 5, 6`,
      )
    ).map((r: object) => Object.values(r).join('|')),
    unit: (
      await fx.ds.query(
        `SELECT plan_id, unit_code, role, status, verification, due::text, n::int, percent_sum::int FROM work_unit_tally ORDER BY 1, 2, 3, 4, 5, 6`,
      )
    ).map((r: object) => Object.values(r).join('|')),
  });

  /** What the tallies must be: a full count of every assignment in force. */
  const bruteForce = async () => {
    const base = `SELECT pa.plan_id, pa.task_id, pa.unit_code, pa.role, coalesce(ws.status, 'not-started') AS status, coalesce(ws.verification, 'none') AS verification,
                         coalesce(ws.due_override, pa.task_due, 'infinity'::date) AS due, coalesce(ws.percent, 0) AS percent
                    FROM planning_assignment pa LEFT JOIN work_state ws ON ws.assignment_id = pa.assignment_id
                   WHERE pa.assignment_status = 'assigned' AND NOT pa.task_removed`;
    return {
      task: (
        await fx.ds.query(
          `SELECT plan_id, task_id, role, status, verification, due::text, count(*)::int, sum(percent)::int FROM (${base}) b GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
        )
      ).map((r: object) => Object.values(r).join('|')),
      unit: (
        await fx.ds.query(
          `SELECT plan_id, unit_code, role, status, verification, due::text, count(*)::int, sum(percent)::int FROM (${base}) b GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
        )
      ).map((r: object) => Object.values(r).join('|')),
    };
  };

  const setWork = async (id: string, status: (typeof STATUSES)[number], percent: number, verification: (typeof VERIFICATIONS)[number], dueOverride: string | null) => {
    const [a] = await fx.ds.query(`SELECT province_code, plan_id, task_id, unit_code FROM planning_assignment WHERE assignment_id = $1`, [id]);
    const p = status === 'done' ? 100 : status === 'not-started' ? 0 : percent;
    await fx.ds.query(
      `INSERT INTO work_state (assignment_id, status, percent, verification, due_override, version, province_code, plan_id, task_id, unit_code)
       VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9)
       ON CONFLICT (assignment_id) DO UPDATE SET status = $2, percent = $3, verification = $4, due_override = $5, version = work_state.version + 1`,
      [id, status, p, verification, dueOverride, a.province_code, a.plan_id, a.task_id, a.unit_code],
    );
  };

  type Op =
    | { kind: 'work'; i: number; status: (typeof STATUSES)[number]; percent: number; verification: (typeof VERIFICATIONS)[number]; due: string | null }
    | { kind: 'withdraw'; i: number }
    | { kind: 'restore'; i: number }
    | { kind: 'role'; i: number }
    | { kind: 'remove-task'; t: number }
    | { kind: 'add'; t: number; u: number };

  const opArb: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('work' as const),
        i: fc.nat(40),
        status: fc.constantFrom(...STATUSES),
        percent: fc.integer({ min: 0, max: 100 }),
        verification: fc.constantFrom(...VERIFICATIONS),
        due: fc.constantFrom(null, '2025-03-01', '2025-04-30'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), i: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), i: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('role' as const), i: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove-task' as const), t: fc.nat(3) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), t: fc.nat(3), u: fc.nat(5) }) },
  );

  it('equal a brute-force count after random changes, batch by batch, and a redelivered batch changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(opArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), async (batches) => {
        await fx.ds.query(`TRUNCATE planning_assignment, work_state, work_tally_source, work_task_tally, work_unit_tally, work_tally_task`);
        const plans = [randomUUID(), randomUUID()];
        const tasks = [0, 1, 2, 3].map((t) => ({ planId: plans[t % 2], taskId: randomUUID(), taskOrdinal: t + 1, taskDue: t === 3 ? null : `2025-0${3 + t}-15` }));
        const units = ['00070', '00004', '00073', '01-SGDDT', '01-SKHCN', '00076'];
        const ids: string[] = [];
        for (const t of tasks) for (const [k, u] of units.slice(0, 4).entries()) ids.push(await fx.assignment({ ...t, unitCode: u, role: k === 0 ? 'lead' : 'coordinator' }));
        await recountProgress(fx.ds, ids);
        expect(await tallies()).toEqual(await bruteForce());

        for (const batch of batches) {
          const touched: string[] = [];
          const touchedPlans: string[] = [];
          for (const op of batch) {
            const id = 'i' in op ? ids[op.i % ids.length] : '';
            if (op.kind === 'work') await setWork(id, op.status, op.percent, op.verification, op.due);
            if (op.kind === 'withdraw') await fx.ds.query(`UPDATE planning_assignment SET assignment_status = 'withdrawn' WHERE assignment_id = $1`, [id]);
            if (op.kind === 'restore') await fx.ds.query(`UPDATE planning_assignment SET assignment_status = 'assigned' WHERE assignment_id = $1`, [id]);
            if (op.kind === 'role')
              await fx.ds.query(`UPDATE planning_assignment SET role = CASE role WHEN 'lead' THEN 'coordinator' ELSE 'lead' END WHERE assignment_id = $1`, [id]);
            if (op.kind === 'remove-task') {
              await fx.ds.query(`UPDATE planning_assignment SET task_removed = true WHERE task_id = $1`, [tasks[op.t].taskId]);
              touchedPlans.push(tasks[op.t].planId); // an amendment: the plan is recounted
            }
            if (op.kind === 'add') {
              const added = await fx.assignment({ ...tasks[op.t], unitCode: units[op.u], role: 'coordinator' });
              ids.push(added);
              touched.push(added);
            }
            if (id) touched.push(id);
          }
          await recountProgress(fx.ds, touched, touchedPlans);
          const after = await tallies();
          expect(after).toEqual(await bruteForce());
          await recountProgress(fx.ds, touched, touchedPlans); // redelivered
          expect(await tallies()).toEqual(after);
        }
      }),
      { numRuns: 25 },
    );
  });

  const recorded = (type: string, aggregateType: string, aggregateId: string): RecordedEvent =>
    ({
      id: randomUUID(),
      sequence: '1',
      type,
      aggregateType,
      aggregateId,
      payload: {},
      occurredAt: new Date(),
      actorSubject: 't',
      actorUsername: 't',
      actorUnitCode: null,
      provinceCode: '01',
      correlationId: randomUUID(),
      causationId: null,
    }) as RecordedEvent;

  it('the subscriber counts a fan-out to 3,321 communes in one batch, fast, and a replay is a no-op', async () => {
    const planId = randomUUID();
    const taskId = randomUUID();
    const rows = Array.from({ length: 3321 }, (_, i) => ({ id: randomUUID(), unit: `C${String(i).padStart(5, '0')}` }));
    await fx.ds.query(
      `INSERT INTO planning_assignment (assignment_id, plan_id, task_id, unit_code, role, assignment_status, province_code, plan_title, plan_symbol, plan_status, plan_year,
         issuer_unit_code, issuer_tier, drafting_unit_code, focal_unit_code, task_ordinal, task_content, task_due, task_removed)
       SELECT x.id, $1, $2, x.unit, 'coordinator', 'assigned', '01', 'KH', '1/KH-UBND', 'issued', 2025, '01-UBND', 1, '01-SKHCN', NULL, 1, 'Nhiệm vụ', '2025-06-30', false
         FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, unit text)`,
      [planId, taskId, JSON.stringify(rows)],
    );
    const events = rows.map((r) => recorded(AssignmentEventType.Created, 'assignment', r.id));
    const subscriber = new ProgressTallySubscriber();
    expect(subscriber.eventTypes).toEqual(expect.arrayContaining([AssignmentEventType.Created, ExecutionEventType.ProgressReported]));
    const started = Date.now();
    await subscriber.handle(events, fx.ds);
    const took = Date.now() - started;
    expect(took).toBeLessThan(2000); // a few hundred ms on the 2-core box
    expect(await fx.ds.query(`SELECT sum(n)::int AS n, count(*)::int AS rows FROM work_unit_tally WHERE plan_id = $1`, [planId])).toEqual([{ n: 3321, rows: 3321 }]);
    expect(await fx.ds.query(`SELECT n, ordinal FROM work_task_tally JOIN work_tally_task USING (plan_id, task_id) WHERE plan_id = $1`, [planId])).toEqual([{ n: 3321, ordinal: 1 }]);
    const before = await tallies();
    await subscriber.handle(events, fx.ds);
    expect(await tallies()).toEqual(before);
    expect(await tallies()).toEqual(await bruteForce());
  });

  it('folds text for search like foldVietnamese', async () => {
    const [{ f }] = await fx.ds.query(`SELECT execution_fold($1) AS f`, ['  Số HÓA   hồ sơ Đồng Nai – Kiếm ']);
    expect(f).toBe('so hoa ho so dong nai – kiem');
    const [{ g }] = await fx.ds.query(`SELECT execution_fold($1) AS g`, ['Kiếm'.normalize('NFD')]);
    expect(g).toBe('kiem');
  });
});
