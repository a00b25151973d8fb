import type { PlanRoleDto } from '@dieu-hanh/shared/contracts';
import type { PlanVisibility } from './plan-access.policy';

/**
 * The SQL twin of `plan-access.policy.ts`: the same visibility, roles and holding rules as predicates
 * over `plan p`, for lists and pages that cannot ask the TypeScript policy row by row. Pure string
 * builders over `$n` parameters (no database import); units are read through the directory's published
 * view `directory_unit`. Change a rule here and in the policy together: the parity test
 * (`plan-access.parity.int.spec.ts`, planning infrastructure) compares both on every scope × plan.
 */
export interface PlanAccessSql {
  /** The plan is in the caller's sight (`mayView`). */
  where: string;
  /** One predicate per role of the caller's unit in the plan (`planRoles`). */
  roles: Record<PlanRoleDto, string>;
  /**
   * The caller's holder unit holds an assignment in force (`holdsAssignment`). Pushes its own parameter
   * when called (PostgreSQL refuses a parameter no predicate uses).
   */
  holds: () => string;
}

/** The caller's unit, and for a commune account also the commune's offices, as SQL on `$unit`/`$commune`. */
function mine(column: string, unit: string, commune: string): string {
  return `(${column} = ${unit} OR (${commune}::text IS NOT NULL AND EXISTS (SELECT 1 FROM directory_unit mu WHERE mu.code = ${column} AND mu.commune_code = ${commune})))`;
}

/** Appends the caller's parameters to `params` and returns the predicates that use them. */
export function planAccessSql(v: PlanVisibility, params: unknown[]): PlanAccessSql {
  params.push(v.provinceCode, v.unitCode, v.communeCode);
  const [prov, unit, commune] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
  // The issuing committee sees a plan once it is submitted; the drafting unit sees its drafts too.
  const own = `(p.drafting_unit_code = ${unit} OR (p.issuer_unit_code = ${unit} AND p.status <> 'draft') OR p.focal_unit_code = ${unit}
      OR (${commune}::text IS NOT NULL AND p.issuer_unit_code = ${commune})
      OR EXISTS (SELECT 1 FROM assignment a JOIN directory_unit au ON au.code = a.unit_code
                  WHERE a.plan_id = p.id AND (a.unit_code = ${unit} OR (${commune}::text IS NOT NULL AND au.commune_code = ${commune})))
      OR (p.parent_plan_id IS NOT NULL AND p.status <> 'draft' AND EXISTS (
            SELECT 1 FROM plan pp WHERE pp.id = p.parent_plan_id AND (pp.focal_unit_code = ${unit} OR pp.drafting_unit_code = ${unit}))))`;
  const where = v.seesWholeProvince
    ? `p.province_code = ${prov} AND (p.status <> 'draft' OR ${own})`
    : `p.province_code = ${prov} AND ${own}`;
  const holdsRole = (role: 'lead' | 'coordinator') =>
    `EXISTS (SELECT 1 FROM assignment ra WHERE ra.plan_id = p.id AND ra.status = 'assigned' AND ra.role = '${role}' AND ${mine('ra.unit_code', unit, commune)})`;
  return {
    where,
    roles: {
      drafting: `p.drafting_unit_code = ${unit}`,
      focal: `p.focal_unit_code = ${unit}`,
      issuer: `(p.issuer_unit_code = ${unit} OR p.issuer_unit_code = ${commune})`,
      lead: holdsRole('lead'),
      coordinator: holdsRole('coordinator'),
    },
    holds: () => {
      params.push(v.holderCode);
      return `EXISTS (SELECT 1 FROM assignment h WHERE h.plan_id = p.id AND h.status = 'assigned' AND h.unit_code = $${params.length})`;
    },
  };
}

/** The roles as one text[] column, `"myRoles"`, in the policy's order. */
export function myRolesSql(roles: PlanAccessSql['roles']): string {
  const order: PlanRoleDto[] = ['drafting', 'focal', 'issuer', 'lead', 'coordinator'];
  return `array_remove(ARRAY[${order.map((name) => `CASE WHEN ${roles[name]} THEN '${name}' END`).join(', ')}], NULL) AS "myRoles"`;
}

/** The facts `allowedActions` needs besides status and roles, as columns of a plan row (pushes a parameter). */
export function standingSql(access: PlanAccessSql): string {
  return `p.issuer_tier::int AS "issuerTier", ${access.holds()} AS "holdsAssignment"`;
}
