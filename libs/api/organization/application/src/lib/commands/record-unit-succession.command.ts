import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type { RecordSuccessionRequest } from '@dieu-hanh/shared/contracts';

export class RecordUnitSuccessionCommand extends Command<{ predecessorCode: string; successorCode: string }> {
  constructor(
    readonly predecessorCode: string,
    readonly data: RecordSuccessionRequest,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
