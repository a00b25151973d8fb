import {
  COMMUNES_CSV,
  type CsvCommune,
  type LocatedGroup,
  type LocatedSuccession,
  type LocatedUnit,
  readCommunes,
  readDirectoryFiles,
  readProvinces,
} from './read-seed-files';
import { SeedError } from './seed-error';
import { compareCodes } from './shape';
import type {
  DirectoryScope,
  DirectorySeed,
  SeedGroup,
  SeedProvince,
  SeedSuccession,
  SeedUnit,
  UnitKind,
} from './types';
import { validateDirectory } from './validate-directory';

/** The two-tier model (communes directly under the province) took effect on 1 July 2025. */
export const TWO_TIER_START = '2025-07-01';

/**
 * The unit directory from the versioned seed files in `seedsDir` (`organization/provinces.csv`,
 * `organization/communes-2025.csv`, `organization/directory/*.json`), validated, in code order.
 *
 * - `demo`: all 34 provinces, and the units of every directory file with the communes it asks for.
 * - `national`: the demo set, plus for every province without a directory file its people's committee
 *   and a "UBND các xã, phường" group, and every commune of the country (3,321), each once.
 *
 * Throws a {@link SeedError} listing every problem, each naming its file and entry.
 */
export function loadDirectorySeed(options: { seedsDir: string; scope: DirectoryScope }): DirectorySeed {
  const { seedsDir, scope } = options ?? {};
  if (scope !== 'demo' && scope !== 'national')
    throw new SeedError(`scope must be "demo" or "national", got ${String(scope)}`);
  if (!seedsDir) throw new SeedError('seedsDir is required (see findSeedsDir)');

  const problems: string[] = [];
  const provinces = readProvinces(seedsDir, problems);
  const communes = readCommunes(seedsDir, provinces, problems);
  const files = readDirectoryFiles(seedsDir, problems);
  if (problems.length) throw new SeedError(problems);

  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const units = new Map<string, LocatedUnit>();
  const add = (u: LocatedUnit) => {
    const first = units.get(u.code);
    if (first) problems.push(`${u.at}: duplicate unit code ${u.code} (first at ${first.at})`);
    else units.set(u.code, u);
  };
  const groups: LocatedGroup[] = [];
  const successions: LocatedSuccession[] = [];
  const fileOf = new Map<string, string>();

  for (const f of files) {
    if (!provinceByCode.has(f.provinceCode)) {
      problems.push(`${f.file}: provinceCode ${f.provinceCode} is not in organization/provinces.csv`);
      continue;
    }
    if (fileOf.has(f.provinceCode)) {
      problems.push(`${f.file}: province ${f.provinceCode} already has ${fileOf.get(f.provinceCode)}`);
      continue;
    }
    fileOf.set(f.provinceCode, f.file);
    for (const { provinceCode, ...u } of f.units) {
      if (provinceCode !== undefined && provinceCode !== f.provinceCode) {
        problems.push(`${u.at}: provinceCode ${provinceCode} differs from the file's ${f.provinceCode}`);
      }
      if (u.kind === 'commune') {
        problems.push(`${u.at}: communes come from ${COMMUNES_CSV}: list their codes in communesFromCsv`);
        continue;
      }
      add({ ...u, provinceCode: f.provinceCode });
    }
    const ofProvince = communes.filter((c) => c.provinceCode === f.provinceCode);
    let chosen = ofProvince;
    if (f.communesFromCsv !== 'all') {
      const wanted = f.communesFromCsv;
      const known = new Set(ofProvince.map((c) => c.code));
      const unknown = wanted.filter((c) => !known.has(c));
      const twice = wanted.filter((c, i) => wanted.indexOf(c) !== i);
      if (unknown.length)
        problems.push(
          `${f.file}: communesFromCsv names ${unknown.join(', ')}, not communes of province ${f.provinceCode} in ${COMMUNES_CSV}`,
        );
      if (twice.length) problems.push(`${f.file}: communesFromCsv repeats ${[...new Set(twice)].join(', ')}`);
      chosen = ofProvince.filter((c) => wanted.includes(c.code));
    }
    for (const c of chosen) add(communeUnit(c, f.peopleCommitteeCode, f.communeValidFrom ?? TWO_TIER_START));
    groups.push(...f.groups.map((g) => ({ ...g, provinceCode: f.provinceCode })));
    successions.push(...f.successions);
  }

  if (scope === 'national') {
    for (const p of provinces) {
      const file = files.find((f) => f.file === fileOf.get(p.code));
      const ofProvince = communes.filter((c) => c.provinceCode === p.code);
      if (file) {
        // A directory file may list only some communes (Hải Phòng: Phường Hải An); nationally, all of them.
        const validFrom = file.communeValidFrom ?? TWO_TIER_START;
        for (const c of ofProvince) {
          if (!units.has(c.code)) add(communeUnit(c, file.peopleCommitteeCode, validFrom));
        }
      } else {
        const committee = provinceCommittee(p);
        add(committee);
        for (const c of ofProvince) add(communeUnit(c, committee.code, TWO_TIER_START));
      }
      const hasCommuneGroup = groups.some(
        (g) => g.provinceCode === p.code && !Array.isArray(g.members) && g.members.kinds.join() === 'commune',
      );
      if (!hasCommuneGroup) {
        groups.push({
          code: `${p.code}-G-XA-PHUONG`,
          name: 'UBND các xã, phường',
          provinceCode: p.code,
          members: { kinds: ['commune'] },
          at: `national scope: communes group of ${p.name}`,
        });
      }
    }
  }
  if (problems.length) throw new SeedError(problems);

  validateDirectory({ units, groups, successions, files, provinces: provinceByCode, communes }, problems);
  if (problems.length) throw new SeedError(problems);

  const all = [...units.values()];
  return {
    provinces: [...provinces].sort((a, b) => compareCodes(a.code, b.code)),
    units: all
      .map(({ at, ...u }) => (void at, { ...u, aliases: [...u.aliases] }))
      .sort((a, b) => compareCodes(a.code, b.code)),
    groups: groups.map((g) => expandGroup(g, all)).sort((a, b) => compareCodes(a.code, b.code)),
    successions: successions
      .map(({ at, ...s }): SeedSuccession => (void at, s))
      .sort((a, b) => compareCodes(a.predecessorCode, b.predecessorCode)),
  };
}

/** A commune of the CSV as a unit: "Phường Hoàn Kiếm" → official name "Ủy ban nhân dân phường Hoàn Kiếm". */
function communeUnit(c: CsvCommune, parentCode: string, validFrom: string): LocatedUnit {
  return {
    code: c.code,
    officialName: `Ủy ban nhân dân ${c.type}${c.name.slice(c.type.length)}`,
    shortName: c.name,
    kind: 'commune',
    tier: 2,
    parentCode,
    provinceCode: c.provinceCode,
    validFrom,
    validTo: null,
    aliases: [`UBND ${c.name}`],
    at: c.at,
  };
}

/** The people's committee of a province without a directory file (national scope). */
function provinceCommittee(p: SeedProvince): LocatedUnit {
  const city = /^Thành phố\s+(.+)$/u.exec(p.name);
  const bare = city ? city[1] : p.name.replace(/^Tỉnh\s+/u, '');
  const type = city ? 'thành phố' : 'tỉnh';
  return {
    code: `${p.code}-UBND`,
    officialName: `Ủy ban nhân dân ${type} ${bare}`,
    shortName: `UBND ${type} ${bare}`,
    kind: 'people-committee',
    tier: 1,
    parentCode: null,
    provinceCode: p.code,
    validFrom: TWO_TIER_START,
    validTo: null,
    aliases: [`UBND ${type} ${bare}`, `UBND ${bare}`, city ? 'UBND Thành phố' : 'UBND Tỉnh'],
    at: `national scope: people's committee of ${p.name}`,
  };
}

/** Explicit members as listed; kind-based groups become the province's current units of those kinds. */
function expandGroup(g: LocatedGroup, units: SeedUnit[]): SeedGroup {
  const members = Array.isArray(g.members)
    ? g.members
    : units
        .filter(
          (u) =>
            u.provinceCode === g.provinceCode &&
            (g.members as { kinds: UnitKind[] }).kinds.includes(u.kind) &&
            u.validTo === null,
        )
        .map((u) => u.code);
  return {
    code: g.code,
    name: g.name,
    provinceCode: g.provinceCode,
    memberCodes: [...new Set(members)].sort(compareCodes),
  };
}
