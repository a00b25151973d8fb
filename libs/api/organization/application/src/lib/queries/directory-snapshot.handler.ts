import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type DirectorySnapshot, DirectorySnapshotQuery } from '@dieu-hanh/api/organization/contracts';
import { DirectorySnapshotReader } from '../ports/directory-snapshot.reader';

/** Answers other contexts (planning's fan-out) with the directory as of a date, in one round trip. */
@QueryHandler(DirectorySnapshotQuery)
export class DirectorySnapshotHandler implements IQueryHandler<DirectorySnapshotQuery, DirectorySnapshot> {
  constructor(private readonly reader: DirectorySnapshotReader) {}

  execute(q: DirectorySnapshotQuery): Promise<DirectorySnapshot> {
    return this.reader.snapshot(q.provinceCode, q.asOf, q.unitCodes, q.groupCodes);
  }
}
