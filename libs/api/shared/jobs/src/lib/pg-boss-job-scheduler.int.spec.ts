import { Logger } from '@nestjs/common';
import { type TestDatabase, createTestDatabase } from '@dieu-hanh/api/shared/testing';
import type { RecurringJob } from '@dieu-hanh/api/shared/kernel';
import { Client } from 'pg';
import { PgBossJobScheduler } from './pg-boss-job-scheduler';
import type { JobsOptions } from './jobs.options';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(50);
  }
}

/** pg-boss's cron has minute resolution: start a "every minute" test early in a minute, so one tick is in view. */
async function earlyInAMinute(): Promise<void> {
  const s = new Date().getUTCSeconds();
  if (s > 35) await sleep((61 - s) * 1000);
}

// Integration: the scheduler on real PostgreSQL, several "processes" (scheduler instances) on one database.
describe('PgBossJobScheduler (pg-boss on PostgreSQL)', () => {
  let db: TestDatabase;
  const started: PgBossJobScheduler[] = [];

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase([]);
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
  });

  afterAll(async () => {
    await db?.drop();
  });

  const fast: Partial<JobsOptions> = {
    autoStart: true,
    pollingIntervalSeconds: 0.5,
    cronMonitorIntervalSeconds: 1,
    cronWorkerIntervalSeconds: 1,
    retryLimit: 2,
    retryDelaySeconds: 1,
    stopTimeoutMs: 10_000,
  };
  const scheduler = (options: Partial<JobsOptions> = {}) => {
    const s = new PgBossJobScheduler(undefined, { ...fast, connectionString: db.url, ...options });
    started.push(s);
    return s;
  };
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  };

  it('a schedule fires once across two processes: the handler runs on one of them, once', async () => {
    await earlyInAMinute();
    const runs: string[] = [];
    const job = (who: string): RecurringJob => ({ name: 'test.every-minute', cron: '* * * * *', run: async () => void runs.push(who) });
    const a = scheduler();
    const b = scheduler();
    a.register(job('a'));
    b.register(job('b'));
    await Promise.all([a.start(), b.start()]);
    await until(() => runs.length > 0);
    await sleep(4000); // several polls of both workers and cron checks of both timekeepers
    expect(runs).toHaveLength(1);
    // pg-boss's own schema, on the API's database
    const [schema] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = 'pgboss'`);
    expect(schema.n).toBe(1);
    const done = await query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = 'test.every-minute'`);
    expect(done.map((j) => j.state)).toEqual(['completed']);
  }, 90_000);

  it('a run at start-up, asked for by several processes at once, runs once at a time and is never lost', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const job: RecurringJob = {
      name: 'test.at-start',
      cron: '0 0 1 1 *', // not during the test
      runAtStart: true,
      run: async () => {
        active++;
        most = Math.max(most, active);
        await sleep(1500);
        active--;
        runs++;
      },
    };
    const all = [scheduler(), scheduler(), scheduler()];
    for (const s of all) s.register(job);
    await Promise.all(all.map((s) => s.start()));
    await until(() => runs >= 1);
    await sleep(3000);
    expect(most).toBe(1); // stately queue: never two runs at the same time
    // Three processes asked while one run was waiting or running: at most one more run followed.
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(2);
  }, 60_000);

  it('requestRun queues one run; a second request while one waits is dropped', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = scheduler();
    s.register({
      name: 'test.requested',
      cron: '0 0 1 1 *',
      run: async () => {
        runs++;
        await gate;
      },
    });
    await s.start();
    expect(await s.requestRun('test.requested')).toBe(true);
    await until(() => runs === 1); // running
    expect(await s.requestRun('test.requested')).toBe(true); // one waiting behind it
    expect(await s.requestRun('test.requested')).toBe(false); // a second waiting one: dropped
    release();
    await until(() => runs === 2);
    await expect(s.requestRun('nope')).rejects.toThrow(/No scheduled job is named "nope"/);
  }, 30_000);

  it('a failed run is retried', async () => {
    let attempts = 0;
    const s = scheduler();
    s.register({
      name: 'test.flaky',
      cron: '0 0 1 1 *',
      run: async () => {
        attempts++;
        if (attempts === 1) throw new Error('first attempt fails');
        return { ok: true };
      },
    });
    await s.start();
    await s.requestRun('test.flaky');
    await until(() => attempts === 2, 20_000);
    await until(async () => (await query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = 'test.flaky'`))[0]?.state === 'completed');
    const [row] = await query<{ output: unknown; retry_count: number }>(`SELECT output, retry_count FROM pgboss.job WHERE name = 'test.flaky'`);
    expect(row).toMatchObject({ output: { ok: true }, retry_count: 1 });
  }, 30_000);

  it('stop waits for a run in progress, then closes (no run is cut off, nothing keeps the process alive)', async () => {
    let finished = false;
    const s = scheduler();
    let begun = false;
    s.register({
      name: 'test.slow',
      cron: '0 0 1 1 *',
      run: async () => {
        begun = true;
        await sleep(1500);
        finished = true;
      },
    });
    await s.start();
    await s.requestRun('test.slow');
    await until(() => begun);
    await s.stop();
    expect(finished).toBe(true);
    expect(s.running).toBe(false);
    const [row] = await query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = 'test.slow'`);
    expect(row.state).toBe('completed');
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'dieu-hanh-jobs' AND datname = current_database()`);
    expect(n).toBe(0);
  }, 30_000);

  it('JOBS_RUNNER=off: nothing starts with the app, and runNow still runs a job here (CLI, tests)', async () => {
    const s = scheduler({ autoStart: false });
    let runs = 0;
    s.register({ name: 'test.off', cron: '* * * * *', run: async () => ++runs });
    await s.onApplicationBootstrap();
    expect(s.running).toBe(false);
    expect(await s.requestRun('test.off')).toBe(false);
    expect(await s.runNow('test.off')).toBe(1);
    expect(() => s.register({ name: 'test.off', cron: '* * * * *', run: async () => 0 })).toThrow(/Two scheduled jobs/);
    expect(() => s.register({ name: 'bad name!', cron: '* * * * *', run: async () => 0 })).toThrow(/job name/);
  });
});
