import type { IndicatorValueKind } from '@dieu-hanh/shared/contracts';
import type { IndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';

/** "Tỷ lệ …" / "Tỉ lệ …" (both spellings are in use), after any list marker ("- Tỷ lệ báo cáo …"). */
const RATE_NAME = /^(?:[-+*•.\d)\s]+)?t[yi] le\b/;

/** Whether a target (or, for a multi-part target, its parts) asks for a rank or a percentage. */
function targetKind(target: IndicatorTarget): IndicatorValueKind | null {
  switch (target.kind) {
    case 'rank':
      return 'rank';
    case 'value':
    case 'range':
      return target.unit === '%' ? 'rate' : null;
    case 'multi': {
      const kinds = target.parts.map((p) => targetKind(p.target));
      // a percentage anywhere means every unit reports a numerator and denominator; rank only when all parts are ranks
      if (kinds.includes('rate')) return 'rate';
      if (kinds.length > 0 && kinds.every((k) => k === 'rank')) return 'rank';
      return null;
    }
    case 'unknown':
      return null;
  }
}

/**
 * How units report an indicator (loại chỉ tiêu): `rank` for "Tốp 5", `rate` (tỷ lệ: numerator and denominator)
 * for a percentage target or a name beginning with "Tỷ lệ", else a plain `value`. The target decides first
 * because it is what the figure is judged against; the name covers targets that cannot be read.
 */
export function indicatorKind(name: string, target: IndicatorTarget | null): IndicatorValueKind {
  const fromTarget = target ? targetKind(target) : null;
  if (fromTarget) return fromTarget;
  return RATE_NAME.test(foldVietnamese(name)) ? 'rate' : 'value';
}
