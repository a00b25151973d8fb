import type { Tier } from './roles';

/** Kinds of unit in the directory (loại đơn vị). */
export const UnitKind = {
  PeopleCommittee: 'people-committee', // UBND tỉnh/thành phố
  Department: 'department', // Sở, ban, ngành và cơ quan thuộc thành phố
  Commune: 'commune', // UBND xã, phường, đặc khu
  CommuneOffice: 'commune-office', // phòng, ban thuộc UBND cấp xã
  Partner: 'partner', // báo chí, doanh nghiệp, hiệp hội
} as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];
export const UNIT_KINDS: readonly UnitKind[] = Object.values(UnitKind);

export const SuccessionKind = {
  MergedInto: 'merged-into', // sáp nhập vào
  ReplacedBy: 'replaced-by', // được thay thế bởi
} as const;
export type SuccessionKind = (typeof SuccessionKind)[keyof typeof SuccessionKind];
export const SUCCESSION_KINDS: readonly SuccessionKind[] = Object.values(SuccessionKind);

export interface UnitDto {
  code: string;
  officialName: string;
  shortName: string;
  kind: UnitKind;
  tier: Tier;
  parentCode: string | null;
  provinceCode: string;
  /** dd/MM/yyyy is for display; the API speaks ISO dates (yyyy-MM-dd). */
  validFrom: string;
  validTo: string | null;
  aliases: string[];
  groupCodes: string[];
}

/**
 * Why a search result matched when its own code and names do not hold the words searched:
 * one of its other names (`alias`), or the name of a unit it succeeds (`predecessor`, with the
 * succession: "Sở TT&TT" finds Sở Khoa học và Công nghệ, its successor since 01/03/2025).
 */
export interface UnitMatchDto {
  via: 'alias' | 'predecessor';
  /** The name that matched, as written in the directory. */
  text: string;
  /** For `predecessor`: the unit succeeded, how and since when (yyyy-MM-dd). */
  predecessorCode?: string;
  predecessorName?: string;
  successionKind?: SuccessionKind;
  effectiveDate?: string;
}

/** A unit in a search answer; `matched` is present only when the words matched another name than its own. */
export interface UnitSearchResultDto extends UnitDto {
  matched?: UnitMatchDto;
}

export interface UnitListDto {
  items: UnitSearchResultDto[];
  total: number;
  limit: number;
  offset: number;
}

export interface UnitGroupDto {
  code: string;
  name: string;
  provinceCode: string;
  memberCount: number;
}

export interface UnitSuccessionDto {
  predecessorCode: string;
  successorCode: string;
  kind: SuccessionKind;
  effectiveDate: string;
  note: string | null;
}

export interface SuccessorChainDto {
  unitCode: string;
  /** Successions in order, from the unit to the unit currently responsible. */
  chain: UnitSuccessionDto[];
  currentUnitCode: string;
}

export interface RegisterUnitRequest {
  code: string;
  officialName: string;
  shortName: string;
  kind: UnitKind;
  tier: Tier;
  parentCode: string | null;
  validFrom: string;
  aliases?: string[];
}

export interface UpdateUnitRequest {
  officialName?: string;
  shortName?: string;
  aliases?: string[];
}

export interface RecordSuccessionRequest {
  successorCode: string;
  kind: SuccessionKind;
  effectiveDate: string;
  note?: string;
}
