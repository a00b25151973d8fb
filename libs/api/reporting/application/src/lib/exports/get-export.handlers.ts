import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { exportNotFound } from '@dieu-hanh/api/reporting/domain';
import type { ExportJobDto } from '@dieu-hanh/shared/contracts';
import { GetExportFileQuery, GetExportJobQuery } from '../queries/reporting.queries';
import { ReportingStore } from '../ports/reporting.store';
import { exportDto } from './export-runner';

/** An export belongs to whoever asked for it: anyone else gets 404. */
const requester = (scope: AccessScope) => `${scope.realm}:${scope.subject}`;

@QueryHandler(GetExportJobQuery)
export class GetExportJobHandler implements IQueryHandler<GetExportJobQuery> {
  constructor(private readonly store: ReportingStore) {}

  async execute({ exportId, scope }: GetExportJobQuery): Promise<ExportJobDto> {
    const job = await this.store.exportJob(exportId);
    if (!job || job.requestedBy !== requester(scope)) throw exportNotFound(exportId);
    return exportDto(job);
  }
}

@QueryHandler(GetExportFileQuery)
export class GetExportFileHandler implements IQueryHandler<GetExportFileQuery> {
  constructor(private readonly store: ReportingStore) {}

  async execute({ exportId, scope }: GetExportFileQuery) {
    const job = await this.store.exportJob(exportId);
    if (!job || job.requestedBy !== requester(scope)) throw exportNotFound(exportId);
    const file = await this.store.exportFile(exportId);
    if (!file) throw exportNotFound(exportId);
    return file;
  }
}
