import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@dieu-hanh/api/shared/kernel';
import type { WorkListDto } from '@dieu-hanh/shared/contracts';
import { workVisibility } from '../access/work-access.policy';
import { WorkReadModel } from '../ports/work.read-model';
import { ListWorkQuery } from './work-read.queries';

/** GET /execution/work: one statement over every assignment the caller sees (visibleWorkSql). */
@QueryHandler(ListWorkQuery)
export class ListWorkHandler implements IQueryHandler<ListWorkQuery> {
  constructor(private readonly read: WorkReadModel, private readonly clock: Clock) {}

  execute({ scope, filter, page }: ListWorkQuery): Promise<WorkListDto> {
    return this.read.list(workVisibility(scope), 'visible', filter, page, this.clock.today());
  }
}
