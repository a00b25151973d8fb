import type { UnitVisibility } from '../access/directory-access.policy';
import type { PredecessorNames } from '../queries/unit-search-match';
import type { UnitDto, UnitGroupDto, UnitKind, UnitSuccessionDto } from '@dieu-hanh/shared/contracts';

export interface UnitSearchCriteria {
  text?: string;
  kind?: UnitKind;
  tier?: 1 | 2;
  provinceCode?: string;
  groupCode?: string;
  parentCode?: string;
  /** Include closed units (validTo in the past). Default: only units valid today. */
  includeClosed?: boolean;
  limit: number;
  offset: number;
}

/** Read side of the directory: plain SQL tuned for search screens, filtered by the caller's visibility. */
export abstract class UnitDirectoryReadModel {
  abstract search(criteria: UnitSearchCriteria, visibility: UnitVisibility): Promise<{ items: UnitDto[]; total: number }>;
  abstract get(code: string, visibility: UnitVisibility): Promise<UnitDto | null>;
  abstract successions(code: string): Promise<UnitSuccessionDto[]>;
  /**
   * Every unit the given units succeed, directly or down a chain (nearest first), with each one's own
   * succession: what explains a search result found by a former unit's name.
   */
  abstract predecessors(codes: string[]): Promise<PredecessorNames[]>;
  abstract groups(visibility: UnitVisibility): Promise<UnitGroupDto[]>;
  abstract group(code: string, visibility: UnitVisibility): Promise<UnitGroupDto | null>;
}
