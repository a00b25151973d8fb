import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { ChildProcess } from 'node:child_process';
// Jest loads globalSetup outside its module resolver, so workspace aliases do not resolve here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres } from '../../../../libs/api/shared/database/src/lib/embedded-postgres';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../../libs/api/shared/testing/src/lib/free-port';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ROOT, runToEnd, startApp, waitForHealth } from '../../../api-e2e/src/support/system';

/**
 * The whole system for the browser: the shells must be on their registered ports (4201-4203, the
 * redirect URIs of the realms' public clients), so nothing else may hold those ports while this runs.
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dieu-hanh-web-e2e-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort() });
  const idpPort = await freePort();
  const apiPort = await freePort();
  const idpUrl = `http://localhost:${idpPort}`;
  const apiUrl = `http://localhost:${apiPort}`;
  const log: string[] = [];
  const realms = JSON.parse(readFileSync(resolve(ROOT, 'seeds/identity/realms.json'), 'utf8')).realms;

  const idp = startApp('dev-idp', [], { PORT: String(idpPort), DEV_IDP_PUBLIC_URL: idpUrl }, log);
  const api = startApp('api', [], {
    DATABASE_URL: pg.url,
    PORT: String(apiPort),
    SEED_ON_START: 'demo',
    AUTH_ISSUERS: realms.map((r: { realm: string }) => `${idpUrl}/realms/${r.realm}`).join(','),
  }, log);
  const { serveStatic } = await import(resolve(ROOT, 'tools/scripts/static-server.mjs'));
  const { SHELLS, REMOTES, shellOverrides } = await import(resolve(ROOT, 'tools/scripts/web-config.mjs'));
  const servers: Server[] = [];
  for (const r of REMOTES) servers.push(await serveStatic({ root: resolve(ROOT, `dist/apps/${r.name}/browser`), port: r.port, spa: false }));
  for (const s of SHELLS) {
    servers.push(await serveStatic({ root: resolve(ROOT, `dist/apps/${s.name}/browser`), port: s.port, overrides: shellOverrides(s.name, { apiUrl, idpUrl, realms }) }));
  }
  await Promise.all([waitForHealth(idpUrl, idp, 60_000, log), waitForHealth(apiUrl, api, 90_000, log)]);
  Object.assign(process.env, { E2E_API_URL: apiUrl, E2E_IDP_URL: idpUrl });
  (globalThis as { __WEB_E2E__?: unknown }).__WEB_E2E__ = { pg, dir, children: [idp, api] as ChildProcess[], servers };
  void runToEnd;
}
