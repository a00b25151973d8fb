import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SendDueRemindersCommand, type SendDueRemindersResult } from '@dieu-hanh/api/execution/application';
import { JobScheduler, type RecurringJob, VIETNAM_TIME_ZONE, systemActor } from '@dieu-hanh/api/shared/kernel';

/**
 * Deadlines chase themselves: sends the reminders due today, daily at 07:00 Vietnam time (env
 * `REMINDER_CRON`, a cron in Asia/Ho_Chi_Minh) and once at start-up (a day the cluster was down is caught
 * up). Once per tick across every API process (the scheduler); each reminder once whatever runs
 * (the command's claim).
 */
@Injectable()
export class RemindersJob implements RecurringJob, OnModuleInit {
  readonly name = 'execution.send-due-reminders';
  readonly cron = process.env['REMINDER_CRON'] || '0 7 * * *';
  readonly timeZone = VIETNAM_TIME_ZONE;
  readonly runAtStart = true;

  constructor(private readonly scheduler: JobScheduler, private readonly commands: CommandBus) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  run(): Promise<SendDueRemindersResult> {
    return this.commands.execute(new SendDueRemindersCommand({ actor: systemActor('reminders'), correlationId: randomUUID() }));
  }
}
