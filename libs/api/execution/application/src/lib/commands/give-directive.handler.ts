import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Obstacle } from '@dieu-hanh/api/execution/domain';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { concernedUnits, mayDirect } from '../access/work-access.policy';
import { ObstacleRepository } from '../ports/obstacle.repository';
import { WorkRepository, eventFactsOf } from '../ports/work.repository';
import { AssignmentWorkView } from './assignment-work.view';
import { obstacleInSight } from './obstacle-in-sight';
import { personOf, refuse } from './work-command.support';
import { GiveDirectiveCommand } from './work.commands';

/** The issuer's leader gives a directive (ý kiến chỉ đạo) on an escalated obstacle; it reaches every unit concerned. */
@CommandHandler(GiveDirectiveCommand)
export class GiveDirectiveHandler implements ICommandHandler<GiveDirectiveCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly works: WorkRepository,
    private readonly obstacles: ObstacleRepository,
    private readonly view: AssignmentWorkView,
    private readonly clock: Clock,
  ) {}

  async execute({ obstacleId, body, metadata }: GiveDirectiveCommand): Promise<AssignmentWorkDto> {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const { obstacle: props, assignment: a } = await obstacleInSight(this.obstacles, this.works, obstacleId, scope);
      if (!mayDirect(scope, a.access)) {
        refuse('Chỉ lãnh đạo UBND cấp ban hành kế hoạch cho ý kiến chỉ đạo.', 'Only the leaders of the issuing committee give directives.');
      }
      const coordinators = (await this.works.assignmentsOfTask(a.taskId)).filter((x) => x.access.role === 'coordinator').map((x) => x.access.unitCode);
      const obstacle = Obstacle.restore(props, eventFactsOf(a));
      obstacle.direct({ directive: body.directive, concernedUnitCodes: concernedUnits(a.access, coordinators) }, scope.username, this.clock.now());
      await this.obstacles.update(obstacle.snapshot());
      tx.record(...obstacle.pullEvents());
      return this.view.build(scope, a);
    });
  }
}
