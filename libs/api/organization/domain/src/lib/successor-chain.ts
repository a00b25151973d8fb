export interface SuccessionLink {
  predecessorCode: string;
  successorCode: string;
  kind: string;
  effectiveDate: string;
  note: string | null;
}

/**
 * Follows succession links from a unit to the unit responsible today (e.g. Sở TT&TT → Sở KH&CN).
 * `next` returns the latest succession of a unit, if any. Stops on a cycle instead of looping.
 */
export function followSuccessors(start: string, next: (code: string) => SuccessionLink | undefined): SuccessionLink[] {
  const chain: SuccessionLink[] = [];
  const seen = new Set([start]);
  let link = next(start);
  while (link && !seen.has(link.successorCode)) {
    chain.push(link);
    seen.add(link.successorCode);
    link = next(link.successorCode);
  }
  return chain;
}
