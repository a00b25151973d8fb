/**
 * A question one context may ask the organization context through the QueryBus without importing it:
 * the directory as of a date, for the given unit and group codes (fan-out of issued plans).
 */
export class DirectorySnapshotQuery {
  constructor(
    readonly provinceCode: string,
    readonly asOf: string,
    readonly unitCodes: string[],
    readonly groupCodes: string[],
  ) {}
}

export interface DirectorySnapshot {
  /** The province's people's committee (UBND tỉnh/thành phố), issuer of city plans. */
  peopleCommitteeCode: string | null;
  /** valid | closed on that date; units not listed are unknown (or in another province). */
  units: Record<string, { state: 'valid' | 'closed'; tier: 1 | 2; communeCode: string | null; shortName: string }>;
  successors: Record<string, string>;
  /** Current members of each group on that date; groups not listed are unknown. */
  groups: Record<string, string[]>;
}

/**
 * Which of these units had been succeeded (merged into, replaced by another) by `asOf`: lets a context
 * catch up on successions it could not apply when they were recorded (future-dated, or missed).
 */
export class SuccessionsInForceQuery {
  constructor(
    readonly asOf: string,
    readonly predecessorCodes: string[],
  ) {}
}

export interface SuccessionInForce {
  predecessorCode: string;
  successorCode: string;
  effectiveDate: string;
}
