import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { PlanReadModel } from '../ports/plan.read-model';
import { PlanRepository } from '../ports/plan.repository';
import { assertMayTransition, personOf, planInSight } from './plan-access';
import { ApprovePlanCommand } from './transition-plan.command';

@CommandHandler(ApprovePlanCommand)
export class ApprovePlanHandler implements ICommandHandler<ApprovePlanCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly plans: PlanRepository, private readonly readModel: PlanReadModel) {}

  async execute({ planId, metadata }: ApprovePlanCommand) {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const plan = await planInSight(this.plans, this.readModel, planId, scope);
      assertMayTransition(plan, scope, 'approve');
      const version = plan.snapshot().version;
      plan.approve(scope.username);
      await this.plans.update(plan, version);
      tx.record(...plan.pullEvents());
      return { id: planId, status: plan.snapshot().status, version: plan.snapshot().version };
    });
  }
}
