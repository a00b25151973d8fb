import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_ACCOUNTS, ROOT, demoAccount, runToEnd, waitForHealth } from '../index';
import { spawn } from 'node:child_process';

describe('e2e support', () => {
  it('finds the repository root and the demo accounts', () => {
    expect(existsSync(resolve(ROOT, 'nx.json'))).toBe(true);
    expect(DEMO_ACCOUNTS.length).toBeGreaterThan(0);
    expect(demoAccount('lanhdao').realm).toBe('ha-noi');
    expect(() => demoAccount('no-such-user')).toThrow(/no demo account/);
  });

  it('waitForHealth fails early, with the log, when the process has exited', async () => {
    const child = spawn(process.execPath, ['-e', 'process.exit(3)']);
    await runToEnd(child);
    await expect(waitForHealth('http://127.0.0.1:9', child, 5_000, ['boom'])).rejects.toThrow(/exited with 3:\nboom/);
  });
});
