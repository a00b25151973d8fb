import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_ACCOUNTS,
  type RunningPostgres,
  api,
  freePort,
  runToEnd,
  sharedApiEnv,
  startApp,
  startEmbeddedPostgres,
  tokenFor,
  urls,
  waitForHealth,
} from '@dieu-hanh/testing/e2e-support';

/**
 * A PostgreSQL server this test owns, on the same start-up path as the API's (so it also runs as root from a
 * private checkout): stopped with a fast shutdown and started again on the same cluster.
 */
class OwnPostgres {
  private running?: RunningPostgres;
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  url = '';

  async start(): Promise<void> {
    this.running = await startEmbeddedPostgres({
      dataDir: join(this.dir, 'pg'),
      port: this.port,
      database: 'dieu_hanh',
    });
    this.url = this.running.url;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.stop(); // SIGINT: open sessions are terminated (57P01), new ones refused
  }
}

/**
 * PostgreSQL stopped under a running API: reads and commands answer 503 problem+json with Retry-After
 * (not a 500), /health says 503, and everything answers again once the database is back, without
 * restarting the API.
 */
describe('database outage', () => {
  const { idpUrl } = urls();
  const baseEnv = sharedApiEnv();
  const leader = DEMO_ACCOUNTS.find((a) => a.username === 'lanhdao')!;
  const admin = DEMO_ACCOUNTS.find((a) => a.username === 'quantri')!;
  const dir = mkdtempSync(join(tmpdir(), 'dieu-hanh-outage-'));
  let pg: OwnPostgres;
  let apiProcess: ChildProcess;
  let url: string;
  const log: string[] = [];

  beforeAll(async () => {
    chmodSync(dir, 0o755); // mkdtemp makes it private; the cluster stays inside it, so afterAll removes it
    pg = new OwnPostgres(dir, await freePort());
    await pg.start();

    const port = await freePort();
    url = `http://localhost:${port}`;
    apiProcess = startApp(
      'api',
      [],
      {
        AUTH_ISSUERS: baseEnv['AUTH_ISSUERS'],
        DATABASE_URL: pg.url,
        PORT: String(port),
        SEED_ON_START: 'demo',
      },
      log,
    );
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
      const body = (await res.json()) as {
        status: number;
        code: string;
        message: { vi: string; en: string };
      };
      expect(body).toMatchObject({
        status: 503,
        code: 'SERVER.UNAVAILABLE',
        message: { vi: expect.any(String), en: expect.any(String) },
      });
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|57P0|127\.0\.0\.1|terminat/i);
    }
    const command = await api(url, '/units/01-SKHCN', {
      method: 'PATCH',
      token: adminToken,
      body: JSON.stringify({ shortName: 'Sở KH&CN' }),
    });
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
