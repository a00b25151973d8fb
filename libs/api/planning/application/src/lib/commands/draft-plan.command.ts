import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type { PlanDraftRequest } from '@dieu-hanh/shared/contracts';

export class DraftPlanCommand extends Command<{ id: string; version: number }> {
  constructor(
    readonly data: PlanDraftRequest,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
