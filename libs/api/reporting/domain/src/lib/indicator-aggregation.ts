import type { IndicatorValueKind } from '@dieu-hanh/shared/contracts';
import { ratePercent } from './unit-indicator-value';

/** The numbers of a unit's value or of an aggregate (the shapes match, so aggregates aggregate again; reporting contracts' IndicatorFigure fits). */
export interface IndicatorNumbers {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  rank: number | null;
}

/** The city's (or a group's) figure for one indicator (số liệu tổng hợp). */
export type IndicatorAggregate = IndicatorNumbers;

const NOTHING: IndicatorAggregate = { numerator: null, denominator: null, value: null, rank: null };

/** Sums in ascending order, so the result does not depend on the order units reported in (floating point). */
const sum = (xs: number[]) => [...xs].sort((a, b) => a - b).reduce((s, x) => s + x, 0);

/**
 * One figure from the units' values for an indicator:
 * - rate: the ratio of sums, Σ numerators / Σ denominators × 100. Never the mean of the units' percentages:
 *   a commune with 3 of 4 households counted would weigh as much as a district with 900 of 10 000;
 *   the ratio of sums is the rate of the whole population, and the city figure can be rebuilt from
 *   any split into groups (aggregating the groups' aggregates gives the same figure);
 * - value: the sum (counts add up across units);
 * - rank: the best (lowest) rank given — normally a single unit reports the city's rank.
 * Values without the figures the kind needs are left out; nothing to count gives all nulls.
 */
export function aggregateIndicator(kind: IndicatorValueKind, values: readonly IndicatorNumbers[]): IndicatorAggregate {
  switch (kind) {
    case 'rate': {
      const parts = values.filter((v) => v.numerator !== null && v.denominator !== null);
      if (parts.length === 0) return NOTHING;
      const numerator = sum(parts.map((v) => v.numerator as number));
      const denominator = sum(parts.map((v) => v.denominator as number));
      return { numerator, denominator, value: denominator > 0 ? ratePercent(numerator, denominator) : null, rank: null };
    }
    case 'value': {
      const xs = values.map((v) => v.value).filter((x): x is number => x !== null);
      return xs.length === 0 ? NOTHING : { ...NOTHING, value: sum(xs) };
    }
    case 'rank': {
      const ranks = values.map((v) => v.rank).filter((x): x is number => x !== null);
      return ranks.length === 0 ? NOTHING : { ...NOTHING, rank: Math.min(...ranks) };
    }
  }
}
