import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Obstacle } from '@dieu-hanh/api/execution/domain';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { mayHandleObstacle, obstacleHandlerOf } from '../access/work-access.policy';
import { ObstacleRepository } from '../ports/obstacle.repository';
import { WorkRepository, eventFactsOf } from '../ports/work.repository';
import { AssignmentWorkView } from './assignment-work.view';
import { obstacleInSight } from './obstacle-in-sight';
import { personOf, refuse } from './work-command.support';
import { AnswerObstacleCommand } from './work.commands';

export const NOT_OBSTACLE_HANDLER = {
  vi: 'Chỉ cơ quan đầu mối (hoặc UBND cấp ban hành khi kế hoạch không có đầu mối) xử lý khó khăn, vướng mắc này.',
  en: 'Only the focal unit (or the issuing committee where the plan names none) handles this obstacle.',
};

/** The focal unit (else the issuing committee) answers an open obstacle. */
@CommandHandler(AnswerObstacleCommand)
export class AnswerObstacleHandler implements ICommandHandler<AnswerObstacleCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly works: WorkRepository,
    private readonly obstacles: ObstacleRepository,
    private readonly view: AssignmentWorkView,
    private readonly clock: Clock,
  ) {}

  async execute({ obstacleId, body, metadata }: AnswerObstacleCommand): Promise<AssignmentWorkDto> {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const { obstacle: props, assignment: a } = await obstacleInSight(this.obstacles, this.works, obstacleId, scope);
      if (!mayHandleObstacle(scope, a.access)) refuse(NOT_OBSTACLE_HANDLER.vi, NOT_OBSTACLE_HANDLER.en);
      const obstacle = Obstacle.restore(props, eventFactsOf(a));
      obstacle.answer({ answer: body.answer, unitCode: obstacleHandlerOf(a.access).unitCode }, scope.username, this.clock.now());
      await this.obstacles.update(obstacle.snapshot());
      tx.record(...obstacle.pullEvents());
      return this.view.build(scope, a);
    });
  }
}
