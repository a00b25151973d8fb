import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type { PlanDraftRequest } from '@dieu-hanh/shared/contracts';

export class RevisePlanCommand extends Command<{ id: string; version: number }> {
  constructor(
    readonly planId: string,
    readonly data: PlanDraftRequest,
    readonly expectedVersion: number,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
