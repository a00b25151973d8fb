import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { LeaderInboxDto } from '@dieu-hanh/shared/contracts';
import { mayDirect, mayVerify } from '../access/work-access.policy';
import { WorkReadModel } from '../ports/work.read-model';
import { GetLeaderInboxQuery } from './work-read.queries';

/**
 * GET /execution/leader-inbox: the escalated obstacles the caller may give a directive on (`mayDirect`:
 * the issuer's leaders) and the pending extension requests the caller decides (`mayVerify`), oldest
 * first — one statement over the waiting rows of the province, the policy deciding per row.
 */
@QueryHandler(GetLeaderInboxQuery)
export class GetLeaderInboxHandler implements IQueryHandler<GetLeaderInboxQuery> {
  constructor(private readonly read: WorkReadModel) {}

  async execute({ scope }: GetLeaderInboxQuery): Promise<LeaderInboxDto> {
    const waiting = await this.read.waitingForDecision(scope.provinceCode);
    return {
      escalations: waiting.escalations.filter((o) => mayDirect(scope, o.facts)).map(({ facts: _facts, ...o }) => o),
      extensions: waiting.extensions.filter((x) => mayVerify(scope, x.facts)).map(({ facts: _facts, ...x }) => x),
    };
  }
}
