import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { PlanReadModel } from '../ports/plan.read-model';
import { PlanRepository } from '../ports/plan.repository';
import { assertMayTransition, personOf, planInSight } from './plan-access';
import { ClosePlanCommand } from './transition-plan.command';

/** An issued plan is closed when its work is done: no more reports or amendments. */
@CommandHandler(ClosePlanCommand)
export class ClosePlanHandler implements ICommandHandler<ClosePlanCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly plans: PlanRepository, private readonly readModel: PlanReadModel) {}

  async execute({ planId, metadata }: ClosePlanCommand) {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const plan = await planInSight(this.plans, this.readModel, planId, scope);
      assertMayTransition(plan, scope, 'close');
      const version = plan.snapshot().version;
      plan.close(scope.username);
      await this.plans.update(plan, version);
      tx.record(...plan.pullEvents());
      return { id: planId, status: plan.snapshot().status, version: plan.snapshot().version };
    });
  }
}
