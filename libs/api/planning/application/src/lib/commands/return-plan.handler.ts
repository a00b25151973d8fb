import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { PlanReadModel } from '../ports/plan.read-model';
import { PlanRepository } from '../ports/plan.repository';
import { assertMayTransition, personOf, planInSight } from './plan-access';
import { ReturnPlanCommand } from './transition-plan.command';

/** A leader returns a draft with comments, which come back beside the fields they name. */
@CommandHandler(ReturnPlanCommand)
export class ReturnPlanHandler implements ICommandHandler<ReturnPlanCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly plans: PlanRepository, private readonly readModel: PlanReadModel, private readonly clock: Clock) {}

  async execute({ planId, comments, metadata }: ReturnPlanCommand) {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const plan = await planInSight(this.plans, this.readModel, planId, scope);
      assertMayTransition(plan, scope, 'return');
      const version = plan.snapshot().version;
      plan.returnForRevision(scope.username, this.clock.now().toISOString(), comments.map((c) => ({ text: c.text, field: c.field ?? null })));
      await this.plans.update(plan, version);
      tx.record(...plan.pullEvents());
      return { id: planId, status: plan.snapshot().status, version: plan.snapshot().version };
    });
  }
}
