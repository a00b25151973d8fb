import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Obstacle } from '@dieu-hanh/api/execution/domain';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { mayHandleObstacle } from '../access/work-access.policy';
import { ObstacleRepository } from '../ports/obstacle.repository';
import { WorkRepository, eventFactsOf } from '../ports/work.repository';
import { NOT_OBSTACLE_HANDLER } from './answer-obstacle.handler';
import { AssignmentWorkView } from './assignment-work.view';
import { obstacleInSight } from './obstacle-in-sight';
import { personOf, refuse } from './work-command.support';
import { EscalateObstacleCommand } from './work.commands';

/** The focal unit (else the issuing committee) escalates an open obstacle to the task's directing leader. */
@CommandHandler(EscalateObstacleCommand)
export class EscalateObstacleHandler implements ICommandHandler<EscalateObstacleCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly works: WorkRepository,
    private readonly obstacles: ObstacleRepository,
    private readonly view: AssignmentWorkView,
    private readonly clock: Clock,
  ) {}

  async execute({ obstacleId, body, metadata }: EscalateObstacleCommand): Promise<AssignmentWorkDto> {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const { obstacle: props, assignment: a } = await obstacleInSight(this.obstacles, this.works, obstacleId, scope);
      if (!mayHandleObstacle(scope, a.access)) refuse(NOT_OBSTACLE_HANDLER.vi, NOT_OBSTACLE_HANDLER.en);
      const obstacle = Obstacle.restore(props, eventFactsOf(a));
      obstacle.escalate({ note: body.note, directingLeader: a.directingLeader, leaderUnitCode: a.access.issuerUnitCode }, scope.username, this.clock.now());
      await this.obstacles.update(obstacle.snapshot());
      tx.record(...obstacle.pullEvents());
      return this.view.build(scope, a);
    });
  }
}
