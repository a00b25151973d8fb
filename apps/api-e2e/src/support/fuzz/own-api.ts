import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { freePort, runToEnd, startApp, waitForHealth } from '@dieu-hanh/testing/e2e-support';

export interface OwnApi {
  url: string;
  databaseUrl: string;
  /** The API's log lines (JSON from pino): 500s are explained there. */
  log: string[];
  alive(): boolean;
  stop(): Promise<void>;
}

/**
 * The fuzzer's own database (on the e2e PostgreSQL server) and its own API process, seeded with the demo
 * directory: whatever the fuzzer's valid requests change, the other suites' data stays as they expect.
 */
export async function startOwnApi(serverUrl: string, apiEnv: Record<string, string>): Promise<OwnApi> {
  const name = `fuzz_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = withDatabase(serverUrl, name);
  const port = await freePort();
  const env = { ...apiEnv, DATABASE_URL: databaseUrl, PORT: String(port) };
  const log: string[] = [];
  // One process migrates, seeds the demo directory and plans, then serves.
  const api: ChildProcess = startApp('api', [], { ...env, SEED_ON_START: 'demo' }, log);
  const url = `http://localhost:${port}`;
  await waitForHealth(url, api, 60_000, log);
  return {
    url,
    databaseUrl,
    log,
    alive: () => api.exitCode === null && api.signalCode === null,
    stop: async () => {
      if (api.exitCode === null) {
        api.kill('SIGTERM');
        await runToEnd(api);
      }
      const a = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** The API's own account of a 500: the `unhandled error` line logged with this request id. */
export function serverErrorFor(logText: string, requestId: string): string | undefined {
  for (const line of logText.split('\n')) {
    if (!line.includes(requestId) || !line.includes('unhandled error')) continue;
    try {
      const entry = JSON.parse(line) as {
        err?: { type?: string; message?: string; code?: string; detail?: string };
      };
      const e = entry.err ?? {};
      return [e.type, e.code, e.message, e.detail].filter(Boolean).join(' ').slice(0, 300);
    } catch {
      return line.slice(0, 300);
    }
  }
  return undefined;
}
