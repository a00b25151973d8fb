import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Jest loads globalSetup outside its module resolver, so workspace aliases do not resolve here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres } from '../../database/src/lib/embedded-postgres';
import { freePort } from './lib/free-port';

/**
 * Jest globalSetup for suites that need PostgreSQL: a fresh embedded server per run (own folder, own
 * port), or the server in TEST_DATABASE_URL when given. Tests read TEST_PG_ADMIN_URL and create their
 * own databases from it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['TEST_DATABASE_URL']) {
    process.env['TEST_PG_ADMIN_URL'] = process.env['TEST_DATABASE_URL'];
    return;
  }
  // Under /tmp: every parent must be traversable by the postgres user when running as root.
  const dir = mkdtempSync(join(tmpdir(), 'dieu-hanh-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port, database: 'postgres' });
  process.env['TEST_PG_ADMIN_URL'] = pg.url;
  (globalThis as { __DIEU_HANH_PG__?: unknown }).__DIEU_HANH_PG__ = { pg, dir };
}
