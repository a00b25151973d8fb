import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { AssignmentRepository } from '../ports/assignment.repository';
import { PlanRepository } from '../ports/plan.repository';
import { TransferAssignmentsCommand } from './transfer-assignments.command';

/**
 * Moves a succeeded unit's assignments in force (issued plans only) to its successor, in one
 * transaction, each by `Assignment.handOverTo`: the successor gets each task once (a lead stays a lead;
 * if it already coordinates the task, it is promoted), the predecessor's lines are withdrawn; every
 * change is an event, so both units are told. A succession that takes effect later is applied when it
 * does, by the catch-up job (SuccessionCatchUp); sending the command twice is harmless (nothing is left
 * to move).
 */
@CommandHandler(TransferAssignmentsCommand)
export class TransferAssignmentsHandler implements ICommandHandler<TransferAssignmentsCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly plans: PlanRepository,
    private readonly assignments: AssignmentRepository,
    private readonly clock: Clock,
  ) {}

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
      const held = await this.assignments.ofUnitInIssuedPlans(predecessorCode);
      if (!held.length) return { transferred: 0, merged: 0 };
      const successorHolds = new Map((await this.assignments.ofUnitInIssuedPlans(successorCode, { withWithdrawn: true })).map((a) => [a.taskId, a]));
      const titles = await this.plans.planTitles([...new Set(held.map((a) => a.planId))]);
      const handovers = held.map((a) =>
        a.handOverTo(successorCode, { planTitle: titles[a.planId], successorHolds: successorHolds.get(a.taskId), newId: randomUUID }),
      );
      const created = handovers.filter((h) => !h.merged).map((h) => h.successor);
      const merged = handovers.filter((h) => h.merged).map((h) => h.successor);
      await this.assignments.save([...created, ...merged, ...held]);
      tx.record(...[...created, ...merged, ...held].flatMap((a) => a.pullEvents()));
      return { transferred: created.length, merged: merged.length };
    });
  }
}
