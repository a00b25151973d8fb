import fc from 'fast-check';
import { type IndicatorNumbers, aggregateIndicator } from './indicator-aggregation';

const rate = (numerator: number, denominator: number): IndicatorNumbers => ({ numerator, denominator, value: (numerator / denominator) * 100, rank: null });
const value = (v: number): IndicatorNumbers => ({ numerator: null, denominator: null, value: v, rank: null });
const rank = (r: number): IndicatorNumbers => ({ numerator: null, denominator: null, value: null, rank: r });

/** A unit's rate entry: whole counts, 0 ≤ n ≤ d, d ≥ 1 (households, records, enterprises…). */
const rateEntry = fc.integer({ min: 1, max: 1_000_000 }).chain((d) => fc.integer({ min: 0, max: d }).map((n) => rate(n, d)));
const rateEntries = fc.array(rateEntry, { minLength: 1, maxLength: 40 });

describe('aggregateIndicator', () => {
  it('gives all nulls when nothing was reported', () => {
    for (const kind of ['rate', 'value', 'rank'] as const) {
      expect(aggregateIndicator(kind, [])).toEqual({ numerator: null, denominator: null, value: null, rank: null });
    }
    expect(aggregateIndicator('rate', [value(3)])).toEqual({ numerator: null, denominator: null, value: null, rank: null });
  });

  it('rate: the ratio of sums, not the mean of percentages', () => {
    // a commune with 3 of 4 (75 %) and a district with 900 of 10 000 (9 %): the mean would say 42 %
    expect(aggregateIndicator('rate', [rate(3, 4), rate(900, 10_000)])).toEqual({ numerator: 903, denominator: 10_004, value: 9.03, rank: null });
  });

  it('value: the sum; rank: the best rank given', () => {
    expect(aggregateIndicator('value', [value(120), value(30.5), { ...value(0), value: null }])).toEqual({ numerator: null, denominator: null, value: 150.5, rank: null });
    expect(aggregateIndicator('rank', [rank(7), rank(5), rank(12)])).toEqual({ numerator: null, denominator: null, value: null, rank: 5 });
  });

  it('property (a): a rate equals Σ numerators / Σ denominators × 100 (to 2 decimals)', () => {
    fc.assert(
      fc.property(rateEntries, (entries) => {
        const n = entries.reduce((s, e) => s + (e.numerator as number), 0);
        const d = entries.reduce((s, e) => s + (e.denominator as number), 0);
        const agg = aggregateIndicator('rate', entries);
        expect(agg.numerator).toBe(n);
        expect(agg.denominator).toBe(d);
        expect(Math.abs((agg.value as number) - (n / d) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });

  it('property (b): the rate lies between the smallest and the largest unit rate (which the mean of ratios need not equal)', () => {
    fc.assert(
      fc.property(rateEntries, (entries) => {
        const rates = entries.map((e) => ((e.numerator as number) / (e.denominator as number)) * 100);
        const agg = aggregateIndicator('rate', entries).value as number;
        // 0.005: the aggregate is rounded to 2 decimals, the unit rates here are not
        expect(agg).toBeGreaterThanOrEqual(Math.min(...rates) - 0.005);
        expect(agg).toBeLessThanOrEqual(Math.max(...rates) + 0.005);
      }),
    );
    const entries = [rate(1, 1), rate(0, 99)];
    const meanOfRatios = (100 + 0) / 2;
    expect(aggregateIndicator('rate', entries).value).toBe(1);
    expect(aggregateIndicator('rate', entries).value).not.toBe(meanOfRatios);
  });

  it('property (c): the order units reported in does not matter', () => {
    const anyEntry = fc.oneof(
      rateEntry,
      fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(value),
      fc.integer({ min: 1, max: 100 }).map(rank),
    );
    fc.assert(
      fc.property(fc.constantFrom('rate', 'value', 'rank' as const), fc.array(anyEntry, { maxLength: 30 }), fc.nat(), (kind, entries, seed) => {
        const shuffled = [...entries];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seed + i * 7919) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(aggregateIndicator(kind, shuffled)).toEqual(aggregateIndicator(kind, entries));
      }),
    );
  });

  it('property (d): aggregating two groups\u2019 aggregates equals aggregating the union (districts → city)', () => {
    const valueEntry = fc.integer({ min: -1_000_000, max: 1_000_000 }).map(value);
    const rankEntry = fc.integer({ min: 1, max: 63 }).map(rank);
    for (const [kind, entry] of [
      ['rate', rateEntry],
      ['value', valueEntry],
      ['rank', rankEntry],
    ] as const) {
      fc.assert(
        fc.property(fc.array(entry, { maxLength: 20 }), fc.array(entry, { maxLength: 20 }), (a, b) => {
          const merged = aggregateIndicator(kind, [aggregateIndicator(kind, a), aggregateIndicator(kind, b)]);
          expect(merged).toEqual(aggregateIndicator(kind, [...a, ...b]));
        }),
      );
    }
  });
});
