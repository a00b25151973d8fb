import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { fanOut, planInvalid, planNotFound, planNumberTaken } from '@dieu-hanh/api/planning/domain';
import { type DirectorySnapshot, DirectorySnapshotQuery, UnitOfWork, domainEvent } from '@dieu-hanh/api/shared/kernel';
import { PlanRepository } from '../ports/plan.repository';
import { assertMayTransition, personOf } from './plan-access';
import { IssuePlanCommand } from './issue-plan.command';

/**
 * Issuing fans the plan out: every group expands to its members as of the issue date, closed units
 * resolve to their successors, and every lead and coordinating unit gets its assignment — one command,
 * one transaction, one event per assignment (the holders' notifications will subscribe to them).
 */
@CommandHandler(IssuePlanCommand)
export class IssuePlanHandler implements ICommandHandler<IssuePlanCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly plans: PlanRepository, private readonly queries: QueryBus) {}

  async execute({ planId, number, issueDate, metadata }: IssuePlanCommand) {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const plan = await this.plans.find(planId, { lock: true });
      if (!plan) throw planNotFound(planId);
      assertMayTransition(plan, scope, 'issue');
      const p = plan.snapshot();
      if (await this.plans.numberTaken(p.issuerUnitCode, p.year, number, p.id)) throw planNumberTaken(number, p.year);
      const refs = p.tasks.flatMap((t) => [...t.leads, ...t.coordinators]);
      const snapshot = await this.queries.execute<DirectorySnapshotQuery, DirectorySnapshot>(
        new DirectorySnapshotQuery(
          p.provinceCode,
          issueDate,
          [...new Set(refs.flatMap((r) => ('unit' in r ? [r.unit] : [])))],
          [...new Set(refs.flatMap((r) => ('group' in r ? [r.group] : [])))],
        ),
      );
      const { assignments, unresolved } = fanOut(
        p.tasks.map((t) => ({ taskId: t.id, leads: t.leads, coordinators: t.coordinators })),
        {
          unitState: (c) => snapshot.units[c]?.state ?? 'unknown',
          successorOf: (c) => snapshot.successors[c] ?? null,
          groupMembers: (g) => snapshot.groups[g] ?? null,
        },
      );
      if (unresolved.length) {
        const u = unresolved[0];
        throw planInvalid(
          'body.issueDate',
          `Không giao được nhiệm vụ: ${'unit' in u.ref ? u.ref.unit : u.ref.group} (${u.reason}) vào ngày ban hành.`,
          `Cannot assign ${'unit' in u.ref ? u.ref.unit : u.ref.group} (${u.reason}) on the issue date.`,
        );
      }
      const version = p.version;
      plan.issue(scope.username, number, issueDate, assignments.length);
      await this.plans.update(plan, version);
      await this.plans.insertAssignments(planId, assignments);
      tx.record(...plan.pullEvents());
      tx.record(
        ...assignments.map((a) =>
          domainEvent('planning.assignment-created', 'assignment', `${a.taskId}:${a.unitCode}`, { planId, taskId: a.taskId, unitCode: a.unitCode, role: a.role, viaGroup: a.viaGroup, succeeds: a.succeeds }),
        ),
      );
      return { id: planId, status: plan.snapshot().status, assignments: assignments.length, unresolved: 0 };
    });
  }
}
