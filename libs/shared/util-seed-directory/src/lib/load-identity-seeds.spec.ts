import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSeedsDir } from './find-seeds-dir';
import { loadDirectorySeed } from './load-directory-seed';
import { loadDemoAccounts, loadRealmsSeed } from './load-identity-seeds';

const seedsDir = findSeedsDir(__dirname);
const demo = loadDirectorySeed({ seedsDir, scope: 'demo' });
const accounts = loadDemoAccounts(seedsDir);
const realms = loadRealmsSeed(seedsDir);

describe('the identity seeds', () => {
  it('reads the demo accounts and the realms', () => {
    expect(accounts.length).toBeGreaterThanOrEqual(8);
    expect(accounts.find((a) => a.username === 'skhcn.daumoi')).toMatchObject({
      realm: 'ha-noi',
      unit: '01-SKHCN',
      tier: 1,
      roles: ['department-officer', 'focal-officer'],
    });
    expect(realms.realms).toEqual(
      expect.arrayContaining([expect.objectContaining({ realm: 'hai-phong', provinceCode: '31' })]),
    );
    expect(realms.roles.map((r) => r.name)).toContain('commune-officer');
  });

  it('declares every realm as a province of the directory, with the same slug and name', () => {
    for (const r of realms.realms) {
      const p = demo.provinces.find((x) => x.code === r.provinceCode);
      expect({ realm: r.realm, name: r.displayName }).toEqual({ realm: p?.realm, name: p?.name });
    }
  });

  it.each(accounts.map((a) => [`${a.realm}/${a.username}`, a] as const))(
    '%s: the unit exists in the demo directory, open, in the province of the realm, at the account’s tier',
    (_id, a) => {
      const unit = demo.units.find((u) => u.code === a.unit);
      const province = realms.realms.find((r) => r.realm === a.realm)?.provinceCode;
      expect(province).toBeDefined();
      expect({
        unit: unit?.code,
        province: unit?.provinceCode,
        tier: unit?.tier,
        open: unit?.validTo === null,
      }).toEqual({
        unit: a.unit,
        province,
        tier: a.tier,
        open: true,
      });
      expect(a.roles.every((role) => realms.roles.some((r) => r.name === role))).toBe(true);
    },
  );

  it('names a broken account and its field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    try {
      cpSync(join(seedsDir, 'identity'), join(dir, 'identity'), { recursive: true });
      const file = join(dir, 'identity/demo-accounts.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.accounts[0].tier = 3;
      delete data.accounts[1].unit;
      writeFileSync(file, JSON.stringify(data));
      expect(() => loadDemoAccounts(dir)).toThrow(
        /identity\/demo-accounts\.json: accounts\[0\] lanhdao: tier must be one of 1, 2, got 3/,
      );
      expect(() => loadDemoAccounts(dir)).toThrow(
        /accounts\[1\] skhcn\.daumoi: unit must be a non-empty string/,
      );
      expect(() => loadRealmsSeed(join(dir, 'nowhere'))).toThrow(
        /identity\/realms\.json: cannot be read \(ENOENT\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
