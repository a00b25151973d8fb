import { type ObstacleProps, obstacleNotFound } from '@dieu-hanh/api/execution/domain';
import type { AccessScope, DomainError } from '@dieu-hanh/api/shared/kernel';
import type { ObstacleRepository } from '../ports/obstacle.repository';
import type { AssignmentOfWork, WorkRepository } from '../ports/work.repository';
import { assignmentInSight } from './work-command.support';

/** An obstacle (locked) and its assignment, when the caller sees the assignment; else 404 for the obstacle. */
export async function obstacleInSight(
  obstacles: ObstacleRepository,
  works: WorkRepository,
  obstacleId: string,
  scope: AccessScope,
): Promise<{ obstacle: ObstacleProps; assignment: AssignmentOfWork }> {
  const obstacle = await obstacles.find(obstacleId, { lock: true });
  if (!obstacle) throw obstacleNotFound(obstacleId);
  try {
    return { obstacle, assignment: await assignmentInSight(works, obstacle.assignmentId, scope) };
  } catch (e) {
    if ((e as DomainError).kind === 'not-found') throw obstacleNotFound(obstacleId);
    throw e;
  }
}
