import type { WorkVisibility } from './work-access.policy';

/**
 * The SQL twin of `mayViewWork` (work-access.policy.ts): the same visibility as a predicate over an
 * alias of planning's published view `planning_assignment`, for lists that cannot ask the TypeScript
 * policy row by row. A pure string builder (no database import); the holder's commune is read through
 * the directory's published view `directory_unit`. Change a rule here and in the policy together: the
 * parity test (`work-access.parity.int.spec.ts`, execution infrastructure) compares both.
 *
 * `firstParam` is the number of the first `$n` placeholder the predicate may use; append the returned
 * `params` to the query's parameters in that position.
 */
export function visibleWorkSql(v: WorkVisibility, alias: string, firstParam: number): { sql: string; params: unknown[] } {
  const p = (n: number) => `$${firstParam + n}`;
  const a = alias;
  if (v.tier === 2) {
    // A commune sees its own units' assignments only, never another commune's nor a department's.
    if (v.communeCode === null) {
      return { sql: `(${a}.province_code = ${p(0)} AND ${a}.unit_code = ${p(1)})`, params: [v.provinceCode, v.unitCode] };
    }
    return {
      sql: `(${a}.province_code = ${p(0)} AND (${a}.unit_code = ${p(1)} OR EXISTS (SELECT 1 FROM directory_unit wvu WHERE wvu.code = ${a}.unit_code AND wvu.commune_code = ${p(2)})))`,
      params: [v.provinceCode, v.unitCode, v.communeCode],
    };
  }
  if (v.seesWholeProvince) return { sql: `(${a}.province_code = ${p(0)})`, params: [v.provinceCode] };
  return {
    sql: `(${a}.province_code = ${p(0)} AND (${a}.unit_code = ${p(1)} OR ${a}.focal_unit_code = ${p(1)} OR ${a}.drafting_unit_code = ${p(1)} OR ${a}.issuer_unit_code = ${p(1)}
      OR EXISTS (SELECT 1 FROM planning_assignment wvl WHERE wvl.task_id = ${a}.task_id AND wvl.role = 'lead' AND wvl.assignment_status = 'assigned' AND wvl.unit_code = ${p(1)})))`,
    params: [v.provinceCode, v.unitCode],
  };
}
