import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN, startBuiltServer } from './start-built-server';

/** Starts the built dev login server (the test target depends on the build) with a fresh key folder. */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(MAIN))
    throw new Error(
      `${MAIN} is missing: run \`npx nx test dev-idp\` (it builds first) or \`npx nx build dev-idp\``,
    );
  const dataDir = mkdtempSync(join(tmpdir(), 'dev-idp-test-'));
  const { child, url } = await startBuiltServer({ DEV_IDP_DATA_DIR: dataDir });
  process.env['DEV_IDP_URL'] = url;
  process.env['DEV_IDP_TEST_DATA_DIR'] = dataDir;
  (globalThis as { __DEV_IDP__?: ChildProcess }).__DEV_IDP__ = child;
}
