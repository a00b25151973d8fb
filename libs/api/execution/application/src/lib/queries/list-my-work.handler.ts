import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@dieu-hanh/api/shared/kernel';
import type { WorkListDto } from '@dieu-hanh/shared/contracts';
import { workVisibility } from '../access/work-access.policy';
import { WorkReadModel } from '../ports/work.read-model';
import { ListMyWorkQuery } from './work-read.queries';

/** GET /my/work: one statement over the caller's unit's assignments (a commune's: its offices' too). */
@QueryHandler(ListMyWorkQuery)
export class ListMyWorkHandler implements IQueryHandler<ListMyWorkQuery> {
  constructor(private readonly read: WorkReadModel, private readonly clock: Clock) {}

  execute({ scope, filter, page }: ListMyWorkQuery): Promise<WorkListDto> {
    return this.read.list(workVisibility(scope), 'mine', filter, page, this.clock.today());
  }
}
