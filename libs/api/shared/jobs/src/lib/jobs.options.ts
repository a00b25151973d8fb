/** How the scheduler runs in this process; from the environment (`jobsOptionsFromEnv`) unless a test sets it. */
export interface JobsOptions {
  /** Runs scheduled jobs in this process. Off for tests and CLI commands: JOBS_RUNNER=off. */
  autoStart: boolean;
  /** PostgreSQL schema of pg-boss's own tables (created and migrated by pg-boss at start). */
  schema: string;
  /** Connection; unset: the API's own database (the TypeORM data source's settings). */
  connectionString?: string;
  /** Connections of pg-boss's own pool (kept apart from the API's pool). */
  poolMax: number;
  /** How often each process looks for a job to run, in seconds (pg-boss minimum 0.5). */
  pollingIntervalSeconds: number;
  /** How often schedules are checked (1–45 s; pg-boss sends each cron tick once per cluster). */
  cronMonitorIntervalSeconds: number;
  /** How often due schedule ticks become jobs (1–45 s). */
  cronWorkerIntervalSeconds: number;
  /** A run that fails is retried this many times, with exponential backoff from `retryDelaySeconds`. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A run taking longer than this is taken as dead (its process killed) and retried. */
  expireInSeconds: number;
  /** Shutdown waits this long for a run in progress before giving up on it (it is then retried elsewhere). */
  stopTimeoutMs: number;
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

const num = (value: string | undefined, fallback: number) => (value === undefined || value === '' || Number.isNaN(Number(value)) ? fallback : Number(value));

export function jobsOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): JobsOptions {
  return {
    autoStart: (env['JOBS_RUNNER'] ?? 'on') !== 'off',
    schema: env['JOBS_SCHEMA'] || 'pgboss',
    connectionString: env['JOBS_DATABASE_URL'] || undefined,
    poolMax: num(env['JOBS_POOL_MAX'], 3),
    pollingIntervalSeconds: num(env['JOBS_POLL_SECONDS'], 5),
    cronMonitorIntervalSeconds: 30,
    cronWorkerIntervalSeconds: 5,
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireInSeconds: 60 * 60,
    stopTimeoutMs: num(env['JOBS_STOP_TIMEOUT_MS'], 20_000),
  };
}
