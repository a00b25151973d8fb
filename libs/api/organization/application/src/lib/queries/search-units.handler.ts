import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { unitVisibility } from '../access/directory-access.policy';
import type { UnitListDto } from '@dieu-hanh/shared/contracts';
import { UnitDirectoryReadModel } from '../ports/unit-directory.read-model';
import { SearchUnitsQuery } from './search-units.query';

@QueryHandler(SearchUnitsQuery)
export class SearchUnitsHandler implements IQueryHandler<SearchUnitsQuery> {
  constructor(private readonly readModel: UnitDirectoryReadModel) {}

  async execute({ scope, criteria }: SearchUnitsQuery): Promise<UnitListDto> {
    const { items, total } = await this.readModel.search(criteria, unitVisibility(scope));
    return { items, total, limit: criteria.limit, offset: criteria.offset };
  }
}
