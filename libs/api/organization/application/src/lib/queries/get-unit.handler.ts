import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { unitNotFound } from '@dieu-hanh/api/organization/domain';
import { unitVisibility } from '../access/directory-access.policy';
import type { UnitDto } from '@dieu-hanh/shared/contracts';
import { UnitDirectoryReadModel } from '../ports/unit-directory.read-model';
import { GetUnitQuery } from './get-unit.query';

@QueryHandler(GetUnitQuery)
export class GetUnitHandler implements IQueryHandler<GetUnitQuery> {
  constructor(private readonly readModel: UnitDirectoryReadModel) {}

  async execute({ scope, code }: GetUnitQuery): Promise<UnitDto> {
    // Another commune's unit answers 404 exactly like a missing one: existence is not revealed.
    const unit = await this.readModel.get(code, unitVisibility(scope));
    if (!unit) throw unitNotFound(code);
    return unit;
  }
}
