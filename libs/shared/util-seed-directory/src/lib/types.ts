/** What a unit is: the province's committee, a department or city body, a commune, an office inside a commune, or a partner. */
export type UnitKind = 'people-committee' | 'department' | 'commune' | 'commune-office' | 'partner';
export const UNIT_KINDS: readonly UnitKind[] = [
  'people-committee',
  'department',
  'commune',
  'commune-office',
  'partner',
];

export type SuccessionKind = 'merged-into' | 'replaced-by';
export const SUCCESSION_KINDS: readonly SuccessionKind[] = ['merged-into', 'replaced-by'];

export interface SeedProvince {
  code: string;
  name: string;
  /** The login realm of the province: an ASCII kebab slug of its name (`ha-noi`, `ho-chi-minh`). */
  realm: string;
}

export interface SeedUnit {
  code: string;
  officialName: string;
  shortName: string;
  kind: UnitKind;
  tier: 1 | 2;
  parentCode: string | null;
  provinceCode: string;
  /** yyyy-MM-dd. */
  validFrom: string;
  /** yyyy-MM-dd, the last day the unit existed; null while it exists. */
  validTo: string | null;
  /** Every other form plans use for the unit (abbreviations, older names); the short name comes first. */
  aliases: string[];
}

export interface SeedGroup {
  code: string;
  name: string;
  provinceCode: string;
  /** Members, sorted; kind-based groups are already expanded to the province's current units of those kinds. */
  memberCodes: string[];
}

export interface SeedSuccession {
  predecessorCode: string;
  successorCode: string;
  kind: SuccessionKind;
  /** yyyy-MM-dd, the first day the successor is responsible; the predecessor's validTo is the day before. */
  effectiveDate: string;
  note?: string;
}

export interface DirectorySeed {
  provinces: SeedProvince[];
  units: SeedUnit[];
  groups: SeedGroup[];
  successions: SeedSuccession[];
}

export type DirectoryScope = 'demo' | 'national';

/** One file under `seeds/organization/directory/`: the hand-written units of one province. */
export interface DirectoryFile {
  version: 1;
  provinceCode: string;
  peopleCommitteeCode: string;
  /** Which communes of the province the CSV contributes in the demo scope. */
  communesFromCsv: 'all' | string[];
  /** validFrom of those communes; 2025-07-01 (the two-tier model) when absent. */
  communeValidFrom?: string;
  /** provinceCode defaults to the file's. */
  units: (Omit<SeedUnit, 'provinceCode'> & { provinceCode?: string })[];
  groups: DirectoryFileGroup[];
  successions: SeedSuccession[];
}

export interface DirectoryFileGroup {
  code: string;
  name: string;
  /** Explicit member codes, or every current unit of the province of these kinds. */
  members: string[] | { kinds: UnitKind[] };
}

/** `seeds/identity/demo-accounts.json`. */
export interface DemoAccount {
  realm: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Code of the account's unit in the directory. */
  unit: string;
  tier: 1 | 2;
  roles: string[];
  title: string;
}

export type RealmClientKind = 'bearer-only' | 'confidential' | 'public';

/** `seeds/identity/realms.json`. */
export interface RealmsSeed {
  version: number;
  description?: string;
  roles: { name: string; description: string }[];
  clients: {
    clientId: string;
    kind: RealmClientKind;
    name: string;
    secret?: string;
    directAccessGrants?: boolean;
    port?: number;
  }[];
  audience: string;
  realms: { realm: string; provinceCode: string; displayName: string }[];
}
