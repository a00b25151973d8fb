import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../../..');
export const MAIN = resolve(ROOT, 'dist/apps/dev-idp/main.js');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Spawns the built dev login server (`node dist/apps/dev-idp/main.js`) and waits for /health. */
export async function startBuiltServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; log: string[] }> {
  const port = env['PORT'] ? Number(env['PORT']) : await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DEV_IDP_PUBLIC_URL: url,
      DEV_IDP_ACCESS_TOKEN_TTL: '300',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (d) => log.push(String(d)));
  child.stderr?.on('data', (d) => log.push(String(d)));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dev-idp exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { child, url, log };
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 30_000) {
      child.kill('SIGKILL');
      throw new Error(`dev-idp did not start within 30 s:\n${log.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops a server started above with SIGTERM and resolves with its exit code. */
export function stopServer(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => {
    child.once('exit', (code) => r(code));
    child.kill('SIGTERM');
  });
}
