import { Clock, JobScheduler } from '@dieu-hanh/api/shared/kernel';
import { PgBossJobScheduler } from '@dieu-hanh/api/shared/jobs';
import { DataSource } from 'typeorm';
import { startTestApi } from './test-harness';

// This file runs the scheduler (whatever the harness's default), polling fast; both read when the app starts.
const saved = { poll: process.env['JOBS_POLL_SECONDS'], runner: process.env['JOBS_RUNNER'] };
process.env['JOBS_POLL_SECONDS'] = '0.5';
delete process.env['JOBS_RUNNER'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The API's scheduled jobs run on pg-boss (schema `pgboss` in the API's database): the hourly succession
 * catch-up and the daily reminders, each run through the scheduler's queue, on the real planning view.
 */
describe('scheduled jobs in the API (pg-boss on real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    for (const [key, value] of [['JOBS_POLL_SECONDS', saved.poll], ['JOBS_RUNNER', saved.runner]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  afterEach(() => jest.restoreAllMocks());

  const at = (iso: string) => jest.spyOn(api.app.get(Clock), 'now').mockReturnValue(new Date(iso));
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => api.app.get(DataSource).query(text, params);
  async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (ok(v) || Date.now() > deadline) return v;
      await sleep(100);
    }
  }
  const issuePlan = async (title: string, number: number, task: Record<string, unknown>) => {
    const { body } = await api.call('/plans', { as: 'dept', method: 'POST', body: JSON.stringify({ title, year: 2025, tasks: [{ coordinators: [], ...task }] }) });
    expect((await api.call(`/plans/${body.id}/submit`, { as: 'dept', method: 'POST' })).status).toBe(200);
    expect((await api.call(`/plans/${body.id}/approve`, { as: 'leader', method: 'POST' })).status).toBe(200);
    expect((await api.call(`/plans/${body.id}/issue`, { as: 'leader', method: 'POST', body: JSON.stringify({ number, issueDate: '2025-10-02' }) })).status).toBe(200);
    return body.id as string;
  };

  it('starts with the app, in its own schema, with every job scheduled in Vietnam time', async () => {
    const scheduler = api.app.get(JobScheduler);
    expect(scheduler).toBeInstanceOf(PgBossJobScheduler);
    expect((scheduler as PgBossJobScheduler).running).toBe(true);
    const ALL = ['execution.send-due-reminders', 'planning.succession-catch-up', 'reporting.exports', 'reporting.schedule'];
    expect(scheduler.registered().sort()).toEqual(ALL);
    const schedules = await sql<{ name: string; cron: string; timezone: string }>(`SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`);
    expect(schedules).toEqual([
      { name: 'execution.send-due-reminders', cron: '0 7 * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'planning.succession-catch-up', cron: '0 * * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'reporting.exports', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'reporting.schedule', cron: '30 6 * * *', timezone: 'Asia/Ho_Chi_Minh' },
    ]);
    // Each ran once at start-up (catch-up), through the queue.
    const started = await eventually(
      () => sql<{ name: string }>(`SELECT DISTINCT name FROM pgboss.job WHERE name NOT LIKE '\\_\\_pgboss%' AND state = 'completed' ORDER BY name`),
      (rows) => rows.length >= ALL.length,
    );
    expect(started.map((r) => r.name)).toEqual(ALL);
  }, 30_000);

  it('the succession catch-up, run by the scheduler, applies a merger on its date', async () => {
    const planId = await issuePlan('Kế hoạch kiểm thử lịch chạy', 741, { content: 'Việc của phường Ba Đình', leads: [{ unit: '00004' }] });
    const merged = await api.call('/units/00004/successions', { as: 'admin', method: 'POST', body: JSON.stringify({ successorCode: '00070', kind: 'merged-into', effectiveDate: '2099-01-01' }) });
    expect(merged.status).toBeLessThan(300);
    const holders = async () =>
      (await api.call(`/plans/${planId}`, { as: 'leader' })).body.tasks[0].assignments.map((a: { unitCode: string; status: string }) => `${a.status}:${a.unitCode}`).sort();
    expect(await holders()).toEqual(['assigned:00004']);

    at('2098-12-31T23:30:00Z'); // 06:30 on 01/01/2099 in Hà Nội
    await api.app.get(JobScheduler).requestRun('planning.succession-catch-up'); // false when a run already waits: that one runs
    expect(await eventually(holders, (h) => h.includes('assigned:00070'))).toEqual(['assigned:00070', 'withdrawn:00004']);
  }, 30_000);

  it('the daily reminders, run by the scheduler, remind each open assignment once on the real planning view', async () => {
    const planId = await issuePlan('Kế hoạch kiểm thử nhắc hạn', 742, { content: 'Báo cáo chuyển đổi số quý IV', timeframe: 'Quý IV/2025', leads: [{ unit: '00070' }] });
    const [assignment] = await sql<{ id: string; due: string }>(`SELECT assignment_id AS id, to_char(task_due, 'YYYY-MM-DD') AS due FROM planning_assignment WHERE plan_id = $1`, [planId]);
    expect(assignment.due).toBe('2025-12-31');
    const reminders = () =>
      sql<{ payload: { kind: string; offsetDays: number; due: string; unitCode: string; planId: string } }>(
        `SELECT payload FROM event_log WHERE type = 'execution.reminder-due' AND aggregate_id = $1 ORDER BY sequence`,
        [assignment.id],
      );

    at('2025-12-24T00:00:00Z'); // 07:00 on 24/12 in Hà Nội: a week before
    const scheduler = api.app.get(JobScheduler);
    await scheduler.requestRun('execution.send-due-reminders');
    const sent = await eventually(reminders, (r) => r.length > 0);
    expect(sent.map((r) => r.payload)).toEqual([expect.objectContaining({ kind: 'before-due', offsetDays: 7, due: '2025-12-31', unitCode: '00070', planId })]);

    // More runs the same day — the queue again, and two in-process runs at once — send nothing more.
    await scheduler.requestRun('execution.send-due-reminders');
    await Promise.all([scheduler.runNow('execution.send-due-reminders'), scheduler.runNow('execution.send-due-reminders')]);
    await sleep(1500);
    expect(await reminders()).toHaveLength(1);

    // Done: no overdue reminder.
    at('2026-01-01T00:00:00Z');
    await sql(
      `INSERT INTO work_state (assignment_id, status, percent, verification, version, province_code, plan_id, task_id, unit_code)
       SELECT assignment_id, 'done', 100, 'verified', 1, province_code, plan_id, task_id, unit_code FROM planning_assignment WHERE assignment_id = $1`,
      [assignment.id],
    );
    await scheduler.runNow('execution.send-due-reminders');
    expect(await reminders()).toHaveLength(1);
  }, 30_000);
});
