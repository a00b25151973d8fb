import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realmSigningKey } from './signing-keys';

describe('realmSigningKey on disk', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'dev-idp-keys-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps the key folder private but leaves the shared data folder passable (embedded PostgreSQL lives beside it)', async () => {
    const dir = join(root, '.data', 'dev-idp');
    const key = await realmSigningKey('ha-noi', dir, () => undefined);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'ha-noi.jwk.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, '.data')).mode & 0o001).toBe(0o001);
    // The same key after a restart.
    expect((await realmSigningKey('ha-noi', dir, () => undefined)).kid).toBe(key.kid);
  });
});
