import { Query } from '@nestjs/cqrs';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { UnitListDto } from '@dieu-hanh/shared/contracts';
import type { UnitSearchCriteria } from '../ports/unit-directory.read-model';

export class SearchUnitsQuery extends Query<UnitListDto> {
  constructor(
    readonly scope: AccessScope,
    readonly criteria: UnitSearchCriteria,
  ) {
    super();
  }
}
