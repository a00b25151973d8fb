import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { planNotFound } from '@dieu-hanh/api/planning/domain';
import { UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { PlanRepository } from '../ports/plan.repository';
import { assertMayTransition, personOf } from './plan-access';
import { ApprovePlanCommand } from './transition-plan.command';

@CommandHandler(ApprovePlanCommand)
export class ApprovePlanHandler implements ICommandHandler<ApprovePlanCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly plans: PlanRepository) {}

  async execute({ planId, metadata }: ApprovePlanCommand) {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const plan = await this.plans.find(planId, { lock: true });
      if (!plan) throw planNotFound(planId);
      assertMayTransition(plan, scope, 'approve');
      const version = plan.snapshot().version;
      plan.approve(scope.username);
      await this.plans.update(plan, version);
      tx.record(...plan.pullEvents());
      return { id: planId, status: plan.snapshot().status, version: plan.snapshot().version };
    });
  }
}
