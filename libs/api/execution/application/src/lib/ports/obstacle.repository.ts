import type { ObstacleProps } from '@dieu-hanh/api/execution/domain';
import type { ObstacleDto } from '@dieu-hanh/shared/contracts';

/** Obstacles (table `obstacle`). Joins the unit of work's transaction. */
export abstract class ObstacleRepository {
  /** One obstacle; with `lock`, locked for the transaction. */
  abstract find(id: string, options?: { lock?: boolean }): Promise<ObstacleProps | null>;
  abstract insert(obstacle: ObstacleProps): Promise<void>;
  abstract update(obstacle: ObstacleProps): Promise<void>;
  /** An assignment's obstacles, oldest first. */
  abstract ofAssignment(assignmentId: string): Promise<ObstacleDto[]>;
}
