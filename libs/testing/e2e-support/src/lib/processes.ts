import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './workspace-root';

/** Starts a built app (`dist/apps/<name>/main.js`) as a real process; its output goes to `log`. */
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

/** Polls `<url>/health` until it answers 200; fails early when `child` exits, with the log. */
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

/** Resolves with the exit code once the process has ended (-1 when killed by a signal). */
export function runToEnd(child: ChildProcess): Promise<number | null> {
  return new Promise((res) => {
    // Already over: by itself, or by a signal (then exitCode stays null and signalCode is set).
    if (child.exitCode !== null) return res(child.exitCode);
    if (child.signalCode !== null) return res(-1);
    child.on('exit', (code, signal) => res(code ?? (signal ? -1 : null)));
  });
}

/** Sends SIGTERM and waits for the process to end. */
export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = runToEnd(child);
  child.kill('SIGTERM');
  await ended;
}
