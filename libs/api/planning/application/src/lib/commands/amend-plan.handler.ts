import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Assignment, amendedTasks, assignmentKey, diffAssignments, planVersionConflict } from '@dieu-hanh/api/planning/domain';
import { planIssuer } from '../access/plan-access.policy';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { PlanAmendResultDto } from '@dieu-hanh/shared/contracts';
import { AssignmentRepository } from '../ports/assignment.repository';
import { PlanReadModel } from '../ports/plan.read-model';
import { PlanRepository } from '../ports/plan.repository';
import { AmendPlanCommand } from './amend-plan.command';
import { fanOutPlan } from './fan-out-plan';
import { assertImplementsParent, assertMayTransition, personOf, planInSight } from './plan-access';
import { planContentFrom } from './plan-content';

/**
 * An amendment changes an issued plan in one transaction: the plan (who, when, why in its event), then
 * the assignments, as the domain's `diffAssignments` says — units newly named get theirs (a unit named
 * again gets its withdrawn one back), units no longer named have theirs withdrawn, changed roles are
 * updated, and holders of a changed task are told (one event per affected assignment).
 */
@CommandHandler(AmendPlanCommand)
export class AmendPlanHandler implements ICommandHandler<AmendPlanCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly plans: PlanRepository,
    private readonly assignments: AssignmentRepository,
    private readonly readModel: PlanReadModel,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ planId, data, expectedVersion, reason, metadata }: AmendPlanCommand): Promise<PlanAmendResultDto> {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const plan = await planInSight(this.plans, this.readModel, planId, scope);
      assertMayTransition(plan, scope, 'amend');
      const before = plan.snapshot();
      const today = this.clock.today();
      const { content, snapshot } = await planContentFrom(
        data,
        {
          provinceCode: before.provinceCode,
          issuer: planIssuer(before),
          keepIds: { tasks: new Set(before.tasks.map((t) => t.id)), indicators: new Set(before.indicators.map((i) => i.id)) },
          asOf: today,
        },
        this.queries,
      );
      if (before.parentPlanId) await assertImplementsParent(this.plans, content, before.parentPlanId);
      const tasks = amendedTasks(before.tasks, content.tasks);
      const changes = { tasksChanged: tasks.changed.size, tasksAdded: tasks.added, tasksRemoved: tasks.removed };
      plan.amend(content, expectedVersion, scope.username, reason, changes);
      if (!(await this.plans.update(plan, expectedVersion, { content: 'amend' }))) throw planVersionConflict(before.version);
      const occasion = { planTitle: content.title, amendment: plan.snapshot().amendmentCount };

      // The snapshot that checked the amendment's references (same day, same codes) also serves its fan-out.
      const { assignments: planned } = await fanOutPlan(plan.snapshot(), today, this.queries, snapshot);
      const all = await this.assignments.ofPlan(planId);
      const withdrawnBefore = new Map(all.filter((a) => !a.isActive).map((a) => [assignmentKey(a), a]));
      const diff = diffAssignments(
        all.filter((a) => a.isActive),
        planned,
        tasks.changed,
      );
      const added = diff.toAdd.map((a) => Assignment.make(planId, a, occasion, { newId: randomUUID, formerly: withdrawnBefore.get(assignmentKey(a)) }));
      for (const a of diff.toWithdraw) a.withdraw(reason, occasion);
      for (const c of diff.roleChanges) c.assignment.changeRole(c.to, occasion);
      for (const a of diff.told) a.taskAmended(occasion);
      const touched = [...added, ...diff.toWithdraw, ...diff.roleChanges.map((c) => c.assignment), ...diff.told];
      await this.assignments.save(touched);

      tx.record(...plan.pullEvents(), ...touched.flatMap((a) => a.pullEvents()));
      return {
        id: planId,
        version: plan.snapshot().version,
        assignmentsAdded: diff.toAdd.length,
        assignmentsWithdrawn: diff.toWithdraw.length,
        tasksChanged: changes.tasksChanged,
      };
    });
  }
}
