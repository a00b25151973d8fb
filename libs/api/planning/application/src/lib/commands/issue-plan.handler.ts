import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { planNumberTaken } from '@dieu-hanh/api/planning/domain';
import { Clock, UnitOfWork, domainEvent } from '@dieu-hanh/api/shared/kernel';
import { PlanReadModel } from '../ports/plan.read-model';
import { PlanRepository } from '../ports/plan.repository';
import { fanOutPlan, resolutionDate } from './fan-out-plan';
import { IssuePlanCommand } from './issue-plan.command';
import { assertMayTransition, personOf, planInSight } from './plan-access';

/**
 * Issuing fans the plan out: every group expands to its members, closed units resolve to their
 * successors, and every lead and coordinating unit gets its assignment — one command, one transaction,
 * one event per assignment (the holders' notifications are projected from them in the same transaction).
 */
@CommandHandler(IssuePlanCommand)
export class IssuePlanHandler implements ICommandHandler<IssuePlanCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly plans: PlanRepository,
    private readonly readModel: PlanReadModel,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ planId, number, issueDate, metadata }: IssuePlanCommand) {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const plan = await planInSight(this.plans, this.readModel, planId, scope);
      assertMayTransition(plan, scope, 'issue');
      const p = plan.snapshot();
      if (await this.plans.numberTaken(p.issuerUnitCode, p.year, number, p.id)) throw planNumberTaken(number, p.year);
      const asOf = resolutionDate(issueDate, this.clock.today());
      const { assignments, pending, focalUnitCode } = await fanOutPlan(p, asOf, this.queries);
      const version = p.version;
      plan.issue(scope.username, number, issueDate, assignments.length, focalUnitCode);
      await this.plans.update(plan, version);
      const inserted = await this.plans.insertAssignments(planId, assignments);
      const idOf = new Map(inserted.map((r) => [`${r.taskId}:${r.unitCode}`, r.id]));
      tx.record(...plan.pullEvents());
      tx.record(
        ...assignments.map((a) =>
          domainEvent('planning.assignment-created', 'assignment', idOf.get(`${a.taskId}:${a.unitCode}`) as string, {
            planId,
            planTitle: p.title,
            taskId: a.taskId,
            unitCode: a.unitCode,
            role: a.role,
            viaGroup: a.viaGroup,
            succeeds: a.succeeds,
          }),
        ),
      );
      return { id: planId, status: plan.snapshot().status, version: plan.snapshot().version, assignments: assignments.length, pending: pending.length, resolvedAsOf: asOf };
    });
  }
}
