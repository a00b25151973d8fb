import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork, domainEvent } from '@dieu-hanh/api/shared/kernel';
import { PlanRepository } from '../ports/plan.repository';
import { TransferAssignmentsCommand } from './transfer-assignments.command';

/**
 * Moves a succeeded unit's assignments in force (issued plans only) to its successor, in one
 * transaction: the successor gets each task once (a lead stays a lead; if it already coordinates the
 * task, it is promoted), the predecessor's lines are withdrawn; every change is an event, so both
 * units are told. A succession that takes effect later is applied when it does, by the catch-up job
 * (SuccessionCatchUp); sending the command twice is harmless (nothing is left to move).
 */
@CommandHandler(TransferAssignmentsCommand)
export class TransferAssignmentsHandler implements ICommandHandler<TransferAssignmentsCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly plans: PlanRepository, private readonly clock: Clock) {}

  async execute({ predecessorCode, successorCode, effectiveDate, metadata, asOf }: TransferAssignmentsCommand) {
    if (effectiveDate > (asOf ?? this.clock.today())) return { transferred: 0, merged: 0 };
    return this.uow.run(metadata, async (tx) => {
      // Issued plans coordinated by the predecessor are now coordinated by the successor.
      for (const planId of await this.plans.issuedPlansWithFocal(predecessorCode)) {
        const plan = await this.plans.find(planId, { lock: true });
        if (!plan) continue;
        const version = plan.snapshot().version;
        plan.handFocalTo(successorCode, metadata.actor.username);
        await this.plans.update(plan, version);
        tx.record(...plan.pullEvents());
      }
      const held = await this.plans.activeAssignmentsOfUnit(predecessorCode);
      if (!held.length) return { transferred: 0, merged: 0 };
      const successorHolds = new Map((await this.plans.activeAssignmentsOfUnit(successorCode)).map((a) => [a.taskId, a]));
      const toAdd = held.filter((a) => !successorHolds.has(a.taskId));
      const promote = held.flatMap((a) => {
        const s = successorHolds.get(a.taskId);
        return s && a.role === 'lead' && s.role === 'coordinator' ? [{ id: s.id, role: 'lead' as const, planId: a.planId, taskId: a.taskId }] : [];
      });
      const byPlan = new Map<string, typeof toAdd>();
      for (const a of toAdd) byPlan.set(a.planId, [...(byPlan.get(a.planId) ?? []), a]);
      const created: { id: string; taskId: string; unitCode: string; planId: string; role: string; viaGroup: string | null }[] = [];
      for (const [planId, list] of byPlan) {
        const rows = await this.plans.insertAssignments(
          planId,
          list.map((a) => ({ taskId: a.taskId, unitCode: successorCode, role: a.role, viaGroup: a.viaGroup, succeeds: predecessorCode })),
        );
        const role = new Map(list.map((a) => [a.taskId, a]));
        created.push(...rows.map((r) => ({ ...r, planId, role: role.get(r.taskId)?.role ?? 'lead', viaGroup: role.get(r.taskId)?.viaGroup ?? null })));
      }
      await this.plans.changeAssignmentRoles(promote);
      await this.plans.withdrawAssignments(held.map((a) => a.id));
      const titles = await this.plans.planTitles([...new Set(held.map((a) => a.planId))]);
      tx.record(
        ...created.map((a) =>
          domainEvent('planning.assignment-created', 'assignment', a.id, {
            planId: a.planId, planTitle: titles[a.planId], taskId: a.taskId, unitCode: successorCode, role: a.role, viaGroup: a.viaGroup, succeeds: predecessorCode,
          }),
        ),
        ...promote.map((p) =>
          domainEvent('planning.assignment-changed', 'assignment', p.id, { planId: p.planId, planTitle: titles[p.planId], taskId: p.taskId, unitCode: successorCode, role: { from: 'coordinator', to: 'lead' }, succeeds: predecessorCode }),
        ),
        ...held.map((a) =>
          domainEvent('planning.assignment-withdrawn', 'assignment', a.id, { planId: a.planId, planTitle: titles[a.planId], taskId: a.taskId, unitCode: predecessorCode, reason: `succeeded by ${successorCode}`, successorCode }),
        ),
      );
      return { transferred: created.length, merged: held.length - created.length };
    });
  }
}
