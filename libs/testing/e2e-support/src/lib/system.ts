import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '@dieu-hanh/api/shared/database';
import { freePort } from '@dieu-hanh/api/shared/testing';
import { runToEnd, startApp, stopApp, waitForHealth } from './processes';
import { ROOT } from './workspace-root';

export interface SystemUrls {
  apiUrl: string;
  idpUrl: string;
  databaseUrl: string;
}

export interface RunningSystem extends SystemUrls {
  /** The environment the API runs with (for suites that start a second API on the same database). */
  apiEnv: Record<string, string>;
  /** Output of the API and the login server. */
  log: string[];
  /** Runs `cleanup` first when the system stops (e.g. static servers a suite started). */
  onStop(cleanup: () => unknown): void;
  stop(): Promise<void>;
}

export interface StartSystemOptions {
  /** Prefix of the temporary folder holding PostgreSQL's data. */
  tmpPrefix: string;
  /**
   * How the demo data gets in: `command` runs `api seed` to the end before the API starts (the
   * operator's path); `on-start` lets the API seed itself (`SEED_ON_START=demo`, the demo's path).
   */
  seed: 'command' | 'on-start';
  healthTimeoutMs?: number;
}

/**
 * The system under test as real processes: a fresh PostgreSQL (handed to the API as DATABASE_URL, the
 * "external database" path), the dev login server with every realm of seeds/identity/realms.json, and
 * the built API seeded with the demo directory. Needs `dist/apps/{api,dev-idp}` (the e2e targets build them).
 */
export async function startSystem(options: StartSystemOptions): Promise<RunningSystem> {
  const dir = mkdtempSync(join(tmpdir(), options.tmpPrefix));
  chmodSync(dir, 0o755);
  const cleanups: (() => unknown)[] = [];
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort() });
  const idpPort = await freePort();
  const apiPort = await freePort();
  const idpUrl = `http://localhost:${idpPort}`;
  const apiUrl = `http://localhost:${apiPort}`;
  const log: string[] = [];
  const realms: { realm: string }[] = JSON.parse(readFileSync(resolve(ROOT, 'seeds/identity/realms.json'), 'utf8')).realms;
  const apiEnv: Record<string, string> = {
    DATABASE_URL: pg.url,
    PORT: String(apiPort),
    AUTH_ISSUERS: realms.map((r) => `${idpUrl}/realms/${r.realm}`).join(','),
    // Test uploads stay in the run's temporary folder, not the developer's .data/evidence.
    EVIDENCE_DIR: join(dir, 'evidence'),
  };

  const idp = startApp('dev-idp', [], { PORT: String(idpPort), DEV_IDP_PUBLIC_URL: idpUrl }, log);
  const children = [idp];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await Promise.all(children.map(stopApp));
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (options.seed === 'command') {
      const seed = startApp('api', ['seed'], apiEnv, log);
      if ((await runToEnd(seed)) !== 0) throw new Error(`seed failed:\n${log.join('')}`);
    }
    const api = startApp('api', [], options.seed === 'on-start' ? { ...apiEnv, SEED_ON_START: 'demo' } : apiEnv, log);
    children.push(api);
    const timeout = options.healthTimeoutMs ?? 90_000;
    await Promise.all([waitForHealth(idpUrl, idp, timeout, log), waitForHealth(apiUrl, api, timeout, log)]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { apiUrl, idpUrl, databaseUrl: pg.url, apiEnv, log, onStop: (c) => cleanups.push(c), stop };
}

const SHARED = '__DIEU_HANH_E2E_SYSTEM__';

/**
 * Called from a Jest globalSetup: hands the system's URLs to the test files (through the environment,
 * read back with `urls()`) and keeps it for `stopSharedSystem` in the globalTeardown.
 */
export function shareWithTests(system: RunningSystem): void {
  Object.assign(process.env, {
    E2E_API_URL: system.apiUrl,
    E2E_IDP_URL: system.idpUrl,
    E2E_DATABASE_URL: system.databaseUrl,
    E2E_API_ENV: JSON.stringify(system.apiEnv),
  });
  (globalThis as Record<string, unknown>)[SHARED] = system;
}

/** Called from a Jest globalTeardown. */
export async function stopSharedSystem(): Promise<void> {
  const system = (globalThis as Record<string, unknown>)[SHARED] as RunningSystem | undefined;
  delete (globalThis as Record<string, unknown>)[SHARED];
  await system?.stop();
}

/** The running system's URLs, in a test file (set by the suite's globalSetup). */
export function urls(): SystemUrls {
  const { E2E_API_URL, E2E_IDP_URL, E2E_DATABASE_URL } = process.env;
  if (!E2E_API_URL || !E2E_IDP_URL || !E2E_DATABASE_URL) throw new Error('e2e globalSetup did not run');
  return { apiUrl: E2E_API_URL, idpUrl: E2E_IDP_URL, databaseUrl: E2E_DATABASE_URL };
}

/** The environment the shared API runs with (to start another API process on the same database). */
export function sharedApiEnv(): Record<string, string> {
  const env = process.env['E2E_API_ENV'];
  if (!env) throw new Error('e2e globalSetup did not run');
  return JSON.parse(env);
}
