import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EXPORT_JOB, ExportRunner, RunReportingScheduleCommand } from '@dieu-hanh/api/reporting/application';
import { ReportTrendSubscriber } from '@dieu-hanh/api/reporting/infrastructure';
import { EventFeed } from '@dieu-hanh/api/shared/database';
import { JobScheduler, VIETNAM_TIME_ZONE } from '@dieu-hanh/api/shared/kernel';

/**
 * Reporting's scheduled work, registered at module init: the daily schedule (opens regular periods as they
 * begin, reminds units before a due date; 06:30 Vietnam time and at start), the export writer (every minute
 * and on request; a request also starts it at once in the process that took it), and the trend subscriber.
 */
@Injectable()
export class ReportingJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly commands: CommandBus,
    private readonly exports: ExportRunner,
    private readonly feed: EventFeed,
    private readonly trend: ReportTrendSubscriber,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'reporting.schedule',
      cron: process.env['REPORTING_SCHEDULE_CRON'] || '30 6 * * *',
      timeZone: VIETNAM_TIME_ZONE,
      runAtStart: true,
      run: () => this.commands.execute(new RunReportingScheduleCommand()),
    });
    this.scheduler.register({ name: EXPORT_JOB, cron: '* * * * *', timeZone: VIETNAM_TIME_ZONE, runAtStart: true, run: () => this.exports.runPending() });
    this.feed.register(this.trend);
  }
}
