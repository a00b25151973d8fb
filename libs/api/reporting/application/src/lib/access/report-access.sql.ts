import type { PeriodVisibility } from '../ports/reporting.read-model';

/**
 * The SQL twin of `mayViewPeriod` (report-access.policy.ts) over a `report_period` alias and planning's
 * published `planning_plan` alias: tier 1 sees the periods of its province's city plans; a commune sees
 * its own plan's periods and those it is expected to report in — never another commune's.
 * Placeholders from `$firstParam`; `reportingUnit` is the caller's reporting unit.
 */
export function visiblePeriodSql(v: PeriodVisibility, period: string, plan: string, firstParam: number): { sql: string; params: unknown[] } {
  const p = (n: number) => `$${firstParam + n}`;
  if (v.tier === 1) return { sql: `(${plan}.province_code = ${p(0)} AND ${plan}.issuer_tier = 1)`, params: [v.provinceCode] };
  return {
    sql: `(${plan}.province_code = ${p(0)} AND ((${plan}.issuer_tier = 2 AND ${plan}.issuer_unit_code = ${p(1)})
          OR EXISTS (SELECT 1 FROM report_expected_unit ve WHERE ve.period_id = ${period}.id AND ve.unit_code = ${p(1)})))`,
    params: [v.provinceCode, v.reportingUnit],
  };
}
