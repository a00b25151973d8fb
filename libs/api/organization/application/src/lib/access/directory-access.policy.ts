import { forbidden, hasRole } from '@dieu-hanh/api/shared/auth';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';

/**
 * The organization context's access policy, the one place its rules are written (docs/domain.md, "Who
 * sees and does what"). Pure TypeScript: the directory's commands and queries ask it; its SQL twin,
 * `directory-access.sql.ts` beside this file, says the same visibility as a WHERE clause for searches; a
 * parity test on PostgreSQL (`directory-access.parity.int.spec.ts`, organization infrastructure) fails
 * when one of the two changes alone.
 *
 * - tier 1 (city leaders, departments, administrators): the whole province's directory.
 * - tier 2 (communes): their own commune and its offices, plus the province-level units they deal with;
 *   never another commune. Another province: never.
 * - Managing the directory: the province's administrators (tier 1). Its history: administrators and leaders.
 */
export type UnitVisibility =
  | { kind: 'province'; provinceCode: string }
  | { kind: 'commune'; provinceCode: string; communeCode: string | null };

export interface UnitFacts {
  code: string;
  provinceCode: string;
  tier: 1 | 2;
  communeCode: string | null;
}

export function unitVisibility(scope: AccessScope): UnitVisibility {
  if (scope.tier === 1) return { kind: 'province', provinceCode: scope.provinceCode };
  // A tier-2 account without a commune sees nothing of tier 2 but the province units.
  return { kind: 'commune', provinceCode: scope.provinceCode, communeCode: scope.communeCode };
}

/** Whether a visibility sees a unit (the SQL twin: `unitVisibilitySql`). */
export function seesUnit(v: UnitVisibility, unit: Omit<UnitFacts, 'code'>): boolean {
  if (unit.provinceCode !== v.provinceCode) return false;
  if (v.kind === 'province') return true;
  return unit.tier === 1 || (v.communeCode !== null && unit.communeCode === v.communeCode);
}

export function canSeeUnit(scope: AccessScope, unit: UnitFacts): boolean {
  return seesUnit(unitVisibility(scope), unit);
}

export function canManageDirectory(scope: AccessScope, provinceCode: string): boolean {
  return hasRole(scope, 'admin') && scope.tier === 1 && scope.provinceCode === provinceCode;
}

export function assertCanManageDirectory(scope: AccessScope, provinceCode: string): void {
  if (!canManageDirectory(scope, provinceCode)) {
    throw forbidden(
      'Chỉ quản trị viên của tỉnh, thành phố mới được quản lý danh mục đơn vị.',
      "Only the province's administrators may manage the unit directory.",
    );
  }
}

/** Event history of units is an audit view: administrators and leaders of the province. */
export function canReadDirectoryHistory(scope: AccessScope): boolean {
  return scope.tier === 1 && (hasRole(scope, 'admin') || hasRole(scope, 'leader'));
}
