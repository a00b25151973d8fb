import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Obstacle, workTransitionRefused } from '@dieu-hanh/api/execution/domain';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { actsForAssignee, obstacleHandlerOf } from '../access/work-access.policy';
import { ObstacleRepository } from '../ports/obstacle.repository';
import { WorkRepository, eventFactsOf } from '../ports/work.repository';
import { AssignmentWorkView } from './assignment-work.view';
import { NOT_ASSIGNEE, assertOpenForWork, assignmentInSight, personOf, refuse } from './work-command.support';
import { RaiseObstacleCommand } from './work.commands';

/** The assignee records an obstacle with a proposal; it goes to the focal unit, else the issuing committee. */
@CommandHandler(RaiseObstacleCommand)
export class RaiseObstacleHandler implements ICommandHandler<RaiseObstacleCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly works: WorkRepository,
    private readonly obstacles: ObstacleRepository,
    private readonly view: AssignmentWorkView,
    private readonly clock: Clock,
  ) {}

  async execute({ assignmentId, body, metadata }: RaiseObstacleCommand): Promise<AssignmentWorkDto> {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const a = await assignmentInSight(this.works, assignmentId, scope);
      if (!actsForAssignee(scope, a.access)) refuse(NOT_ASSIGNEE.vi, NOT_ASSIGNEE.en);
      assertOpenForWork(a);
      const props = await this.works.lock(a);
      if (props.verification === 'verified') {
        throw workTransitionRefused('Kết quả thực hiện đã được xác nhận.', 'The work was already verified.', 'verified');
      }
      const obstacle = Obstacle.raise(
        {
          id: randomUUID(),
          assignmentId: a.assignmentId,
          description: body.description,
          proposal: body.proposal,
          handlerUnitCode: obstacleHandlerOf(a.access).unitCode,
          raisedUnitCode: a.access.unitCode,
        },
        eventFactsOf(a),
        scope.username,
        this.clock.now(),
      );
      await this.obstacles.insert(obstacle.snapshot());
      tx.record(...obstacle.pullEvents());
      return this.view.build(scope, a, props);
    });
  }
}
