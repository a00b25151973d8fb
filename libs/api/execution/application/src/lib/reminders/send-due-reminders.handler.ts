import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ExecutionEventType, executionEvent } from '@dieu-hanh/api/execution/contracts';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { DueReminders } from './due-reminders.port';
import { REMINDER_POLICY, type ReminderPolicy, reminderPolicyFromEnv } from './reminder-policy';
import { SendDueRemindersCommand, type SendDueRemindersResult } from './send-due-reminders.command';

/**
 * Deadlines chase themselves: in one transaction, claims every reminder due on Vietnam's today and
 * records one `execution.reminder-due` event per reminder claimed (notifications and e-mail follow from
 * the event log). Each reminder goes out once, however many processes run this and however often: the
 * claim is a unique row, and a run that fails rolls back its claims with its events.
 */
@CommandHandler(SendDueRemindersCommand)
export class SendDueRemindersHandler implements ICommandHandler<SendDueRemindersCommand> {
  private readonly policy: ReminderPolicy;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly reminders: DueReminders,
    private readonly clock: Clock,
    @Optional() @Inject(REMINDER_POLICY) policy?: ReminderPolicy,
  ) {
    this.policy = policy ?? reminderPolicyFromEnv();
  }

  async execute({ metadata }: SendDueRemindersCommand): Promise<SendDueRemindersResult> {
    const now = this.clock.now();
    const today = this.clock.today();
    return this.uow.run(metadata, async (tx) => {
      const claimed = await this.reminders.claim(today, this.policy, now);
      for (const r of claimed) {
        tx.record(
          executionEvent(ExecutionEventType.ReminderDue, r.assignmentId, {
            planId: r.planId,
            planTitle: r.planTitle,
            taskId: r.taskId,
            unitCode: r.unitCode,
            kind: r.kind,
            offsetDays: r.offsetDays,
            due: r.due,
          }),
        );
      }
      const beforeDue = claimed.filter((r) => r.kind === 'before-due').length;
      return { today, sent: claimed.length, beforeDue, overdue: claimed.length - beforeDue };
    });
  }
}
