import { findSeedsDir } from './find-seeds-dir';
import { loadDirectorySeed } from './load-directory-seed';
import type { DirectorySeed, SeedUnit } from './types';

const seedsDir = findSeedsDir(__dirname);
const demo = loadDirectorySeed({ seedsDir, scope: 'demo' });
const national = loadDirectorySeed({ seedsDir, scope: 'national' });
const unit = (seed: DirectorySeed, code: string): SeedUnit | undefined =>
  seed.units.find((u) => u.code === code);
const group = (seed: DirectorySeed, code: string) => seed.groups.find((g) => g.code === code);
const communesOf = (seed: DirectorySeed, province: string) =>
  seed.units.filter((u) => u.kind === 'commune' && u.provinceCode === province);

describe('the demo directory', () => {
  it('has the 34 provinces with their codes and realm slugs', () => {
    expect(demo.provinces).toHaveLength(34);
    expect(demo.provinces[0]).toEqual({ code: '01', name: 'Thành phố Hà Nội', realm: 'ha-noi' });
    expect(demo.provinces.find((p) => p.code === '04')).toEqual({
      code: '04',
      name: 'Cao Bằng',
      realm: 'cao-bang',
    });
    expect(demo.provinces.find((p) => p.code === '79')?.realm).toBe('ho-chi-minh');
    expect(demo.provinces.find((p) => p.code === '46')?.realm).toBe('hue');
    expect(new Set(demo.provinces.map((p) => p.realm)).size).toBe(34);
  });

  it('has all 126 Hà Nội communes, built from the CSV with their official codes', () => {
    expect(communesOf(demo, '01')).toHaveLength(126);
    expect(unit(demo, '00070')).toEqual({
      code: '00070',
      officialName: 'Ủy ban nhân dân phường Hoàn Kiếm',
      shortName: 'Phường Hoàn Kiếm',
      kind: 'commune',
      tier: 2,
      parentCode: '01-UBND',
      provinceCode: '01',
      validFrom: '2025-07-01',
      validTo: null,
      aliases: ['UBND Phường Hoàn Kiếm'],
    });
    expect(unit(demo, '00454')?.officialName).toBe('Ủy ban nhân dân xã Đông Anh');
    expect(communesOf(demo, '01').every((u) => /^\d{5}$/.test(u.code))).toBe(true);
  });

  it('has the units demo accounts and tests rely on', () => {
    for (const code of [
      '01-UBND',
      '01-VPUBND',
      '01-SKHCN',
      '01-SGDDT',
      '00070',
      '00004',
      '31-UBND',
      '11413',
    ]) {
      expect(unit(demo, code)).toMatchObject({ code, validTo: null });
    }
    expect(unit(demo, '01-SGDDT')?.shortName).toBe('Sở Giáo dục và Đào tạo');
  });

  it('records Sở Thông tin và Truyền thông as closed and merged into Sở Khoa học và Công nghệ', () => {
    expect(unit(demo, '01-STTTT')).toMatchObject({
      shortName: 'Sở Thông tin và Truyền thông',
      validTo: '2025-02-28',
    });
    expect(demo.successions).toContainEqual(
      expect.objectContaining({
        predecessorCode: '01-STTTT',
        successorCode: '01-SKHCN',
        kind: 'merged-into',
        effectiveDate: '2025-03-01',
      }),
    );
    expect(unit(demo, '01-SKHCN')?.aliases).toEqual(
      expect.arrayContaining(['Sở Thông tin và Truyền thông', 'Sở TT&TT', 'Sở KH&CN']),
    );
  });

  it('closes every pre-2025 body the plans name, each with a successor that is open today', () => {
    const open = new Set(demo.units.filter((u) => u.validTo === null).map((u) => u.code));
    const closed = demo.units.filter((u) => u.validTo !== null);
    expect(closed.map((u) => u.code).sort()).toEqual(
      [
        '01-BDT',
        '01-BQLKCN',
        '01-P-BQLHL',
        '01-SGTVT',
        '01-SKHDT',
        '01-SLDTBXH',
        '01-SNGV',
        '01-SNNPTNT',
        '01-STNMT',
        '01-STTTT',
      ].sort(),
    );
    for (const u of closed) {
      const s = demo.successions.find((x) => x.predecessorCode === u.code);
      expect({ code: u.code, successorOpen: s ? open.has(s.successorCode) : false }).toEqual({
        code: u.code,
        successorOpen: true,
      });
    }
  });

  it('gives Hải Phòng only Phường Hải An, with its offices and partners', () => {
    expect(unit(demo, '11413')).toMatchObject({
      shortName: 'Phường Hải An',
      officialName: 'Ủy ban nhân dân phường Hải An',
      parentCode: '31-UBND',
    });
    expect(communesOf(demo, '31').map((u) => u.code)).toEqual(['11413']);
    const inWard = demo.units.filter((u) => u.parentCode === '11413');
    expect(inWard.map((u) => u.code)).toEqual([
      '11413-CA',
      '11413-P-MTTQ',
      '11413-P-VIETTEL',
      '11413-P-VNPT',
      '11413-TTPVHCC',
      '11413-TTSNC',
      '11413-VHXH',
    ]);
    expect(inWard.every((u) => u.tier === 2)).toBe(true);
    expect(group(demo, '11413-G-PHONG-DON-VI')?.memberCodes).toEqual([
      '11413-TTPVHCC',
      '11413-TTSNC',
      '11413-VHXH',
    ]);
  });

  it('expands the named groups: communes, current departments, press', () => {
    expect(group(demo, '01-G-XA-PHUONG')?.memberCodes).toHaveLength(126);
    const departments = demo.units.filter(
      (u) => u.provinceCode === '01' && u.kind === 'department' && u.validTo === null,
    );
    expect(group(demo, '01-G-SO-BAN-NGANH')).toMatchObject({
      name: 'Các Sở, ban, ngành',
      memberCodes: departments.map((u) => u.code),
    });
    expect(group(demo, '01-G-SO-BAN-NGANH')?.memberCodes).toEqual(
      expect.arrayContaining(['01-SKHCN', '01-SGDDT', '01-VPUBND', '01-CATP']),
    );
    expect(group(demo, '01-G-SO-BAN-NGANH')?.memberCodes).not.toContain('01-STTTT');
    expect(group(demo, '01-G-BAO-CHI')?.memberCodes).toContain('01-DPTTH');
    expect(group(demo, '31-G-XA-PHUONG')?.memberCodes).toEqual(['11413']);
  });

  it('keeps the hierarchy: tier-2 units under a commune, every other unit under its committee', () => {
    const byCode = new Map(demo.units.map((u) => [u.code, u]));
    for (const u of demo.units) {
      if (u.kind === 'people-committee') continue;
      const parent = byCode.get(u.parentCode ?? '');
      const expected =
        u.kind === 'commune-office' || (u.kind === 'partner' && u.tier === 2)
          ? 'commune'
          : u.kind === 'partner'
            ? parent?.kind
            : 'people-committee';
      expect({ code: u.code, parentKind: parent?.kind, province: parent?.provinceCode }).toEqual({
        code: u.code,
        parentKind: expected,
        province: u.provinceCode,
      });
    }
  });

  it('is sorted by code and the same on every load', () => {
    const codes = demo.units.map((u) => u.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect(loadDirectorySeed({ seedsDir, scope: 'demo' })).toEqual(demo);
    expect(JSON.stringify(loadDirectorySeed({ seedsDir, scope: 'demo' }))).toBe(JSON.stringify(demo));
  });
});

describe('the national directory', () => {
  it('has every commune of the country exactly once, and one people’s committee per province', () => {
    const communes = national.units.filter((u) => u.kind === 'commune');
    expect(communes).toHaveLength(3321);
    expect(new Set(national.units.map((u) => u.code)).size).toBe(national.units.length);
    const committees = national.units.filter((u) => u.kind === 'people-committee');
    expect(committees).toHaveLength(34);
    expect(new Set(committees.map((u) => u.provinceCode)).size).toBe(34);
    expect(communesOf(national, '31').length).toBeGreaterThan(1);
    expect(communesOf(national, '01')).toHaveLength(126);
  });

  it('contains the demo set unchanged', () => {
    const byCode = new Map(national.units.map((u) => [u.code, u]));
    for (const u of demo.units) expect(byCode.get(u.code)).toEqual(u);
    expect(national.successions).toEqual(demo.successions);
  });

  it('adds each other province’s committee and a group of its communes', () => {
    expect(unit(national, '04-UBND')).toMatchObject({
      officialName: 'Ủy ban nhân dân tỉnh Cao Bằng',
      shortName: 'UBND tỉnh Cao Bằng',
      kind: 'people-committee',
      tier: 1,
      parentCode: null,
      provinceCode: '04',
    });
    expect(unit(national, '79-UBND')?.officialName).toBe('Ủy ban nhân dân thành phố Hồ Chí Minh');
    for (const p of national.provinces) {
      const g = national.groups.find((x) => x.provinceCode === p.code && x.name === 'UBND các xã, phường');
      expect({ province: p.code, members: g?.memberCodes.length }).toEqual({
        province: p.code,
        members: communesOf(national, p.code).length,
      });
    }
    const committeeOf = new Map(
      national.units.filter((u) => u.kind === 'people-committee').map((u) => [u.provinceCode, u.code]),
    );
    expect(
      national.units
        .filter((u) => u.kind === 'commune')
        .every((u) => u.parentCode === committeeOf.get(u.provinceCode)),
    ).toBe(true);
  });

  it('is deterministic', () => {
    expect(loadDirectorySeed({ seedsDir, scope: 'national' })).toEqual(national);
  });
});

describe('loadDirectorySeed arguments', () => {
  it('refuses an unknown scope', () => {
    expect(() => loadDirectorySeed({ seedsDir, scope: 'world' as never })).toThrow(
      /scope must be "demo" or "national"/,
    );
  });
  it('names the missing file when the folder is not a seeds folder', () => {
    expect(() => loadDirectorySeed({ seedsDir: __dirname, scope: 'demo' })).toThrow(
      /organization\/provinces\.csv: cannot be read \(ENOENT\)/,
    );
  });
});
