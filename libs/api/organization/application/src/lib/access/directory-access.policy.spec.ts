import { type AccessScope, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { assertCanManageDirectory, canReadDirectoryHistory, canSeeUnit, unitVisibility } from './directory-access.policy';

const scope = (over: Partial<AccessScope>): AccessScope =>
  scopeFor({ provinceCode: '01', unitCode: '01-SKHCN', tier: 1, roles: ['department-officer'], realm: 'ha-noi', ...over });

const dept = { code: '01-SKHCN', provinceCode: '01', tier: 1 as const, communeCode: null };
const hoanKiem = { code: '00070', provinceCode: '01', tier: 2 as const, communeCode: '00070' };
const hoanKiemOffice = { code: '00070-VHXH', provinceCode: '01', tier: 2 as const, communeCode: '00070' };
const baDinh = { code: '00004', provinceCode: '01', tier: 2 as const, communeCode: '00004' };
const haiAn = { code: '11413', provinceCode: '31', tier: 2 as const, communeCode: '11413' };

describe('the directory’s two-tier access policy', () => {
  const leader = scope({ roles: ['leader'], unitCode: '01-UBND' });
  const hkOfficer = scope({ tier: 2, unitCode: '00070', communeCode: '00070', roles: ['commune-officer'] });
  const hpOfficer = scope({ realm: 'hai-phong', provinceCode: '31', tier: 2, unitCode: '11413', communeCode: '11413', roles: ['commune-officer'] });

  it.each([
    ['tier 1 sees a commune of its province', leader, hoanKiem, true],
    ['tier 1 never sees another province', leader, haiAn, false],
    ['a commune sees itself', hkOfficer, hoanKiem, true],
    ['a commune sees its own offices', hkOfficer, hoanKiemOffice, true],
    ['a commune sees the province-level bodies', hkOfficer, dept, true],
    ['a commune never sees another commune', hkOfficer, baDinh, false],
    ['a commune never sees another province', hpOfficer, dept, false],
  ])('%s', (_l, who, unit, expected) => {
    expect(canSeeUnit(who, unit)).toBe(expected);
  });

  it('turns a scope into a visibility filter', () => {
    expect(unitVisibility(leader)).toEqual({ kind: 'province', provinceCode: '01' });
    expect(unitVisibility(hkOfficer)).toEqual({ kind: 'commune', provinceCode: '01', communeCode: '00070' });
  });

  it('a tier-2 account without a commune sees no tier-2 unit, only the province bodies', () => {
    const odd = scope({ tier: 2, communeCode: null });
    expect(canSeeUnit(odd, hoanKiem)).toBe(false);
    expect(canSeeUnit(odd, dept)).toBe(true);
  });

  it('only administrators of the province manage the directory', () => {
    expect(() => assertCanManageDirectory(scope({ roles: ['admin'] }), '01')).not.toThrow();
    expect(() => assertCanManageDirectory(scope({ roles: ['admin'] }), '31')).toThrow(/administrators/);
    expect(() => assertCanManageDirectory(leader, '01')).toThrow();
    expect(() => assertCanManageDirectory(scope({ tier: 2, roles: ['admin'] }), '01')).toThrow();
  });

  it('history is for leaders and administrators of tier 1', () => {
    expect(canReadDirectoryHistory(leader)).toBe(true);
    expect(canReadDirectoryHistory(scope({ roles: ['admin'] }))).toBe(true);
    expect(canReadDirectoryHistory(scope({}))).toBe(false);
    expect(canReadDirectoryHistory(scope({ tier: 2, roles: ['commune-leader'] }))).toBe(false);
  });
});
