import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';

export interface SendDueRemindersResult {
  /** Vietnam's day the run counted on (yyyy-MM-dd). */
  today: string;
  /** Reminders sent by this run (one `execution.reminder-due` event each). */
  sent: number;
  beforeDue: number;
  overdue: number;
}

/** Sends the reminders due today that were not sent yet (the scheduler's daily run, and its catch-up at start). */
export class SendDueRemindersCommand extends Command<SendDueRemindersResult> {
  constructor(readonly metadata: CommandMetadata) {
    super();
  }
}
