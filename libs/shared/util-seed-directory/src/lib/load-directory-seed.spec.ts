import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';
import { findSeedsDir, loadDemoAccounts, loadDirectorySeed, loadRealmsSeed } from './load-directory-seed';
import { parseCsv } from './csv';

const seedsDir = findSeedsDir(__dirname);
const demo = loadDirectorySeed({ seedsDir, scope: 'demo' });
const byCode = new Map(demo.units.map((u) => [u.code, u]));

describe('the demo directory', () => {
  it('has the 34 provinces, each with its own realm slug', () => {
    expect(demo.provinces).toHaveLength(34);
    expect(demo.provinces.find((p) => p.code === '01')).toMatchObject({ name: 'Thành phố Hà Nội', realm: 'ha-noi' });
    expect(demo.provinces.find((p) => p.code === '31')?.realm).toBe('hai-phong');
    expect(new Set(demo.provinces.map((p) => p.realm)).size).toBe(34);
  });

  it('has all 126 Hà Nội communes with their official codes', () => {
    const hn = demo.units.filter((u) => u.provinceCode === '01' && u.kind === 'commune');
    expect(hn).toHaveLength(126);
    expect(byCode.get('00070')).toMatchObject({ shortName: 'Phường Hoàn Kiếm', officialName: 'Ủy ban nhân dân phường Hoàn Kiếm', tier: 2, parentCode: '01-UBND' });
    expect(hn.every((u) => /^\d{5}$/.test(u.code))).toBe(true);
  });

  it('records Sở Thông tin và Truyền thông as merged into Sở Khoa học và Công nghệ', () => {
    expect(byCode.get('01-STTTT')).toMatchObject({ validTo: '2025-02-28' });
    expect(demo.successions).toContainEqual(expect.objectContaining({ predecessorCode: '01-STTTT', successorCode: '01-SKHCN', kind: 'merged-into' }));
  });

  it('has Phường Hải An with its offices and partners, and no other Hải Phòng commune', () => {
    expect(byCode.get('11413')).toMatchObject({ shortName: 'Phường Hải An', provinceCode: '31' });
    expect(demo.units.filter((u) => u.parentCode === '11413').map((u) => u.code).sort()).toEqual(['11413-CA', '11413-P-MTTQ', '11413-TTSNC', '11413-VHXH']);
    expect(demo.units.filter((u) => u.provinceCode === '31' && u.kind === 'commune')).toHaveLength(1);
  });

  it('expands "UBND các xã, phường" to the current communes; "Các Sở, ban, ngành" holds no closed unit', () => {
    expect(demo.groups.find((g) => g.code === '01-G-XA-PHUONG')?.memberCodes).toHaveLength(126);
    const depts = demo.groups.find((g) => g.code === '01-G-SO-BAN-NGANH')!.memberCodes;
    expect(depts).toContain('01-SKHCN');
    expect(depts).not.toContain('01-STTTT');
  });

  it('every demo account’s unit exists, in its realm’s province, at the account’s tier', () => {
    const realms = loadRealmsSeed(seedsDir).realms;
    for (const a of loadDemoAccounts(seedsDir)) {
      const u = byCode.get(a.unit);
      const province = realms.find((r) => r.realm === a.realm)?.provinceCode;
      expect({ account: a.username, unit: u?.code, province: u?.provinceCode, tier: u?.tier }).toEqual({ account: a.username, unit: a.unit, province, tier: a.tier });
    }
  });

  it('names every Hà Nội body as the seed documents do (its name or an alias appears in them)', () => {
    const docsDir = join(seedsDir, '../../shared/seed-documents');
    let docs: string;
    try {
      docs = foldVietnamese(
        ['hanoi-402-KH-UBND-2024-chuyen-doi-so-2025.txt', 'hanoi-138-KH-UBND-2025-binh-dan-hoc-vu-so.txt', 'hanoi-272-KH-UBND-2025-ngay-chuyen-doi-so.txt']
          .map((f) => readFileSync(join(docsDir, f), 'utf8'))
          .join('\n'),
      );
    } catch {
      return; // the source documents sit beside the repository (shared/); without them there is nothing to compare
    }
    const partnersNotInDocs = new Set(['01-P-VNPT', '01-P-VIETTEL', '01-P-HNM']); // named by the press and telecom groups, not by the plans' tables
    const missing = demo.units
      .filter((u) => u.provinceCode === '01' && u.kind !== 'commune' && u.code !== '01-UBND' && !partnersNotInDocs.has(u.code))
      .filter((u) => ![u.shortName, ...u.aliases].some((n) => docs.includes(foldVietnamese(n))))
      .map((u) => u.code);
    expect(missing).toEqual([]);
  });
});

describe('the national directory', () => {
  const national = loadDirectorySeed({ seedsDir, scope: 'national' });
  it('has all 3,321 communes once and a people’s committee per province', () => {
    expect(national.units.filter((u) => u.kind === 'commune')).toHaveLength(3321);
    expect(national.units.filter((u) => u.kind === 'people-committee')).toHaveLength(34);
    expect(new Set(national.units.map((u) => u.code)).size).toBe(national.units.length);
  });
  it('is deterministic', () => {
    expect(loadDirectorySeed({ seedsDir, scope: 'national' })).toEqual(national);
  });
});

describe('validation of broken seed files', () => {
  const broken = (mutate: (hn: { units: Record<string, unknown>[]; successions: unknown[] }) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    cpSync(seedsDir, dir, { recursive: true });
    const file = join(dir, 'organization/directory/ha-noi.json');
    const hn = JSON.parse(readFileSync(file, 'utf8'));
    mutate(hn);
    writeFileSync(file, JSON.stringify(hn));
    return () => loadDirectorySeed({ seedsDir: dir, scope: 'demo' });
  };

  it('names a duplicate code and its file', () => {
    expect(broken((hn) => hn.units.push({ ...hn.units[1] }))).toThrow(/directory\/ha-noi\.json: duplicate unit code 01-VPUBND/);
  });
  it('names a dangling parent', () => {
    expect(broken((hn) => (hn.units[1]['parentCode'] = '01-NOPE'))).toThrow(/unit 01-VPUBND: parent 01-NOPE does not exist/);
  });
  it('refuses a department on tier 2', () => {
    expect(broken((hn) => (hn.units[1]['tier'] = 2))).toThrow(/a department is tier 1/);
  });
  it('refuses a succession cycle', () => {
    expect(broken((hn) => hn.successions.push({ predecessorCode: '01-SKHCN', successorCode: '01-STTTT', kind: 'merged-into', effectiveDate: '2026-01-01' }))).toThrow(/cycle/);
  });
});

describe('parseCsv', () => {
  it('handles CRLF, quotes and embedded commas', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n')).toEqual([{ a: 'x, y', b: 'say "hi"' }]);
  });
});
