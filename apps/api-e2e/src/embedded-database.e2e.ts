import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, api, freePort, runToEnd, startApp, tokenFor, urls, waitForHealth } from '@dieu-hanh/testing/e2e-support';

/** Without DATABASE_URL the API starts its own PostgreSQL; data survives a restart; SIGTERM is graceful. */
describe('embedded PostgreSQL (no DATABASE_URL)', () => {
  const { idpUrl } = urls();
  const dataDir = mkdtempSync(join(tmpdir(), 'dieu-hanh-embedded-'));
  chmodSync(dataDir, 0o755);
  const leader = DEMO_ACCOUNTS.find((a) => a.username === 'lanhdao')!;

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts, seeds, stops gracefully, and keeps its data across a restart', async () => {
    const env = {
      DATABASE_URL: '',
      DIEU_HANH_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      AUTH_ISSUERS: `${idpUrl}/realms/ha-noi,${idpUrl}/realms/hai-phong`,
    };
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const log: string[] = [];

    const first = startApp('api', [], { ...env, PORT: String(port), SEED_ON_START: 'demo' }, log);
    await waitForHealth(url, first, 90_000, log);
    expect((await api(url, '/health')).body.database).toMatchObject({ status: 'up', mode: 'embedded' });
    const before = await api(url, '/units?kind=commune', { token: await tokenFor(idpUrl, leader) });
    expect(before.body.total).toBe(126);
    first.kill('SIGTERM');
    expect(await runToEnd(first)).toBe(0);

    const second = startApp('api', [], { ...env, PORT: String(port) }, log);
    await waitForHealth(url, second, 90_000, log);
    const after = await api(url, '/units?kind=commune', { token: await tokenFor(idpUrl, leader) });
    expect(after.body.total).toBe(126);
    second.kill('SIGTERM');
    expect(await runToEnd(second)).toBe(0);
  });
});
