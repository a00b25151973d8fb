import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { type RunningPostgres, embeddedNativeDir, startEmbeddedPostgres } from './embedded-postgres';

/**
 * startEmbeddedPostgres is what the API (no DATABASE_URL) and every test setup use. As root, PostgreSQL
 * runs as the `postgres` user: these tests put the checkout's folders out of that user's reach, as a clone
 * under /root or `mktemp -d` (0700) does, and expect a working server or an immediate, actionable error.
 */
const asRoot = process.getuid?.() === 0;
const rootOnly = asRoot ? it : it.skip;

describe('startEmbeddedPostgres', () => {
  const cleanup: string[] = [];
  const servers: RunningPostgres[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.stop();
    for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A folder like `mktemp -d`: mode 0700, owned by whoever runs the tests. */
  function privateFolder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'dieu-hanh-private-'));
    chmodSync(dir, 0o700);
    cleanup.push(dir);
    return dir;
  }

  async function start(dataDir: string, extra: { nativeDir?: string; notices?: string[] } = {}) {
    const pg = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'postgres',
      nativeDir: extra.nativeDir,
      notice: (m) => extra.notices?.push(m),
    });
    servers.push(pg);
    return pg;
  }

  it('starts a real server that answers, and stop() leaves no process behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dieu-hanh-pg-spec-'));
    chmodSync(dir, 0o755);
    cleanup.push(dir);
    const pg = await start(join(dir, 'data'));
    expect(await selectOne(pg.url)).toBe(1);
    await pg.stop();
    expect(serverProcesses(pg.dataDir)).toEqual([]);
  });

  rootOnly(
    'as root in a private checkout (0700): runs the cluster where postgres can reach it, and finds it again',
    async () => {
      const checkout = join(privateFolder(), 'dieu-hanh');
      const notices: string[] = [];
      const requested = join(checkout, '.data', 'postgres');
      const pg = await start(requested, { notices });
      cleanup.push(dirname(pg.dataDir));
      expect(pg.dataDir).not.toBe(requested);
      expect(notices.join('\n')).toContain('chmod o+x');
      expect(await selectOne(pg.url)).toBe(1);
      await pg.stop();
      expect(serverProcesses(pg.dataDir)).toEqual([]);

      // A restart uses the same folder (its name comes from the requested one), with its data.
      const again = await start(requested);
      expect(again.dataDir).toBe(pg.dataDir);
      expect(await selectOne(again.url)).toBe(1);
    },
  );

  rootOnly('as root with the binaries in a private folder: runs a reachable copy of them', async () => {
    const nativeDir = join(privateFolder(), 'node_modules', 'native');
    mkdirSync(dirname(nativeDir), { recursive: true });
    cpSync(embeddedNativeDir(), nativeDir, { recursive: true, verbatimSymlinks: true });
    const dir = mkdtempSync(join(tmpdir(), 'dieu-hanh-pg-spec-'));
    chmodSync(dir, 0o755);
    cleanup.push(dir);
    const notices: string[] = [];

    const pg = await start(join(dir, 'data'), { nativeDir, notices });
    const copy = dirname(pg.binDir ?? nativeDir);
    expect(copy).not.toBe(nativeDir);
    cleanup.push(copy);
    expect(statSync(copy).mode & 0o777).toBe(0o755);
    expect(notices.join('\n')).toContain(copy);
    expect(await selectOne(pg.url)).toBe(1);
  });

  rootOnly(
    'as root, an existing cluster the postgres user cannot reach stops the start at once, naming the fix',
    async () => {
      const parent = mkdtempSync(join(tmpdir(), 'dieu-hanh-pg-spec-'));
      chmodSync(parent, 0o755);
      cleanup.push(parent);
      const dataDir = join(parent, 'checkout', '.data', 'postgres');
      const pg = await start(dataDir);
      expect(pg.dataDir).toBe(dataDir);
      await pg.stop();
      servers.length = 0;
      chmodSync(parent, 0o700); // the clone's folder becomes private

      const started = Date.now();
      await expect(start(dataDir)).rejects.toThrow(`chmod o+x ${parent}`);
      await expect(start(dataDir)).rejects.toThrow(/không vào được[\s\S]*cannot enter/);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    },
  );
});

async function selectOne(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('select 1 as one')).rows[0].one;
  } finally {
    await client.end();
  }
}

function serverProcesses(dataDir: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`-D ${dataDir}`));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
