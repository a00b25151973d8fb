import { type IndicatorValueProps, reportingInvalidFields, validateIndicatorValue } from '@dieu-hanh/api/reporting/domain';
import type { IndicatorValueRequest } from '@dieu-hanh/shared/contracts';
import type { IndicatorFacts } from '../ports/reporting.store';

/**
 * Checks a unit's indicator values against the indicators it implements (kind decides the fields): every
 * error at once, each naming its field (`body.indicators.3.denominator`); nothing is stored unless all pass.
 */
export function indicatorValuesFrom(input: IndicatorValueRequest[], indicators: IndicatorFacts[], path = 'body.indicators'): IndicatorValueProps[] {
  const byId = new Map(indicators.map((i) => [i.indicatorId, i]));
  const errors: { field: string; vi: string; en: string }[] = [];
  const out: IndicatorValueProps[] = [];
  const seen = new Set<string>();
  input.forEach((v, n) => {
    const indicator = byId.get(v.indicatorId);
    if (!indicator) {
      errors.push({ field: `${path}.${n}.indicatorId`, vi: 'Chỉ tiêu không thuộc phần việc của đơn vị trong kế hoạch.', en: 'Not an indicator your unit implements in this plan.' });
      return;
    }
    if (seen.has(v.indicatorId)) {
      errors.push({ field: `${path}.${n}.indicatorId`, vi: 'Chỉ tiêu bị nhập trùng.', en: 'The indicator appears twice.' });
      return;
    }
    seen.add(v.indicatorId);
    const checked = validateIndicatorValue(indicator.kind, v);
    if (!checked.ok) {
      for (const e of checked.errors) errors.push({ field: `${path}.${n}.${e.field}`, vi: e.vi, en: e.en });
      return;
    }
    out.push({ indicatorId: v.indicatorId, ...checked.value });
  });
  if (errors.length) throw reportingInvalidFields(errors);
  return out;
}
