import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, JobScheduler, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { ReportingEventType, reportingEvent } from '@dieu-hanh/api/reporting/contracts';
import type { ExportJobDto } from '@dieu-hanh/shared/contracts';
import { RequestExportCommand } from '../commands/reporting.commands';
import { personOf } from '../commands/reporting.views';
import { ReportingStore } from '../ports/reporting.store';
import { EXPORT_JOB, ExportRunner, exportDto } from './export-runner';

/**
 * Queues an export and answers at once (202): the file is written by the `reporting.exports` job, so a long
 * export never holds the request or the API. The subject is checked now with the caller's own access (404
 * when out of sight) and again when the job renders it.
 */
@CommandHandler(RequestExportCommand)
export class RequestExportHandler implements ICommandHandler<RequestExportCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly runner: ExportRunner, private readonly jobs: JobScheduler, private readonly clock: Clock) {}

  async execute({ body, metadata }: RequestExportCommand): Promise<ExportJobDto> {
    const scope = personOf(metadata);
    await this.runner.assertExportable(scope, body);
    const job = {
      id: randomUUID(),
      subject: body.subject,
      subjectId: body.id,
      format: body.format,
      status: 'queued' as const,
      progress: 0,
      requestedBy: `${scope.realm}:${scope.subject}`,
      scope,
      fileName: null,
      mediaType: null,
      size: null,
      error: null,
      createdAt: this.clock.now(),
      finishedAt: null,
    };
    // The request and its event in one transaction: the log says who took which document out, and when.
    await this.uow.run(metadata, async (tx) => {
      await this.store.insertExport(job);
      tx.record(reportingEvent(ReportingEventType.ExportRequested, job.id, { exportId: job.id, subject: job.subject, subjectId: job.subjectId, format: job.format }));
    });
    // Start writing here at once; the job (every minute, and on request) is the safety net for a process that stops.
    this.runner.kick();
    await this.jobs.requestRun(EXPORT_JOB).catch(() => false);
    return exportDto(job);
  }
}
