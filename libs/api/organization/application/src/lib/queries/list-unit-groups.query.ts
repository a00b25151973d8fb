import { Query } from '@nestjs/cqrs';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { UnitGroupDto } from '@dieu-hanh/shared/contracts';

export class ListUnitGroupsQuery extends Query<UnitGroupDto[]> {
  constructor(readonly scope: AccessScope) {
    super();
  }
}
