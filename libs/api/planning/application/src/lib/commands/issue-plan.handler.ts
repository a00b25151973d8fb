import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Assignment, planNumberTaken } from '@dieu-hanh/api/planning/domain';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { AssignmentRepository } from '../ports/assignment.repository';
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
    private readonly assignments: AssignmentRepository,
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
      const { assignments: planned, pending, focalUnitCode } = await fanOutPlan(p, asOf, this.queries);
      const version = p.version;
      plan.issue(scope.username, number, issueDate, planned.length, focalUnitCode);
      await this.plans.update(plan, version);
      const assignments = planned.map((a) => Assignment.make(planId, a, { planTitle: p.title }, { newId: randomUUID }));
      await this.assignments.save(assignments);
      tx.record(...plan.pullEvents(), ...assignments.flatMap((a) => a.pullEvents()));
      return { id: planId, status: plan.snapshot().status, version: plan.snapshot().version, assignments: planned.length, pending: pending.length, resolvedAsOf: asOf };
    });
  }
}
