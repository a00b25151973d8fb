import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import { ROOT, shareWithTests, startSystem } from '@dieu-hanh/testing/e2e-support';

/**
 * The whole system for the browser: PostgreSQL, the dev login server and the API (seeding the demo on
 * start), then the production builds of the shells and remotes. The shells must be on their registered
 * ports (4201-4203, the redirect URIs of the realms' public clients), so nothing else may hold those
 * ports while this runs.
 */
export default async function globalSetup(): Promise<void> {
  const system = await startSystem({ tmpPrefix: 'dieu-hanh-web-e2e-', seed: 'on-start' });
  const realms = JSON.parse(readFileSync(resolve(ROOT, 'seeds/identity/realms.json'), 'utf8')).realms;
  const servers: Server[] = [];
  system.onStop(() => {
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
  });
  try {
    const { serveStatic } = await import(resolve(ROOT, 'tools/scripts/static-server.mjs'));
    const { SHELLS, REMOTES, shellOverrides } = await import(resolve(ROOT, 'tools/scripts/web-config.mjs'));
    for (const r of REMOTES) servers.push(await serveStatic({ root: resolve(ROOT, `dist/apps/${r.name}/browser`), port: r.port, spa: false }));
    for (const s of SHELLS) {
      const overrides = shellOverrides(s.name, { apiUrl: system.apiUrl, idpUrl: system.idpUrl, realms });
      servers.push(await serveStatic({ root: resolve(ROOT, `dist/apps/${s.name}/browser`), port: s.port, overrides }));
    }
  } catch (e) {
    await system.stop();
    throw e;
  }
  shareWithTests(system);
}
