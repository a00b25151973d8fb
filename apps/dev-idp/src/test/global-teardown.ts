import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { stopServer } from './start-built-server';

export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { __DEV_IDP__?: ChildProcess }).__DEV_IDP__;
  if (child) await stopServer(child);
  const dataDir = process.env['DEV_IDP_TEST_DATA_DIR'];
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
