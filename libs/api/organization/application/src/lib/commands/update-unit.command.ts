import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type { UpdateUnitRequest } from '@dieu-hanh/shared/contracts';

export class UpdateUnitCommand extends Command<{ code: string }> {
  constructor(
    readonly code: string,
    readonly changes: UpdateUnitRequest,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
