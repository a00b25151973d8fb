import { Query } from '@nestjs/cqrs';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { UnitDto } from '@dieu-hanh/shared/contracts';

export class GetUnitQuery extends Query<UnitDto> {
  constructor(
    readonly scope: AccessScope,
    readonly code: string,
  ) {
    super();
  }
}
