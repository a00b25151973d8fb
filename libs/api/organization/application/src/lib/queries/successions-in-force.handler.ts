import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type SuccessionInForce, SuccessionsInForceQuery } from '@dieu-hanh/api/organization/contracts';
import { DirectorySnapshotReader } from '../ports/directory-snapshot.reader';

/** Answers other contexts: which of these units had been succeeded by a date. */
@QueryHandler(SuccessionsInForceQuery)
export class SuccessionsInForceHandler implements IQueryHandler<SuccessionsInForceQuery, SuccessionInForce[]> {
  constructor(private readonly reader: DirectorySnapshotReader) {}

  execute(q: SuccessionsInForceQuery): Promise<SuccessionInForce[]> {
    return this.reader.successionsInForce(q.asOf, q.predecessorCodes);
  }
}
