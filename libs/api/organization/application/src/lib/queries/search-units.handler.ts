import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { unitVisibility } from '../access/directory-access.policy';
import type { UnitListDto } from '@dieu-hanh/shared/contracts';
import { UnitDirectoryReadModel } from '../ports/unit-directory.read-model';
import { SearchUnitsQuery } from './search-units.query';
import { explainUnitMatch, ownNamesHold, searchTokens } from './unit-search-match';

@QueryHandler(SearchUnitsQuery)
export class SearchUnitsHandler implements IQueryHandler<SearchUnitsQuery> {
  constructor(private readonly readModel: UnitDirectoryReadModel) {}

  async execute({ scope, criteria }: SearchUnitsQuery): Promise<UnitListDto> {
    const { items, total } = await this.readModel.search(criteria, unitVisibility(scope));
    // Say why a unit matched when its own names do not hold the words (an alias, a unit it succeeds).
    const tokens = searchTokens(criteria.text);
    const unexplained = items.filter((u) => !ownNamesHold(tokens, u));
    const predecessors = tokens.length && unexplained.length ? await this.readModel.predecessors(unexplained.map((u) => u.code)) : [];
    const explained = items.map((u) => {
      const matched = explainUnitMatch(tokens, u, predecessors);
      return matched ? { ...u, matched } : u;
    });
    return { items: explained, total, limit: criteria.limit, offset: criteria.offset };
  }
}
