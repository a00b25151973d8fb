import { rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';

export default async function globalTeardown(): Promise<void> {
  const s = (globalThis as { __WEB_E2E__?: { pg: { stop(): Promise<void> }; dir: string; children: ChildProcess[]; servers: Server[] } }).__WEB_E2E__;
  if (!s) return;
  for (const server of s.servers) server.close();
  for (const c of s.children) c.kill('SIGTERM');
  await Promise.all(s.children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
  await s.pg.stop();
  rmSync(s.dir, { recursive: true, force: true });
}
