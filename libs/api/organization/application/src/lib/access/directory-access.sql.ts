import type { UnitVisibility } from './directory-access.policy';

/**
 * The SQL twin of `directory-access.policy.ts`: unit visibility as a WHERE clause over a unit table
 * alias (`org_unit u`). A pure string builder over `$n` parameters. Change it and `seesUnit` together:
 * the parity test (`directory-access.parity.int.spec.ts`, organization infrastructure) compares both.
 */
export function unitVisibilitySql(v: UnitVisibility, params: unknown[], alias = 'u'): string {
  params.push(v.provinceCode);
  const p = `$${params.length}`;
  if (v.kind === 'province') return `${alias}.province_code = ${p}`;
  params.push(v.communeCode);
  return `${alias}.province_code = ${p} AND (${alias}.tier = 1 OR ${alias}.commune_code = $${params.length})`;
}

/** A unit in force on a day (`$n` = the day as yyyy-MM-dd, Vietnam's: `Clock.today()`). */
export function inForceSql(alias: string, dayParam: string): string {
  return `(${alias}.valid_to IS NULL OR ${alias}.valid_to >= ${dayParam}::date)`;
}
