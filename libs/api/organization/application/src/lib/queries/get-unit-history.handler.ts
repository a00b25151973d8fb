import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { unitNotFound } from '@dieu-hanh/api/organization/domain';
import { forbidden } from '@dieu-hanh/api/shared/auth';
import { canReadDirectoryHistory, unitVisibility } from '../access/directory-access.policy';
import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import { UnitDirectoryReadModel } from '../ports/unit-directory.read-model';
import { UnitHistory } from '../ports/unit-history';
import { GetUnitHistoryQuery } from './get-unit-history.query';

/** A unit's audit trail, read from the event log. */
@QueryHandler(GetUnitHistoryQuery)
export class GetUnitHistoryHandler implements IQueryHandler<GetUnitHistoryQuery> {
  constructor(
    private readonly readModel: UnitDirectoryReadModel,
    private readonly history: UnitHistory,
  ) {}

  async execute({ scope, code }: GetUnitHistoryQuery): Promise<RecordedEvent[]> {
    if (!(await this.readModel.get(code, unitVisibility(scope)))) throw unitNotFound(code);
    if (!canReadDirectoryHistory(scope)) {
      throw forbidden('Chỉ lãnh đạo và quản trị viên được xem lịch sử đơn vị.', 'Only leaders and administrators may read unit history.');
    }
    return this.history.of(code);
  }
}
