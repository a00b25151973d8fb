import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type { RegisterUnitRequest } from '@dieu-hanh/shared/contracts';

export class RegisterUnitCommand extends Command<{ code: string }> {
  constructor(
    readonly data: RegisterUnitRequest,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
