import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { type PlanTask, planVersionConflict } from '@dieu-hanh/api/planning/domain';
import { planIssuer } from '@dieu-hanh/api/shared/auth';
import { Clock, UnitOfWork, domainEvent } from '@dieu-hanh/api/shared/kernel';
import type { PlanAmendResultDto } from '@dieu-hanh/shared/contracts';
import { PlanReadModel } from '../ports/plan.read-model';
import { PlanRepository } from '../ports/plan.repository';
import { AmendPlanCommand } from './amend-plan.command';
import { fanOutPlan } from './fan-out-plan';
import { assertImplementsParent, assertMayTransition, personOf, planInSight } from './plan-access';
import { planContentFrom } from './plan-content';

/** What a holder of an assignment cares about in a task: what to do, by when, with whom. */
function taskFingerprint(t: PlanTask): string {
  return JSON.stringify([t.content, t.expectedResult, t.timeframe, t.directingLeader, t.notes, t.leads, t.coordinators]);
}

/**
 * An amendment changes an issued plan in one transaction: the plan (who, when, why in its event), then
 * the assignments — units newly named get theirs, units no longer named have theirs withdrawn, changed
 * roles are updated, and holders of a changed task are told (one event per affected assignment).
 */
@CommandHandler(AmendPlanCommand)
export class AmendPlanHandler implements ICommandHandler<AmendPlanCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly plans: PlanRepository,
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
      const oldTasks = new Map(before.tasks.map((t) => [t.id, t]));
      const changedTasks = new Set(content.tasks.filter((t) => oldTasks.has(t.id) && taskFingerprint(oldTasks.get(t.id) as PlanTask) !== taskFingerprint(t)).map((t) => t.id));
      const changes = {
        tasksChanged: changedTasks.size,
        tasksAdded: content.tasks.filter((t) => !oldTasks.has(t.id)).length,
        tasksRemoved: before.tasks.filter((t) => !content.tasks.some((n) => n.id === t.id)).length,
      };
      plan.amend(content, expectedVersion, scope.username, reason, changes);
      if (!(await this.plans.update(plan, expectedVersion, { content: 'amend' }))) throw planVersionConflict(before.version);
      const amendment = plan.snapshot().amendmentCount;

      // The snapshot that checked the amendment's references (same day, same codes) also serves its fan-out.
      const { assignments: planned } = await fanOutPlan(plan.snapshot(), today, this.queries, snapshot);
      const active = await this.plans.activeAssignments(planId);
      const key = (a: { taskId: string; unitCode: string }) => `${a.taskId}:${a.unitCode}`;
      const activeByKey = new Map(active.map((a) => [key(a), a]));
      const plannedKeys = new Set(planned.map(key));
      const toAdd = planned.filter((a) => !activeByKey.has(key(a)));
      const toWithdraw = active.filter((a) => !plannedKeys.has(key(a)));
      const roleChanges = planned.flatMap((a) => {
        const current = activeByKey.get(key(a));
        return current && current.role !== a.role ? [{ id: current.id, role: a.role, from: current.role, unitCode: a.unitCode, taskId: a.taskId }] : [];
      });
      const roleChanged = new Set(roleChanges.map((c) => c.id));
      const told = active.filter((a) => plannedKeys.has(key(a)) && changedTasks.has(a.taskId) && !roleChanged.has(a.id));

      const inserted = await this.plans.insertAssignments(planId, toAdd);
      await this.plans.withdrawAssignments(toWithdraw.map((a) => a.id));
      await this.plans.changeAssignmentRoles(roleChanges);

      const idOf = new Map(inserted.map((r) => [key(r), r.id]));
      tx.record(...plan.pullEvents());
      tx.record(
        ...toAdd.map((a) =>
          domainEvent('planning.assignment-created', 'assignment', idOf.get(key(a)) as string, {
            planId, planTitle: content.title, taskId: a.taskId, unitCode: a.unitCode, role: a.role, viaGroup: a.viaGroup, succeeds: a.succeeds, amendment,
          }),
        ),
        ...toWithdraw.map((a) => domainEvent('planning.assignment-withdrawn', 'assignment', a.id, { planId, planTitle: content.title, taskId: a.taskId, unitCode: a.unitCode, amendment, reason })),
        ...roleChanges.map((c) => domainEvent('planning.assignment-changed', 'assignment', c.id, { planId, planTitle: content.title, taskId: c.taskId, unitCode: c.unitCode, amendment, role: { from: c.from, to: c.role } })),
        ...told.map((a) => domainEvent('planning.assignment-changed', 'assignment', a.id, { planId, planTitle: content.title, taskId: a.taskId, unitCode: a.unitCode, amendment, taskChanged: true })),
      );
      return {
        id: planId,
        version: plan.snapshot().version,
        assignmentsAdded: toAdd.length,
        assignmentsWithdrawn: toWithdraw.length,
        tasksChanged: changes.tasksChanged,
      };
    });
  }
}
