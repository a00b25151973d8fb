import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@dieu-hanh/api/shared/kernel';
import type { WorkListDto } from '@dieu-hanh/shared/contracts';
import { mayVerify, workVisibility } from '../access/work-access.policy';
import { WorkReadModel } from '../ports/work.read-model';
import { ListVerificationQueueQuery } from './work-read.queries';

/**
 * GET /execution/verification-queue: the visible work waiting for verification (one statement, the
 * pending rows only), kept where the access policy says the caller verifies it (`mayVerify` — the same
 * rule the verify command applies, so every row is one the caller can act on), then paged.
 */
@QueryHandler(ListVerificationQueueQuery)
export class ListVerificationQueueHandler implements IQueryHandler<ListVerificationQueueQuery> {
  constructor(private readonly read: WorkReadModel, private readonly clock: Clock) {}

  async execute({ scope, filter, page }: ListVerificationQueueQuery): Promise<WorkListDto> {
    const candidates = await this.read.pendingVerification(workVisibility(scope), filter, this.clock.today());
    const mine = candidates.filter((c) => mayVerify(scope, c.facts)).map((c) => c.item);
    return {
      items: mine.slice(page.offset, page.offset + page.limit),
      total: mine.length,
      counts: {
        overdue: mine.filter((i) => i.urgency === 'overdue').length,
        dueSoon: mine.filter((i) => i.urgency === 'due-soon').length,
        done: mine.filter((i) => i.status === 'done').length,
        pendingVerification: mine.length,
        open: mine.filter((i) => i.urgency !== 'closed').length,
      },
    };
  }
}
