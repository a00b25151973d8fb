import { Query } from '@nestjs/cqrs';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { SuccessorChainDto } from '@dieu-hanh/shared/contracts';

export class GetSuccessorChainQuery extends Query<SuccessorChainDto> {
  constructor(
    readonly scope: AccessScope,
    readonly code: string,
  ) {
    super();
  }
}
