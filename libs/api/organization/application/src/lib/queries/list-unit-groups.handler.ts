import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { unitVisibility } from '../access/directory-access.policy';
import type { UnitGroupDto } from '@dieu-hanh/shared/contracts';
import { UnitDirectoryReadModel } from '../ports/unit-directory.read-model';
import { ListUnitGroupsQuery } from './list-unit-groups.query';

@QueryHandler(ListUnitGroupsQuery)
export class ListUnitGroupsHandler implements IQueryHandler<ListUnitGroupsQuery> {
  constructor(private readonly readModel: UnitDirectoryReadModel) {}

  execute({ scope }: ListUnitGroupsQuery): Promise<UnitGroupDto[]> {
    return this.readModel.groups(unitVisibility(scope));
  }
}
