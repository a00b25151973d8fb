import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../../..');

export interface SystemUrls {
  apiUrl: string;
  idpUrl: string;
  databaseUrl: string;
}

/** Starts a built app (`dist/apps/<name>/main.js`) as a real process; lines go to `log`. */
export function startApp(name: 'api' | 'dev-idp', args: string[], env: Record<string, string>, log?: string[]): ChildProcess {
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/apps', name, 'main.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sink = (d: Buffer) => log?.push(d.toString());
  child.stdout?.on('data', sink);
  child.stderr?.on('data', sink);
  return child;
}

export async function waitForHealth(url: string, child?: ChildProcess, timeoutMs = 60_000, log?: string[]): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error(`process for ${url} exited with ${child.exitCode}:\n${log?.join('') ?? ''}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms:\n${log?.join('') ?? ''}`);
}

export function runToEnd(child: ChildProcess): Promise<number | null> {
  return new Promise((res) => {
    if (child.exitCode !== null) return res(child.exitCode);
    child.on('exit', (code, signal) => res(code ?? (signal ? -1 : null)));
  });
}

export function urls(): SystemUrls {
  const { E2E_API_URL, E2E_IDP_URL, E2E_DATABASE_URL } = process.env;
  if (!E2E_API_URL || !E2E_IDP_URL || !E2E_DATABASE_URL) throw new Error('e2e globalSetup did not run');
  return { apiUrl: E2E_API_URL, idpUrl: E2E_IDP_URL, databaseUrl: E2E_DATABASE_URL };
}
