import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
// Jest loads globalSetup outside its module resolver, so workspace aliases do not resolve here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../../libs/api/shared/testing/src/lib/free-port';

/** Starts the built dev login server (the test target depends on the build). */
export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const root = resolve(__dirname, '../../../..');
  const child = spawn(process.execPath, [resolve(root, 'dist/apps/dev-idp/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DEV_IDP_PUBLIC_URL: url, DEV_IDP_ACCESS_TOKEN_TTL: '300' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (d) => log.push(String(d)));
  child.stderr?.on('data', (d) => log.push(String(d)));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dev-idp exited:\n${log.join('')}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - started > 30_000) throw new Error(`dev-idp did not start:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  process.env['DEV_IDP_URL'] = url;
  (globalThis as { __DEV_IDP__?: unknown }).__DEV_IDP__ = child;
}
