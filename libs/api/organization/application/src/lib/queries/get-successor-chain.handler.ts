import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { unitNotFound } from '@dieu-hanh/api/organization/domain';
import { unitVisibility } from '../access/directory-access.policy';
import type { SuccessorChainDto } from '@dieu-hanh/shared/contracts';
import { UnitDirectoryReadModel } from '../ports/unit-directory.read-model';
import { GetSuccessorChainQuery } from './get-successor-chain.query';

@QueryHandler(GetSuccessorChainQuery)
export class GetSuccessorChainHandler implements IQueryHandler<GetSuccessorChainQuery> {
  constructor(private readonly readModel: UnitDirectoryReadModel) {}

  async execute({ scope, code }: GetSuccessorChainQuery): Promise<SuccessorChainDto> {
    if (!(await this.readModel.get(code, unitVisibility(scope)))) throw unitNotFound(code);
    // One recursive query walks the whole chain (no query per hop).
    const chain = await this.readModel.successions(code);
    return { unitCode: code, chain, currentUnitCode: chain.length ? chain[chain.length - 1].successorCode : code };
  }
}
