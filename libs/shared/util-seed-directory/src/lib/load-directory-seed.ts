import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCsv } from './csv';
import type { DemoAccount, DirectoryFile, DirectorySeed, RealmsSeed, SeedGroup, SeedProvince, SeedUnit, UnitKind } from './types';

const KINDS: readonly UnitKind[] = ['people-committee', 'department', 'commune', 'commune-office', 'partner'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_COMMUNE_VALID_FROM = '2025-07-01'; // the two-tier model took effect on 1 July 2025

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

/** Walks up from `startDir` to the folder holding `seeds/organization/provinces.csv`; returns `<root>/seeds`. */
export function findSeedsDir(startDir: string = process.cwd()): string {
  let dir = resolve(startDir);
  for (;;) {
    if (existsSync(join(dir, 'seeds/organization/provinces.csv'))) return join(dir, 'seeds');
    const up = dirname(dir);
    if (up === dir) throw new SeedError(`No seeds/organization/provinces.csv above ${startDir}`);
    dir = up;
  }
}

/**
 * The unit directory from the versioned seed files. `demo`: every province, plus the units of each
 * directory file (Hà Nội in full, Hải Phòng's Phường Hải An). `national`: the demo set plus, for every
 * other province, its people's committee, and all 3,321 communes of the country.
 */
export function loadDirectorySeed(options: { seedsDir: string; scope: 'demo' | 'national' }): DirectorySeed {
  const org = join(options.seedsDir, 'organization');
  const provinces: SeedProvince[] = parseCsv(readFileSync(join(org, 'provinces.csv'), 'utf8')).map((r) => ({
    code: r['province_code'],
    name: r['province_name'],
    realm: r['realm'],
  }));
  const communes = parseCsv(readFileSync(join(org, 'communes-2025.csv'), 'utf8'));
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const files = readdirSync(join(org, 'directory'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: `directory/${f}`, data: JSON.parse(readFileSync(join(org, 'directory', f), 'utf8')) as DirectoryFile }));

  const units = new Map<string, SeedUnit & { source: string }>();
  const add = (u: SeedUnit, source: string) => {
    if (units.has(u.code)) throw new SeedError(`${source}: duplicate unit code ${u.code} (also in ${units.get(u.code)!.source})`);
    units.set(u.code, { ...u, source });
  };
  const communeUnit = (r: Record<string, string>, parent: string, validFrom: string): SeedUnit => ({
    code: r['commune_code'],
    officialName: `Ủy ban nhân dân ${lowerFirstWord(r['commune_name'])}`,
    shortName: r['commune_name'],
    kind: 'commune',
    tier: 2,
    parentCode: parent,
    provinceCode: r['province_code'],
    validFrom,
    validTo: null,
    aliases: [`UBND ${r['commune_name']}`],
  });

  const groups: (SeedGroup & { source: string; kinds?: UnitKind[] })[] = [];
  const successions: DirectorySeed['successions'] = [];
  const covered = new Set<string>();
  for (const { name, data } of files) {
    if (!provinceByCode.has(data.provinceCode)) throw new SeedError(`${name}: unknown province ${data.provinceCode}`);
    covered.add(data.provinceCode);
    for (const u of data.units) add({ ...u, provinceCode: u.provinceCode ?? data.provinceCode, aliases: u.aliases ?? [] } as SeedUnit, name);
    const wanted = data.communesFromCsv === 'all' ? null : new Set(data.communesFromCsv);
    const mine = communes.filter((r) => r['province_code'] === data.provinceCode && (!wanted || wanted.has(r['commune_code'])));
    if (wanted && mine.length !== wanted.size) throw new SeedError(`${name}: communesFromCsv names communes not in ${data.provinceCode}`);
    for (const r of mine) add(communeUnit(r, data.peopleCommitteeCode, data.communeValidFrom ?? DEFAULT_COMMUNE_VALID_FROM), name);
    for (const g of data.groups) {
      groups.push({
        code: g.code,
        name: g.name,
        provinceCode: data.provinceCode,
        memberCodes: Array.isArray(g.members) ? [...g.members] : [],
        kinds: Array.isArray(g.members) ? undefined : g.members.kinds,
        source: name,
      });
    }
    successions.push(...data.successions);
  }

  if (options.scope === 'national') {
    for (const p of provinces) {
      if (covered.has(p.code)) {
        // A directory file may list only some communes (Hải Phòng: Phường Hải An); nationally, all of them.
        const file = files.find((f) => f.data.provinceCode === p.code)!;
        for (const r of communes.filter((c) => c['province_code'] === p.code && !units.has(c['commune_code']))) {
          add(communeUnit(r, file.data.peopleCommitteeCode, DEFAULT_COMMUNE_VALID_FROM), 'national');
        }
        continue;
      }
      const pc = `${p.code}-UBND`;
      add(
        {
          code: pc,
          officialName: `Ủy ban nhân dân ${lowerFirstWord(p.name)}`,
          shortName: `UBND ${p.name.replace(/^(Thành phố|Tỉnh) /, '')}`,
          kind: 'people-committee',
          tier: 1,
          parentCode: null,
          provinceCode: p.code,
          validFrom: DEFAULT_COMMUNE_VALID_FROM,
          validTo: null,
          aliases: [],
        },
        'national',
      );
      for (const r of communes.filter((c) => c['province_code'] === p.code)) add(communeUnit(r, pc, DEFAULT_COMMUNE_VALID_FROM), 'national');
      groups.push({ code: `${p.code}-G-XA-PHUONG`, name: 'UBND các xã, phường', provinceCode: p.code, memberCodes: [], kinds: ['commune'], source: 'national' });
    }
  }

  // Kind-based groups expand to the province's current units of those kinds.
  const all = [...units.values()];
  const outGroups: SeedGroup[] = groups.map(({ source, kinds, ...g }) => {
    void source;
    const members = kinds
      ? all.filter((u) => u.provinceCode === g.provinceCode && kinds.includes(u.kind) && u.validTo === null).map((u) => u.code)
      : g.memberCodes;
    return { ...g, memberCodes: [...new Set(members)].sort() };
  });

  validate(all, outGroups, successions, provinceByCode, groups);
  return {
    provinces: [...provinces].sort((a, b) => a.code.localeCompare(b.code)),
    units: all.map(({ source, ...u }) => (void source, u)).sort((a, b) => a.code.localeCompare(b.code)),
    groups: outGroups.sort((a, b) => a.code.localeCompare(b.code)),
    successions: [...successions].sort((a, b) => a.predecessorCode.localeCompare(b.predecessorCode)),
  };
}

function validate(
  units: (SeedUnit & { source: string })[],
  groups: SeedGroup[],
  successions: DirectorySeed['successions'],
  provinces: Map<string, SeedProvince>,
  rawGroups: { code: string; source: string }[],
): void {
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const u of units) {
    const at = `${u.source}: unit ${u.code}`;
    if (!KINDS.includes(u.kind)) throw new SeedError(`${at}: unknown kind ${u.kind}`);
    if (u.tier !== 1 && u.tier !== 2) throw new SeedError(`${at}: tier must be 1 or 2`);
    if ((u.kind === 'commune' || u.kind === 'commune-office') && u.tier !== 2) throw new SeedError(`${at}: a ${u.kind} is tier 2`);
    if ((u.kind === 'people-committee' || u.kind === 'department') && u.tier !== 1) throw new SeedError(`${at}: a ${u.kind} is tier 1`);
    if (!provinces.has(u.provinceCode)) throw new SeedError(`${at}: unknown province ${u.provinceCode}`);
    if (!ISO.test(u.validFrom) || (u.validTo !== null && (!ISO.test(u.validTo) || u.validTo < u.validFrom))) {
      throw new SeedError(`${at}: validFrom/validTo must be yyyy-MM-dd with validTo >= validFrom`);
    }
    if (!u.officialName?.trim() || !u.shortName?.trim()) throw new SeedError(`${at}: names are required`);
    if (u.kind === 'people-committee') {
      if (u.parentCode !== null) throw new SeedError(`${at}: a people's committee has no parent`);
      continue;
    }
    const parent = u.parentCode ? byCode.get(u.parentCode) : undefined;
    if (!parent) throw new SeedError(`${at}: parent ${u.parentCode} does not exist`);
    if (parent.provinceCode !== u.provinceCode) throw new SeedError(`${at}: parent ${parent.code} is in another province`);
    if (u.tier === 2 && u.kind !== 'commune' && parent.kind !== 'commune') {
      throw new SeedError(`${at}: a tier-2 ${u.kind} must belong to a commune`);
    }
  }
  const seen = new Set<string>();
  for (const g of rawGroups) {
    if (seen.has(g.code)) throw new SeedError(`${g.source}: duplicate group code ${g.code}`);
    seen.add(g.code);
  }
  for (const g of groups) {
    for (const m of g.memberCodes) {
      const u = byCode.get(m);
      if (!u) throw new SeedError(`group ${g.code}: member ${m} does not exist`);
      if (u.provinceCode !== g.provinceCode) throw new SeedError(`group ${g.code}: member ${m} is in another province`);
    }
  }
  const next = new Map<string, string>();
  for (const s of successions) {
    for (const c of [s.predecessorCode, s.successorCode]) if (!byCode.has(c)) throw new SeedError(`succession ${s.predecessorCode} → ${s.successorCode}: ${c} does not exist`);
    if (!ISO.test(s.effectiveDate)) throw new SeedError(`succession ${s.predecessorCode}: effectiveDate must be yyyy-MM-dd`);
    if (s.kind !== 'merged-into' && s.kind !== 'replaced-by') throw new SeedError(`succession ${s.predecessorCode}: unknown kind ${s.kind}`);
    if (next.has(s.predecessorCode)) throw new SeedError(`succession ${s.predecessorCode}: recorded twice`);
    next.set(s.predecessorCode, s.successorCode);
  }
  for (const start of next.keys()) {
    const path = new Set([start]);
    let c = next.get(start);
    while (c) {
      if (path.has(c)) throw new SeedError(`succession cycle through ${start}`);
      path.add(c);
      c = next.get(c);
    }
  }
}

/** "Phường Hoàn Kiếm" → "phường Hoàn Kiếm", as the official name "Ủy ban nhân dân phường Hoàn Kiếm" writes it. */
function lowerFirstWord(name: string): string {
  return name.replace(/^(Phường|Xã|Đặc khu|Thành phố|Tỉnh)(?=\s)/u, (w) => w.toLowerCase());
}

export function loadDemoAccounts(seedsDir: string): DemoAccount[] {
  return (JSON.parse(readFileSync(join(seedsDir, 'identity/demo-accounts.json'), 'utf8')) as { accounts: DemoAccount[] }).accounts;
}

export function loadRealmsSeed(seedsDir: string): RealmsSeed {
  return JSON.parse(readFileSync(join(seedsDir, 'identity/realms.json'), 'utf8')) as RealmsSeed;
}
