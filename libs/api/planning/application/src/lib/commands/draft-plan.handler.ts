import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Plan } from '@dieu-hanh/api/planning/domain';
import { forbidden } from '@dieu-hanh/api/shared/auth';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { AssignmentRepository } from '../ports/assignment.repository';
import { PlanReadModel } from '../ports/plan.read-model';
import { PlanRepository } from '../ports/plan.repository';
import { DraftPlanCommand } from './draft-plan.command';
import { draftIssuer } from '../access/plan-access.policy';
import { assertMayDraft, assertMayImplement, personOf } from './plan-access';
import { planContentFrom } from './plan-content';

/** A department (for the city) or a commune (for itself) drafts a plan. */
@CommandHandler(DraftPlanCommand)
export class DraftPlanHandler implements ICommandHandler<DraftPlanCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly plans: PlanRepository,
    private readonly assignments: AssignmentRepository,
    private readonly readModel: PlanReadModel,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ data, metadata }: DraftPlanCommand): Promise<{ id: string; version: number }> {
    const scope = personOf(metadata);
    assertMayDraft(scope);
    // A department drafts for the city committee; a commune's officers for their own commune.
    const reach = draftIssuer(scope);
    if (!reach) throw forbidden('Không xác định được cơ quan ban hành.', 'No issuing committee for your unit.');
    const { content, snapshot } = await planContentFrom(data, { provinceCode: scope.provinceCode, issuer: reach, asOf: this.clock.today() }, this.queries);
    const issuer = scope.tier === 1 ? snapshot.peopleCommitteeCode : scope.communeCode;
    if (!issuer) throw forbidden('Không xác định được cơ quan ban hành.', 'No issuing committee for your unit.');
    return this.uow.run(metadata, async (tx) => {
      await assertMayImplement(this.plans, this.assignments, this.readModel, content, scope);
      const plan = Plan.draft({ id: randomUUID(), provinceCode: scope.provinceCode, issuerUnitCode: issuer, draftingUnitCode: scope.unitCode, issuerTier: scope.tier, ...content });
      await this.plans.insert(plan);
      tx.record(...plan.pullEvents());
      return { id: plan.id, version: plan.snapshot().version };
    });
  }
}
