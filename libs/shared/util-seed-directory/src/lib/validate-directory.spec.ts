import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSeedsDir } from './find-seeds-dir';
import { loadDirectorySeed } from './load-directory-seed';
import { SeedError } from './seed-error';

/** Copies of the real seeds folder, broken on purpose. */
const seedsDir = findSeedsDir(__dirname);
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Json = Record<string, unknown> & {
  units: Record<string, unknown>[];
  groups: Record<string, unknown>[];
  successions: Record<string, unknown>[];
};

function brokenSeeds(edit: {
  haNoi?: (f: Json) => void;
  haiPhong?: (f: Json) => void;
  files?: Record<string, (text: string) => string>;
}): string {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
  temps.push(dir);
  cpSync(seedsDir, dir, { recursive: true, filter: (src) => !src.includes('sources') });
  const jsonEdit = (name: string, fn?: (f: Json) => void) => {
    if (!fn) return;
    const file = join(dir, 'organization/directory', name);
    const data = JSON.parse(readFileSync(file, 'utf8')) as Json;
    fn(data);
    writeFileSync(file, JSON.stringify(data, null, 2));
  };
  jsonEdit('ha-noi.json', edit.haNoi);
  jsonEdit('hai-phong.json', edit.haiPhong);
  for (const [rel, fn] of Object.entries(edit.files ?? {}))
    writeFileSync(join(dir, rel), fn(readFileSync(join(dir, rel), 'utf8')));
  return dir;
}

function problemsOf(dir: string, scope: 'demo' | 'national' = 'demo'): string[] {
  try {
    loadDirectorySeed({ seedsDir: dir, scope });
  } catch (e) {
    if (e instanceof SeedError) return [...e.problems];
    throw e;
  }
  return [];
}

const unitAt = (f: Json, code: string) => {
  const u = f.units.find((x) => x['code'] === code);
  if (!u) throw new Error(`no ${code} in the fixture`);
  return u;
};
const HN = 'organization/directory/ha-noi.json';

describe('validation of broken seed files', () => {
  it('loads an unbroken copy', () => {
    expect(problemsOf(brokenSeeds({}))).toEqual([]);
  });

  it('names a duplicate unit code, its file and entry, and where it was first defined', () => {
    const dir = brokenSeeds({
      haNoi: (f) => f.units.push({ ...unitAt(f, '01-VPUBND'), shortName: 'Văn phòng' }),
    });
    expect(() => loadDirectorySeed({ seedsDir: dir, scope: 'demo' })).toThrow(SeedError);
    const index = JSON.parse(readFileSync(join(dir, HN), 'utf8')).units.length - 1;
    expect(problemsOf(dir)).toEqual([
      `${HN}: units[${index}] 01-VPUBND: duplicate unit code 01-VPUBND (first at ${HN}: units[1] 01-VPUBND)`,
    ]);
  });

  it('names a dangling parent', () => {
    const dir = brokenSeeds({ haNoi: (f) => (unitAt(f, '01-SGDDT')['parentCode'] = '01-NOPE') });
    expect(() => loadDirectorySeed({ seedsDir: dir, scope: 'demo' })).toThrow(
      /ha-noi\.json: units\[\d+\] 01-SGDDT: parent 01-NOPE does not exist/,
    );
  });

  it('collects every problem instead of stopping at the first', () => {
    const dir = brokenSeeds({
      haNoi: (f) => {
        unitAt(f, '01-SGDDT')['parentCode'] = '01-NOPE';
        unitAt(f, '01-SYT')['tier'] = 2;
      },
    });
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/01-SGDDT: parent 01-NOPE does not exist/),
        expect.stringMatching(/01-SYT: a department is tier 1, not 2/),
      ]),
    );
    expect(() => loadDirectorySeed({ seedsDir: dir, scope: 'demo' })).toThrow(/2 problems in the seed files/);
  });

  it.each([
    [
      'an impossible date',
      (f: Json) => (unitAt(f, '01-SDL')['validFrom'] = '2025-02-30'),
      /01-SDL: validFrom must be a date yyyy-MM-dd, got "2025-02-30"/,
    ],
    [
      'an unknown kind',
      (f: Json) => (unitAt(f, '01-SDL')['kind'] = 'ministry'),
      /01-SDL: kind must be one of .*got "ministry"/,
    ],
    [
      'a misspelt field',
      (f: Json) => (unitAt(f, '01-SDL')['parentcode'] = '01-UBND'),
      /01-SDL: unknown field "parentcode"/,
    ],
    [
      'a missing alias list',
      (f: Json) => delete unitAt(f, '01-SDL')['aliases'],
      /01-SDL: aliases must be an array/,
    ],
    [
      'an alias listed twice',
      (f: Json) => (unitAt(f, '01-SDL')['aliases'] = ['Sở Du lịch', 'sở du lịch']),
      /01-SDL: alias "sở du lịch" is listed twice/,
    ],
    [
      'a lower-case code',
      (f: Json) => (unitAt(f, '01-SDL')['code'] = '01-sdl'),
      /01-sdl: code 01-sdl must be 2-32 characters/,
    ],
    [
      'a code outside its province',
      (f: Json) => (unitAt(f, '01-SDL')['code'] = '02-SDL'),
      /02-SDL: code must start with 01-/,
    ],
    [
      'a partner code without -P-',
      (f: Json) => (unitAt(f, '01-P-CTN')['code'] = '01-CTN'),
      /01-CTN: a partner's code starts with 01-P-/,
    ],
    [
      'a department under a department',
      (f: Json) => (unitAt(f, '01-SDL')['parentCode'] = '01-SKHCN'),
      /01-SDL: a department belongs to a people-committee, not to department 01-SKHCN/,
    ],
    [
      'a second people’s committee',
      (f: Json) => (unitAt(f, '01-SDL')['kind'] = 'people-committee'),
      /01-SDL: a people's committee has no parent/,
    ],
    [
      'a commune written by hand',
      (f: Json) => f.units.push({ ...unitAt(f, '01-SDL'), code: '99999', kind: 'commune', tier: 2 }),
      /99999: communes come from organization\/communes-2025\.csv/,
    ],
    [
      'a closed unit without successor',
      (f: Json) => (f.successions = f.successions.filter((s) => s['predecessorCode'] !== '01-SNGV')),
      /01-SNGV: closes on 2025-02-28 but no succession names its successor/,
    ],
    [
      'a group member that does not exist',
      (f: Json) => (f.groups[2]['members'] as string[]).push('01-P-NOPE'),
      /groups\[2\] 01-G-BAO-CHI: member 01-P-NOPE does not exist/,
    ],
    [
      'a closed group member',
      (f: Json) => (f.groups[2]['members'] as string[]).push('01-STTTT'),
      /01-G-BAO-CHI: member 01-STTTT closed on 2025-02-28/,
    ],
    [
      'a group of an unknown kind',
      (f: Json) => (f.groups[0]['members'] = { kinds: ['ministry'] }),
      /01-G-SO-BAN-NGANH: members.kinds has unknown kind\(s\) ministry/,
    ],
    [
      'a duplicate group code',
      (f: Json) => f.groups.push({ ...f.groups[0] }),
      /duplicate group code 01-G-SO-BAN-NGANH/,
    ],
    [
      'a succession to nowhere',
      (f: Json) => (f.successions[0]['successorCode'] = '01-NOPE'),
      /successions\[0\] 01-STTTT: successor 01-NOPE does not exist/,
    ],
    [
      'a succession on the wrong day',
      (f: Json) => (f.successions[0]['effectiveDate'] = '2025-04-01'),
      /01-STTTT: 01-STTTT must close the day before the succession: validTo 2025-03-31, got 2025-02-28/,
    ],
    [
      'a successor not yet valid',
      (f: Json) => (unitAt(f, '01-SKHCN')['validFrom'] = '2025-06-01'),
      /01-STTTT: successor 01-SKHCN is not valid on 2025-03-01/,
    ],
    [
      'a communesFromCsv typo',
      (f: Json) => (f['communesFromCsv'] = ['00070', '70']),
      /ha-noi\.json: communesFromCsv names 70, not communes of province 01/,
    ],
  ])('names %s', (_label, edit, message) => {
    const problems = problemsOf(brokenSeeds({ haNoi: edit }));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('refuses a succession cycle', () => {
    const dir = brokenSeeds({
      haNoi: (f) => {
        unitAt(f, '01-SKHCN')['validTo'] = '2025-05-31';
        f.successions.push({
          predecessorCode: '01-SKHCN',
          successorCode: '01-STTTT',
          kind: 'merged-into',
          effectiveDate: '2025-06-01',
        });
      },
    });
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([expect.stringMatching(/succession cycle 01-S\w+ → 01-S\w+ → 01-S\w+/)]),
    );
  });

  it('refuses a tier-2 office outside a commune and a ward partner outside its ward', () => {
    const dir = brokenSeeds({
      haiPhong: (f) => {
        unitAt(f, '11413-VHXH')['parentCode'] = '31-UBND';
        unitAt(f, '11413-P-VNPT')['parentCode'] = '31-SKHCN';
      },
    });
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /hai-phong\.json: units\[\d+\] 11413-VHXH: a commune-office belongs to a commune, not to people-committee 31-UBND/,
        ),
        expect.stringMatching(
          /11413-P-VNPT: a tier-2 partner belongs to a commune, not to department 31-SKHCN/,
        ),
      ]),
    );
  });

  it('names invalid JSON', () => {
    const dir = brokenSeeds({ files: { [HN]: (t) => t.replace('"version": 1,', '"version": 1,,') } });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/^organization\/directory\/ha-noi\.json: not valid JSON/),
    ]);
  });

  it('names a commune code that lost its leading zeros, with its line', () => {
    const dir = brokenSeeds({
      files: {
        'organization/communes-2025.csv': (t) =>
          t.replace('01,Thành phố Hà Nội,00070,', '01,Thành phố Hà Nội,70,'),
      },
    });
    expect(problemsOf(dir)).toContain(
      'organization/communes-2025.csv: line 2 (70): commune_code must be five digits (keep the leading zeros)',
    );
  });

  it('names a province with a wrong realm slug and a repeated code', () => {
    const dir = brokenSeeds({
      files: {
        'organization/provinces.csv': (t) =>
          t
            .replace('79,Thành phố Hồ Chí Minh,ho-chi-minh', '79,Thành phố Hồ Chí Minh,hcm')
            .replace('04,Cao Bằng', '01,Cao Bằng'),
      },
    });
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        'organization/provinces.csv: line 3: province_code 01 repeats line 2',
        'organization/provinces.csv: line 29: realm of Thành phố Hồ Chí Minh must be "ho-chi-minh", got "hcm"',
      ]),
    );
  });

  it('names a commune repeated in the CSV (national scope would hold it twice)', () => {
    const dir = brokenSeeds({
      files: {
        'organization/communes-2025.csv': (t) =>
          `${t.trimEnd()}\n01,Thành phố Hà Nội,00070,Phường Hoàn Kiếm,phường\n`,
      },
    });
    expect(problemsOf(dir, 'national')).toEqual([expect.stringMatching(/commune_code 00070 repeats line 2/)]);
  });
});
