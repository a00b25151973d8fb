export type UnitKind = 'people-committee' | 'department' | 'commune' | 'commune-office' | 'partner';
export interface SeedProvince {
  code: string;
  name: string;
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
  validFrom: string;
  validTo: string | null;
  aliases: string[];
}
export interface SeedGroup {
  code: string;
  name: string;
  provinceCode: string;
  /** Members with kind-based groups already expanded. */
  memberCodes: string[];
}
export interface SeedSuccession {
  predecessorCode: string;
  successorCode: string;
  kind: 'merged-into' | 'replaced-by';
  effectiveDate: string;
  note?: string;
}
export interface DirectorySeed {
  provinces: SeedProvince[];
  units: SeedUnit[];
  groups: SeedGroup[];
  successions: SeedSuccession[];
}
export interface DemoAccount {
  realm: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
  unit: string;
  tier: 1 | 2;
  roles: string[];
  title: string;
}
export interface RealmsSeed {
  version: number;
  roles: { name: string; description: string }[];
  clients: { clientId: string; kind: 'bearer-only' | 'confidential' | 'public'; name: string; secret?: string; directAccessGrants?: boolean; port?: number }[];
  audience: string;
  realms: { realm: string; provinceCode: string; displayName: string }[];
}

/** The per-province file under seeds/organization/directory/. */
export interface DirectoryFile {
  version: number;
  provinceCode: string;
  peopleCommitteeCode: string;
  communesFromCsv: 'all' | string[];
  communeValidFrom?: string;
  units: (Omit<SeedUnit, 'provinceCode'> & { provinceCode?: string })[];
  groups: { code: string; name: string; members: string[] | { kinds: UnitKind[] } }[];
  successions: SeedSuccession[];
}
