/**
 * What reporting reads of other contexts, in one place: every statement here names only published views
 * (planning_plan, planning_assignment, planning_indicator, directory_unit, directory_unit_group_member).
 */

export const PLAN_FACTS_SQL = `
  SELECT plan_id AS "planId", plan_title AS "planTitle", plan_symbol AS "planSymbol", plan_status AS "planStatus", plan_year AS year,
         province_code AS "provinceCode", issuer_unit_code AS "issuerUnitCode", issuer_tier AS "issuerTier", drafting_unit_code AS "draftingUnitCode",
         focal_unit_code AS "focalUnitCode", reporting_duties AS "reportingDuties"
    FROM planning_plan WHERE plan_id = $1`;

export const UNIT_FACTS_SQL = `
  SELECT code AS "unitCode", COALESCE(short_name, official_name) AS "unitName", official_name AS "officialName", tier::int AS tier, commune_code AS "communeCode"
    FROM directory_unit WHERE code = $1 ORDER BY valid_from DESC NULLS LAST LIMIT 1`;

/** Units named for an indicator (directly or through a group) of plan $1: [role] one of implementing. */
const INDICATOR_UNITS = `
  SELECT i.indicator_id, r.value ->> 'unit' AS unit_code
    FROM planning_indicator i CROSS JOIN LATERAL jsonb_array_elements(i.implementing) r
   WHERE i.plan_id = $1 AND NOT i.removed AND r.value ? 'unit'
  UNION
  SELECT i.indicator_id, m.unit_code
    FROM planning_indicator i CROSS JOIN LATERAL jsonb_array_elements(i.implementing) r
    JOIN directory_unit_group_member m ON m.group_code = r.value ->> 'group'
   WHERE i.plan_id = $1 AND NOT i.removed AND r.value ? 'group'`;

/** Units expected to report on plan $1: assignments in force, and indicators' implementing units. */
export const EXPECTED_UNITS_SQL = `
  SELECT unit_code FROM planning_assignment WHERE plan_id = $1 AND assignment_status = 'assigned' AND NOT task_removed
  UNION
  SELECT unit_code FROM (${INDICATOR_UNITS}) iu`;

/** The indicators of plan $1 that unit $2 implements. */
export const INDICATORS_OF_UNIT_SQL = `
  SELECT i.indicator_id AS "indicatorId", i.ordinal, i.section, i.name, i.targets
    FROM planning_indicator i
   WHERE i.indicator_id IN (SELECT indicator_id FROM (${INDICATOR_UNITS}) iu WHERE iu.unit_code = $2)
   ORDER BY i.ordinal`;

/** (indicator_id, unit_code) of plan $1's indicators and the units that implement them. */
export const EXPECTED_INDICATOR_UNITS_SQL = INDICATOR_UNITS;

/** How many units implement each indicator of plan $1: one pass over the indicators and their groups' members. */
export const INDICATOR_EXPECTED_COUNTS_SQL = `
  SELECT indicator_id AS "indicatorId", count(*)::int AS n FROM (
    SELECT DISTINCT i.indicator_id, COALESCE(m.unit_code, r.value ->> 'unit') AS unit_code
      FROM planning_indicator i CROSS JOIN LATERAL jsonb_array_elements(i.implementing) r
      LEFT JOIN directory_unit_group_member m ON m.group_code = r.value ->> 'group'
     WHERE i.plan_id = $1 AND NOT i.removed AND (r.value ? 'unit' OR m.unit_code IS NOT NULL)) x
  GROUP BY indicator_id`;
