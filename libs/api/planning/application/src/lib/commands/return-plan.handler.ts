import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { planNotFound } from '@dieu-hanh/api/planning/domain';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { PlanRepository } from '../ports/plan.repository';
import { assertMayTransition, personOf } from './plan-access';
import { ReturnPlanCommand } from './transition-plan.command';

/** A leader returns a draft with comments, which come back beside the fields they name. */
@CommandHandler(ReturnPlanCommand)
export class ReturnPlanHandler implements ICommandHandler<ReturnPlanCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly plans: PlanRepository, private readonly clock: Clock) {}

  async execute({ planId, comments, metadata }: ReturnPlanCommand) {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const plan = await this.plans.find(planId, { lock: true });
      if (!plan) throw planNotFound(planId);
      assertMayTransition(plan, scope, 'return');
      const version = plan.snapshot().version;
      plan.returnForRevision(scope.username, this.clock.now().toISOString(), comments.map((c) => ({ text: c.text, field: c.field ?? null })));
      await this.plans.update(plan, version);
      tx.record(...plan.pullEvents());
      return { id: planId, status: plan.snapshot().status, version: plan.snapshot().version };
    });
  }
}
