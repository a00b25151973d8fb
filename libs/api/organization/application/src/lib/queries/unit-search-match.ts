import type { SuccessionKind, UnitDto, UnitMatchDto } from '@dieu-hanh/shared/contracts';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';

/** A unit that a search result succeeds (directly or down a chain), with its own succession. */
export interface PredecessorNames {
  /** The search result it leads to. */
  successorCode: string;
  code: string;
  shortName: string;
  officialName: string;
  aliases: string[];
  /** How and when this predecessor was succeeded (yyyy-MM-dd). */
  kind: SuccessionKind;
  effectiveDate: string;
}

/** The words of a search, as the directory's SQL matches them: folded, split on spaces, at most 8. */
export function searchTokens(text: string | undefined): string[] {
  return text ? foldVietnamese(text).split(' ').filter(Boolean).slice(0, 8) : [];
}

const holdsAll = (tokens: string[], text: string) => {
  const folded = foldVietnamese(text);
  return tokens.every((t) => folded.includes(t));
};
const countHeld = (tokens: string[], text: string) => {
  const folded = foldVietnamese(text);
  return tokens.filter((t) => folded.includes(t)).length;
};

/** The unit's own code and names hold every word: no explanation needed. */
export function ownNamesHold(tokens: string[], unit: Pick<UnitDto, 'code' | 'shortName' | 'officialName'>): boolean {
  return holdsAll(tokens, [unit.code, unit.shortName, unit.officialName].join(' | '));
}

/**
 * Why `unit` came out of a search for `tokens` when its own code and names do not hold them: the name
 * of a unit it succeeds (nearest first) — "Sở TT&TT" finds Sở Khoa học và Công nghệ because it took over
 * Sở Thông tin và Truyền thông on 01/03/2025 — else the alias holding most of the words. Undefined when
 * its own names explain the match, or nothing does.
 */
export function explainUnitMatch(
  tokens: string[],
  unit: Pick<UnitDto, 'code' | 'shortName' | 'officialName' | 'aliases'>,
  predecessors: PredecessorNames[] = [],
): UnitMatchDto | undefined {
  if (tokens.length === 0) return undefined;
  if (ownNamesHold(tokens, unit)) return undefined;
  for (const p of predecessors) {
    if (p.successorCode !== unit.code) continue;
    const names = [p.shortName, p.officialName, ...p.aliases, p.code];
    const text = names.find((n) => holdsAll(tokens, n)) ?? (holdsAll(tokens, names.join(' | ')) ? p.shortName : null);
    if (text === null) continue;
    return { via: 'predecessor', text, predecessorCode: p.code, predecessorName: p.shortName, successionKind: p.kind, effectiveDate: p.effectiveDate };
  }
  let best: { text: string; held: number } | null = null;
  for (const alias of unit.aliases) {
    const held = countHeld(tokens, alias);
    if (held > 0 && (!best || held > best.held)) best = { text: alias, held };
  }
  return best ? { via: 'alias', text: best.text } : undefined;
}
