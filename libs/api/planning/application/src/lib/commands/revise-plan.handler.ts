import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { planVersionConflict } from '@dieu-hanh/api/planning/domain';
import { planIssuer } from '../access/plan-access.policy';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { PlanReadModel } from '../ports/plan.read-model';
import { PlanRepository } from '../ports/plan.repository';
import { assertImplementsParent, assertMayTransition, personOf, planInSight } from './plan-access';
import { planContentFrom } from './plan-content';
import { RevisePlanCommand } from './revise-plan.command';

/** Edits a draft; two officers editing the same draft cannot overwrite each other (409 + current version). */
@CommandHandler(RevisePlanCommand)
export class RevisePlanHandler implements ICommandHandler<RevisePlanCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly plans: PlanRepository,
    private readonly readModel: PlanReadModel,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ planId, data, expectedVersion, metadata }: RevisePlanCommand) {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const plan = await planInSight(this.plans, this.readModel, planId, scope);
      assertMayTransition(plan, scope, 'revise');
      const current = plan.snapshot();
      const { content } = await planContentFrom(
        data,
        {
          provinceCode: current.provinceCode,
          issuer: planIssuer(current),
          asOf: this.clock.today(),
          keepIds: { tasks: new Set(current.tasks.map((t) => t.id)), indicators: new Set(current.indicators.map((i) => i.id)) },
        },
        this.queries,
      );
      if (current.parentPlanId) await assertImplementsParent(this.plans, content, current.parentPlanId);
      plan.revise(content, expectedVersion);
      if (!(await this.plans.update(plan, expectedVersion, { content: 'replace' }))) throw planVersionConflict(plan.snapshot().version - 1);
      tx.record(...plan.pullEvents());
      return { id: plan.id, version: plan.snapshot().version };
    });
  }
}
