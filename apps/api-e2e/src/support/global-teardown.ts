import { rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __E2E__?: { pg: { stop(): Promise<void> }; dir: string; children: ChildProcess[] } }).__E2E__;
  if (!state) return;
  for (const c of state.children) c.kill('SIGTERM');
  await Promise.all(state.children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
  await state.pg.stop();
  rmSync(state.dir, { recursive: true, force: true });
}
