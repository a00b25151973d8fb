import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { planNotFound } from '@dieu-hanh/api/planning/domain';
import { UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { PlanRepository } from '../ports/plan.repository';
import { assertMayTransition, personOf } from './plan-access';
import { ClosePlanCommand } from './transition-plan.command';

/** An issued plan is closed when its work is done: no more reports or amendments. */
@CommandHandler(ClosePlanCommand)
export class ClosePlanHandler implements ICommandHandler<ClosePlanCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly plans: PlanRepository) {}

  async execute({ planId, metadata }: ClosePlanCommand) {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const plan = await this.plans.find(planId, { lock: true });
      if (!plan) throw planNotFound(planId);
      assertMayTransition(plan, scope, 'close');
      const version = plan.snapshot().version;
      plan.close(scope.username);
      await this.plans.update(plan, version);
      tx.record(...plan.pullEvents());
      return { id: planId, status: plan.snapshot().status, version: plan.snapshot().version };
    });
  }
}
