/**
 * A job that runs on a schedule: once per tick across every API process (never once per process),
 * never two runs of it at the same time. Its work must still be idempotent: a run that crashes halfway
 * is retried, and a run at start-up may follow a scheduled one closely.
 */
export interface RecurringJob {
  /** Stable name (letters, digits, `.`, `-`, `_`): the queue and schedule key. Renaming it starts a new one. */
  readonly name: string;
  /** Five-field cron expression ("0 7 * * *" = 07:00 every day), read in `timeZone`. */
  readonly cron: string;
  /** IANA time zone of the cron expression. Default: Asia/Ho_Chi_Minh (Vietnam's day). */
  readonly timeZone?: string;
  /** Also run once soon after start-up (catches up what a stopped cluster missed). Default false. */
  readonly runAtStart?: boolean;
  /** The work. A thrown error fails the run; it is retried a few times with backoff. */
  run(): Promise<unknown>;
}

/**
 * Runs recurring jobs for the whole cluster: register them at module init (as event subscribers are
 * registered with the event feed); the scheduler starts with the app and stops, letting a run in progress
 * finish, on shutdown. Off in processes started with `JOBS_RUNNER=off` (tests, CLI commands), where
 * `runNow` still runs a job's work in-process.
 */
export abstract class JobScheduler {
  /** Adds a recurring job. Before start-up only; a second job with the same name is an error. */
  abstract register(job: RecurringJob): void;

  /** Names of the registered jobs. */
  abstract registered(): string[];

  /** Asks for one run soon on some process of the cluster. False: one is already waiting (or the runner is off). */
  abstract requestRun(name: string): Promise<boolean>;

  /** Runs a registered job's work here and now (CLI, tests), outside the schedule. */
  abstract runNow(name: string): Promise<unknown>;
}
