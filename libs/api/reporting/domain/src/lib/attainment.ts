import type { IndicatorFigureDto } from '@dieu-hanh/shared/contracts';
import type { IndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';

export type Attainment = IndicatorFigureDto['attainment'];

/**
 * "Khoảng 30%" (about 30 %) is met within a tenth of the target either way (27–33 %). The plan gives an
 * estimate, not a floor, so a figure far above it is as far off the plan as one far below. The tolerance is
 * relative so it means the same for "Khoảng 30%" and "Khoảng 500.000 lượt"; a tenth is the product's choice,
 * kept in this one constant.
 */
export const APPROXIMATE_TOLERANCE = 0.1;

/** Folded label without list marks or trailing colon: "- Cấp xã:" and "cap xa" compare equal. */
const labelKey = (label: string) =>
  foldVietnamese(label)
    .replace(/^[-+*•\s]+/, '')
    .replace(/[\s:]+$/, '');

/**
 * Whether a figure meets the year's target (đạt / không đạt):
 * - a value target by its comparator; a bare number ("100%", "95%") is a level to reach, so it is met at or
 *   above it (a bare 0 — "0 vụ" — is met only at 0); "Khoảng" by {@link APPROXIMATE_TOLERANCE};
 * - a range ("7% - 7,5%") when min ≤ value ≤ max;
 * - a rank ("Tốp 5") when rank ≤ top;
 * - a multi-part target only for the part the caller names (`partLabel`, e.g. "Cấp xã" for a commune's own
 *   figure), matched without diacritics; the city figure has no single part to meet, so it is `unknown`.
 * A target that cannot be read is `unknown` even without data (it will never be judged); a readable target
 * without the figure it needs is `no-data`.
 */
export function judgeAttainment(target: IndicatorTarget | null, figure: { value: number | null; rank: number | null }, partLabel?: string | null): Attainment {
  if (target === null) return 'unknown';
  switch (target.kind) {
    case 'unknown':
      return 'unknown';
    case 'multi': {
      if (!partLabel) return 'unknown';
      const key = labelKey(partLabel);
      const part = target.parts.find((p) => labelKey(p.label) === key);
      return part ? judgeAttainment(part.target, figure) : 'unknown';
    }
    case 'rank':
      if (figure.rank === null) return 'no-data';
      return figure.rank <= target.top ? 'met' : 'not-met';
    case 'range':
      if (figure.value === null) return 'no-data';
      return figure.value >= target.min && figure.value <= target.max ? 'met' : 'not-met';
    case 'value': {
      const v = figure.value;
      if (v === null) return 'no-data';
      const t = target.value;
      return meets(target.comparator, v, t) ? 'met' : 'not-met';
    }
  }
}

function meets(comparator: Extract<IndicatorTarget, { kind: 'value' }>['comparator'], v: number, t: number): boolean {
  switch (comparator) {
    case '=':
      return t === 0 ? v === 0 : v >= t;
    case '>':
      return v > t;
    case '>=':
      return v >= t;
    case '<':
      return v < t;
    case '<=':
      return v <= t;
    case '~':
      // a hair of slack: 33 against "Khoảng 30%" is 3.0000000000000004 away in floating point
      return Math.abs(v - t) <= APPROXIMATE_TOLERANCE * Math.abs(t) + 1e-9;
  }
}
