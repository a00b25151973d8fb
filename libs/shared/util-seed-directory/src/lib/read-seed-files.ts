import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';
import { parseCsv } from './csv';
import { SeedError } from './seed-error';
import { isObject, type Json, ShapeChecker, show } from './shape';
import {
  type DirectoryFile,
  type SeedUnit,
  type DirectoryFileGroup,
  type SeedProvince,
  type SeedSuccession,
  SUCCESSION_KINDS,
  UNIT_KINDS,
  type UnitKind,
} from './types';

export const PROVINCES_CSV = 'organization/provinces.csv';
export const COMMUNES_CSV = 'organization/communes-2025.csv';
export const DIRECTORY_DIR = 'organization/directory';

/** A value with where it came from ("organization/directory/ha-noi.json: units[3] 01-SNV"), for error messages. */
export interface Located {
  at: string;
}

export interface CsvCommune extends Located {
  code: string;
  name: string;
  type: string;
  provinceCode: string;
}

export type FileUnit = DirectoryFile['units'][number] & Located;
export type FileGroup = DirectoryFileGroup & Located;
export type FileSuccession = SeedSuccession & Located;

export type LocatedUnit = SeedUnit & Located;
export type LocatedGroup = FileGroup & { provinceCode: string };
export type LocatedSuccession = FileSuccession;

export interface ReadDirectoryFile {
  /** Path relative to the seeds folder. */
  file: string;
  provinceCode: string;
  peopleCommitteeCode: string;
  communesFromCsv: 'all' | string[];
  communeValidFrom?: string;
  units: FileUnit[];
  groups: FileGroup[];
  successions: FileSuccession[];
}

const COMMUNE_TYPES = ['phường', 'xã', 'đặc khu'];

/** Reads a text file of the seeds folder, or throws a SeedError naming it. */
export function readSeedText(seedsDir: string, rel: string): string {
  try {
    return readFileSync(join(seedsDir, rel), 'utf8');
  } catch (e) {
    throw new SeedError(`${rel}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

function readCsv(
  seedsDir: string,
  rel: string,
  columns: string[],
  problems: string[],
): Record<string, string>[] {
  const text = readSeedText(seedsDir, rel);
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text);
  } catch (e) {
    problems.push(`${rel}: ${(e as Error).message}`);
    return [];
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const missing = columns.filter(
    (c) =>
      !header
        .split(',')
        .map((h) => h.trim())
        .includes(c),
  );
  if (missing.length) {
    problems.push(`${rel}: the header lacks column(s) ${missing.join(', ')}`);
    return [];
  }
  return rows;
}

/** The ASCII kebab slug a realm must be: the name without "Thành phố"/"Tỉnh", folded ("ho-chi-minh"). */
export function realmSlug(provinceName: string): string {
  return foldVietnamese(provinceName.replace(/^(Thành phố|Tỉnh)\s+/u, ''))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function readProvinces(seedsDir: string, problems: string[]): SeedProvince[] {
  const rows = readCsv(seedsDir, PROVINCES_CSV, ['province_code', 'province_name', 'realm'], problems);
  const out: SeedProvince[] = [];
  const codes = new Map<string, number>();
  const realms = new Map<string, number>();
  rows.forEach((r, i) => {
    const line = i + 2;
    const at = `${PROVINCES_CSV}: line ${line}`;
    const p = { code: r['province_code'], name: r['province_name'], realm: r['realm'] };
    if (!/^\d{2}$/.test(p.code))
      problems.push(`${at}: province_code must be two digits (keep the leading zero), got ${show(p.code)}`);
    if (!p.name) problems.push(`${at}: province_name is empty`);
    if (p.name && p.realm !== realmSlug(p.name)) {
      problems.push(`${at}: realm of ${p.name} must be "${realmSlug(p.name)}", got ${show(p.realm)}`);
    }
    if (codes.has(p.code)) problems.push(`${at}: province_code ${p.code} repeats line ${codes.get(p.code)}`);
    if (realms.has(p.realm)) problems.push(`${at}: realm ${p.realm} repeats line ${realms.get(p.realm)}`);
    codes.set(p.code, line);
    realms.set(p.realm, line);
    out.push(p);
  });
  if (rows.length === 0 && problems.length === 0) problems.push(`${PROVINCES_CSV}: no provinces`);
  return out;
}

export function readCommunes(seedsDir: string, provinces: SeedProvince[], problems: string[]): CsvCommune[] {
  const rows = readCsv(
    seedsDir,
    COMMUNES_CSV,
    ['province_code', 'province_name', 'commune_code', 'commune_name', 'commune_type'],
    problems,
  );
  const provinceNames = new Map(provinces.map((p) => [p.code, p.name]));
  const seen = new Map<string, number>();
  const out: CsvCommune[] = [];
  rows.forEach((r, i) => {
    const line = i + 2;
    const c: CsvCommune = {
      code: r['commune_code'],
      name: r['commune_name'],
      type: r['commune_type'],
      provinceCode: r['province_code'],
      at: `${COMMUNES_CSV}: line ${line} (${r['commune_code']})`,
    };
    if (!/^\d{5}$/.test(c.code))
      problems.push(`${c.at}: commune_code must be five digits (keep the leading zeros)`);
    if (!provinceNames.has(c.provinceCode))
      problems.push(`${c.at}: unknown province_code ${show(c.provinceCode)}`);
    else if (provinceNames.get(c.provinceCode) !== r['province_name'].replace(/^Tỉnh\s+/u, '')) {
      problems.push(
        `${c.at}: province_name ${show(r['province_name'])} is not ${provinceNames.get(c.provinceCode)}`,
      );
    }
    if (!COMMUNE_TYPES.includes(c.type))
      problems.push(`${c.at}: commune_type must be one of ${COMMUNE_TYPES.join(', ')}`);
    else if (!c.name.toLowerCase().startsWith(`${c.type} `) || c.name.length <= c.type.length + 1) {
      problems.push(`${c.at}: commune_name ${show(c.name)} must start with its type (${c.type})`);
    }
    if (seen.has(c.code)) problems.push(`${c.at}: commune_code ${c.code} repeats line ${seen.get(c.code)}`);
    seen.set(c.code, line);
    out.push(c);
  });
  return out;
}

const FILE_KEYS = [
  'version',
  'provinceCode',
  'peopleCommitteeCode',
  'communesFromCsv',
  'communeValidFrom',
  'units',
  'groups',
  'successions',
];
const UNIT_KEYS = [
  'code',
  'officialName',
  'shortName',
  'kind',
  'tier',
  'parentCode',
  'provinceCode',
  'validFrom',
  'validTo',
  'aliases',
];
const GROUP_KEYS = ['code', 'name', 'members'];
const SUCCESSION_KEYS = ['predecessorCode', 'successorCode', 'kind', 'effectiveDate', 'note'];

/** Reads and shape-checks every `organization/directory/*.json`, in file-name order. */
export function readDirectoryFiles(seedsDir: string, problems: string[]): ReadDirectoryFile[] {
  const dir = join(seedsDir, DIRECTORY_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readDirectoryFile(seedsDir, `${DIRECTORY_DIR}/${f}`, problems))
    .filter((f): f is ReadDirectoryFile => f !== null);
}

function readDirectoryFile(seedsDir: string, file: string, problems: string[]): ReadDirectoryFile | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readSeedText(seedsDir, file));
  } catch (e) {
    if (e instanceof SeedError) throw e;
    problems.push(`${file}: not valid JSON (${(e as Error).message})`);
    return null;
  }
  const check = new ShapeChecker(problems);
  if (!isObject(raw)) {
    check.problem(file, 'must hold a JSON object');
    return null;
  }
  const before = problems.length;
  check.onlyKeys(raw, FILE_KEYS, file);
  if (raw['version'] !== 1) check.problem(file, `version must be 1, got ${show(raw['version'])}`);
  const provinceCode = check.string(raw, 'provinceCode', file);
  const peopleCommitteeCode = check.string(raw, 'peopleCommitteeCode', file);
  const communeValidFrom = check.date(raw, 'communeValidFrom', file, { optional: true }) ?? undefined;
  let communesFromCsv: 'all' | string[] | undefined;
  if (raw['communesFromCsv'] === 'all') communesFromCsv = 'all';
  else if (Array.isArray(raw['communesFromCsv']))
    communesFromCsv = check.stringArray(raw, 'communesFromCsv', file);
  else
    check.problem(
      file,
      `communesFromCsv must be "all" or a list of commune codes, got ${show(raw['communesFromCsv'])}`,
    );

  const units = (check.array(raw, 'units', file) ?? []).map((u, i) =>
    readUnit(u, `${file}: units[${i}]`, check),
  );
  const groups = (check.array(raw, 'groups', file) ?? []).map((g, i) =>
    readGroup(g, `${file}: groups[${i}]`, check),
  );
  const successions = (check.array(raw, 'successions', file) ?? []).map((s, i) =>
    readSuccession(s, `${file}: successions[${i}]`, check),
  );
  if (problems.length > before || !provinceCode || !peopleCommitteeCode || !communesFromCsv) return null;
  return {
    file,
    provinceCode,
    peopleCommitteeCode,
    communesFromCsv,
    communeValidFrom,
    units: units.filter((u): u is FileUnit => u !== null),
    groups: groups.filter((g): g is FileGroup => g !== null),
    successions: successions.filter((s): s is FileSuccession => s !== null),
  };
}

function readUnit(raw: unknown, at: string, check: ShapeChecker): FileUnit | null {
  if (!isObject(raw)) {
    check.problem(at, 'must be an object');
    return null;
  }
  const code = typeof raw['code'] === 'string' ? raw['code'] : undefined;
  const where = code ? `${at} ${code}` : at;
  check.onlyKeys(raw, UNIT_KEYS, where);
  const u = {
    code: check.string(raw, 'code', where),
    officialName: check.string(raw, 'officialName', where, { max: 300 }),
    shortName: check.string(raw, 'shortName', where, { max: 150 }),
    kind: check.oneOf(raw, 'kind', UNIT_KINDS, where),
    tier: check.oneOf(raw, 'tier', [1, 2] as const, where),
    parentCode: raw['parentCode'] === null ? null : check.string(raw, 'parentCode', where),
    provinceCode: check.string(raw, 'provinceCode', where, { optional: true }),
    validFrom: check.date(raw, 'validFrom', where),
    validTo: check.date(raw, 'validTo', where, { nullable: true }),
    aliases: check.stringArray(raw, 'aliases', where, { max: 200 }),
  };
  if (
    u.code === undefined ||
    u.officialName === undefined ||
    u.shortName === undefined ||
    u.kind === undefined ||
    u.tier === undefined ||
    u.parentCode === undefined ||
    !u.validFrom ||
    u.validTo === undefined ||
    u.aliases === undefined
  ) {
    return null;
  }
  return { ...u, code: u.code, validFrom: u.validFrom, aliases: u.aliases, at: where } as FileUnit;
}

function readGroup(raw: unknown, at: string, check: ShapeChecker): FileGroup | null {
  if (!isObject(raw)) {
    check.problem(at, 'must be an object');
    return null;
  }
  const where = typeof raw['code'] === 'string' ? `${at} ${raw['code']}` : at;
  check.onlyKeys(raw, GROUP_KEYS, where);
  const code = check.string(raw, 'code', where);
  const name = check.string(raw, 'name', where, { max: 300 });
  const m = raw['members'];
  let members: DirectoryFileGroup['members'] | undefined;
  if (Array.isArray(m)) {
    members = check.stringArray(raw, 'members', where);
  } else if (isObject(m) && Object.keys(m).length === 1 && Array.isArray(m['kinds'])) {
    const kinds = check.stringArray(m as Json, 'kinds', `${where} members`);
    const bad = (kinds ?? []).filter((k) => !UNIT_KINDS.includes(k as UnitKind));
    if (bad.length) check.problem(where, `members.kinds has unknown kind(s) ${bad.join(', ')}`);
    else if (kinds) members = { kinds: kinds as UnitKind[] };
  } else {
    check.problem(where, `members must be a list of unit codes or { "kinds": [...] }, got ${show(m)}`);
  }
  if (!code || !name || !members) return null;
  return { code, name, members, at: where };
}

function readSuccession(raw: unknown, at: string, check: ShapeChecker): FileSuccession | null {
  if (!isObject(raw)) {
    check.problem(at, 'must be an object');
    return null;
  }
  const where = typeof raw['predecessorCode'] === 'string' ? `${at} ${raw['predecessorCode']}` : at;
  check.onlyKeys(raw, SUCCESSION_KEYS, where);
  const s = {
    predecessorCode: check.string(raw, 'predecessorCode', where),
    successorCode: check.string(raw, 'successorCode', where),
    kind: check.oneOf(raw, 'kind', SUCCESSION_KINDS, where),
    effectiveDate: check.date(raw, 'effectiveDate', where),
    note: check.string(raw, 'note', where, { optional: true, max: 1000 }),
  };
  if (!s.predecessorCode || !s.successorCode || !s.kind || !s.effectiveDate) return null;
  const out: FileSuccession = {
    predecessorCode: s.predecessorCode,
    successorCode: s.successorCode,
    kind: s.kind,
    effectiveDate: s.effectiveDate,
    at: where,
  };
  if (s.note !== undefined) out.note = s.note;
  return out;
}
