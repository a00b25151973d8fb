import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { forbidden } from './auth.errors';

/**
 * The two-tier access model in one place (DOMAIN.md). Every query and command asks these functions;
 * no controller decides access by itself.
 *
 * - tier 1 (city leaders, departments, administrators): the whole province's directory.
 * - tier 2 (communes): their own commune and its offices, plus the province-level units they deal with;
 *   never another commune.
 */
export type UnitVisibility =
  | { kind: 'province'; provinceCode: string }
  | { kind: 'commune'; provinceCode: string; communeCode: string };

export interface UnitFacts {
  code: string;
  provinceCode: string;
  tier: 1 | 2;
  communeCode: string | null;
}

export function hasRole(scope: AccessScope, role: string): boolean {
  return scope.roles.includes(role);
}

export function unitVisibility(scope: AccessScope): UnitVisibility {
  if (scope.tier === 1) return { kind: 'province', provinceCode: scope.provinceCode };
  // A tier-2 account without a commune sees nothing of tier 2 but the province units.
  return { kind: 'commune', provinceCode: scope.provinceCode, communeCode: scope.communeCode ?? '\u0000none' };
}

export function canSeeUnit(scope: AccessScope, unit: UnitFacts): boolean {
  const v = unitVisibility(scope);
  if (unit.provinceCode !== v.provinceCode) return false;
  if (v.kind === 'province') return true;
  return unit.tier === 1 || unit.communeCode === v.communeCode;
}

/** Unit groups: tier 1 sees every group of its province; a commune only the groups it belongs to. */
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

/**
 * Plans (DOMAIN.md): leaders and the committee office see every submitted plan of the province; a
 * department sees the plans it drafts, is focal for, or holds assignments in; a commune sees its own
 * plans and those it holds assignments in — and, inside a plan, only the assignments that are its own.
 */
export interface PlanVisibility {
  provinceCode: string;
  unitCode: string;
  communeCode: string | null;
  seesWholeProvince: boolean;
}

export function planVisibility(scope: AccessScope): PlanVisibility {
  return {
    provinceCode: scope.provinceCode,
    unitCode: scope.unitCode,
    communeCode: scope.tier === 2 ? scope.communeCode : null,
    seesWholeProvince: scope.tier === 1 && (hasRole(scope, 'leader') || hasRole(scope, 'office-officer')),
  };
}

/**
 * Write scope of a plan (DOMAIN.md): what a unit may assign follows the tier of the committee that
 * issues the plan. A city plan may assign any unit of its province; a commune's plan (its own, or its
 * implementing plan of a city plan) only the commune itself and its own offices — never another commune,
 * a department or the city committee, directly or through a group.
 */
export type PlanIssuer = { tier: 1 } | { tier: 2; communeCode: string };

/** The issuer of a plan, from the plan's own issuing committee (UBND of the province, or the commune). */
export function planIssuer(plan: { issuerTier: 1 | 2; issuerUnitCode: string }): PlanIssuer {
  return plan.issuerTier === 1 ? { tier: 1 } : { tier: 2, communeCode: plan.issuerUnitCode };
}

export function mayAssignUnit(issuer: PlanIssuer, unit: Pick<UnitFacts, 'tier' | 'communeCode'>): boolean {
  return issuer.tier === 1 || (unit.tier === 2 && unit.communeCode === issuer.communeCode);
}
