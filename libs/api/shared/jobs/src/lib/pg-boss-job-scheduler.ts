import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { JobScheduler, type RecurringJob, VIETNAM_TIME_ZONE } from '@dieu-hanh/api/shared/kernel';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { JOBS_OPTIONS, type JobsOptions, jobsOptionsFromEnv } from './jobs.options';

const JOB_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

/** Why a job was queued (kept in pg-boss's job row, shown in logs). */
interface JobData {
  reason?: 'start' | 'request';
}

/**
 * The JobScheduler on pg-boss (PostgreSQL, its own schema `pgboss`, its own small pool on the API's
 * database). Each recurring job is a pg-boss queue with the `stately` policy plus a cron schedule:
 *
 * - Once per tick across the cluster: pg-boss's timekeeper turns a cron tick into one job (its
 *   cron check is claimed by one process at a time, and the tick's job is a singleton per minute slot);
 *   a job is fetched by one worker only (`FOR UPDATE SKIP LOCKED`).
 * - Never two runs at once: `stately` allows one job running and one waiting per queue, so a start-up
 *   catch-up asked for by several processes collapses into one waiting run.
 * - A failed run is retried with backoff; a run whose process died is expired and retried.
 * - Shutdown (`beforeApplicationShutdown`) stops fetching, waits for a run in progress (up to
 *   `stopTimeoutMs`) and closes the pool.
 */
@Injectable()
export class PgBossJobScheduler extends JobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobScheduler');
  private readonly options: JobsOptions;
  private readonly jobs = new Map<string, RecurringJob>();
  private boss: PgBoss | null = null;
  private starting: Promise<void> | null = null;

  constructor(
    @Optional() private readonly dataSource?: DataSource,
    @Optional() @Inject(JOBS_OPTIONS) options?: Partial<JobsOptions>,
  ) {
    super();
    this.options = { ...jobsOptionsFromEnv(), ...options };
  }

  register(job: RecurringJob): void {
    if (!JOB_NAME.test(job.name)) throw new Error(`A job name is letters, digits, ".", "-" or "_": "${job.name}"`);
    const known = this.jobs.get(job.name);
    if (known && known !== job) throw new Error(`Two scheduled jobs are named "${job.name}"`);
    if (known) return;
    this.jobs.set(job.name, job);
    if (this.boss) void this.install(this.boss, job).catch((error) => this.logger.error({ err: error, job: job.name }, 'scheduled job not installed'));
  }

  registered(): string[] {
    return [...this.jobs.keys()];
  }

  /** True once pg-boss runs in this process. */
  get running(): boolean {
    return this.boss !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.autoStart) {
      this.logger.log({ jobs: this.registered() }, 'job runner off (JOBS_RUNNER=off): scheduled jobs do not run in this process');
      return;
    }
    await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts pg-boss (creating or migrating its schema), then installs every registered job. */
  start(): Promise<void> {
    if (this.boss) return Promise.resolve();
    this.starting ??= (async () => {
      const boss = new PgBoss({
        ...this.connection(),
        schema: this.options.schema,
        max: this.options.poolMax,
        application_name: 'dieu-hanh-jobs',
        cronMonitorIntervalSeconds: this.options.cronMonitorIntervalSeconds,
        cronWorkerIntervalSeconds: this.options.cronWorkerIntervalSeconds,
      });
      // pg-boss reports its own background failures (a lost connection, a failed maintenance) as events:
      // an EventEmitter's unhandled 'error' would end the process.
      boss.on('error', (error) => this.logger.error({ err: error }, 'job scheduler error'));
      try {
        await boss.start();
        for (const job of this.jobs.values()) await this.install(boss, job);
      } catch (error) {
        await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
        throw error;
      }
      this.boss = boss;
      this.logger.log({ schema: this.options.schema, jobs: this.registered() }, 'job scheduler started');
    })().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  /** Stops fetching jobs, waits for runs in progress (up to `stopTimeoutMs`), closes pg-boss's pool. */
  async stop(): Promise<void> {
    if (this.starting) await this.starting.catch(() => undefined);
    const boss = this.boss;
    this.boss = null;
    if (!boss) return;
    await boss.stop({ graceful: true, wait: true, timeout: this.options.stopTimeoutMs });
  }

  async requestRun(name: string): Promise<boolean> {
    this.known(name);
    if (!this.boss) return false;
    const id = await this.boss.send(name, { reason: 'request' } satisfies JobData);
    return id !== null;
  }

  runNow(name: string): Promise<unknown> {
    return this.known(name).run();
  }

  private known(name: string): RecurringJob {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`No scheduled job is named "${name}" (registered: ${this.registered().join(', ') || 'none'})`);
    return job;
  }

  private async install(boss: PgBoss, job: RecurringJob): Promise<void> {
    const o = this.options;
    await this.ensureQueue(boss, {
      name: job.name,
      policy: 'stately',
      retryLimit: o.retryLimit,
      retryDelay: o.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: o.expireInSeconds,
    });
    await boss.schedule(job.name, job.cron, {}, { tz: job.timeZone ?? VIETNAM_TIME_ZONE });
    await boss.work<JobData>(job.name, { pollingIntervalSeconds: o.pollingIntervalSeconds, batchSize: 1 }, async ([queued]) => this.execute(job, queued));
    if (job.runAtStart) await boss.send(job.name, { reason: 'start' } satisfies JobData);
  }

  /**
   * Creates the job's queue unless it exists. Processes starting together (API_WORKERS, a rolling
   * restart) may create the same queue at once: pg-boss's create_queue then deadlocks in PostgreSQL (one
   * inserts the queue row and alters the job table, the other waits on that row); the loser retries and
   * finds the queue made.
   */
  private async ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (await boss.getQueue(queue.name)) return;
      try {
        await boss.createQueue(queue.name, queue);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if ((code !== '40P01' && code !== '23505') || attempt >= 8) throw error;
        await new Promise((r) => setTimeout(r, 25 * attempt + Math.random() * 100));
      }
    }
  }

  private async execute(job: RecurringJob, queued: PgBoss.Job<JobData> | undefined): Promise<unknown> {
    const started = Date.now();
    const reason = queued?.data?.reason ?? 'schedule';
    try {
      const result = await job.run();
      this.logger.log({ job: job.name, jobId: queued?.id, reason, ms: Date.now() - started }, 'scheduled job done');
      // pg-boss keeps the output in its job row: only plain objects (a summary), nothing else.
      return result !== null && typeof result === 'object' && !Array.isArray(result) ? result : undefined;
    } catch (error) {
      this.logger.error({ err: error, job: job.name, jobId: queued?.id, reason, ms: Date.now() - started }, 'scheduled job failed; pg-boss retries it');
      throw error;
    }
  }

  /** The API's database, from the TypeORM data source (the same settings as DATABASE_URL or the embedded server). */
  private connection(): PgBoss.DatabaseOptions {
    if (this.options.connectionString) return { connectionString: this.options.connectionString };
    if (!this.dataSource) throw new Error('The job scheduler needs the API’s DataSource or JobsOptions.connectionString');
    const o = this.dataSource.options as PostgresConnectionOptions;
    if (o.url) return { connectionString: o.url, ...(o.ssl ? { ssl: o.ssl as PgBoss.DatabaseOptions['ssl'] } : {}) };
    return { host: o.host, port: o.port, user: o.username, password: typeof o.password === 'string' ? o.password : undefined, database: o.database, ...(o.ssl ? { ssl: o.ssl as PgBoss.DatabaseOptions['ssl'] } : {}) };
  }
}
