import type {
  CsvCommune,
  LocatedGroup,
  LocatedSuccession,
  LocatedUnit,
  ReadDirectoryFile,
} from './read-seed-files';
import { dayBefore } from './shape';
import type { SeedProvince, UnitKind } from './types';

/** Unit codes the organization domain accepts: 2-32 characters of A-Z, 0-9 and hyphens. */
const CODE = /^[0-9A-Z][0-9A-Z-]{1,31}$/;
const GROUP_CODE = /^(\d{2}|\d{5})-G-[0-9A-Z][0-9A-Z-]*$/;
const TIERS: Record<UnitKind, readonly (1 | 2)[]> = {
  'people-committee': [1],
  department: [1],
  commune: [2],
  'commune-office': [2],
  partner: [1, 2],
};

export interface DirectoryToValidate {
  units: Map<string, LocatedUnit>;
  groups: LocatedGroup[];
  successions: LocatedSuccession[];
  files: ReadDirectoryFile[];
  provinces: Map<string, SeedProvince>;
  communes: CsvCommune[];
}

/**
 * Checks the assembled directory: kinds and tiers, dates, the hierarchy (and that it matches the rules
 * the organization domain enforces on import), code conventions, aliases, groups and successions.
 * Appends one message per problem, naming the file and entry.
 */
export function validateDirectory(d: DirectoryToValidate, problems: string[]): void {
  validateUnits(d, problems);
  validateCommittees(d, problems);
  validateGroups(d, problems);
  validateSuccessions(d, problems);
}

function validateUnits({ units }: DirectoryToValidate, problems: string[]): void {
  for (const u of units.values()) {
    const bad = (m: string) => problems.push(`${u.at}: ${m}`);
    if (!CODE.test(u.code)) bad(`code ${u.code} must be 2-32 characters of A-Z, 0-9 and "-"`);
    if (!TIERS[u.kind].includes(u.tier))
      bad(`a ${u.kind} is tier ${TIERS[u.kind].join(' or ')}, not ${u.tier}`);
    if (u.validTo !== null && u.validTo < u.validFrom)
      bad(`validTo ${u.validTo} precedes validFrom ${u.validFrom}`);
    const seen = new Set<string>();
    for (const a of u.aliases) {
      const key = a.normalize('NFC').toLowerCase();
      if (seen.has(key)) bad(`alias "${a}" is listed twice`);
      seen.add(key);
    }

    if (u.kind === 'people-committee') {
      if (u.parentCode !== null) bad(`a people's committee has no parent, got ${u.parentCode}`);
      if (!u.code.startsWith(`${u.provinceCode}-`))
        bad(`code must start with the province code: ${u.provinceCode}-…`);
      continue;
    }
    const parent = u.parentCode === null ? undefined : units.get(u.parentCode);
    if (!parent) {
      bad(u.parentCode === null ? `a ${u.kind} needs a parentCode` : `parent ${u.parentCode} does not exist`);
      continue;
    }
    if (parent.provinceCode !== u.provinceCode)
      bad(`parent ${parent.code} is in province ${parent.provinceCode}, not ${u.provinceCode}`);
    if (parent.validTo !== null && (u.validTo === null || u.validTo > parent.validTo)) {
      bad(`parent ${parent.code} closes on ${parent.validTo}, before this unit`);
    }
    if (u.validFrom < parent.validFrom)
      bad(`validFrom ${u.validFrom} precedes its parent ${parent.code}'s (${parent.validFrom})`);

    const expectedParent: Partial<Record<UnitKind, UnitKind>> = {
      department: 'people-committee',
      commune: 'people-committee',
      'commune-office': 'commune',
    };
    const want = u.kind === 'partner' && u.tier === 2 ? 'commune' : expectedParent[u.kind];
    const what = u.kind === 'partner' ? `tier-${u.tier} partner` : u.kind;
    if (want && parent.kind !== want)
      bad(`a ${what} belongs to a ${want}, not to ${parent.kind} ${parent.code}`);
    if (u.kind === 'partner' && u.tier === 1 && parent.tier !== 1)
      bad(`a tier-1 partner belongs to a tier-1 unit, not to ${parent.code}`);

    // Code conventions: <province>-ABBREV, <province>-P-ABBREV, <commune>-ABBREV, <commune>-P-ABBREV.
    if (u.kind === 'commune') continue;
    const commune = u.tier === 2 ? communeOf(u, units) : undefined;
    const prefix = u.tier === 1 ? u.provinceCode : commune?.code;
    if (!prefix) continue;
    const partnerPrefix = `${prefix}-P-`;
    if (u.kind === 'partner' && !u.code.startsWith(partnerPrefix))
      bad(`a partner's code starts with ${partnerPrefix}`);
    if (u.kind !== 'partner' && (!u.code.startsWith(`${prefix}-`) || u.code.startsWith(partnerPrefix))) {
      bad(`code must start with ${prefix}- (and not ${partnerPrefix}, which is for partners)`);
    }
    if (u.code.startsWith(`${prefix}-G-`)) bad(`${prefix}-G- is for group codes`);
  }
}

/** The commune a tier-2 unit belongs to, following parents. */
function communeOf(u: LocatedUnit, units: Map<string, LocatedUnit>): LocatedUnit | undefined {
  let cur: LocatedUnit | undefined = u;
  for (let depth = 0; cur && depth < 10; depth++) {
    if (cur.kind === 'commune') return cur;
    cur = cur.parentCode ? units.get(cur.parentCode) : undefined;
  }
  return undefined;
}

function validateCommittees({ units, files }: DirectoryToValidate, problems: string[]): void {
  const committees = new Map<string, LocatedUnit>();
  for (const u of units.values()) {
    if (u.kind !== 'people-committee') continue;
    const other = committees.get(u.provinceCode);
    if (other)
      problems.push(`${u.at}: province ${u.provinceCode} already has a people's committee, ${other.code}`);
    else committees.set(u.provinceCode, u);
  }
  for (const f of files) {
    const pc = units.get(f.peopleCommitteeCode);
    if (!pc || pc.kind !== 'people-committee' || pc.provinceCode !== f.provinceCode) {
      problems.push(
        `${f.file}: peopleCommitteeCode ${f.peopleCommitteeCode} must be a people-committee unit of province ${f.provinceCode} in the file`,
      );
    } else if (pc.validTo !== null) {
      problems.push(`${f.file}: peopleCommitteeCode ${f.peopleCommitteeCode} is closed`);
    }
  }
}

function validateGroups({ units, groups }: DirectoryToValidate, problems: string[]): void {
  const seen = new Map<string, string>();
  for (const g of groups) {
    const bad = (m: string) => problems.push(`${g.at}: ${m}`);
    if (!GROUP_CODE.test(g.code))
      bad(`group code ${g.code} must look like <province or commune code>-G-NAME`);
    else {
      const prefix = g.code.slice(0, g.code.indexOf('-G-'));
      const owner =
        prefix.length === 2
          ? prefix
          : units.get(prefix)?.kind === 'commune'
            ? units.get(prefix)?.provinceCode
            : undefined;
      if (owner !== g.provinceCode)
        bad(`group code must start with the province ${g.provinceCode} or one of its communes`);
    }
    if (seen.has(g.code)) bad(`duplicate group code ${g.code} (first at ${seen.get(g.code)})`);
    else seen.set(g.code, g.at);
    if (units.has(g.code)) bad(`group code ${g.code} is also a unit code`);

    if (!Array.isArray(g.members)) {
      if (g.members.kinds.length === 0) bad('members.kinds is empty');
      continue;
    }
    const members = g.members;
    if (members.length === 0) bad('members is empty');
    const twice = members.filter((m, i) => members.indexOf(m) !== i);
    if (twice.length) bad(`members repeat ${[...new Set(twice)].join(', ')}`);
    for (const m of members) {
      const u = units.get(m);
      if (!u) bad(`member ${m} does not exist`);
      else if (u.provinceCode !== g.provinceCode)
        bad(`member ${m} is in province ${u.provinceCode}, not ${g.provinceCode}`);
      else if (u.validTo !== null) bad(`member ${m} closed on ${u.validTo}; name its successor instead`);
    }
  }
}

function validateSuccessions({ units, successions }: DirectoryToValidate, problems: string[]): void {
  const next = new Map<string, LocatedSuccession>();
  for (const s of successions) {
    const bad = (m: string) => problems.push(`${s.at}: ${m}`);
    const pred = units.get(s.predecessorCode);
    const succ = units.get(s.successorCode);
    if (!pred) bad(`predecessor ${s.predecessorCode} does not exist`);
    if (!succ) bad(`successor ${s.successorCode} does not exist`);
    if (s.predecessorCode === s.successorCode) bad('a unit cannot succeed itself');
    const first = next.get(s.predecessorCode);
    if (first) bad(`${s.predecessorCode} already has a successor (${first.at})`);
    else next.set(s.predecessorCode, s);
    if (!pred || !succ) continue;
    if (pred.provinceCode !== succ.provinceCode) bad(`successor ${succ.code} is in another province`);
    if (s.effectiveDate <= pred.validFrom)
      bad(`effectiveDate ${s.effectiveDate} must follow ${pred.code}'s validFrom ${pred.validFrom}`);
    const closes = dayBefore(s.effectiveDate);
    if (pred.validTo !== closes)
      bad(`${pred.code} must close the day before the succession: validTo ${closes}, got ${pred.validTo}`);
    if (succ.validFrom > s.effectiveDate || (succ.validTo !== null && succ.validTo < s.effectiveDate)) {
      bad(
        `successor ${succ.code} is not valid on ${s.effectiveDate} (${succ.validFrom} – ${succ.validTo ?? 'open'})`,
      );
    }
  }
  for (const start of next.keys()) {
    const path = [start];
    for (let c = next.get(start)?.successorCode; c; c = next.get(c)?.successorCode) {
      if (path.includes(c)) {
        if (c === start)
          problems.push(`${next.get(start)?.at}: succession cycle ${[...path, c].join(' → ')}`);
        break;
      }
      path.push(c);
    }
  }
  for (const u of units.values()) {
    if (u.validTo !== null && !next.has(u.code)) {
      problems.push(`${u.at}: closes on ${u.validTo} but no succession names its successor`);
    }
  }
}
