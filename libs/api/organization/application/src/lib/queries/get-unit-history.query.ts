import { Query } from '@nestjs/cqrs';
import type { AccessScope, RecordedEvent } from '@dieu-hanh/api/shared/kernel';

export class GetUnitHistoryQuery extends Query<RecordedEvent[]> {
  constructor(
    readonly scope: AccessScope,
    readonly code: string,
  ) {
    super();
  }
}
