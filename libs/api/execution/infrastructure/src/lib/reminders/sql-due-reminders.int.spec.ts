import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy, SendDueRemindersCommand, SendDueRemindersHandler } from '@dieu-hanh/api/execution/application';
import { CreateEventFeed1732300006500, CreateEventLog1732300000000, TransactionContext, TypeOrmUnitOfWork } from '@dieu-hanh/api/shared/database';
import { Clock, type UnitOfWork, systemActor } from '@dieu-hanh/api/shared/kernel';
import { type TestDatabase, createTestDatabase } from '@dieu-hanh/api/shared/testing';
import { DataSource } from 'typeorm';
import { CreateWork1732300007010 } from '../migrations/1732300007010-create-work.migration';
import { CreateReminders1732300007040 } from '../migrations/1732300007040-reminders.migration';
import { SqlDueReminders } from './sql-due-reminders';

class TestClock extends Clock {
  at = new Date();
  now(): Date {
    return this.at;
  }
}

/**
 * Integration: the reminder claim and the SendDueReminders command on PostgreSQL. Planning's published
 * view `planning_assignment` is stood in for by a table with the columns the claim reads (its real
 * migration belongs to planning; the API's scheduled-jobs spec runs the whole chain on the real view).
 */
describe('SendDueReminders (reminder_sent on PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const clock = new TestClock();
  const PLAN = randomUUID();
  /** The event log is append-only: each test reads the events after this sequence. */
  let mark = '0';

  const handler = (policy: ReminderPolicy = DEFAULT_REMINDER_POLICY) => {
    const ctx = new TransactionContext(ds);
    return new SendDueRemindersHandler(new TypeOrmUnitOfWork(ds, ctx, clock), new SqlDueReminders(ctx), clock, policy);
  };
  const send = (policy?: ReminderPolicy) => handler(policy).execute(new SendDueRemindersCommand({ actor: systemActor('reminders'), correlationId: randomUUID() }));
  const at = (iso: string) => (clock.at = new Date(iso));
  /** Vietnam's 07:00 on a day (00:00 UTC): the daily run. */
  const day = (d: string) => at(`${d}T00:00:00Z`);

  interface Row {
    due?: string | null;
    assignmentStatus?: string;
    planStatus?: string;
    taskRemoved?: boolean;
    unit?: string;
  }
  const assignment = async (r: Row = {}): Promise<string> => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO planning_assignment (assignment_id, plan_id, plan_title, task_id, unit_code, assignment_status, plan_status, task_removed, task_due)
       VALUES ($1, $2, 'Kế hoạch nhắc hạn', $3, $4, $5, $6, $7, $8)`,
      [id, PLAN, randomUUID(), r.unit ?? '00070', r.assignmentStatus ?? 'assigned', r.planStatus ?? 'issued', r.taskRemoved ?? false, r.due === undefined ? '2025-03-17' : r.due],
    );
    return id;
  };
  const work = (id: string, status: string, verification: string, dueOverride: string | null = null) =>
    ds.query(
      `INSERT INTO work_state (assignment_id, status, percent, verification, due_override, version, province_code, plan_id, task_id, unit_code)
       VALUES ($1, $2, $3, $4, $5, 1, '01', $6, $6, '00070')`,
      [id, status, status === 'done' ? 100 : status === 'not-started' ? 0 : 50, verification, dueOverride, PLAN],
    );
  const events = async () =>
    (
      await ds.query(
        `SELECT aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", type, actor_username AS actor, payload FROM event_log WHERE sequence > $1 ORDER BY sequence`,
        [mark],
      )
    ) as { aggregateType: string; aggregateId: string; type: string; actor: string; payload: Record<string, unknown> }[];
  const sent = async () => (await events()).map((e) => `${e.aggregateId}:${e.payload['kind']}:${e.payload['offsetDays']}:${e.payload['due']}`).sort();

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase([CreateEventLog1732300000000, CreateEventFeed1732300006500, CreateWork1732300007010, CreateReminders1732300007040]);
    ds = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 10 } }).initialize();
    await ds.query(`
      CREATE TABLE planning_assignment (
        assignment_id uuid PRIMARY KEY, plan_id uuid NOT NULL, plan_title text NOT NULL, task_id uuid NOT NULL, unit_code text NOT NULL,
        assignment_status text NOT NULL, plan_status text NOT NULL, task_removed boolean NOT NULL, task_due date NULL)`);
  });

  beforeEach(async () => {
    await ds.query(`TRUNCATE planning_assignment, work_state, reminder_sent`);
    [{ mark }] = await ds.query(`SELECT coalesce(max(sequence), 0)::text AS mark FROM event_log`);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('counts on Vietnam’s day: at 23:30 UTC the reminder for the next Vietnamese day goes out, at 16:59 UTC it does not', async () => {
    const a = await assignment({ due: '2025-03-17' }); // a week before: 10/03
    at('2025-03-09T16:59:00Z'); // 23:59 on 09/03 in Hà Nội
    expect(await send()).toMatchObject({ today: '2025-03-09', sent: 0 });
    at('2025-03-09T23:30:00Z'); // 06:30 on 10/03 in Hà Nội, still 09/03 in UTC
    expect(await send()).toEqual({ today: '2025-03-10', sent: 1, beforeDue: 1, overdue: 0 });
    const [e] = await events();
    expect(e).toEqual({
      aggregateType: 'assignment',
      aggregateId: a,
      type: 'execution.reminder-due',
      actor: 'reminders',
      payload: { planId: PLAN, planTitle: 'Kế hoạch nhắc hạn', taskId: expect.any(String), unitCode: '00070', kind: 'before-due', offsetDays: 7, due: '2025-03-17' },
    });
    const [row] = await ds.query(`SELECT to_char(sent_on, 'YYYY-MM-DD') AS "sentOn", sent_at AS "sentAt" FROM reminder_sent`);
    expect(row).toEqual({ sentOn: '2025-03-10', sentAt: new Date('2025-03-09T23:30:00Z') });
  });

  it('sends each reminder once over the days: 7 days before, the day before, on becoming overdue, a week after the due date', async () => {
    const a = await assignment({ due: '2025-03-17' });
    const log: string[] = [];
    for (let d = 1; d <= 31; d++) {
      const date = `2025-03-${String(d).padStart(2, '0')}`;
      day(date);
      const r = await send();
      if (r.sent) log.push(`${date}:${r.sent}`);
      expect((await send()).sent).toBe(0); // a second run the same day sends nothing
    }
    expect(log).toEqual(['2025-03-10:1', '2025-03-16:1', '2025-03-18:1', '2025-03-24:1']);
    expect(await sent()).toEqual([`${a}:before-due:1:2025-03-17`, `${a}:before-due:7:2025-03-17`, `${a}:overdue:0:2025-03-17`, `${a}:overdue:7:2025-03-17`]);
  });

  it('catches up a missed day once, only the most recent reminder, and skips reminders older than the catch-up window', async () => {
    const late = await assignment({ due: '2025-03-09' }); // overdue from 10/03; no run on 10/03 or 11/03
    const issuedLate = await assignment({ due: '2025-03-14' }); // plan issued 4 days before the deadline
    const longAgo = await assignment({ due: '2024-12-31' }); // every reminder stale by now
    day('2025-03-12');
    expect(await send()).toMatchObject({ sent: 2, beforeDue: 1, overdue: 1 });
    expect(await sent()).toEqual([`${issuedLate}:before-due:7:2025-03-14`, `${late}:overdue:0:2025-03-09`].sort());
    expect((await send()).sent).toBe(0);
    day('2025-03-13');
    expect((await send()).sent).toBe(1); // the day before for issuedLate
    expect((await events()).some((e) => e.aggregateId === longAgo)).toBe(false);
  });

  it('reminds only open work: not done, not verified, not withdrawn, not in an unissued plan, not a removed task, not without a date', async () => {
    const open = await assignment();
    const inProgress = await assignment();
    await work(inProgress, 'in-progress', 'returned');
    const unablePending = await assignment();
    await work(unablePending, 'unable', 'pending');
    await work(await assignment(), 'done', 'pending');
    await work(await assignment(), 'unable', 'verified');
    await assignment({ assignmentStatus: 'withdrawn' });
    await assignment({ planStatus: 'closed' });
    await assignment({ planStatus: 'approved' });
    await assignment({ taskRemoved: true });
    await assignment({ due: null });
    day('2025-03-10');
    expect((await send()).sent).toBe(3);
    expect((await events()).map((e) => e.aggregateId).sort()).toEqual([open, inProgress, unablePending].sort());
  });

  it('an approved extension moves the due date in force: reminders follow the new date, afresh', async () => {
    const a = await assignment({ due: '2025-03-11' });
    day('2025-03-10');
    expect((await send()).sent).toBe(1); // the day before 11/03
    await work(a, 'in-progress', 'none', '2025-03-31');
    day('2025-03-12');
    expect((await send()).sent).toBe(0); // not overdue: the extension holds
    day('2025-03-24');
    expect((await send()).sent).toBe(1);
    expect(await sent()).toEqual([`${a}:before-due:1:2025-03-11`, `${a}:before-due:7:2025-03-31`]);
  });

  it('offsets are configurable; none configured sends nothing', async () => {
    const a = await assignment({ due: '2025-03-17' });
    const policy = { beforeDays: [3], overdueDays: [2], catchUpDays: 0 };
    const days: string[] = [];
    for (let d = 10; d <= 25; d++) {
      const date = `2025-03-${d}`;
      day(date);
      if ((await send(policy)).sent) days.push(date);
    }
    expect(days).toEqual(['2025-03-14', '2025-03-19']);
    expect(await sent()).toEqual([`${a}:before-due:3:2025-03-17`, `${a}:overdue:2:2025-03-17`]);
    await ds.query(`TRUNCATE reminder_sent`);
    [{ mark }] = await ds.query(`SELECT coalesce(max(sequence), 0)::text AS mark FROM event_log`);
    expect((await send({ beforeDays: [], overdueDays: [], catchUpDays: 7 })).sent).toBe(0);
  });

  it('several processes running at once still send each reminder once (the claims wait for each other)', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => assignment({ due: i % 2 ? '2025-03-17' : '2025-03-09' })));
    day('2025-03-10');
    const results = await Promise.all(Array.from({ length: 6 }, () => send()));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(40);
    const recorded = await events();
    expect(recorded).toHaveLength(40);
    expect(new Set(recorded.map((e) => e.aggregateId))).toEqual(new Set(ids));
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM reminder_sent`);
    expect(n).toBe(40);
  });

  it('a run that fails records nothing: its claims roll back with its events, and the next run sends them', async () => {
    await assignment({ due: '2025-03-17' });
    day('2025-03-10');
    const ctx = new TransactionContext(ds);
    const uow = new TypeOrmUnitOfWork(ds, ctx, clock);
    const failing = new SendDueRemindersHandler(
      {
        run: (m, work) =>
          uow.run(m, async (tx) => {
            await work(tx);
            throw new Error('crash before commit');
          }),
      } as UnitOfWork,
      new SqlDueReminders(ctx),
      clock,
      DEFAULT_REMINDER_POLICY,
    );
    await expect(failing.execute(new SendDueRemindersCommand({ actor: systemActor('reminders'), correlationId: randomUUID() }))).rejects.toThrow('crash');
    expect(await events()).toEqual([]);
    expect((await send()).sent).toBe(1);
  });

  it('claims only inside a unit of work', async () => {
    await expect(new SqlDueReminders(new TransactionContext(ds)).claim('2025-03-10', DEFAULT_REMINDER_POLICY, new Date())).rejects.toThrow(/unit of work/);
  });
});
