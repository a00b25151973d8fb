import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
// Jest loads globalSetup outside its module resolver, so workspace aliases do not resolve here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres } from '../../../../libs/api/shared/database/src/lib/embedded-postgres';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../../libs/api/shared/testing/src/lib/free-port';
import { runToEnd, startApp, waitForHealth } from './system';

/**
 * The system under test: a fresh PostgreSQL (handed to the API as DATABASE_URL, the "external
 * database" path), the dev login server, the API seeded with the demo directory.
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dieu-hanh-e2e-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort() });
  const idpPort = await freePort();
  const apiPort = await freePort();
  const idpUrl = `http://localhost:${idpPort}`;
  const apiUrl = `http://localhost:${apiPort}`;
  const log: string[] = [];

  const idp = startApp('dev-idp', [], { PORT: String(idpPort), DEV_IDP_PUBLIC_URL: idpUrl }, log);
  const apiEnv = {
    DATABASE_URL: pg.url,
    PORT: String(apiPort),
    AUTH_ISSUERS: `${idpUrl}/realms/ha-noi,${idpUrl}/realms/hai-phong`,
  };
  const seed = startApp('api', ['seed'], apiEnv, log);
  if ((await runToEnd(seed)) !== 0) throw new Error(`seed failed:\n${log.join('')}`);
  const api = startApp('api', [], apiEnv, log);
  await Promise.all([waitForHealth(idpUrl, idp, 60_000, log), waitForHealth(apiUrl, api, 60_000, log)]);

  Object.assign(process.env, {
    E2E_API_URL: apiUrl,
    E2E_IDP_URL: idpUrl,
    E2E_DATABASE_URL: pg.url,
    E2E_API_ENV: JSON.stringify(apiEnv),
  });
  (globalThis as { __E2E__?: unknown }).__E2E__ = { pg, dir, children: [idp, api] as ChildProcess[] };
}
