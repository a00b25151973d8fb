import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type { PlanAmendResultDto, PlanDraftRequest } from '@dieu-hanh/shared/contracts';

/** Amends an issued plan (điều chỉnh, bổ sung): the whole new content, why, and the version it starts from. */
export class AmendPlanCommand extends Command<PlanAmendResultDto> {
  constructor(
    readonly planId: string,
    readonly data: PlanDraftRequest,
    readonly expectedVersion: number,
    readonly reason: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
