import type { EntityManager } from 'typeorm';

/**
 * The live rows of a plan's tasks and indicators, in order, shaped like the domain and the contracts
 * (which agree on these fields): one place for the write side's load and the read side's detail.
 */
export function liveTasksOf<T>(m: EntityManager, planId: string): Promise<T[]> {
  return m.query(
    `SELECT id, parent_task_id AS "parentTaskId", ordinal, section, content, expected_result AS "expectedResult",
            directing_leader AS "directingLeader", timeframe, timeframe_normalized AS "timeframeNormalized", notes, leads, coordinators
       FROM plan_task WHERE plan_id = $1 AND removed_at IS NULL ORDER BY ordinal`,
    [planId],
  );
}

export function liveIndicatorsOf<T>(m: EntityManager, planId: string): Promise<T[]> {
  return m.query(
    `SELECT id, ordinal, section, name, targets, directing_leader AS "directingLeader", focal, implementing, coordinators
       FROM plan_indicator WHERE plan_id = $1 AND removed_at IS NULL ORDER BY ordinal`,
    [planId],
  );
}
